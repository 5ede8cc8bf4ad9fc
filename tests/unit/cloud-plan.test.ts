/** The deploy and set-up plans: pure functions of the options, cloudbaserc.json, the index file and the environment's state. */
import { functionNames } from '../../emulator/functions/build';
import { COLLECTIONS, INDEXES, type IndexDeclaration } from '../../shared/db/collections';
import type { ExistingIndex } from '../../scripts/cloud/cloud-admin';
import { describeTarget, type CloudTarget } from '../../scripts/cloud/credentials';
import { deployPlan, formatDeployPlan, parseOnly, placeholdersOf, UnknownFunctionError, type CommandStep, type DeployStep } from '../../scripts/cloud/deploy-plan';
import { readRc } from '../../scripts/cloud/rc';
import {
  ACL_POLICY,
  desiredState,
  emptyState,
  formatSetupPlan,
  setupPlan,
  type ExistingCollection,
  type ExistingState,
  type SetupAction,
} from '../../scripts/cloud/setup-plan';

const rc = readRc();
const ENV = 'tongxin-prod-1a2b';
const commands = (steps: DeployStep[]) => steps.filter((s): s is CommandStep => s.kind === 'command');
const deployed = (steps: DeployStep[]) => commands(steps).filter((s) => s.command === 'tcb').map((s) => s.args[s.args.indexOf('deploy') + 1]);

describe('deploy plan', () => {
  it('checks the key, builds, deploys every function of cloudbaserc.json to the env with --force --yes, then checks them', () => {
    const steps = deployPlan({ envId: ENV }, rc);
    expect(steps[0]).toEqual({ kind: 'preflight', description: `check that the key reaches environment ${ENV}` });
    expect(steps[1]).toMatchObject({ kind: 'command', command: 'npm', args: ['run', '--silent', 'build:functions'] });
    expect(deployed(steps)).toEqual(rc.functions.map((f) => f.name));
    expect([...deployed(steps)].sort()).toEqual(functionNames());
    for (const step of commands(steps).filter((s) => s.command === 'tcb')) {
      expect(step.args).toEqual(['fn', 'deploy', expect.any(String), '-e', ENV, '--force', '--yes']);
      expect(step.description).toMatch(/^deploy function \w+/);
      expect(step.description).not.toMatch(/[\u4e00-\u9fff]/);
    }
    const last = steps[steps.length - 1];
    expect(last.kind).toBe('verify');
    expect(last.kind === 'verify' && last.functions.map((f) => f.name)).toEqual(rc.functions.map((f) => f.name));
  });

  it('lets tcb create the timer triggers with the function (no separate trigger step) and names them in the step', () => {
    const steps = deployPlan({ envId: ENV }, rc);
    expect(commands(steps).some((s) => s.args.includes('trigger'))).toBe(false);
    for (const fn of rc.functions.filter((f) => f.triggers?.length)) {
      const step = commands(steps).find((s) => s.args.includes(fn.name));
      for (const trigger of fn.triggers ?? []) expect(step?.description).toContain(`timer trigger ${trigger.name} "${trigger.config}"`);
    }
  });

  it('--skip-build drops only the build step; a region goes before the sub-command', () => {
    const all = deployPlan({ envId: ENV }, rc);
    const skipped = deployPlan({ envId: ENV, skipBuild: true }, rc);
    expect(skipped).toEqual([all[0], ...all.slice(2)]);
    expect(commands(skipped).some((s) => s.command === 'npm')).toBe(false);
    const regional = deployPlan({ envId: ENV, region: 'ap-guangzhou', skipBuild: true }, rc);
    expect(commands(regional)[0].args.slice(0, 4)).toEqual(['--region', 'ap-guangzhou', 'fn', 'deploy']);
  });

  it('--only deploys and checks just the named functions, in cloudbaserc order', () => {
    const steps = deployPlan({ envId: ENV, only: parseOnly(' points, org ,points') }, rc);
    expect(deployed(steps)).toEqual(['org', 'points']);
    const verify = steps[steps.length - 1];
    expect(verify.kind === 'verify' && verify.functions.map((f) => f.name)).toEqual(['org', 'points']);
    expect(verify.description).toMatch(/the 2 functions/);
  });

  it('--only refuses unknown names, naming them and the known ones', () => {
    expect(() => deployPlan({ envId: ENV, only: ['org', 'orgs', 'nope'] }, rc)).toThrow(UnknownFunctionError);
    expect(() => deployPlan({ envId: ENV, only: ['orgs'] }, rc)).toThrow(/no such function: orgs \(cloudbaserc.json has .*\borg\b.*\bpoints\b/);
    expect(() => parseOnly(' , ')).toThrow(/at least one function name/);
  });

  it('prints the plan with the key masked: no secret appears, and none is ever an argument', () => {
    const target: CloudTarget = { envId: ENV, secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE', secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE', sessionToken: 'tmp-token-1234567890' };
    const steps = deployPlan({ envId: target.envId }, rc);
    const printed = formatDeployPlan(steps, [describeTarget(target)]);
    for (const secret of [target.secretId, target.secretKey, target.sessionToken as string]) {
      expect(printed).not.toContain(secret);
      expect(JSON.stringify(steps)).not.toContain(secret);
    }
    expect(printed).toContain('TENCENTCLOUD_SECRETID=AKID****');
    expect(printed).toContain('TENCENTCLOUD_SECRETKEY=****');
    expect(printed).toContain(`$ tcb fn deploy org -e ${ENV} --force --yes`);
  });

  it('collects the {{env.X}} variables the selected functions need', () => {
    expect(placeholdersOf(deployPlan({ envId: ENV, only: ['points'] }, rc))).toEqual([]);
    expect(placeholdersOf(deployPlan({ envId: ENV, only: ['org'] }, rc))).toEqual(['TONGXIN_MINIPROGRAM_VERSION']);
    expect(placeholdersOf(deployPlan({ envId: ENV, only: ['task'] }, rc))).toEqual(['TONGXIN_MINIPROGRAM_VERSION', 'TONGXIN_TPL_MEETING', 'TONGXIN_TPL_MEETING_KEYS', 'TONGXIN_TPL_STUDY_PUSH', 'TONGXIN_TPL_STUDY_PUSH_KEYS', 'TONGXIN_TPL_TASK', 'TONGXIN_TPL_TASK_KEYS']);
  });
});

/** The state of an environment where set-up already ran. */
function fullState(): ExistingState {
  const collections = new Map<string, ExistingCollection>();
  for (const name of Object.values(COLLECTIONS)) {
    const indexes: ExistingIndex[] = [
      { name: '_id_', keys: [{ field: '_id', direction: '1' }], unique: true },
      ...INDEXES.filter((i) => i.collection === name).map((i) => ({
        name: i.name,
        keys: i.fields.map((f) => ({ field: f.field, direction: String(f.direction) })),
        unique: Boolean(i.unique),
      })),
    ];
    collections.set(name, { indexes, acl: 'ADMINONLY' });
  }
  return { collections, storageAcl: 'PRIVATE' };
}

const kinds = (actions: SetupAction[]) => actions.map((a) => a.kind);

describe('set-up plan', () => {
  const desired = desiredState();

  it('wants the collections and indexes of shared/db/collections.ts, collections admin-only and storage private', () => {
    expect(desired.collections).toEqual(Object.values(COLLECTIONS));
    expect(desired.indexes).toBe(INDEXES);
    expect(ACL_POLICY).toEqual({ database: 'ADMINONLY', storage: 'PRIVATE' });
  });

  it('against an empty environment creates every collection, then every index with its keys, then sets every ACL', () => {
    const plan = setupPlan(desired, emptyState());
    const collections = Object.values(COLLECTIONS);
    expect(plan.conflicts).toEqual([]);
    expect(plan.ok).toEqual([]);
    expect(plan.actions).toEqual([
      ...collections.map((collection) => ({ kind: 'createCollection', collection })),
      ...INDEXES.map((index) => ({ kind: 'createIndex', index })),
      ...collections.map((collection) => ({ kind: 'setDatabaseAcl', collection, from: null, to: 'ADMINONLY' })),
      { kind: 'setStorageAcl', from: null, to: 'PRIVATE' },
    ]);
    const printed = formatSetupPlan(plan);
    expect(printed).toContain('create collection   members');
    expect(printed).toContain('create index        audit_log.byBranchTime {branchId: 1, at: -1}');
    expect(printed).toContain('set collection ACL  members: none -> ADMINONLY');
    expect(printed).toContain('set storage ACL     none -> PRIVATE');
  });

  it('prints a unique index as unique', () => {
    const index: IndexDeclaration = { collection: 'members', name: 'byCode', fields: [{ field: 'code', direction: 1 }], unique: true };
    const printed = formatSetupPlan(setupPlan({ ...desired, indexes: [index] }, emptyState()));
    expect(printed).toContain('create index        members.byCode {code: 1} unique');
  });

  it('against a set-up environment has nothing to do and says what is right', () => {
    const plan = setupPlan(desired, fullState());
    expect(plan.actions).toEqual([]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.ok.filter((o) => o.kind === 'collection')).toHaveLength(Object.values(COLLECTIONS).length);
    expect(plan.ok.filter((o) => o.kind === 'index')).toHaveLength(INDEXES.length);
    expect(formatSetupPlan(plan)).toMatch(/^nothing to do/);
    expect(formatSetupPlan(plan)).toContain(`already right: ${Object.values(COLLECTIONS).length} collections, ${INDEXES.length} indexes`);
  });

  it('against a partial environment adds only what is missing or wrong', () => {
    const state = fullState();
    const collections = new Map(state.collections);
    collections.delete(COLLECTIONS.notes); // a whole collection missing, with its two indexes
    const members = collections.get(COLLECTIONS.members) as ExistingCollection;
    collections.set(COLLECTIONS.members, { ...members, indexes: members.indexes.filter((i) => i.name !== 'byBranch') });
    collections.set(COLLECTIONS.ledger, { ...(collections.get(COLLECTIONS.ledger) as ExistingCollection), acl: 'READONLY' });
    const plan = setupPlan(desired, { collections, storageAcl: 'ADMINWRITE' });
    expect(plan.conflicts).toEqual([]);
    expect(plan.actions).toEqual([
      { kind: 'createCollection', collection: 'notes' },
      { kind: 'createIndex', index: INDEXES.find((i) => i.collection === 'members' && i.name === 'byBranch') },
      ...INDEXES.filter((i) => i.collection === 'notes').map((index) => ({ kind: 'createIndex', index })),
      { kind: 'setDatabaseAcl', collection: 'points_ledger', from: 'READONLY', to: 'ADMINONLY' },
      { kind: 'setDatabaseAcl', collection: 'notes', from: null, to: 'ADMINONLY' },
      { kind: 'setStorageAcl', from: 'ADMINWRITE', to: 'PRIVATE' },
    ]);
    expect(kinds(plan.actions).filter((k) => k === 'createIndex')).toHaveLength(3);
  });

  it('reports an index of a declared name with other keys or uniqueness as a conflict, not as done or to create', () => {
    const state = fullState();
    const collections = new Map(state.collections);
    const audit = collections.get(COLLECTIONS.auditLog) as ExistingCollection;
    collections.set(COLLECTIONS.auditLog, {
      ...audit,
      indexes: audit.indexes.map((i) => (i.name === 'byBranchTime' ? { ...i, keys: [{ field: 'branchId', direction: '1' }, { field: 'at', direction: '1' }] } : i)),
    });
    const branches = collections.get(COLLECTIONS.branches) as ExistingCollection;
    collections.set(COLLECTIONS.branches, { ...branches, indexes: branches.indexes.map((i) => (i.name === 'byCommittee' ? { ...i, unique: true } : i)) });
    const plan = setupPlan(desired, { collections, storageAcl: 'PRIVATE' });
    expect(plan.actions).toEqual([]);
    expect(plan.conflicts.map((c) => `${c.index.collection}.${c.index.name}`).sort()).toEqual(['audit_log.byBranchTime', 'branches.byCommittee']);
    expect(plan.ok.filter((o) => o.kind === 'index')).toHaveLength(INDEXES.length - 2);
    const printed = formatSetupPlan(plan);
    expect(printed).toContain('2 conflict(s)');
    expect(printed).toContain('audit_log.byBranchTime: declared {branchId: 1, at: -1}, found {branchId: 1, at: 1}');
    expect(printed).toContain('branches.byCommittee: declared {committeeId: 1}, found {committeeId: 1} unique');
  });
});
