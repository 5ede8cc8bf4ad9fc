/**
 * The first committee admin and secretaries of an empty environment (issue #8,
 * scripts/cloud/bootstrap*.ts), against an empty local stack through the real node-sdk:
 * the company file's validation, the dry run, the writes and their audit entries, signing
 * in afterwards with the roles, a day-one invitation and approval, re-runs that change
 * nothing, and refusals that write nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS } from '../../shared/db/collections';
import { CompanyFileError, parseCompany, parseCompanyText, type CompanyFile } from '../../scripts/cloud/bootstrap-company';
import { BOOTSTRAP_ACTOR, planBootstrap } from '../../scripts/cloud/bootstrap-plan';
import { main, parseArgs, runBootstrap } from '../../scripts/cloud/bootstrap-run';
import { connect, emulatorAdminUrl, resolveTarget, UsageError } from '../../scripts/cloud/database-target';
import { startLocalStack, type LocalStack } from '../support/stack';
import { as, data } from './support/org-fixtures';

let stack: LocalStack;
const dir = mkdtempSync(join(tmpdir(), 'tongxin-bootstrap-'));

const ADMIN = 'oBootstrapAdmin0000000000001';
const MARKET = 'oBootstrapMarket000000000002';
const NEWCOMER = 'oBootstrapNewcomer0000000003';

const COMPANY: CompanyFile = {
  committee: { name: '同心通信公司党委' },
  branches: [
    { name: '网络运维党支部', groups: ['第一党小组（传输）', '第二党小组（无线）'], secretary: { name: '李建国', phone: '13800000001', openid: ADMIN } },
    { name: '市场经营党支部', groups: ['第一党小组（渠道）'], secretary: { name: '王红梅', phone: '13800000002', openid: MARKET } },
  ],
  // The admin is the first branch's secretary: one member record with both roles.
  admin: { name: '李建国', phone: '13800000001', openid: ADMIN, branch: '网络运维党支部' },
};

function fileOf(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

/** Runs the command as an operator would; returns the exit code and what it printed. */
async function run(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(argv, {}, (line) => lines.push(line));
  return { code, out: lines.join('\n') };
}

const state = () => stack.emulator.database.exportState();
const docs = <T,>(collection: string) => (state()[collection] ?? []) as T[];
const problemsOf = (value: unknown): string[] => {
  try {
    parseCompany(value);
  } catch (error) {
    if (error instanceof CompanyFileError) return [...error.problems];
    throw error;
  }
  return [];
};

beforeAll(async () => {
  stack = await startLocalStack({ seed: false });
});
afterAll(() => stack.stop());

describe('the company file', () => {
  it('accepts the example in docs/', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(join(__dirname, '..', '..', 'docs', 'examples', 'company.example.json'), 'utf8');
    expect(parseCompanyText(text).branches).toHaveLength(2);
  });

  it('names the path of every bad field', () => {
    const bad = structuredClone(COMPANY) as unknown as { branches: Array<Record<string, unknown> & { secretary: Record<string, unknown> }>; admin: Record<string, unknown> };
    bad.branches[1].secretary.phone = '12345';
    bad.branches[0].secretry = {};
    delete bad.admin.openid;
    expect(problemsOf(bad)).toEqual([
      expect.stringMatching(/^branches\[0\]\.secretry: is not a field/),
      'branches[1].secretary.phone: 请填写 11 位手机号',
      'admin.openid: is missing',
    ]);
  });

  it('checks the file as a whole: unknown admin branch, repeated names, one person in two branches, admin and secretary disagreeing', () => {
    const twice = { ...COMPANY, branches: [COMPANY.branches[0], { ...COMPANY.branches[1], name: COMPANY.branches[0].name, groups: ['一组', '一组'] }] };
    expect(problemsOf(twice)).toEqual([
      'branches[1].name: names the same branch as branches[0].name',
      'branches[1].groups[1]: appears twice in this branch',
    ]);
    expect(problemsOf({ ...COMPANY, admin: { ...COMPANY.admin, branch: '不存在的支部' } })).toEqual([expect.stringMatching(/^admin\.branch: names no branch of this file/)]);
    const twoBranches = { ...COMPANY, branches: [COMPANY.branches[0], { ...COMPANY.branches[1], secretary: { ...COMPANY.branches[1].secretary, openid: ADMIN } }] };
    expect(problemsOf(twoBranches)).toEqual([expect.stringMatching(/^branches\[1\]\.secretary\.openid: is also the secretary of branches\[0\]/)]);
    expect(problemsOf({ ...COMPANY, admin: { ...COMPANY.admin, name: '李四', branch: '市场经营党支部' } })).toEqual([
      expect.stringMatching(/^admin\.branch: the admin's openid is the secretary of branches\[0\]/),
      expect.stringMatching(/^admin\.name: differs from branches\[0\]\.secretary\.name/),
    ]);
    expect(problemsOf({ ...COMPANY, admin: { ...COMPANY.admin, openid: 'x' } })).toEqual([expect.stringMatching(/^admin\.openid: is not a WeChat openid/)]);
    expect(() => parseCompanyText('{"committee": ', 'company.json')).toThrow(/company\.json is not a valid company file:\n {2}\(the file\): is not valid JSON/);
  });

  it('a bad file: exit code 1, the field path printed, nothing written', async () => {
    const before = state();
    const { code, out } = await run('--file', fileOf('bad.json', { ...COMPANY, branches: [] }), '--emulator', stack.origin);
    expect(code).toBe(1);
    expect(out).toContain('branches: needs at least one branch');
    expect(state()).toEqual(before);
  });
});

describe('the command line and the target', () => {
  it('reads flags in both forms and refuses unknown ones', () => {
    expect(parseArgs(['--file', 'a.json', '--dry-run', '--emulator=http://127.0.0.1:9100'])).toEqual({ file: 'a.json', dryRun: true, emulator: 'http://127.0.0.1:9100', help: false });
    expect(() => parseArgs(['--file'])).toThrow(UsageError);
    expect(() => parseArgs(['--force'])).toThrow(/unknown argument: --force/);
  });

  it('targets an emulator by origin or admin URL (flag first, then TONGXIN_ADMIN_URL)', () => {
    expect(emulatorAdminUrl('http://127.0.0.1:9100')).toBe('http://127.0.0.1:9100/admin');
    expect(emulatorAdminUrl('http://127.0.0.1:9100/admin/')).toBe('http://127.0.0.1:9100/admin');
    expect(resolveTarget(parseArgs([]), { TONGXIN_ADMIN_URL: 'http://127.0.0.1:9200' })).toEqual({ kind: 'emulator', adminUrl: 'http://127.0.0.1:9200/admin' });
    expect(() => emulatorAdminUrl('127.0.0.1:9100')).toThrow(UsageError);
  });

  it('production: one clear error naming the missing variables, before any connection', async () => {
    expect(() => resolveTarget(parseArgs([]), {})).toThrow('missing credentials: set TONGXIN_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY');
    expect(() => resolveTarget(parseArgs([]), { TONGXIN_ENV_ID: 'tongxin-1a2b', TENCENTCLOUD_SECRETID: 'id' })).toThrow(/^missing credentials: set TENCENTCLOUD_SECRETKEY \(/);
    expect(resolveTarget(parseArgs([]), { TONGXIN_ENV_ID: 'tongxin-1a2b', TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key' })).toEqual({
      kind: 'cloudbase', envId: 'tongxin-1a2b', secretId: 'id', secretKey: 'key', sessionToken: undefined, region: undefined,
    });
    const { code, out } = await run('--file', fileOf('company.json', COMPANY));
    expect(code).toBe(1);
    expect(out).toMatch(/^missing credentials: set TONGXIN_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY/);
  });
});

describe('bootstrapping an empty environment', () => {
  it('--dry-run prints the plan and writes nothing', async () => {
    const before = state();
    const { code, out } = await run('--file', fileOf('company.json', COMPANY), '--dry-run', '--emulator', stack.origin);
    expect(code).toBe(0);
    expect(out).toContain('(dry run: nothing is written)');
    expect(out).toContain('+ committee 同心通信公司党委');
    expect(out).toContain('+ branch 市场经营党支部');
    expect(out).toContain('+ group 第二党小组（无线） in 网络运维党支部');
    expect(out).toContain(`+ member 李建国 (支部委员、支部书记、党委管理员) in 网络运维党支部, WeChat ${ADMIN}`);
    expect(out).toContain('Dry run: 8 document(s) would be written');
    expect(state()).toEqual(before);
  });

  it('a separate admin is an ordinary member of the named branch with the committee admin role (planned, not written)', async () => {
    const db = connect({ kind: 'emulator', adminUrl: stack.adminUrl });
    const company = { ...COMPANY, admin: { name: '赵党委', phone: '13800000009', openid: 'oBootstrapSeparateAdmin00009', branch: '市场经营党支部' } };
    const plan = await planBootstrap(db, company, new Date(), { createCollections: true });
    const members = plan.writes.filter((w) => w.targetType === 'member').map((w) => w.doc as { name: string; roles: string[]; duty: string | null; branchId: string });
    const market = plan.writes.find((w) => w.targetType === 'branch' && (w.doc as { name: string }).name === '市场经营党支部')!.doc._id;
    expect(members).toEqual([
      expect.objectContaining({ name: '李建国', roles: ['member', 'committeeMember', 'secretary'], duty: '支部书记' }),
      expect.objectContaining({ name: '王红梅', roles: ['member', 'committeeMember', 'secretary'], duty: '支部书记' }),
      expect.objectContaining({ name: '赵党委', roles: ['member', 'committeeAdmin'], duty: null, branchId: market }),
    ]);
  });

  it('production refuses to create collections (the set-up script does, closed to clients): no writes', async () => {
    const before = state();
    const db = connect({ kind: 'emulator', adminUrl: stack.adminUrl });
    const result = await runBootstrap({ db, company: COMPANY, dryRun: false, createCollections: false });
    expect(result.applied).toBe(false);
    expect(result.plan.problems).toEqual([expect.stringMatching(/^the environment lacks \d+ collection\(s\): .*members.*; run the production set-up first/)]);
    expect(state()).toEqual(before);
  });

  it('creates the committee, branches, groups and members, each with an audit entry by "bootstrap"', async () => {
    const { code, out } = await run('--file', fileOf('company.json', COMPANY), '--emulator', stack.adminUrl);
    expect(code).toBe(0);
    expect(out).toContain('Done: wrote 8 document(s)');
    expect(docs(COLLECTIONS.committees)).toEqual([{ _id: expect.stringMatching(/^c-/), name: '同心通信公司党委' }]);
    expect(docs<{ name: string }>(COLLECTIONS.branches).map((b) => b.name)).toEqual(['网络运维党支部', '市场经营党支部']);
    expect(docs(COLLECTIONS.groups)).toHaveLength(3);
    const members = docs<{ name: string; openid: string; roles: string[]; joinedOn: string; category: string; groupId: null; unitIds: string[] }>(COLLECTIONS.members);
    expect(members).toHaveLength(2); // the admin is the first secretary: one record
    expect(members[0]).toMatchObject({ name: '李建国', openid: ADMIN, roles: ['member', 'committeeMember', 'secretary', 'committeeAdmin'], category: 'regular', groupId: null, unitIds: [] });
    expect(members[0].joinedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const audit = docs<{ actorId: string; actorName: string; action: string; targetType: string; before: unknown }>(COLLECTIONS.auditLog);
    expect(audit).toHaveLength(8);
    expect(new Set(audit.map((e) => `${e.actorId} ${e.actorName} ${e.action}`))).toEqual(new Set([`${BOOTSTRAP_ACTOR.id} ${BOOTSTRAP_ACTOR.name} bootstrap.create`]));
    expect(audit.map((e) => e.targetType).sort()).toEqual(['branch', 'branch', 'committee', 'group', 'group', 'group', 'member', 'member']);
    expect(audit.every((e) => e.before === null)).toBe(true);
  });

  it('the admin signs in as committee admin and secretary of the branch; the other secretary as secretary of theirs', async () => {
    const admin = data<{ roles: string[]; branch: { name: string }; duty: string | null }>(await as(stack, ADMIN, 'org.me', {}));
    expect(admin.branch.name).toBe('网络运维党支部');
    expect(admin.roles).toEqual(expect.arrayContaining(['committeeAdmin', 'secretary']));
    expect(admin.duty).toBe('支部书记');
    const market = data<{ roles: string[]; branch: { name: string } }>(await as(stack, MARKET, 'org.me', {}));
    expect(market.branch.name).toBe('市场经营党支部');
    expect(market.roles).toContain('secretary');
    expect(market.roles).not.toContain('committeeAdmin');
    // The committee admin sees the whole committee; each secretary the own branch's pyramid.
    const branches = data<{ branches: Array<{ name: string; secretary: string | null; groupCount: number }> }>(await as(stack, ADMIN, 'org.branches', {}));
    expect(branches.branches.map((b) => [b.name, b.secretary, b.groupCount])).toEqual(expect.arrayContaining([['网络运维党支部', '李建国', 2], ['市场经营党支部', '王红梅', 1]]));
    const pyramid = data<{ committee: Array<{ member: { name: string }; duty: string | null }>; groups: Array<{ name: string }> }>(await as(stack, MARKET, 'org.pyramid', {}));
    expect(pyramid.committee).toEqual([expect.objectContaining({ member: expect.objectContaining({ name: '王红梅' }), duty: '支部书记' })]);
    expect(pyramid.groups.map((g) => g.name)).toEqual(['第一党小组（渠道）']);
    // The committee admin reads the bootstrap's entries in the audit log.
    const log = data<{ entries: Array<{ actor: { name: string } }> }>(await as(stack, ADMIN, 'org.auditLog', {}));
    expect(log.entries.length).toBeGreaterThan(0);
    expect(log.entries[0].actor.name).toBe(BOOTSTRAP_ACTOR.name);
  });

  it('day one: the secretary invites, a new person joins and is approved', async () => {
    const group = data<{ groups: Array<{ id: string; name: string }> }>(await as(stack, MARKET, 'org.pyramid', {})).groups[0];
    const invitation = data<{ code: string }>(await as(stack, MARKET, 'org.createInvitation', { groupId: group.id, expiresInDays: 7, maxUses: 20 }));
    expect(data(await as(stack, NEWCOMER, 'org.whoami', {}))).toEqual({ openid: NEWCOMER, bound: false });
    expect(data(await as(stack, NEWCOMER, 'org.invitationInfo', { code: invitation.code }))).toMatchObject({ branchName: '市场经营党支部', groupName: '第一党小组（渠道）', state: 'valid' });
    const request = data<{ id: string }>(await as(stack, NEWCOMER, 'org.requestJoin', { code: invitation.code, name: '陈晓东', phone: '13900000003' }));
    const decided = data<{ memberId: string }>(await as(stack, MARKET, 'org.decideJoin', { requestId: request.id, approve: true }));
    expect(data(await as(stack, NEWCOMER, 'org.me', {}))).toMatchObject({ memberId: decided.memberId, name: '陈晓东', branch: { name: '市场经营党支部' }, group: { id: group.id }, roles: ['member'] });
    expect(data(await as(stack, NEWCOMER, 'org.whoami', {}))).toEqual({ openid: NEWCOMER, bound: true });
  });

  it('running the same file again changes nothing and says so', async () => {
    const before = state();
    const { code, out } = await run('--file', fileOf('company.json', COMPANY), '--emulator', stack.origin);
    expect(code).toBe(0);
    expect(out).toContain('= committee 同心通信公司党委');
    expect(out).toContain('= member 李建国 (支部委员、支部书记、党委管理员) in 网络运维党支部');
    expect(out).toContain('Nothing to do: the environment already matches');
    expect(out).not.toContain('To create');
    expect(state()).toEqual(before);
  });

  it('refuses an openid already bound to another member, writing nothing', async () => {
    const before = state();
    // The newcomer (now a member of 市场经营党支部) named as the secretary of a new branch, and as the admin elsewhere.
    const elsewhere = {
      ...COMPANY,
      branches: [...COMPANY.branches, { name: '政企客户党支部', groups: ['第一党小组'], secretary: { name: '陈晓东', phone: '13900000003', openid: NEWCOMER } }],
    };
    const first = await run('--file', fileOf('elsewhere.json', elsewhere), '--emulator', stack.origin);
    expect(first.code).toBe(1);
    expect(first.out).toMatch(new RegExp(`x branches\\[2\\]\\.secretary\\.openid ${NEWCOMER}: already bound to member 陈晓东 \\(m-[^)]+\\) in another branch`));
    expect(first.out).toContain('+ branch 政企客户党支部'); // the plan is shown, and nothing of it written
    expect(first.out).toContain('Refused: nothing was written.');
    expect(state()).toEqual(before);

    const otherName = { ...COMPANY, admin: { name: '陈小东', phone: '13900000003', openid: NEWCOMER, branch: '市场经营党支部' } };
    const second = await run('--file', fileOf('other-name.json', otherName), '--emulator', stack.origin);
    expect(second.code).toBe(1);
    expect(second.out).toContain(`admin.openid ${NEWCOMER}: already bound to member 陈晓东`);
    expect(state()).toEqual(before);
  });

  it('a later file adds what is missing: a new group and the admin role of an existing member (audited)', async () => {
    const later = {
      ...COMPANY,
      branches: [COMPANY.branches[0], { ...COMPANY.branches[1], groups: ['第一党小组（渠道）', '第二党小组（家庭业务）'] }],
      admin: { name: '王红梅', phone: '13800000002', openid: MARKET, branch: '市场经营党支部' },
    };
    const dry = await run('--file', fileOf('later.json', later), '--dry-run', '--emulator', stack.origin);
    expect(dry.out).toContain('+ group 第二党小组（家庭业务） in 市场经营党支部');
    expect(dry.out).toMatch(/~ member 王红梅 \(m-[^)]+\) in 市场经营党支部: add 党委管理员/);
    const { code } = await run('--file', fileOf('later.json', later), '--emulator', stack.origin);
    expect(code).toBe(0);
    expect(data<{ roles: string[] }>(await as(stack, MARKET, 'org.me', {})).roles).toContain('committeeAdmin');
    const grant = docs<{ action: string; before: { roles: string[] }; after: { roles: string[] } }>(COLLECTIONS.auditLog).find((e) => e.action === 'bootstrap.grantRoles')!;
    expect(grant.before.roles).not.toContain('committeeAdmin');
    expect(grant.after.roles).toContain('committeeAdmin');
    expect((await run('--file', fileOf('later.json', later), '--emulator', stack.origin)).out).toContain('Nothing to do');
  });
});
