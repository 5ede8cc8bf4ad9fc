/**
 * What the emulator's database service does on the wire, below the SDK: limits and bad
 * input a raw client could send, the canonical EJSON it answers with, transaction expiry
 * and the legacy transaction actions. These test the emulator itself (not run by test:cloud).
 */
import { errorCode, startWireSdk, type WireHarness } from './support/sdk';

let h: WireHarness;
beforeAll(async () => {
  h = await startWireSdk({ transactionTtlMs: 300 });
  await h.db.createCollection('items');
  await h.db.createCollection('acc');
});
afterAll(async () => h.stop());
beforeEach(async () => {
  await h.db.collection('items').where({}).remove();
  await h.db.collection('acc').where({}).remove();
  await h.db.collection('acc').add([{ _id: 'a', bal: 100 }, { _id: 'b', bal: 0 }]);
});

const balance = async (id: string): Promise<number | undefined> =>
  ((await h.db.collection('acc').doc(id).get()).data[0] as { bal?: number } | undefined)?.bal;

describe('collections', () => {
  it('a failed write to a missing collection does not create it; createCollection does', async () => {
    expect(await errorCode(h.db.collection('ghost').add({ a: 1 }))).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(h.server.service.listCollections()).not.toContain('ghost');
    await h.db.createCollection('fresh');
    expect(h.server.service.listCollections()).toContain('fresh');
  });
});

describe('limits and raw input', () => {
  it('clamps the limit whatever a client sends, and refuses a negative one', async () => {
    await h.db.collection('items').add(Array.from({ length: 1100 }, (_, i) => ({ i })));
    const raw = await h.server.service.handle({ action: 'database.getDocument', collectionName: 'items', limit: 5000 }, 'r');
    expect((raw.data as { list: unknown[] }).list.length).toBe(1000);
    const bad = await h.server.service.handle({ action: 'database.getDocument', collectionName: 'items', limit: -1 }, 'r');
    expect(bad.code).toBe('INVALID_PARAM');
  });

  it('rejects an update of _id from a raw client', async () => {
    await h.db.collection('items').add({ _id: 'keep' });
    const res = await h.server.service.handle(
      { action: 'database.modifyDocument', collectionName: 'items', query: '{"_id":"keep"}', data: '{"$set":{"_id":"other"}}', merge: true },
      'r',
    );
    expect(res.code).toBe('INVALID_PARAM');
  });

  it('answers unknown actions and bad EJSON with codes instead of throwing', async () => {
    expect((await h.server.service.handle({ action: 'database.nope' }, 'r')).code).toBe('ACTION_NOT_SUPPORTED');
    const bad = await h.server.service.handle({ action: 'database.getDocument', collectionName: 'items', query: '{oops' }, 'r7');
    expect(bad).toMatchObject({ code: 'INVALID_PARAM', requestId: 'r7' });
  });
});

describe('EJSON on the wire', () => {
  it('answers with canonical EJSON strings', async () => {
    await h.db.collection('items').add({ _id: 'ej', when: new Date('2024-03-01T08:30:00.123Z'), f: 1.5 });
    const raw = await h.server.service.handle({ action: 'database.getDocument', collectionName: 'items', query: '{"_id":"ej"}' }, 'r');
    const text = (raw.data as { list: string[] }).list[0];
    expect(text).toContain('"when":{"$date":{"$numberLong":"1709281800123"}}');
    expect(text).toContain('"f":{"$numberDouble":"1.5"}');
  });
});

describe('transactions', () => {
  it('an abandoned transaction expires, releases its locks, and cannot commit', async () => {
    const t1 = await h.db.startTransaction();
    await t1.collection('acc').doc('a').update({ bal: 7 });
    await new Promise((r) => setTimeout(r, 400));
    const t2 = await h.db.startTransaction();
    await t2.collection('acc').doc('a').update({ bal: 8 });
    await t2.commit();
    expect(await errorCode(t1.commit())).toBe('DATABASE_TRANSACTION_FAIL');
    expect(await balance('a')).toBe(8);
  });

  it('supports the legacy get/update/deleteDocInTransaction actions', async () => {
    const s = h.server.service;
    const start = await s.handle({ action: 'database.startTransaction' }, 'r');
    const transactionId = start.transactionId as string;
    expect(transactionId).toMatch(/^[0-9a-f]{32}$/);
    const upd = await s.handle(
      { action: 'database.updateDocInTransaction', collectionName: 'acc', transactionId, _id: 'a', data: '{"$set":{"bal":{"$numberInt":"3"}}}' },
      'r',
    );
    expect(upd.updated).toBe('1');
    const got = await s.handle({ action: 'database.getInTransaction', collectionName: 'acc', transactionId, _id: 'a' }, 'r');
    expect(JSON.parse(got.data as string)).toEqual({ _id: 'a', bal: { $numberInt: '3' } });
    const del = await s.handle({ action: 'database.deleteDocInTransaction', collectionName: 'acc', transactionId, _id: 'b' }, 'r');
    expect(del.deleted).toBe('1');
    await s.handle({ action: 'database.commitTransaction', transactionId }, 'r');
    expect(await balance('a')).toBe(3);
    expect(await balance('b')).toBeUndefined();
  });
});
