/** Bad input and privacy: clear codes, nothing stored, masked phones, no existence leaks. */
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';
import { as, data } from './support/org-fixtures';

let stack: LocalStack;
const SECRETARY = demoOpenid('b-netops-m01');
const MEMBER = demoOpenid('b-netops-m10');

beforeAll(async () => {
  stack = await startLocalStack();
});
afterAll(() => stack.stop());

describe('bad input changes nothing', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['an empty name', { name: '', leaderId: null }, 'name'],
    ['only spaces', { name: '   ', leaderId: null }, 'name'],
    ['an over-long name', { name: '党'.repeat(31), leaderId: null }, 'name'],
    ['a control character', { name: '第一\u0007小组', leaderId: null }, 'name'],
    ['a script tag', { name: '<script>alert(1)</script>', leaderId: null }, 'name'],
    ['a wrong type', { name: 42, leaderId: null }, 'name'],
    ['a malformed id', { name: '新小组', leaderId: '../../etc' }, 'leaderId'],
    ['an unknown field', { name: '新小组', leaderId: null, branchId: 'b-market' }, '_'],
  ];

  it.each(cases)('org.saveGroup with %s → INVALID_INPUT on the field', async (_label, input, field) => {
    const before = (await stack.state());
    const reply = await as(stack, SECRETARY, 'org.saveGroup', input);
    expect(reply.error?.code).toBe('INVALID_INPUT');
    expect(reply.error?.fields?.[field]).toEqual(expect.any(String));
    expect((await stack.state())).toEqual(before);
  });

  it('answers an unknown id with NOT_FOUND and stores nothing', async () => {
    const before = (await stack.state());
    const reply = await as(stack, SECRETARY, 'org.saveGroup', { name: '新小组', leaderId: 'b-netops-m99' });
    expect(reply.error?.code).toBe('NOT_FOUND');
    expect((await stack.state())).toEqual(before);
  });

  it("answers another branch's id exactly like a missing one", async () => {
    const missing = await as(stack, SECRETARY, 'org.updateMember', { memberId: 'b-netops-m99', category: 'ill' });
    const foreign = await as(stack, SECRETARY, 'org.updateMember', { memberId: 'b-market-m05', category: 'ill' });
    expect(foreign.error).toEqual(missing.error);
  });

  it('keeps a secretary from removing their own secretary role', async () => {
    const reply = await as(stack, SECRETARY, 'org.updateMember', { memberId: 'b-netops-m01', roles: ['member'] });
    expect(reply.error?.code).toBe('CONFLICT');
  });

  it('rejects over-long text in a duty item detail and a date that does not exist', async () => {
    const long = await as(stack, SECRETARY, 'org.saveDutyItem', { memberId: 'b-netops-m02', title: '任务', detail: '字'.repeat(501), status: 'todo', dueOn: null });
    expect(long.error?.fields?.detail).toBeDefined();
    const date = await as(stack, SECRETARY, 'org.saveDutyItem', { memberId: 'b-netops-m02', title: '任务', detail: '', status: 'todo', dueOn: '2026-02-30' });
    expect(date.error?.fields?.dueOn).toBe('日期不存在');
  });
});

describe('privacy', () => {
  interface MemberView { phone: string }

  it('masks phone numbers for other members, shows them to the member and the secretary', async () => {
    const other = data<MemberView>(await as(stack, MEMBER, 'org.member', { memberId: 'b-netops-m12' }));
    expect(other.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const self = data<MemberView>(await as(stack, MEMBER, 'org.member', { memberId: 'b-netops-m10' }));
    expect(self.phone).toMatch(/^1\d{10}$/);
    const bySecretary = data<MemberView>(await as(stack, SECRETARY, 'org.member', { memberId: 'b-netops-m12' }));
    expect(bySecretary.phone).toMatch(/^1\d{10}$/);
  });

  it('masks phones for the committee admin looking at a branch', async () => {
    const list = data<{ members: MemberView[] }>(await as(stack, demoOpenid('b-market-m06'), 'org.branchMembers', { branchId: 'b-netops' }));
    expect(list.members.length).toBe(32);
    for (const m of list.members) expect(m.phone).toContain('****');
  });

  it('shows the pyramid without phones or WeChat identities', async () => {
    const text = JSON.stringify(data(await as(stack, MEMBER, 'org.pyramid', {})));
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    expect(text).not.toContain('o_demo_');
  });

  it('never shows a WeChat identity in the audit log', async () => {
    await as(stack, SECRETARY, 'org.updateMember', { memberId: 'b-netops-m13', category: 'mobile' });
    const text = JSON.stringify(data(await as(stack, SECRETARY, 'org.auditLog', {})));
    expect(text).toContain('org.updateMember');
    expect(text).not.toContain('o_demo_');
  });
});

describe('the pyramid and the secretary edits', () => {
  interface Pyramid {
    committee: Array<{ member: { id: string }; duty: string | null; dutyItems: Array<{ title: string; overdue: boolean }> }>;
    groups: Array<{ id: string; leader: { id: string } | null; members: unknown[] }>;
    units: Array<{ id: string; kind: string; members: Array<{ id: string }> }>;
  }

  it('puts the secretary on top, then groups, then units', async () => {
    const p = data<Pyramid>(await as(stack, MEMBER, 'org.pyramid', {}));
    expect(p.committee[0]).toMatchObject({ member: { id: 'b-netops-m01' }, duty: '支部书记' });
    expect(p.committee).toHaveLength(5);
    expect(p.groups).toHaveLength(3);
    expect(p.groups.reduce((n, g) => n + g.members.length, 0)).toBe(32);
    expect(p.units.map((u) => u.kind)).toEqual(['post', 'zone', 'squad']);
  });

  it('marks an unfinished duty item past its due date as overdue', async () => {
    data(await as(stack, SECRETARY, 'org.saveDutyItem', { memberId: 'b-netops-m03', title: '过期事项', detail: '', status: 'doing', dueOn: '2020-01-01' }));
    const p = data<Pyramid>(await as(stack, MEMBER, 'org.pyramid', {}));
    const items = p.committee.find((c) => c.member.id === 'b-netops-m03')!.dutyItems;
    expect(items.find((i) => i.title === '过期事项')?.overdue).toBe(true);
  });

  it('keeps units and members in step when a member changes units', async () => {
    data(await as(stack, SECRETARY, 'org.updateMember', { memberId: 'b-netops-m20', unitIds: ['b-netops-u3'] }));
    const p = data<Pyramid>(await as(stack, MEMBER, 'org.pyramid', {}));
    const inUnits = p.units.filter((u) => u.members.some((m) => m.id === 'b-netops-m20')).map((u) => u.id);
    expect(inUnits).toEqual(['b-netops-u3']);
  });

  it('moves the groupLeader role with the leadership of a group', async () => {
    data(await as(stack, SECRETARY, 'org.saveGroup', { groupId: 'b-netops-g1', name: '第一党小组（传输）', leaderId: 'b-netops-m16' }));
    const newLeader = data<{ roles: string[] }>(await as(stack, SECRETARY, 'org.member', { memberId: 'b-netops-m16' }));
    expect(newLeader.roles).toContain('groupLeader');
    const former = data<{ roles: string[] }>(await as(stack, SECRETARY, 'org.member', { memberId: 'b-netops-m07' }));
    expect(former.roles).not.toContain('groupLeader');
  });

  it('lets the committee admin transfer a member, keeping the id and clearing branch places', async () => {
    const admin = demoOpenid('b-market-m06');
    const moved = data<{ id: string; group: unknown; units: unknown[]; roles: string[] }>(
      await as(stack, admin, 'org.transferMember', { memberId: 'b-netops-m25', toBranchId: 'b-market', reason: '岗位调整' }),
    );
    expect(moved).toMatchObject({ id: 'b-netops-m25', group: null, units: [], roles: ['member'] });
    expect(data(await as(stack, demoOpenid('b-netops-m25'), 'org.me', {}))).toMatchObject({ branch: { id: 'b-market' } });
    const branches = data<{ branches: Array<{ id: string; memberCount: number }> }>(await as(stack, admin, 'org.branches', {}));
    expect(branches.branches.find((b) => b.id === 'b-market')?.memberCount).toBe(13);
  });
});
