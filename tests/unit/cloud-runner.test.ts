/** The set-up runner through an in-memory CloudAdmin, the deploy step runner and check, and the target and argument readers. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndexDeclaration } from '../../shared/db/collections';
import { parseArgs } from '../../scripts/cloud/args';
import type { AclTag, CloudAdmin, ExistingIndex } from '../../scripts/cloud/cloud-admin';
import { credentialEnv, mask, MissingTargetError, readTarget, requireTarget } from '../../scripts/cloud/credentials';
import type { CommandStep, DeployStep } from '../../scripts/cloud/deploy-plan';
import { loadEnv, parseEnvFile } from '../../scripts/cloud/env-file';
import type { RcFunction } from '../../scripts/cloud/rc';
import { runSteps, StepFailedError } from '../../scripts/cloud/run-steps';
import { desiredState, setupPlan } from '../../scripts/cloud/setup-plan';
import { applyPlan, readState, SetupConflictError } from '../../scripts/cloud/setup-runner';
import { deployProblems, verifyFunctions, type DeployedFunction } from '../../scripts/cloud/verify-functions';

/** An environment in memory that, like CloudBase, refuses an index on a missing collection or a taken index name. */
class MemoryAdmin implements CloudAdmin {
  readonly calls: string[] = [];
  readonly tables = new Map<string, { indexes: ExistingIndex[]; acl: string }>();
  storage = 'READONLY';

  async listCollections() {
    return [...this.tables.keys()];
  }
  async listIndexes(collection: string) {
    return this.table(collection).indexes;
  }
  async createCollection(collection: string) {
    this.calls.push(`createCollection ${collection}`);
    if (this.tables.has(collection)) throw new Error(`${collection} exists`);
    // New collections start with the _id index and the console's default permission.
    this.tables.set(collection, { indexes: [{ name: '_id_', keys: [{ field: '_id', direction: '1' }], unique: true }], acl: 'PRIVATE' });
  }
  async createIndex(index: IndexDeclaration) {
    this.calls.push(`createIndex ${index.collection}.${index.name}`);
    const table = this.table(index.collection);
    if (table.indexes.some((i) => i.name === index.name)) throw new Error(`${index.name} exists`);
    table.indexes.push({ name: index.name, keys: index.fields.map((f) => ({ field: f.field, direction: String(f.direction) })), unique: Boolean(index.unique) });
  }
  async getDatabaseAcl(collection: string) {
    return this.table(collection).acl;
  }
  async setDatabaseAcl(collection: string, acl: AclTag) {
    this.calls.push(`setDatabaseAcl ${collection} ${acl}`);
    this.table(collection).acl = acl;
  }
  async getStorageAcl() {
    return this.storage;
  }
  async setStorageAcl(acl: AclTag) {
    this.calls.push(`setStorageAcl ${acl}`);
    this.storage = acl;
  }
  private table(collection: string) {
    const table = this.tables.get(collection);
    if (!table) throw new Error(`DATABASE_COLLECTION_NOT_EXIST ${collection}`);
    return table;
  }
}

const quiet = () => undefined;

describe('set-up runner', () => {
  const desired = desiredState();

  it('sets up an empty environment, and a second run changes nothing', async () => {
    const admin = new MemoryAdmin();
    const first = setupPlan(desired, await readState(admin, desired));
    expect(await applyPlan(admin, first, quiet)).toBe(first.actions.length);
    expect(admin.calls.filter((c) => c.startsWith('createCollection'))).toHaveLength(desired.collections.length);
    expect(admin.calls.filter((c) => c.startsWith('createIndex'))).toHaveLength(desired.indexes.length);
    expect(admin.storage).toBe('PRIVATE');
    expect([...admin.tables.values()].every((t) => t.acl === 'ADMINONLY')).toBe(true);

    admin.calls.length = 0;
    const second = setupPlan(desired, await readState(admin, desired));
    expect(second.actions).toEqual([]);
    expect(second.conflicts).toEqual([]);
    expect(await applyPlan(admin, second, quiet)).toBe(0);
    expect(admin.calls).toEqual([]);
  });

  it('completes a partly set-up environment without touching what is there', async () => {
    const admin = new MemoryAdmin();
    await admin.createCollection('members');
    await admin.createIndex(desired.indexes.find((i) => i.collection === 'members' && i.name === 'byOpenid') as IndexDeclaration);
    await admin.setDatabaseAcl('members', 'ADMINONLY');
    admin.calls.length = 0;
    await applyPlan(admin, setupPlan(desired, await readState(admin, desired)), quiet);
    expect(admin.calls).not.toContain('createCollection members');
    expect(admin.calls).not.toContain('createIndex members.byOpenid');
    expect(admin.calls).toContain('createIndex members.byBranch');
    expect(admin.calls).not.toContain('setDatabaseAcl members ADMINONLY');
  });

  it('reads only the collections it manages', async () => {
    const admin = new MemoryAdmin();
    await admin.createCollection('someone_elses');
    const state = await readState(admin, desired);
    expect(state.collections.has('someone_elses')).toBe(false);
    expect(state.storageAcl).toBe('READONLY');
  });

  it('refuses a plan with a conflict before changing anything', async () => {
    const admin = new MemoryAdmin();
    await admin.createCollection('groups');
    admin.tables.get('groups')?.indexes.push({ name: 'byBranch', keys: [{ field: 'branch', direction: '1' }], unique: false });
    admin.calls.length = 0;
    const plan = setupPlan(desired, await readState(admin, desired));
    expect(plan.conflicts).toHaveLength(1);
    await expect(applyPlan(admin, plan, quiet)).rejects.toThrow(SetupConflictError);
    expect(admin.calls).toEqual([]);
  });
});

const fn = (name: string, extra: Partial<RcFunction> = {}): RcFunction => ({ name, timeout: 10, runtime: 'Nodejs16.13', handler: 'index.main', memorySize: 256, ...extra });

describe('deploy step runner', () => {
  const steps: DeployStep[] = [
    { kind: 'preflight', description: 'check the key' },
    { kind: 'command', description: 'build the function bundles', command: 'npm', args: ['run', 'build:functions'] },
    { kind: 'command', description: 'deploy function org', command: 'tcb', args: ['fn', 'deploy', 'org'] },
    { kind: 'command', description: 'deploy function points', command: 'tcb', args: ['fn', 'deploy', 'points'] },
    { kind: 'verify', description: 'check the functions', functions: [fn('org'), fn('points')] },
  ];

  it('runs every step in order', async () => {
    const ran: string[] = [];
    await runSteps(
      steps,
      { preflight: async (s) => void ran.push(s.description), command: async (s) => (ran.push(s.description), 0), verify: async (s) => (ran.push(s.description), []) },
      quiet,
    );
    expect(ran).toEqual(steps.map((s) => s.description));
  });

  it('stops at the first failure, naming the step', async () => {
    const ran: string[] = [];
    const handlers = { preflight: async () => undefined, command: async (s: CommandStep) => (ran.push(s.description), s.args.includes('org') ? 2 : 0), verify: async () => [] };
    await expect(runSteps(steps, handlers, quiet)).rejects.toThrow(StepFailedError);
    expect(ran).toEqual(['build the function bundles', 'deploy function org']);
    await expect(runSteps(steps, handlers, quiet)).rejects.toThrow('deploy stopped at step 3/5 (deploy function org): tcb exited with 2');
  });

  it('turns a thrown error (the network, the API) into the failure of its step, on one line, before anything runs', async () => {
    const wrapped = Object.assign(new Error(), { message: new Error('FetchError: request to https://tcb.tencentcloudapi.com/ failed\n    at stack') });
    const ran: string[] = [];
    const run = runSteps(steps, { preflight: () => Promise.reject(wrapped), command: async (s) => (ran.push(s.description), 0), verify: async () => [] }, quiet);
    await expect(run).rejects.toThrow('deploy stopped at step 1/5 (check the key): Error: FetchError: request to https://tcb.tencentcloudapi.com/ failed');
    expect(ran).toEqual([]);
  });

  it('fails on the problems the check finds even when every command exited 0', async () => {
    const run = runSteps(steps, { preflight: async () => undefined, command: async () => 0, verify: async () => ['points: status UpdateFailed'] }, quiet);
    await expect(run).rejects.toThrow(/step 5\/5 \(check the functions\):\s+points: status UpdateFailed/);
  });
});

describe('deploy check', () => {
  const studyPush = fn('studyPush', { triggers: [{ name: 'dispatch', type: 'timer', config: '0 * * * * * *' }], envVariables: { TONGXIN_TPL_TASK: '{{env.TONGXIN_TPL_TASK}}' } });
  const good: DeployedFunction = { status: 'Active', statusDesc: '', triggerNames: ['dispatch'], envKeys: ['TONGXIN_TPL_TASK'] };

  it('wants the function Active with its timer triggers and environment variables', () => {
    expect(deployProblems(studyPush, good)).toEqual([]);
    expect(deployProblems(studyPush, null)).toEqual(['studyPush: not found in the environment']);
    expect(deployProblems(studyPush, { status: 'UpdateFailed', statusDesc: 'install failed', triggerNames: [], envKeys: [] })).toEqual([
      'studyPush: status UpdateFailed (install failed)',
      'studyPush: timer trigger dispatch is missing',
      'studyPush: environment variable TONGXIN_TPL_TASK is missing',
    ]);
  });

  it('waits while a function is still Updating', async () => {
    const statuses = ['Updating', 'Updating', 'Active'];
    const waits: number[] = [];
    const reader = { read: async () => ({ ...good, status: statuses.shift() ?? 'Active' }) };
    const problems = await verifyFunctions(reader, [studyPush], { attempts: 5, intervalMs: 7, wait: async (ms) => void waits.push(ms) });
    expect(problems).toEqual([]);
    expect(waits).toEqual([7, 7]);
  });

  it('gives up after the last attempt and reports the status', async () => {
    const reader = { read: async () => ({ ...good, status: 'Creating' }) };
    expect(await verifyFunctions(reader, [studyPush], { attempts: 3, intervalMs: 1, wait: async () => undefined })).toEqual(['studyPush: status Creating']);
  });
});

describe('target and .env', () => {
  it('names every missing variable in one error, and needs none of the optional ones', () => {
    expect(readTarget({})).toEqual({ target: null, missing: ['TONGXIN_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'] });
    expect(() => requireTarget({ TONGXIN_ENV_ID: 'env-1', TENCENTCLOUD_SECRETID: ' ' })).toThrow(MissingTargetError);
    expect(() => requireTarget({ TONGXIN_ENV_ID: 'env-1' })).toThrow(/^missing TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY: /);
    const target = requireTarget({ TONGXIN_ENV_ID: 'env-1', TENCENTCLOUD_SECRETID: 'AKIDxxxxxxxxxxxxxx', TENCENTCLOUD_SECRETKEY: 'k' });
    expect(target).toEqual({ envId: 'env-1', secretId: 'AKIDxxxxxxxxxxxxxx', secretKey: 'k', sessionToken: undefined, region: undefined });
    expect(credentialEnv({ ...target, sessionToken: 't' })).toEqual({ TENCENTCLOUD_SECRETID: 'AKIDxxxxxxxxxxxxxx', TENCENTCLOUD_SECRETKEY: 'k', TENCENTCLOUD_SESSIONTOKEN: 't' });
  });

  it('masks: a short secret entirely, an id to its prefix', () => {
    expect(mask('AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE', 4)).toBe('AKID****');
    expect(mask('AKID1234', 4)).toBe('****');
    expect(mask('Gu5t9xGARNpq86cd98joQYCN3EXAMPLE')).toBe('****');
  });

  it('parses KEY=VALUE lines with comments, export and quotes', () => {
    const text = ['# deploy target', 'export TONGXIN_ENV_ID=tongxin-1a2b', "TENCENTCLOUD_SECRETKEY='a b#c'", 'TONGXIN_TPL_TASK = "tpl-1" ', 'TONGXIN_REGION=ap-guangzhou # comment', 'not a line', ''].join('\n');
    expect(parseEnvFile(text)).toEqual({ TONGXIN_ENV_ID: 'tongxin-1a2b', TENCENTCLOUD_SECRETKEY: 'a b#c', TONGXIN_TPL_TASK: 'tpl-1', TONGXIN_REGION: 'ap-guangzhou' });
  });

  it('reads the file TONGXIN_ENV_FILE names (none when empty); the real environment wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongxin-env-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'TONGXIN_ENV_ID=from-file\nTONGXIN_TPL_TASK=tpl-file\n');
    expect(loadEnv({ TONGXIN_ENV_FILE: file, TONGXIN_ENV_ID: 'from-env' })).toMatchObject({ TONGXIN_ENV_ID: 'from-env', TONGXIN_TPL_TASK: 'tpl-file' });
    expect(loadEnv({ TONGXIN_ENV_FILE: '' })).toEqual({ TONGXIN_ENV_FILE: '' });
    expect(loadEnv({ TONGXIN_ENV_FILE: join(dir, 'missing') }).TONGXIN_ENV_ID).toBeUndefined();
  });
});

describe('arguments', () => {
  const spec = { flags: ['dry-run', 'skip-build'], values: ['only'] };

  it('takes flags and --name value or --name=value', () => {
    const parsed = parseArgs(['--dry-run', '--only', 'org,points', '--skip-build'], spec);
    expect([...parsed.flags].sort()).toEqual(['dry-run', 'skip-build']);
    expect(parsed.values.get('only')).toBe('org,points');
    expect(parseArgs(['--only=task'], spec).values.get('only')).toBe('task');
  });

  it('refuses unknown arguments and a missing value', () => {
    expect(() => parseArgs(['--dryrun'], spec)).toThrow('unknown argument --dryrun (known: --dry-run, --skip-build, --only)');
    expect(() => parseArgs(['org'], spec)).toThrow(/unknown argument org/);
    expect(() => parseArgs(['--only'], spec)).toThrow('--only needs a value');
    expect(() => parseArgs(['--only', '--dry-run'], spec)).toThrow('--only needs a value');
  });
});
