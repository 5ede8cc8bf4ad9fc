/**
 * Storage concerns: durability across restarts, index pushdown and the unindexed-scan
 * warning, export/import/reset, and wx-server-sdk (bundling node-sdk 3.17) on the same wire.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { DatabaseService } from '../../emulator/database';
import type { IndexDeclaration } from '../../shared/db/collections';
import { startDbServer } from './support/dbServer';
import { markScfRuntime, startWireSdk } from './support/sdk';

const INDEXES: IndexDeclaration[] = [
  { collection: 'members', name: 'byBranch', fields: [{ field: 'branchId', direction: 1 }, { field: 'name', direction: 1 }] },
  { collection: 'members', name: 'byTags', fields: [{ field: 'tags', direction: 1 }] },
  { collection: 'members', name: 'byJoined', fields: [{ field: 'joined', direction: -1 }] },
  { collection: 'members', name: 'byAddr', fields: [{ field: 'addr.city', direction: 1 }] },
];

const call = (s: DatabaseService, body: Record<string, unknown>) => s.handle(body, 'r');
const ids = (reply: Record<string, unknown>): string[] =>
  ((reply.data as { list: string[] }).list.map((t) => (JSON.parse(t) as { _id: string })._id));

describe('durability', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tongxin-db-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every committed write across a restart on the same file, and drops uncommitted ones', async () => {
    markScfRuntime();
    const file = join(dir, 'db.sqlite');
    const server = await startDbServer({ file, indexes: INDEXES });
    const db = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y', serviceUrl: server.url }).database();
    await db.createCollection('members');
    await db.collection('members').add([{ _id: 'm1', branchId: 'b1', joined: new Date('2024-05-01T00:00:00Z') }, { _id: 'm2', branchId: 'b2' }]);
    await db.collection('members').doc('m2').update({ branchId: 'b1', n: db.command.inc(1) });
    await db.collection('members').doc('m1').remove();
    const t = await db.startTransaction();
    await t.collection('members').doc('m2').update({ committed: true });
    await t.commit();
    const open = await db.startTransaction();
    await open.collection('members').add({ _id: 'uncommitted' });
    await server.stop(); // closes the service with the transaction still open

    const again = new DatabaseService({ file, indexes: INDEXES });
    try {
      expect(again.listCollections()).toEqual(['members']);
      const reply = await call(again, { action: 'database.getDocument', collectionName: 'members', query: '{"branchId":"b1"}' });
      expect(ids(reply)).toEqual(['m2']);
      expect(again.exportState()).toEqual({ members: [{ _id: 'm2', branchId: 'b1', n: { $numberInt: '1' }, committed: true }] });
    } finally {
      again.close();
    }
  });
});

describe('indexes and the scan warning', () => {
  const logs: string[] = [];
  let s: DatabaseService;
  beforeAll(async () => {
    s = new DatabaseService({ file: ':memory:', indexes: INDEXES, scanWarningThreshold: 20, log: (m) => logs.push(m) });
    await call(s, { action: 'database.addCollection', collectionName: 'members' });
    const docs = Array.from({ length: 50 }, (_, i) =>
      JSON.stringify({
        _id: `m${i}`,
        branchId: `b${i % 5}`,
        name: `n${i}`,
        tags: i % 2 ? ['odd', `t${i}`] : [`t${i}`],
        joined: { $date: { $numberLong: String(Date.UTC(2024, 0, 1) + i * 86_400_000) } },
        addr: { city: i < 10 ? 'Beijing' : 'Shanghai' },
        mixed: i % 3 === 0 ? String(i) : i,
      }),
    );
    docs.push(JSON.stringify({ _id: 'str-branch', branchId: 7 }));
    await call(s, { action: 'database.insertDocument', collectionName: 'members', data: docs });
  });
  afterAll(() => s.close());
  beforeEach(() => {
    logs.length = 0;
  });

  const get = (query: unknown, extra: Record<string, unknown> = {}) =>
    call(s, { action: 'database.getDocument', collectionName: 'members', query: JSON.stringify(query), limit: 1000, ...extra });

  it('answers equality, $in and range filters on indexed fields exactly, without a scan warning', async () => {
    expect(ids(await get({ branchId: 'b3' }))).toEqual(['m3', 'm8', 'm13', 'm18', 'm23', 'm28', 'm33', 'm38', 'm43', 'm48']);
    expect(ids(await get({ branchId: { $in: ['b0', 'b1'] }, name: { $lt: 'n2' } }))).toEqual(['m0', 'm1', 'm10', 'm11', 'm15', 'm16']);
    expect(ids(await get({ branchId: { $numberInt: '7' } }))).toEqual(['str-branch']);
    expect(ids(await get({ tags: 'odd', branchId: 'b1' }))).toEqual(['m1', 'm11', 'm21', 'm31', 'm41']); // multikey
    const from = { $date: { $numberLong: String(Date.UTC(2024, 0, 1) + 47 * 86_400_000) } };
    expect(ids(await get({ joined: { $gte: from } }))).toEqual(['m47', 'm48', 'm49']);
    expect(ids(await get({ 'addr.city': 'Beijing', branchId: 'b0' }))).toEqual(['m0', 'm5']);
    expect(ids(await get({ _id: { $in: ['m4', 'nope', 'm2'] } }))).toEqual(['m2', 'm4']);
    expect((await call(s, { action: 'database.calculateDocument', collectionName: 'members', query: '{"branchId":"b2"}' })).data).toEqual({ total: 10 });
    expect(logs).toEqual([]);
  });

  it('keeps index keys in step with updates and deletes', async () => {
    await call(s, { action: 'database.modifyDocument', collectionName: 'members', query: '{"_id":"m0"}', data: '{"$set":{"branchId":"moved"}}', merge: true });
    expect(ids(await get({ branchId: 'moved' }))).toEqual(['m0']);
    expect(ids(await get({ branchId: 'b0' }))).not.toContain('m0');
    await call(s, { action: 'database.removeDocument', collectionName: 'members', query: '{"_id":"m0"}' });
    expect(ids(await get({ branchId: 'moved' }))).toEqual([]);
  });

  it('warns when a query no index serves scans more than the threshold', async () => {
    expect(ids(await get({ name: 'n7' }))).toEqual(['m7']); // 2nd field of a compound index: not usable alone
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/unindexed query on "members" scanned 5\d documents/);
    await get({ $or: [{ branchId: 'b1' }, { branchId: 'b2' }] });
    expect(logs).toHaveLength(2);
    await call(s, { action: 'database.aggregateDocuments', collectionName: 'members', stages: [{ stageKey: '$match', stageValue: '{"branchId":"b1"}' }] });
    expect(logs).toHaveLength(2); // a leading $match uses the index
  });

  it('does not report an empty filter (natural order, stops at the limit)', async () => {
    expect(ids(await get({}, { limit: 3 }))).toHaveLength(3);
    expect(logs).toEqual([]);
  });

  it('does not warn below the threshold', async () => {
    const quiet: string[] = [];
    const small = new DatabaseService({ file: ':memory:', indexes: [], scanWarningThreshold: 100, log: (m) => quiet.push(m) });
    await call(small, { action: 'database.addCollection', collectionName: 'c' });
    await call(small, { action: 'database.insertDocument', collectionName: 'c', data: ['{"a":1}', '{"a":2}'] });
    expect(ids(await call(small, { action: 'database.getDocument', collectionName: 'c', query: '{"a":2}' }))).toHaveLength(1);
    expect(quiet).toEqual([]);
    small.close();
  });
});

describe('unique indexes', () => {
  it('rejects a second document with the same key, on insert, update and commit', async () => {
    const s = new DatabaseService({
      file: ':memory:',
      indexes: [{ collection: 'invites', name: 'byCode', fields: [{ field: 'code', direction: 1 }], unique: true }],
    });
    await call(s, { action: 'database.addCollection', collectionName: 'invites' });
    const insert = (doc: object) => call(s, { action: 'database.insertDocument', collectionName: 'invites', data: [JSON.stringify(doc)] });
    expect((await insert({ _id: 'i1', code: 'A' })).code).toBeUndefined();
    expect((await insert({ _id: 'i2', code: 'A' })).code).toBe('DATABASE_DUPLICATE_WRITE');
    expect((await insert({ _id: 'i2', code: 'B' })).code).toBeUndefined();
    const upd = await call(s, { action: 'database.modifyDocument', collectionName: 'invites', query: '{"_id":"i2"}', data: '{"$set":{"code":"A"}}', merge: true });
    expect(upd.code).toBe('DATABASE_DUPLICATE_WRITE');
    const { transactionId } = await call(s, { action: 'database.startTransaction' });
    await call(s, { action: 'database.insertDocument', collectionName: 'invites', transactionId, data: ['{"_id":"i3","code":"B"}'] });
    expect((await call(s, { action: 'database.commitTransaction', transactionId })).code).toBe('DATABASE_DUPLICATE_WRITE');
    expect(s.exportState().invites).toEqual([{ _id: 'i1', code: 'A' }, { _id: 'i2', code: 'B' }]);
    s.close();
  });
});

describe('export, import, reset', () => {
  it('round-trips state as canonical EJSON and replaces everything on import', async () => {
    const s = new DatabaseService({ file: ':memory:', indexes: INDEXES });
    s.importState({
      members: [{ _id: 'a', branchId: 'b1', at: { $date: { $numberLong: '1000' } }, n: { $numberInt: '2' } }],
      empty: [],
    });
    expect(s.listCollections()).toEqual(['empty', 'members']);
    const state = s.exportState();
    expect(state).toEqual({ empty: [], members: [{ _id: 'a', branchId: 'b1', at: { $date: { $numberLong: '1000' } }, n: { $numberInt: '2' } }] });
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(ids(await call(s, { action: 'database.getDocument', collectionName: 'members', query: '{"branchId":"b1"}' }))).toEqual(['a']);
    s.importState({ other: [{ _id: 'x' }] });
    expect(s.listCollections()).toEqual(['other']);
    s.reset();
    expect(s.listCollections()).toEqual([]);
    expect(s.exportState()).toEqual({});
    s.close();
  });
});

describe('wx-server-sdk', () => {
  it('reads and writes through cloud.database() pointed at the service', async () => {
    const h = await startWireSdk();
    try {
      await h.db.createCollection('notes');
      process.env.TENCENTCLOUD_SECRETID = 'x';
      process.env.TENCENTCLOUD_SECRETKEY = 'y';
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const cloud = require('wx-server-sdk') as {
        init(config: Record<string, unknown>): void;
        database(): any;
      };
      cloud.init({ env: 'local', serviceUrl: h.server.url });
      const db = cloud.database();
      const added = await db.collection('notes').add({ data: { text: 'hi', at: db.serverDate() } });
      expect(typeof added._id).toBe('string');
      const got = await db.collection('notes').doc(added._id).get();
      expect(got.data).toMatchObject({ _id: added._id, text: 'hi' });
      expect(got.data.at).toBeInstanceOf(Date);
      const upd = await db.collection('notes').where({ text: 'hi' }).update({ data: { n: db.command.inc(2) } });
      expect(upd.stats.updated).toBe(1);
      const listed = await db.collection('notes').where({ n: db.command.gte(2) }).get();
      expect(listed.data).toHaveLength(1);
      await expect(db.collection('missing').get()).rejects.toMatchObject({ errCode: expect.anything() });
    } finally {
      await h.server.stop();
    }
  });
});
