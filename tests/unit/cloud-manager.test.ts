/**
 * The manager-node adapter against a stand-in for the Tencent Cloud API on 127.0.0.1:
 * manager-node takes the tcb service's address from TCB_BASE_URL, so the real library signs
 * and sends its requests here. The stand-in keeps tables, indexes and permissions in memory
 * and records each Action with its parameters.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { COLLECTIONS, INDEXES } from '../../shared/db/collections';
import { managerAdmin, managerApp, reachEnvironment } from '../../scripts/cloud/manager';
import { desiredState, setupPlan } from '../../scripts/cloud/setup-plan';
import { applyPlan, readState } from '../../scripts/cloud/setup-runner';

const ENV = 'tongxin-test-1a2b';
const INSTANCE = 'tnt-test';
const BUCKET = '7463-tongxin-test-1a2b-1300000000';

type Params = Record<string, unknown>;
interface Call {
  action: string;
  params: Params;
  authorization: string;
}
interface Index {
  Name: string;
  Keys: Array<{ Name: string; Direction: string }>;
  Unique: boolean;
}

class FakeTcb {
  readonly calls: Call[] = [];
  readonly tables = new Map<string, { indexes: Index[]; acl: string }>();
  storageAcl = 'READONLY';

  handle(action: string, p: Params): Params {
    switch (action) {
      case 'DescribeEnvInfo':
        if (p.EnvId !== ENV) return this.error('ResourceNotFound', `env ${String(p.EnvId)} not found`);
        return { EnvInfo: { EnvBaseInfo: { EnvId: p.EnvId, Status: 'NORMAL', Databases: [{ InstanceId: INSTANCE }], Storages: [{ Bucket: BUCKET, Region: 'ap-shanghai' }], Functions: [{ Namespace: ENV }] } } };
      case 'ListTables': {
        const names = [...this.tables.keys()];
        const offset = Number(p.MgoOffset ?? 0);
        const limit = Number(p.MgoLimit ?? 100);
        const page = names.slice(offset, offset + limit).map((TableName) => ({ TableName, Count: 0, Size: 0, IndexCount: 1, IndexSize: 0 }));
        return { Tables: page.length ? page : null, Pager: { Offset: offset, Limit: limit, Total: names.length } };
      }
      case 'CreateTable':
        if (this.tables.has(String(p.TableName))) return this.error('ResourceInUse', 'table exists');
        this.tables.set(String(p.TableName), { indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }], acl: 'PRIVATE' });
        return {};
      case 'DescribeTable': {
        const table = this.tables.get(String(p.TableName));
        return table ? { Indexes: table.indexes, IndexNum: table.indexes.length } : this.error('ResourceNotFound', 'no table');
      }
      case 'UpdateTable': {
        const table = this.tables.get(String(p.TableName));
        if (!table) return this.error('ResourceNotFound', 'no table');
        for (const create of (p.CreateIndexes as Array<{ IndexName: string; MgoKeySchema: { MgoIndexKeys: Index['Keys']; MgoIsUnique: boolean } }>) ?? []) {
          table.indexes.push({ Name: create.IndexName, Keys: create.MgoKeySchema.MgoIndexKeys, Unique: create.MgoKeySchema.MgoIsUnique });
        }
        return {};
      }
      case 'DescribeDatabaseACL': {
        const table = this.tables.get(String(p.CollectionName));
        return table ? { AclTag: table.acl } : this.error('ResourceNotFound', 'no table');
      }
      case 'ModifyDatabaseACL': {
        const table = this.tables.get(String(p.CollectionName));
        if (!table) return this.error('ResourceNotFound', 'no table');
        table.acl = String(p.AclTag);
        return {};
      }
      case 'DescribeStorageSafeRule':
        return p.Bucket === BUCKET ? { AclTag: this.storageAcl } : this.error('ResourceNotFound', 'no bucket');
      case 'ModifyStorageSafeRule':
        if (p.Bucket !== BUCKET) return this.error('ResourceNotFound', 'no bucket');
        this.storageAcl = String(p.AclTag);
        return {};
      default:
        return this.error('InvalidAction', `${action} is not known here`);
    }
  }

  private error(Code: string, Message: string): Params {
    return { Error: { Code, Message } };
  }
}

const bodyOf = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => resolve(text));
  });

describe('manager-node adapter against a local tcb API', () => {
  let server: Server;
  let fake: FakeTcb;
  const saved = { base: process.env.TCB_BASE_URL, proxy: process.env.http_proxy };

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const params = JSON.parse((await bodyOf(req)) || '{}') as Params;
      const action = String(req.headers['x-tc-action']);
      fake.calls.push({ action, params, authorization: String(req.headers.authorization) });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ Response: { ...fake.handle(action, params), RequestId: `req-${fake.calls.length}` } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.TCB_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    delete process.env.http_proxy; // manager-node would tunnel through it
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (saved.base === undefined) delete process.env.TCB_BASE_URL;
    else process.env.TCB_BASE_URL = saved.base;
    if (saved.proxy !== undefined) process.env.http_proxy = saved.proxy;
  });

  beforeEach(() => {
    fake = new FakeTcb();
  });

  const admin = () => managerAdmin(managerApp({ envId: ENV, secretId: 'AKIDtest0000000000', secretKey: 'test-key' }), ENV);
  const actions = (prefix?: RegExp) => fake.calls.map((c) => c.action).filter((a) => !prefix || prefix.test(a));
  const writes = /^(Create|Update|Modify)/;

  it('sets up an empty environment with the right actions and parameters, and a second run only reads', async () => {
    const desired = desiredState();
    const cloud = admin();
    await applyPlan(cloud, setupPlan(desired, await readState(cloud, desired)), () => undefined);

    const collections = Object.values(COLLECTIONS);
    expect(actions(writes)).toEqual([
      ...collections.map(() => 'CreateTable'),
      ...INDEXES.map(() => 'UpdateTable'),
      ...collections.map(() => 'ModifyDatabaseACL'),
      'ModifyStorageSafeRule',
    ]);
    const mongo = { DatabaseName: INSTANCE, InstanceId: 'flexdb' };
    expect(fake.calls.find((c) => c.action === 'CreateTable')?.params).toEqual({ EnvId: ENV, MongoConnector: mongo, TableName: collections[0] });
    const auditIndex = fake.calls.find((c) => c.action === 'UpdateTable' && c.params.TableName === 'audit_log');
    expect(auditIndex?.params).toEqual({
      EnvId: ENV,
      MongoConnector: mongo,
      TableName: 'audit_log',
      CreateIndexes: [{ IndexName: 'byBranchTime', MgoKeySchema: { MgoIndexKeys: [{ Name: 'branchId', Direction: '1' }, { Name: 'at', Direction: '-1' }], MgoIsUnique: false } }],
    });
    expect(fake.calls.find((c) => c.action === 'ModifyDatabaseACL')?.params).toEqual({ EnvId: ENV, CollectionName: collections[0], AclTag: 'ADMINONLY' });
    expect(fake.calls.find((c) => c.action === 'ModifyStorageSafeRule')?.params).toEqual({ EnvId: ENV, Bucket: BUCKET, AclTag: 'PRIVATE' });
    expect(fake.calls.every((c) => c.authorization.startsWith('TC3-HMAC-SHA256 Credential=AKIDtest0000000000/'))).toBe(true);

    fake.calls.length = 0;
    const second = setupPlan(desired, await readState(admin(), desired));
    expect(second.actions).toEqual([]);
    expect(second.conflicts).toEqual([]);
    expect(actions(writes)).toEqual([]);
    expect(new Set(actions())).toEqual(new Set(['DescribeEnvInfo', 'ListTables', 'DescribeTable', 'DescribeDatabaseACL', 'DescribeStorageSafeRule']));
  });

  it('reads indexes with their directions and uniqueness, and the ACLs as reported', async () => {
    fake.tables.set('members', {
      indexes: [{ Name: 'byOpenid', Keys: [{ Name: 'openid', Direction: '-1' }], Unique: true }],
      acl: 'READONLY',
    });
    const cloud = admin();
    expect(await cloud.listIndexes('members')).toEqual([{ name: 'byOpenid', keys: [{ field: 'openid', direction: '-1' }], unique: true }]);
    expect(await cloud.getDatabaseAcl('members')).toBe('READONLY');
    expect(await cloud.getStorageAcl()).toBe('READONLY');
    const plan = setupPlan(desiredState(), await readState(cloud, desiredState()));
    expect(plan.conflicts.map((c) => `${c.index.collection}.${c.index.name}`)).toEqual(['members.byOpenid']);
  });

  it('pages through ListTables', async () => {
    for (let i = 0; i < 130; i += 1) fake.tables.set(`other_${i}`, { indexes: [], acl: 'PRIVATE' });
    expect(await admin().listCollections()).toHaveLength(130);
    expect(fake.calls.filter((c) => c.action === 'ListTables').map((c) => c.params.MgoOffset)).toEqual([0, 100]);
  });

  it('reaches the environment for the deploy preflight, and fails with the API error for another', async () => {
    await expect(reachEnvironment(managerApp({ envId: ENV, secretId: 'AKIDtest0000000000', secretKey: 'k' }))).resolves.toBeUndefined();
    await expect(reachEnvironment(managerApp({ envId: 'not-mine', secretId: 'AKIDtest0000000000', secretKey: 'k' }))).rejects.toMatchObject({ code: 'ResourceNotFound' });
    expect(fake.calls.map((c) => [c.action, c.params.EnvId])).toEqual([
      ['DescribeEnvInfo', ENV],
      ['DescribeEnvInfo', 'not-mine'],
    ]);
  });

  it('surfaces an API error with its code', async () => {
    await expect(admin().setDatabaseAcl('nowhere', 'ADMINONLY')).rejects.toMatchObject({ code: 'ResourceNotFound' });
  });
});
