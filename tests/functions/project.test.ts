/**
 * Tackling projects through the function host: the rotation proposes the right next lead
 * after overrides and after a member leaves the committee; an override needs a reason; the
 * closed loop moves one audited step at a time and cannot be reviewed before it is done.
 */
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';
import { chinaDay } from '../../shared/time/china';
import { as, data } from './support/org-fixtures';

let stack: LocalStack;
const secretary = demoOpenid('b-netops-m01');
let seq = 0;
const soon = chinaDay(new Date(Date.now() + 20 * 86_400_000));
const project = (leadId: string, overrideReason: string | null = null, extra: Record<string, unknown> = {}) => ({
  requestId: `project-request-${(seq += 1)}`,
  kind: 'secretary',
  title: '高价值小区攻坚',
  goal: '年底前完成三个高价值小区的千兆覆盖',
  leadId,
  overrideReason,
  groupIds: ['b-netops-g1'],
  unitIds: [],
  milestones: [{ title: '完成勘察', ownerId: 'b-netops-m20', dueOn: soon }],
  ...extra,
});
interface Person { id: string; name: string }
interface Project { id: string; status: string; lead: Person; milestones: Array<{ id: string; doneAt: string | null }> }
const propose = async () => data<{ proposed: Person | null; order: Person[] }>(await as(stack, secretary, 'project.proposeLead', {}));

beforeAll(async () => {
  stack = await startLocalStack();
});
afterAll(() => stack.stop());

describe('rotation', () => {
  it('goes round the committee, keeps the turn after an override, and skips a member who left', async () => {
    const { proposed: first, order } = await propose();
    expect(order.length).toBeGreaterThanOrEqual(4);
    expect(first).toEqual(order[0]);
    data(await as(stack, secretary, 'project.create', project(order[0].id)));
    expect((await propose()).proposed).toEqual(order[1]);

    // Choosing someone else needs a reason, and does not use up order[1]'s turn.
    const noReason = await as(stack, secretary, 'project.create', project(order[3].id));
    expect(noReason.error?.fields?.overrideReason).toBeDefined();
    data(await as(stack, secretary, 'project.create', project(order[3].id, '该委员熟悉政企业务')));
    expect((await propose()).proposed).toEqual(order[1]);

    data(await as(stack, secretary, 'project.create', project(order[1].id)));
    expect((await propose()).proposed).toEqual(order[2]);
    // order[2] leaves the committee: the turn passes to order[3].
    data(await as(stack, secretary, 'org.updateMember', { memberId: order[2].id, roles: ['member'] }));
    const after = await propose();
    expect(after.order.map((p) => p.id)).not.toContain(order[2].id);
    expect(after.proposed).toEqual(order[3]);
    // A member who is not on the committee cannot lead.
    expect((await as(stack, secretary, 'project.create', project('b-netops-m20', '测试'))).error?.code).toBe('INVALID_INPUT');
  });
});

describe('the closed loop', () => {
  it('cannot be reviewed before it is done, and audits each step', async () => {
    const { proposed } = await propose();
    const created = data<Project>(await as(stack, secretary, 'project.create', project((proposed as Person).id)));
    const step = (status: string) => as(stack, secretary, 'project.setStatus', { projectId: created.id, status, note: '' });
    expect((await step('reviewed')).error?.code).toBe('CONFLICT');
    expect((await step('done')).error?.code).toBe('CONFLICT');
    data(await step('inProgress'));
    expect((await step('reviewed')).error?.message).toMatch(/完成后才能验收/);
    data(await step('done'));
    expect(data<Project>(await step('reviewed')).status).toBe('reviewed');
    // In time order: a real database does not promise to return documents in insertion order.
    const time = (e: { at: { $date: { $numberLong: string } } }) => Number(e.at.$date.$numberLong); // canonical EJSON
    const audit = ((await stack.state()) as Record<string, Array<{ action: string; targetId: string; at: { $date: { $numberLong: string } } }>>).audit_log
      .filter((e) => e.targetId === created.id)
      .sort((x, y) => time(x) - time(y));
    expect(audit.map((e) => e.action)).toEqual(['project.create', 'project.setStatus', 'project.setStatus', 'project.setStatus']);
    expect((await as(stack, demoOpenid('b-netops-m20'), 'project.setStatus', { projectId: created.id, status: 'open', note: '' })).error?.code).toBe('FORBIDDEN');
  });

  it("lets the milestone's owner complete it for points once, refuses others, and hides the project from another branch", async () => {
    const { proposed } = await propose();
    const created = data<Project>(await as(stack, secretary, 'project.create', project((proposed as Person).id)));
    const milestoneId = created.milestones[0].id;
    expect((await as(stack, demoOpenid('b-netops-m21'), 'project.completeMilestone', { projectId: created.id, milestoneId })).error?.code).toBe('FORBIDDEN');
    await Promise.all([1, 2].map(() => as(stack, demoOpenid('b-netops-m20'), 'project.completeMilestone', { projectId: created.id, milestoneId })));
    const entries = data<{ entries: Array<{ rule: string | null; source: string }> }>(await as(stack, demoOpenid('b-netops-m20'), 'points.myLedger', {})).entries;
    expect(entries.filter((e) => e.rule === 'projectMilestone' && e.source.includes(created.id))).toHaveLength(1);
    expect((await as(stack, demoOpenid('b-market-m07'), 'project.get', { projectId: created.id })).error?.code).toBe('NOT_FOUND');
    const overview = data<{ items: Project[] }>(await as(stack, demoOpenid('b-market-m06'), 'project.overview', {}));
    expect(overview.items.map((p) => p.id)).toContain(created.id);
  });
});
