/** The database service behind the full emulator origin (controller routing), via the real SDK. */
import tcb from '@cloudbase/node-sdk';
import { startEmulator } from '../../emulator';
import { errorCode, markScfRuntime } from './support/sdk';

it('serves database actions at the emulator /admin endpoint', async () => {
  markScfRuntime();
  const emulator = await startEmulator({ port: 0, dataDir: ':memory:', log: () => undefined });
  try {
    const db = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y', serviceUrl: emulator.adminUrl }).database();
    const name = `smoke_${Date.now()}`;
    await db.createCollection(name);
    const { id } = await db.collection(name).add({ v: 1, at: db.serverDate() });
    expect((await db.collection(name).doc(id as string).get()).data[0]).toMatchObject({ _id: id, v: 1 });
    expect(await errorCode(db.collection('no_such_collection').get())).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(emulator.database.listCollections()).toContain(name);
  } finally {
    await emulator.stop();
  }
});
