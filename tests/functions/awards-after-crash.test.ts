/**
 * Every action that stores a record and then awards points for it (two steps): when the call
 * dies between them, the retry a phone makes completes the award, exactly once. The emulator
 * makes the points collection unreachable for the first call (`failRequests`), as a function
 * killed after its first write would leave things; then the same call is made again, and once
 * more. Each case is one action of that class; `AWARDING_ACTIONS` must list them all.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';
import { issue } from '../../cloudfunctions/_shared/signin-token';
import { COLLECTIONS } from '../../shared/db/collections';
import { chinaDay } from '../../shared/time/china';
import { as, data, type Envelope } from './support/org-fixtures';
import { pngBytes } from '../support/images';

/** The one instant this file runs at, and the functions' stopped clock. */
const START = new Date();
let stack: LocalStack;
const SECRETARY = demoOpenid('b-netops-m01');
const NOTE = '通过学习，我认识到党员要在本职岗位上发挥先锋模范作用，把学习成果转化为做好网络维护和客户服务的实际行动。';
const PLEDGE = { business: [{ text: '发展政企客户五家', measure: '全年' }], targets: [{ text: '故障处理及时率百分百', measure: '每季度' }], post: [{ text: '带头夜间值守', measure: '每月' }] };

type Docs = Record<string, Array<Record<string, unknown>>>;
const state = async () => (await stack.state()) as Docs;
const secretOf = async (collection: string, id: string) => ((await state())[collection].find((d) => d._id === id) as { secret: string }).secret;
const entries = async (memberId: string, rule: string) => (await state())[COLLECTIONS.ledger].filter((e) => e.memberId === memberId && e.ruleCode === rule).length;

interface Case {
  /** The member who earns the points and the rule they earn. */
  memberId: string;
  rule: string;
  /** The call a phone would make, and make again after a failure. */
  call: () => Promise<Envelope>;
}

/** Per action of the class: the setup that makes its call possible. */
const CASES: Record<string, () => Promise<Case>> = {
  'note.submit': async () => ({
    memberId: 'b-netops-m20', rule: 'noteWritten',
    call: () => as(stack, demoOpenid('b-netops-m20'), 'note.submit', { requestId: 'crash-note-0001', text: NOTE, images: [], lessonId: null, pushId: null }),
  }),
  'badgeCheckin.submit': async () => {
    const photo = await stack.putFile('checkins/b-netops-m21/crash.jpg', { bytes: pngBytes(), contentType: 'image/jpeg' });
    return { memberId: 'b-netops-m21', rule: 'badgeCheckin', call: () => as(stack, demoOpenid('b-netops-m21'), 'badgeCheckin.submit', { photo, location: null }) };
  },
  'pledge.sign': async () => {
    data(await as(stack, demoOpenid('b-netops-m22'), 'pledge.save', PLEDGE));
    const signature = await stack.putFile('pledges/b-netops-m22/signature.png', { bytes: pngBytes(), contentType: 'image/png' });
    return { memberId: 'b-netops-m22', rule: 'pledgeSigned', call: () => as(stack, demoOpenid('b-netops-m22'), 'pledge.sign', { signature }) };
  },
  'studyPush.read': async () => {
    const push = data<{ id: string }>(await as(stack, SECRETARY, 'studyPush.send', { title: '本周学习要点', body: '请认真学习本周的学习要点内容。', images: [], lessonId: null, groupIds: [], sendAt: null, requestId: 'crash-push-01' }));
    return { memberId: 'b-netops-m23', rule: 'studyPushRead', call: () => as(stack, demoOpenid('b-netops-m23'), 'studyPush.read', { pushId: push.id }) };
  },
  'task.complete': async () => {
    const task = data<{ id: string }>(await as(stack, SECRETARY, 'task.publish', { requestId: 'crash-task-01', kind: 'other', title: '填报信息', detail: '请确认', dueAt: new Date(START.getTime() + 86_400_000).toISOString(), doneBy: 'confirm', target: { kind: 'members', ids: ['b-netops-m24'] } }));
    return { memberId: 'b-netops-m24', rule: 'taskDone', call: () => as(stack, demoOpenid('b-netops-m24'), 'task.complete', { taskId: task.id, noteId: null, photos: [] }) };
  },
  'meeting.signIn': async () => {
    const meeting = data<{ id: string }>(await as(stack, SECRETARY, 'meeting.schedule', { kind: 'assembly', title: '支部党员大会', startsAt: new Date(START.getTime() - 600_000).toISOString(), place: '党员活动室', agenda: '学习', groupId: null, attendeeIds: null }));
    const token = issue(meeting.id, await secretOf(COLLECTIONS.meetings, meeting.id), START);
    return { memberId: 'b-netops-m25', rule: 'meetingAttended', call: () => as(stack, demoOpenid('b-netops-m25'), 'meeting.signIn', { token }) };
  },
  'activity.signIn': async () => {
    const activity = data<{ id: string }>(await as(stack, SECRETARY, 'activity.create', { theme: '主题党日', startsAt: new Date(START.getTime() - 600_000).toISOString(), place: '活动室', detail: '参观学习', capacity: 0, oath: true }));
    const token = issue(activity.id, await secretOf(COLLECTIONS.activities, activity.id), START);
    return { memberId: 'b-netops-m26', rule: 'themedActivity', call: () => as(stack, demoOpenid('b-netops-m26'), 'activity.signIn', { token }) };
  },
  'note.feature': async () => {
    const note = data<{ id: string }>(await as(stack, demoOpenid('b-netops-m27'), 'note.submit', { requestId: 'crash-note-0002', text: NOTE, images: [], lessonId: null, pushId: null }));
    return { memberId: 'b-netops-m27', rule: 'noteFeatured', call: () => as(stack, SECRETARY, 'note.feature', { noteId: note.id }) };
  },
  'lesson.publish': async () => {
    const video = await stack.putFile('lessons/b-netops/crash.mp4', { bytes: Buffer.from('video'), contentType: 'video/mp4' });
    const lesson = data<{ id: string }>(await as(stack, SECRETARY, 'lesson.create', { title: '崩溃测试党课', summary: '测试', speakerId: 'b-netops-m03', unitId: null, video, cover: null, durationSeconds: 60 }));
    return { memberId: 'b-netops-m03', rule: 'lessonGiven', call: () => as(stack, SECRETARY, 'lesson.publish', { lessonId: lesson.id }) };
  },
  'project.completeMilestone': async () => {
    const project = data<{ id: string; milestones: Array<{ id: string }> }>(await as(stack, SECRETARY, 'project.create', { requestId: 'crash-project-01', kind: 'secretary', title: '攻坚项目', goal: '完成攻坚', leadId: 'b-netops-m02', overrideReason: '测试', groupIds: [], unitIds: [], milestones: [{ title: '第一节点', ownerId: 'b-netops-m28', dueOn: chinaDay(new Date(START.getTime() + 10 * 86_400_000)) }] }));
    return { memberId: 'b-netops-m28', rule: 'projectMilestone', call: () => as(stack, demoOpenid('b-netops-m28'), 'project.completeMilestone', { projectId: project.id, milestoneId: project.milestones[0].id }) };
  },
  'volunteer.confirm': async () => {
    const activity = data<{ id: string }>(await as(stack, SECRETARY, 'volunteer.create', { title: '社区服务', startsAt: START.toISOString(), place: '社区', organiserId: 'b-netops-m05' }));
    const record = data<{ records: Array<{ id: string }> }>(await as(stack, demoOpenid('b-netops-m29'), 'volunteer.claim', { activityId: activity.id, hours: 2, note: '' })).records[0];
    return { memberId: 'b-netops-m29', rule: 'volunteerHour', call: () => as(stack, demoOpenid('b-netops-m05'), 'volunteer.confirm', { recordId: record.id, approve: true, hours: null }) };
  },
  'cobuild.addActivity': async () => {
    const agreement = data<{ id: string }>(await as(stack, SECRETARY, 'cobuild.save', { partner: { name: '共建单位党支部', kind: 'bank', contact: '王主任' }, terms: '联合开展活动', signedOn: '2026-10-01', status: 'active', file: null }));
    return { memberId: 'b-netops-m30', rule: 'cobuildActivity', call: () => as(stack, SECRETARY, 'cobuild.addActivity', { agreementId: agreement.id, title: '联合活动', on: chinaDay(START), summary: '联合开展反诈宣传', participantIds: ['b-netops-m30'] }) };
  },
};

/** Every action whose handler awards points, read from the function sources (`award(` calls), by function. */
function awardingFunctions(): string[] {
  const root = join(__dirname, '..', '..', 'cloudfunctions');
  const names: string[] = [];
  for (const fn of readdirSync(root, { withFileTypes: true })) {
    if (!fn.isDirectory() || fn.name.startsWith('_')) continue;
    const files = readdirSync(join(root, fn.name)).filter((f) => f.endsWith('.ts'));
    if (files.some((f) => /\bawait award\(/.test(readFileSync(join(root, fn.name, f), 'utf8')))) names.push(fn.name);
  }
  return names.sort();
}

beforeAll(async () => {
  stack = await startLocalStack({ frozenAt: START });
});
afterAll(() => stack.stop());
afterEach(() => stack.emulator.database.failRequests(null));

it('covers every function that awards points', () => {
  // points (adjust) and pledge.review are corrections and reviews, tested in their own files.
  const covered = new Set(Object.keys(CASES).map((a) => a.split('.')[0]));
  expect(awardingFunctions().filter((fn) => !covered.has(fn))).toEqual([]);
});

it.each(Object.keys(CASES))('%s: a retry after a crash before the award awards once', async (action) => {
  const testCase = await CASES[action]();
  const before = await entries(testCase.memberId, testCase.rule);
  stack.emulator.database.failRequests(COLLECTIONS.totals);
  const crashed = await testCase.call();
  expect(crashed.ok).toBe(false);
  expect(crashed.error?.code).toBe('INTERNAL');
  stack.emulator.database.failRequests(null);
  expect(await entries(testCase.memberId, testCase.rule)).toBe(before);
  // The phone retries (the second answer may be "already done"), then once more.
  await testCase.call();
  expect(await entries(testCase.memberId, testCase.rule)).toBe(before + 1);
  await testCase.call();
  expect(await entries(testCase.memberId, testCase.rule)).toBe(before + 1);
});
