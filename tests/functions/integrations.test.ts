/**
 * The N integrations through the function host: volunteer hours confirmed by the organiser
 * (points per hour once), a squad's target and its progress, co-building agreements with
 * joint activities, and the secretary's quarter dashboard counting what the pages show.
 */
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';
import { chinaDay } from '../../shared/time/china';
import { as, data } from './support/org-fixtures';
import { pngBytes } from '../support/images';

/** The one instant this file runs at: its "this quarter" and "today" and the functions' stopped clock (stack.ts). */
const START = new Date();

let stack: LocalStack;
const secretary = demoOpenid('b-netops-m01');
const ledger = async (openid: string, rule: string) => data<{ entries: Array<{ rule: string | null; points: number }> }>(await as(stack, openid, 'points.myLedger', {})).entries.filter((e) => e.rule === rule);
const state = async () => (await stack.state()) as Record<string, Array<Record<string, unknown>>>;

beforeAll(async () => {
  stack = await startLocalStack({ frozenAt: START });
});
afterAll(() => stack.stop());

describe('volunteering', () => {
  it('lets only the organiser confirm, awards the hours once, and counts them for the year', async () => {
    const activity = data<{ id: string }>(await as(stack, secretary, 'volunteer.create', { title: '社区手机课堂', startsAt: new Date(START).toISOString(), place: '东湖社区', organiserId: 'b-netops-m05' }));
    const volunteer = demoOpenid('b-netops-m22');
    const claimed = data<{ records: Array<{ id: string; hours: number; status: string }> }>(await as(stack, volunteer, 'volunteer.claim', { activityId: activity.id, hours: 2.5, note: '讲解智能手机' }));
    const recordId = claimed.records[0].id;
    expect((await as(stack, demoOpenid('b-netops-m21'), 'volunteer.confirm', { recordId, approve: true, hours: null })).error?.code).toBe('FORBIDDEN');
    const organiser = demoOpenid('b-netops-m05');
    await Promise.all([1, 2].map(() => as(stack, organiser, 'volunteer.confirm', { recordId, approve: true, hours: 2 })));
    expect((await as(stack, volunteer, 'volunteer.claim', { activityId: activity.id, hours: 8, note: '' })).error?.code).toBe('CONFLICT');
    expect((await ledger(volunteer, 'volunteerHour')).map((e) => e.points)).toEqual([2]);
    const mine = data<{ members: Array<{ id: string; hours: number }> }>(await as(stack, volunteer, 'volunteer.hours', {}));
    expect(mine.members).toEqual([{ id: 'b-netops-m22', name: expect.any(String), hours: 2, activities: 1 }]);
    const all = data<{ members: Array<{ id: string; hours: number }> }>(await as(stack, secretary, 'volunteer.hours', {}));
    expect(all.members).toHaveLength(32);
    expect((await as(stack, demoOpenid('b-market-m07'), 'volunteer.claim', { activityId: activity.id, hours: 1, note: '' })).error?.code).toBe('NOT_FOUND');
  });
});

describe('business targets', () => {
  it("sets a squad's target and lets its leader record progress", async () => {
    const units = (await state()).units.filter((u) => u.branchId === 'b-netops');
    const squad = units.find((u) => u.kind === 'squad') as { _id: string; leaderId: string | null; name: string };
    const post = units.find((u) => u.kind !== 'squad') as { _id: string };
    const today = chinaDay(new Date(START));
    const input = { unitId: squad._id, metric: '新增千兆宽带', measure: '户', goal: 200, startOn: today.slice(0, 8) + '01', endOn: '2099-12-31' };
    expect((await as(stack, secretary, 'target.save', { ...input, unitId: post._id })).error?.code).toBe('INVALID_INPUT');
    const target = data<{ id: string }>(await as(stack, secretary, 'target.save', input));
    if (!squad.leaderId) data(await as(stack, secretary, 'org.saveUnit', { unitId: squad._id, kind: 'squad', name: squad.name, goal: '攻坚', leaderId: 'b-netops-m23', memberIds: [] }));
    const leaderId = ((await state()).units.find((u) => u._id === squad._id) as { leaderId: string }).leaderId;
    const outsider = leaderId === 'b-netops-m24' ? 'b-netops-m25' : 'b-netops-m24';
    expect((await as(stack, demoOpenid(outsider), 'target.addProgress', { targetId: target.id, on: today, value: 50, note: '' })).error?.code).toBe('FORBIDDEN');
    const after = data<{ current: number; progress: number; entries: unknown[] }>(await as(stack, demoOpenid(leaderId), 'target.addProgress', { targetId: target.id, on: today, value: 50, note: '首周' }));
    expect(after).toMatchObject({ current: 50, progress: 0.25 });
    expect((await as(stack, demoOpenid(leaderId), 'target.addProgress', { targetId: target.id, on: '2000-01-01', value: 1, note: '' })).error?.code).toBe('INVALID_INPUT');
  });
});

describe('党建和创', () => {
  it('records agreements and joint activities with points once per participant, and shows them to the committee admin', async () => {
    const file = await stack.putFile('cobuild/b-netops/agreement.pdf', { bytes: Buffer.from('%PDF-1.4'), contentType: 'application/pdf' });
    const agreement = data<{ id: string; fileUrl: string | null }>(
      await as(stack, secretary, 'cobuild.save', { partner: { name: '工商银行城东支行党支部', kind: 'bank', contact: '李主任' }, terms: '每季度联合开展一次主题党日', signedOn: '2026-10-15', status: 'negotiating', file }),
    );
    expect(agreement.fileUrl).toBeTruthy();
    const joint = { agreementId: agreement.id, title: '联合开展反诈宣传', on: chinaDay(new Date(START)), summary: '在营业厅联合开展反诈宣传', participantIds: ['b-netops-m10', 'b-netops-m11'] };
    expect((await as(stack, secretary, 'cobuild.addActivity', joint)).error?.code).toBe('CONFLICT');
    data(await as(stack, secretary, 'cobuild.save', { agreementId: agreement.id, partner: { name: '工商银行城东支行党支部', kind: 'bank', contact: '李主任' }, terms: '每季度联合开展一次主题党日', signedOn: '2026-10-15', status: 'active', file }));
    const withActivity = data<{ activities: Array<{ participants: number }> }>(await as(stack, secretary, 'cobuild.addActivity', joint));
    expect(withActivity.activities[0].participants).toBe(2);
    expect(await ledger(demoOpenid('b-netops-m10'), 'cobuildActivity')).toHaveLength(1);
    expect((await as(stack, secretary, 'cobuild.save', { partner: { name: '某单位', kind: 'bank', contact: '' }, terms: '', signedOn: null, status: 'active', file: 'cloud://local.local-bucket/cobuild/b-market/x.pdf' })).error?.code).toBe('INVALID_INPUT');
    expect(data<{ items: unknown[] }>(await as(stack, demoOpenid('b-market-m07'), 'cobuild.list', {})).items).toHaveLength(0);
    expect(data<{ items: Array<{ id: string }> }>(await as(stack, demoOpenid('b-market-m06'), 'cobuild.overview', {})).items.map((a) => a.id)).toContain(agreement.id);
  });
});

describe("the secretary's dashboard", () => {
  it('counts tasks, meetings, check-ins, study, projects and open 三单 of the quarter', async () => {
    const before = data<{ tasks: { published: number; assigned: number; done: number }; checkins: { count: number }; members: number }>(await as(stack, secretary, 'dashboard.quarter', {}));
    const task = data<{ id: string }>(await as(stack, secretary, 'task.publish', { requestId: 'dashboard-task-01', kind: 'other', title: '填报信息', detail: '请确认', dueAt: new Date(START.getTime() + 86_400_000).toISOString(), doneBy: 'confirm', target: { kind: 'members', ids: ['b-netops-m10', 'b-netops-m11'] } }));
    data(await as(stack, demoOpenid('b-netops-m10'), 'task.complete', { taskId: task.id, noteId: null, photos: [] }));
    const photo = await stack.putFile('checkins/b-netops-m10/d.jpg', { bytes: pngBytes(), contentType: 'image/jpeg' });
    data(await as(stack, demoOpenid('b-netops-m10'), 'badgeCheckin.submit', { photo, location: null }));
    const after = data<{
      members: number;
      tasks: { published: number; assigned: number; done: number };
      meetings: { required: number; held: number; gaps: string[] };
      checkins: { days: number; count: number; possible: number; rate: number };
      projects: { byStatus: Record<string, number> };
      rectifications: { open: number };
    }>(await as(stack, secretary, 'dashboard.quarter', {}));
    expect(after.members).toBe(32);
    expect(after.tasks.published).toBe(before.tasks.published + 1);
    expect(after.tasks.assigned).toBe(before.tasks.assigned + 2);
    expect(after.tasks.done).toBe(before.tasks.done + 1);
    expect(after.meetings.required).toBeGreaterThanOrEqual(11);
    expect(after.meetings.gaps.length).toBeGreaterThan(0);
    // One check-in among 32 members × up to 92 days is a small rate, never 0, and comes with its counts.
    expect(after.checkins.count).toBe(before.checkins.count + 1);
    expect(after.checkins.possible).toBe(32 * after.checkins.days);
    expect(after.checkins.rate).toBeGreaterThan(0);
    expect(after.checkins.rate).toBe(after.checkins.count / after.checkins.possible);
    expect(Object.keys(after.projects.byStatus).sort()).toEqual(['done', 'inProgress', 'open', 'reviewed']);
    expect((await as(stack, demoOpenid('b-netops-m10'), 'dashboard.quarter', {})).error?.code).toBe('FORBIDDEN');
  });
});
