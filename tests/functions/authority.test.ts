/**
 * The authority matrix, generated from the policy table: every org action × every caller
 * kind × a target in the caller's own branch and in another — allowed exactly where
 * shared/api/policy.ts says, FORBIDDEN / UNAUTHENTICATED / NOT_FOUND elsewhere, and a
 * refused call leaves the database exactly as it was.
 */
import { POLICY, mayCall } from '../../shared/api/policy';
import type { ActionName } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/roles';
import { startLocalStack, type LocalStack } from '../support/stack';
import { issue } from '../../cloudfunctions/_shared/signin-token';
import { COLLECTIONS } from '../../shared/db/collections';
import { demoOpenid } from '../../scripts/seed/demo';
import { chinaDay, chinaQuarter, shiftQuarter } from '../../shared/time/china';
import { as, BRANCH_IDS, CALLERS, data, OTHER, type BranchKey, type CallerKind } from './support/org-fixtures';
import { pngBytes } from '../support/images';

/** The one instant this file runs at: its "this quarter" and "today" and the functions' stopped clock (stack.ts). */
const START = new Date();

let stack: LocalStack;
let snapshot: Record<string, unknown[]>;
/** The database's write count right after the snapshot was last restored (-1: never). */
let restoredAt = -1;
interface Fixture { code: string; requestId: string; dutyItemId: string; entryId: string; answeredRect: string; nominationId: string; lessonId: string; draftLessonId: string; pushId: string; noteId: string; meetingId: string; pledgeId: string; pledgeForSecretary: string; pledgeForLiaison: string; upcomingActivity: string; pastActivity: string; taskId: string; projectId: string; volunteerActivity: string; squadId: string; targetId: string; agreementId: string }
const blank = (): Fixture => ({ code: '', requestId: '', dutyItemId: '', entryId: '', answeredRect: '', nominationId: '', lessonId: '', draftLessonId: '', pushId: '', noteId: '', meetingId: '', pledgeId: '', pledgeForSecretary: '', pledgeForLiaison: '', upcomingActivity: '', pastActivity: '', taskId: '', projectId: '', volunteerActivity: '', squadId: '', targetId: '', agreementId: '' });
const fixtures: Record<BranchKey, Fixture> = { netops: blank(), market: blank() };
const NOTE_TEXT = '通过学习，我认识到党员要在本职岗位上发挥先锋模范作用，把学习成果转化为做好网络维护和客户服务的实际行动。';
const video = (b: BranchKey) => `cloud://local.local-bucket/lessons/b-${b}/matrix.mp4`;
/** A sign-in token for branch b's fixture meeting, made with the secret stored for it (read at call time, after beforeAll). */
const PLEDGE = { business: [{ text: '发展政企客户五家', measure: '全年' }], targets: [{ text: '故障处理及时率百分百', measure: '每季度' }], post: [{ text: '带头夜间值守', measure: '每月' }] };
const secretIn = (collection: string, id: string) => (snapshot[collection] as Array<{ _id: string; secret: string }>).find((d) => d._id === id)?.secret ?? '';
async function signPledge(openid: string, memberId: string): Promise<string> {
  data(await as(stack, openid, 'pledge.save', PLEDGE));
  const signature = await stack.putFile(`pledges/${memberId}/signature.png`, { bytes: pngBytes(), contentType: 'image/png' });
  return data<{ id: string }>(await as(stack, openid, 'pledge.sign', { signature })).id;
}
const TODAY = chinaDay(new Date(START));
const MILESTONE_DUE = chinaDay(new Date(START.getTime() + 10 * 86_400_000));
const taskInput = (target: unknown) => ({ requestId: 'matrix-task-01', kind: 'study', title: '学习任务', detail: '请完成学习', dueAt: new Date(START.getTime() + 86_400_000).toISOString(), doneBy: 'confirm', target });
const projectInput = (b: BranchKey, ownerId: string) => ({ requestId: `matrix-project-${ownerId}`, kind: 'secretary', title: '攻坚项目', goal: '完成攻坚', leadId: `b-${b}-m02`, overrideReason: '矩阵测试', groupIds: [], unitIds: [], milestones: [{ title: '第一节点', ownerId, dueOn: MILESTONE_DUE }] });
const agreementInput = (b: BranchKey) => ({ agreementId: fixtures[b].agreementId, partner: { name: '共建单位党支部', kind: 'bank', contact: '王主任' }, terms: '联合开展活动', signedOn: '2026-10-01', status: 'active', file: null });
/** Per caller, the project or volunteer record set up for them (they own the milestone / organise the activity). */
const ownProject = new Map<string, string>();
const ownRecord = new Map<string, string>();
const meetingSecret = (b: BranchKey) => (snapshot[COLLECTIONS.meetings] as Array<{ _id: string; secret: string }>).find((m) => m._id === fixtures[b].meetingId)?.secret ?? '';
const lessonInput = (b: BranchKey) => ({ title: '矩阵测试党课', summary: '测试', speakerId: `b-${b}-m02`, unitId: null, video: video(b), cover: null, durationSeconds: 60 });
/** A 三单 issued to each bound caller, by member id (for the member's own answer). */
const ownRect = new Map<string, string>();
const DUE = chinaDay(new Date(START.getTime() + 30 * 24 * 3600 * 1000));
const sandan = (memberId: string) => ({ memberId, period: shiftQuarter(chinaQuarter(new Date(START)), -4), responsibilities: ['落实岗位责任'], problems: ['学习不够经常'], actions: [{ text: '每周学习一次', dueOn: DUE }] });

/** Inputs per action, aimed at records of branch `b` (undefined = the action names no target). */
const NOW_Q = chinaQuarter(new Date(START));
const Q = { appraising: shiftQuarter(NOW_Q, -1), idle: shiftQuarter(NOW_Q, -2), closed: shiftQuarter(NOW_Q, -3), published: shiftQuarter(NOW_Q, -4) };
const BRANCH_SIZE: Record<BranchKey, number> = { netops: 32, market: 12 };

/** A full ballot for the caller: every other member of the caller's branch. */
function ballotFor(memberId: string | null, home: BranchKey) {
  const ids = Array.from({ length: BRANCH_SIZE[home] }, (_, i) => `b-${home}-m${String(i + 1).padStart(2, '0')}`);
  return { period: Q.appraising, ratings: ids.filter((id) => id !== memberId).map((id) => ({ memberId: id, rating: 'pass' })) };
}

/** The caller's own state some actions need first (e.g. a signed pledge before a fulfilment update); runs after the snapshot is restored. */
type Setup = (memberId: string | null, home: BranchKey) => Promise<void>;
type Input =
  | ((b: BranchKey, memberId: string | null) => unknown)
  | { fixed: unknown }
  | { byCaller: (memberId: string | null, home: BranchKey) => unknown; setup?: Setup };

const INPUTS: Record<ActionName, Input> = {
  'org.me': { fixed: {} },
  'org.whoami': { fixed: {} },
  'org.pyramid': { fixed: {} },
  'org.members': { fixed: {} },
  'org.member': (b) => ({ memberId: `b-${b}-m11` }),
  'org.updateMember': (b) => ({ memberId: `b-${b}-m11`, category: 'ill' }),
  'org.saveGroup': (b) => ({ groupId: `b-${b}-g1`, name: '第一党小组（调整）', leaderId: null }),
  'org.saveUnit': (b) => ({ unitId: `b-${b}-u1`, kind: 'post', name: '先锋岗', goal: '零投诉', leaderId: null, memberIds: [] }),
  'org.saveDutyItem': (b) => ({ memberId: `b-${b}-m02`, title: '发展党员工作', detail: '', status: 'todo', dueOn: null }),
  'org.deleteDutyItem': (b) => ({ itemId: fixtures[b].dutyItemId }),
  'org.createInvitation': (b) => ({ groupId: `b-${b}-g1`, expiresInDays: 3, maxUses: 5 }),
  'org.invitations': { fixed: {} },
  'org.revokeInvitation': (b) => ({ code: fixtures[b].code }),
  'org.invitationInfo': (b) => ({ code: fixtures[b].code }),
  'org.requestJoin': (b) => ({ code: fixtures[b].code, name: '矩阵测试', phone: '13800138000' }),
  'org.myJoinRequest': { fixed: {} },
  'org.joinRequests': { fixed: {} },
  'org.decideJoin': (b) => ({ requestId: fixtures[b].requestId, approve: false, reason: '测试' }),
  'org.transferMember': (b) => ({ memberId: `b-${b}-m11`, toBranchId: BRANCH_IDS[OTHER[b]], reason: '岗位调动' }),
  'org.branches': { fixed: {} },
  'org.branchMembers': (b) => ({ branchId: BRANCH_IDS[b] }),
  'org.auditLog': { fixed: {} },
  'points.myLedger': { fixed: {} },
  'points.memberLedger': (b) => ({ memberId: `b-${b}-m11` }),
  'points.ranking': { fixed: { scope: 'branch' } },
  'points.adjust': (b) => ({ memberId: `b-${b}-m11`, points: 2, category: 'optional', reason: '表现突出', requestId: 'req-matrix' }),
  'points.reverse': (b) => ({ entryId: fixtures[b].entryId, reason: '记错了' }),
  'points.rules': { fixed: {} },
  'points.compareBranches': { fixed: {} },
  'points.saveRule': { fixed: { code: 'taskDone', points: 3, dailyCap: null, periodCap: 12, effectiveFrom: chinaDay(new Date(START)) } },
  'quarter.status': { fixed: {} },
  'quarter.openAppraisal': { fixed: { period: NOW_Q } },
  'quarter.ballot': { fixed: { period: Q.appraising } },
  'quarter.castBallot': { byCaller: ballotFor },
  'quarter.closeAppraisal': { fixed: { period: Q.appraising } },
  'quarter.close': { fixed: { period: Q.idle } },
  'quarter.publish': { fixed: { period: Q.closed } },
  'quarter.result': { fixed: { period: Q.published } },
  'rectification.candidates': { fixed: { period: Q.published } },
  'rectification.issue': (b) => sandan(`b-${b}-m11`),
  'rectification.list': { fixed: {} },
  'rectification.mine': { fixed: {} },
  'rectification.answer': { byCaller: (memberId) => ({ rectificationId: ownRect.get(memberId ?? '') ?? 'rect-none', actionId: 'a1', text: '已按要求完成整改并提交材料', photos: [] }) },
  'bulletin.export': { fixed: { period: Q.published } },
  'honour.nominate': { byCaller: (memberId) => ({ period: NOW_Q, memberId: memberId === 'b-netops-m07' ? 'b-netops-m10' : 'b-netops-m10', story: '在抗洪抢险通信保障中连续奋战三昼夜，保障了重点区域的网络畅通。', photo: null }) },
  'honour.nominations': { fixed: { period: NOW_Q } },
  'honour.confirm': (b) => ({ nominationId: fixtures[b].nominationId, approve: true }),
  'honour.wall': { fixed: {} },
  'plan.items': { fixed: { year: 2026 } },
  'plan.saveItem': (b) => ({ year: 2026, title: '高铁沿线信号覆盖', ownerId: `b-${b}-m03`, targets: ['勘察', '建设', '优化', '验收'], results: ['', '', '', ''] }),
  'award.year': { fixed: { year: 2026 } },
  'award.confirm': (b) => ({ year: 2026, title: '优秀共产党员', memberIds: [`b-${b}-m04`] }),
  'award.list': { fixed: { year: 2026 } },
  'lesson.create': lessonInput,
  'lesson.list': { fixed: {} },
  'lesson.view': (b) => ({ lessonId: fixtures[b].lessonId }),
  'lesson.progress': (b) => ({ lessonId: fixtures[b].lessonId, sessionId: 'matrix01', position: 0 }),
  'lesson.publish': (b) => ({ lessonId: fixtures[b].draftLessonId }),
  'lesson.poster': (b) => ({ lessonId: fixtures[b].lessonId }),
  'lesson.completion': (b) => ({ lessonId: fixtures[b].lessonId }),
  'lesson.setRecorder': (b) => ({ memberId: `b-${b}-m11`, allowed: true }),
  'studyPush.send': (b) => ({ title: '学习要点', body: '请认真学习本周的学习要点内容。', images: [], lessonId: null, groupIds: [`b-${b}-g1`], sendAt: null, requestId: 'matrix-push-01' }),
  'studyPush.mine': { fixed: {} },
  'studyPush.view': (b) => ({ pushId: fixtures[b].pushId }),
  'studyPush.read': (b) => ({ pushId: fixtures[b].pushId }),
  'studyPush.list': { fixed: {} },
  'studyPush.readers': (b) => ({ pushId: fixtures[b].pushId }),
  'studyPush.subscribe': { fixed: { template: 'studyPush', accepted: true } },
  'note.submit': { fixed: { requestId: 'matrix-note-01', text: NOTE_TEXT, images: [], lessonId: null, pushId: null } },
  'note.feed': { fixed: {} },
  'note.mine': { fixed: {} },
  'note.get': (b) => ({ noteId: fixtures[b].noteId }),
  'note.like': (b) => ({ noteId: fixtures[b].noteId, liked: true }),
  'note.comment': (b) => ({ noteId: fixtures[b].noteId, requestId: 'matrix-comment-01', text: '写得很好' }),
  'note.feature': (b) => ({ noteId: fixtures[b].noteId }),
  'meeting.schedule': (b) => ({ kind: 'group', title: '党小组会', startsAt: new Date(START.getTime() + 24 * 3600 * 1000).toISOString(), place: '党员活动室', agenda: '学习党章', groupId: `b-${b}-g1`, attendeeIds: null }),
  'meeting.list': { fixed: {} },
  'meeting.get': (b) => ({ meetingId: fixtures[b].meetingId }),
  'meeting.signInCode': (b) => ({ meetingId: fixtures[b].meetingId }),
  'meeting.signIn': (b) => ({ token: issue(fixtures[b].meetingId, meetingSecret(b), new Date(START)) }),
  'meeting.markAttendance': (b) => ({ meetingId: fixtures[b].meetingId, memberId: `b-${b}-m11`, status: 'absent', reason: '出差' }),
  'meeting.saveMinutes': (b) => ({ meetingId: fixtures[b].meetingId, text: '会议按议程进行，形成决议并报党委。', photos: [] }),
  'meeting.quarterReport': { fixed: {} },
  'badgeCheckin.submit': { byCaller: (memberId) => ({ photo: `cloud://local.local-bucket/checkins/${memberId ?? 'none'}/matrix.jpg`, location: null }) },
  'badgeCheckin.mine': { fixed: {} },
  'badgeCheckin.wall': { fixed: {} },
  'badgeCheckin.rates': { fixed: { from: '2026-11-01', to: '2026-11-30' } },
  'pledge.mine': { fixed: {} },
  'pledge.save': { fixed: PLEDGE },
  'pledge.sign': { byCaller: (memberId) => ({ signature: `cloud://local.local-bucket/pledges/${memberId ?? 'none'}/signature.png` }) },
  'pledge.board': { fixed: {} },
  'pledge.get': (b) => ({ pledgeId: fixtures[b].pledgeId }),
  'pledge.addFulfilment': {
    byCaller: () => ({ requestId: 'matrix-fulfil-01', itemId: null, text: '本季度发展政企客户两家。', photos: [] }),
    setup: async (memberId) => {
      if (memberId) data(await as(stack, demoOpenid(memberId), 'pledge.sign', { signature: `cloud://local.local-bucket/pledges/${memberId}/signature.png` }));
    },
  },
  // The secretary reviews members of a group without a liaison; the committee member those of the group they look after.
  'pledge.review': (b, memberId) => ({ pledgeId: memberId === 'b-netops-m01' ? fixtures[b].pledgeForSecretary : fixtures[b].pledgeForLiaison, period: NOW_Q, rating: 'good', comment: '按计划推进' }),
  'pledge.reviewQueue': { fixed: {} },
  'pledge.status': { fixed: {} },
  'activity.create': { fixed: { theme: '主题党日', startsAt: new Date(START.getTime() + 86_400_000).toISOString(), place: '活动室', detail: '参观学习', capacity: 0, oath: true } },
  'activity.list': { fixed: {} },
  'activity.get': (b) => ({ activityId: fixtures[b].upcomingActivity }),
  'activity.signUp': (b) => ({ activityId: fixtures[b].upcomingActivity, going: true }),
  'activity.signInCode': (b) => ({ activityId: fixtures[b].pastActivity }),
  'activity.signIn': (b) => ({ token: issue(fixtures[b].pastActivity, secretIn(COLLECTIONS.activities, fixtures[b].pastActivity), new Date(START)) }),
  'activity.saveSummary': (b) => ({ activityId: fixtures[b].pastActivity, text: '活动圆满完成，大家收获很大。', photos: [] }),
  'task.publish': (b) => taskInput({ kind: 'groups', ids: [`b-${b}-g1`] }),
  'task.mine': { fixed: {} },
  'task.get': (b) => ({ taskId: fixtures[b].taskId }),
  'task.complete': (b) => ({ taskId: fixtures[b].taskId, noteId: null, photos: [] }),
  'task.list': { fixed: {} },
  'task.board': (b) => ({ taskId: fixtures[b].taskId }),
  'task.remind': (b) => ({ taskId: fixtures[b].taskId }),
  'project.proposeLead': { fixed: {} },
  'project.create': (b) => projectInput(b, `b-${b}-m11`),
  'project.list': { fixed: {} },
  'project.get': (b) => ({ projectId: fixtures[b].projectId }),
  'project.setStatus': (b) => ({ projectId: fixtures[b].projectId, status: 'inProgress', note: '' }),
  'project.completeMilestone': {
    byCaller: (memberId) => ({ projectId: ownProject.get(memberId ?? '') ?? 'pj-none', milestoneId: 'ms1' }),
    setup: async (memberId, home) => {
      if (memberId) ownProject.set(memberId, data<{ id: string }>(await as(stack, demoOpenid(`b-${home}-m01`), 'project.create', projectInput(home, memberId))).id);
    },
  },
  'project.addUpdate': {
    byCaller: (memberId) => ({ projectId: ownProject.get(memberId ?? '') ?? 'pj-none', requestId: 'matrix-update-01', text: '本周完成勘察', photos: [] }),
    setup: async (memberId, home) => {
      if (memberId) ownProject.set(memberId, data<{ id: string }>(await as(stack, demoOpenid(`b-${home}-m01`), 'project.create', projectInput(home, memberId))).id);
    },
  },
  'project.overview': { fixed: {} },
  'volunteer.create': (b) => ({ title: '志愿服务', startsAt: new Date(START).toISOString(), place: '社区', organiserId: `b-${b}-m05` }),
  'volunteer.list': { fixed: {} },
  'volunteer.claim': (b) => ({ activityId: fixtures[b].volunteerActivity, hours: 1, note: '' }),
  'volunteer.confirm': {
    byCaller: (memberId) => ({ recordId: ownRecord.get(memberId ?? '') ?? 'rec-none', approve: true, hours: null }),
    setup: async (memberId, home) => {
      if (!memberId) return;
      const activity = data<{ id: string }>(await as(stack, demoOpenid(`b-${home}-m01`), 'volunteer.create', { title: '志愿服务', startsAt: new Date(START).toISOString(), place: '社区', organiserId: memberId }));
      const volunteer = memberId === `b-${home}-m09` ? `b-${home}-m08` : `b-${home}-m09`;
      const claimed = data<{ records: Array<{ id: string }> }>(await as(stack, demoOpenid(volunteer), 'volunteer.claim', { activityId: activity.id, hours: 1, note: '' }));
      ownRecord.set(memberId, claimed.records[0].id);
    },
  },
  'volunteer.hours': { fixed: {} },
  'target.save': (b) => ({ unitId: fixtures[b].squadId, metric: '新增宽带', measure: '户', goal: 100, startOn: '2026-01-01', endOn: '2099-12-31' }),
  'target.list': { fixed: {} },
  'target.addProgress': {
    byCaller: (_memberId, home) => ({ targetId: fixtures[home].targetId, on: TODAY, value: 10, note: '' }),
    setup: async (memberId, home) => {
      if (!memberId) return;
      const unit = ((await stack.state()) as Record<string, Array<{ _id: string; kind: string; name: string; goal: string; memberIds: string[] }>>).units.find((u) => u._id === fixtures[home].squadId) as { _id: string; kind: string; name: string; goal: string; memberIds: string[] };
      data(await as(stack, demoOpenid(`b-${home}-m01`), 'org.saveUnit', { unitId: unit._id, kind: unit.kind, name: unit.name, goal: unit.goal, leaderId: memberId, memberIds: unit.memberIds }));
    },
  },
  'cobuild.save': agreementInput,
  'cobuild.list': { fixed: {} },
  'cobuild.addActivity': (b) => ({ agreementId: fixtures[b].agreementId, title: '联合活动', on: TODAY, summary: '联合开展反诈宣传', participantIds: [`b-${b}-m10`] }),
  'cobuild.overview': { fixed: {} },
  'dashboard.quarter': { fixed: {} },
  'rectification.review': (b) => ({ rectificationId: fixtures[b].answeredRect, actionId: 'a1', verdict: 'verified', note: '' }),
};

const ROLE_OF: Record<Exclude<CallerKind, 'unbound'>, Role[]> = {
  member: ['member'],
  groupLeader: ['member', 'groupLeader'],
  committeeMember: ['member', 'committeeMember'],
  secretary: ['member', 'secretary', 'committeeMember'],
  committeeAdmin: ['member', 'committeeAdmin'],
};

beforeAll(async () => {
  stack = await startLocalStack({ frozenAt: START });
  for (const b of ['netops', 'market'] as const) {
    const secretary = demoOpenid(`b-${b}-m01`);
    const invitation = data<{ code: string }>(await as(stack, secretary, 'org.createInvitation', { groupId: null, expiresInDays: 7, maxUses: 50 }));
    const request = data<{ id: string }>(
      await as(stack, `o_pending_${b}`, 'org.requestJoin', { code: invitation.code, name: '待审核人', phone: '13900000000' }),
    );
    const item = data<{ id: string }>(
      await as(stack, secretary, 'org.saveDutyItem', { memberId: `b-${b}-m02`, title: '宣传工作', detail: '', status: 'doing', dueOn: '2026-12-31' }),
    );
    const entry = data<{ entryId: string }>(
      await as(stack, secretary, 'points.adjust', { memberId: `b-${b}-m12`, points: 1, category: 'optional', reason: '志愿服务补记', requestId: `fixture-${b}` }),
    );
    fixtures[b] = { ...blank(), code: invitation.code, requestId: request.id, dutyItemId: item.id, entryId: entry.entryId };
    // Study: a published lesson and a draft, a push to the whole branch, a note.
    await stack.putFile(`lessons/b-${b}/matrix.mp4`, { bytes: Buffer.from('video'), contentType: 'video/mp4' });
    const lesson = data<{ id: string }>(await as(stack, secretary, 'lesson.create', lessonInput(b)));
    data(await as(stack, secretary, 'lesson.publish', { lessonId: lesson.id }));
    fixtures[b].lessonId = lesson.id;
    fixtures[b].draftLessonId = data<{ id: string }>(await as(stack, secretary, 'lesson.create', lessonInput(b))).id;
    // Recorders, so every caller kind may submit a lesson (the matrix checks the policy, not this permission).
    for (const memberId of b === 'netops' ? ['b-netops-m10', 'b-netops-m07'] : ['b-market-m06']) data(await as(stack, secretary, 'lesson.setRecorder', { memberId, allowed: true }));
    fixtures[b].pushId = data<{ id: string }>(await as(stack, secretary, 'studyPush.send', { title: '本周学习要点', body: '请认真学习本周的学习要点内容。', images: [], lessonId: null, groupIds: [], sendAt: null, requestId: 'fixture-push-01' })).id;
    fixtures[b].meetingId = data<{ id: string }>(await as(stack, secretary, 'meeting.schedule', { kind: 'assembly', title: '矩阵测试党员大会', startsAt: new Date(START.getTime() - 3600 * 1000).toISOString(), place: '党员活动室', agenda: '学习', groupId: null, attendeeIds: null })).id;
    // Identity: signed pledges (one for the secretary to review: its group has no liaison; one for the liaison), two activities.
    const liaisonGroup = b === 'netops' ? 'b-netops-g1' : 'b-market-g1';
    const plainGroup = b === 'netops' ? 'b-netops-g3' : 'b-market-g2';
    const groups = ((await stack.state()) as Record<string, Array<{ _id: string; name: string; leaderId: string | null }>>).groups;
    const plain = groups.find((g) => g._id === plainGroup) as { name: string; leaderId: string | null };
    data(await as(stack, secretary, 'org.saveGroup', { groupId: plainGroup, name: plain.name, leaderId: plain.leaderId, liaisonId: null }));
    const people = ((await stack.state()) as Record<string, Array<{ _id: string; groupId: string | null; roles: string[] }>>).members;
    const ordinary = (groupId: string) => people.filter((m) => m.groupId === groupId && m.roles.length === 1 && !['b-netops-m10', 'b-netops-m07'].includes(m._id));
    const forLiaison = ordinary(liaisonGroup)[0]._id;
    const forSecretary = ordinary(plainGroup)[0]._id;
    fixtures[b].pledgeForLiaison = await signPledge(demoOpenid(forLiaison), forLiaison);
    fixtures[b].pledgeForSecretary = await signPledge(demoOpenid(forSecretary), forSecretary);
    fixtures[b].pledgeId = fixtures[b].pledgeForLiaison;
    const activity = (startsAt: string) => ({ theme: '主题党日', startsAt, place: '活动室', detail: '参观学习', capacity: 0, oath: true });
    fixtures[b].upcomingActivity = data<{ id: string }>(await as(stack, secretary, 'activity.create', activity(new Date(START.getTime() + 86_400_000).toISOString()))).id;
    fixtures[b].pastActivity = data<{ id: string }>(await as(stack, secretary, 'activity.create', activity(new Date(START.getTime() - 3_600_000).toISOString()))).id;
    // Work: a branch-wide task, a project, a volunteer activity, the squad's target, an active agreement.
    fixtures[b].taskId = data<{ id: string }>(await as(stack, secretary, 'task.publish', { ...taskInput({ kind: 'branch' }), requestId: 'fixture-task-01' })).id;
    fixtures[b].projectId = data<{ id: string }>(await as(stack, secretary, 'project.create', { ...projectInput(b, `b-${b}-m11`), requestId: 'fixture-project-01' })).id;
    fixtures[b].volunteerActivity = data<{ id: string }>(await as(stack, secretary, 'volunteer.create', { title: '志愿服务', startsAt: new Date(START).toISOString(), place: '社区', organiserId: `b-${b}-m05` })).id;
    fixtures[b].squadId = (((await stack.state()) as Record<string, Array<{ _id: string; branchId: string; kind: string }>>).units.find((u) => u.branchId === `b-${b}` && u.kind === 'squad') as { _id: string })._id;
    fixtures[b].targetId = data<{ id: string }>(await as(stack, secretary, 'target.save', { unitId: fixtures[b].squadId, metric: '新增宽带', measure: '户', goal: 100, startOn: '2026-01-01', endOn: '2099-12-31' })).id;
    fixtures[b].agreementId = data<{ id: string }>(await as(stack, secretary, 'cobuild.save', { ...agreementInput(b), agreementId: undefined })).id;
    fixtures[b].noteId = data<{ id: string }>(await as(stack, demoOpenid(`b-${b}-m09`), 'note.submit', { requestId: 'fixture-note-01', text: NOTE_TEXT, images: [], lessonId: null, pushId: null })).id;
    data(await as(stack, secretary, 'quarter.openAppraisal', { period: Q.appraising }));
    data(await as(stack, secretary, 'quarter.close', { period: Q.closed }));
    data(await as(stack, secretary, 'quarter.close', { period: Q.published }));
    data(await as(stack, secretary, 'quarter.publish', { period: Q.published }));
    const answered = data<{ id: string }>(await as(stack, secretary, 'rectification.issue', sandan(`b-${b}-m12`)));
    data(await as(stack, demoOpenid(`b-${b}-m12`), 'rectification.answer', { rectificationId: answered.id, actionId: 'a1', text: '已按要求完成整改并提交材料', photos: [] }));
    fixtures[b].answeredRect = answered.id;
    // A nomination by a group leader of the branch, for the secretary to confirm.
    const leader = b === 'netops' ? 'b-netops-m07' : 'b-market-m05';
    const nominee = b === 'netops' ? 'b-netops-m13' : 'b-market-m07';
    const nomination = data<{ id: string }>(await as(stack, demoOpenid(leader), 'honour.nominate', { period: NOW_Q, memberId: nominee, story: '长期扎根一线，带领班组完成年度攻坚任务，群众口碑好。', photo: null }));
    fixtures[b].nominationId = nomination.id;
  }
  for (const kind of Object.keys(CALLERS) as CallerKind[]) {
    const { openid, home } = CALLERS[kind];
    if (!openid.startsWith('o_demo_')) continue;
    const memberId = openid.slice('o_demo_'.length);
    // Each caller's check-in photo and signature image in their own folders, and a draft pledge.
    await stack.putFile(`checkins/${memberId}/matrix.jpg`, { bytes: pngBytes(), contentType: 'image/jpeg' });
    await stack.putFile(`pledges/${memberId}/signature.png`, { bytes: pngBytes(), contentType: 'image/png' });
    data(await as(stack, openid, 'pledge.save', PLEDGE));
    const issued = data<{ id: string }>(await as(stack, demoOpenid(`b-${home}-m01`), 'rectification.issue', sandan(memberId)));
    ownRect.set(memberId, issued.id);
  }
  snapshot = (await stack.state());
});

afterAll(() => stack.stop());

interface Case {
  action: ActionName;
  caller: CallerKind;
  target: 'own' | 'other' | 'none';
}

const cases: Case[] = [];
for (const action of Object.keys(POLICY) as ActionName[]) {
  for (const caller of Object.keys(CALLERS) as CallerKind[]) {
    const input = INPUTS[action];
    if ('fixed' in input || 'byCaller' in input) cases.push({ action, caller, target: 'none' });
    else cases.push({ action, caller, target: 'own' }, { action, caller, target: 'other' });
  }
}

function expected({ action, caller, target }: Case): 'ok' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'NOT_FOUND' {
  const roles = caller === 'unbound' ? null : ROLE_OF[caller];
  if (!mayCall(action, roles)) return roles ? 'FORBIDDEN' : 'UNAUTHENTICATED';
  // Branch-scoped actions cannot reach another branch's records: they look missing.
  if (POLICY[action].scope === 'ownBranch' && target === 'other') return 'NOT_FOUND';
  return 'ok';
}

describe('authority matrix (generated from shared/api/policy.ts)', () => {
  it('covers every action of the contract', () => {
    expect(cases.length).toBeGreaterThan(150);
    expect(new Set(cases.map((c) => c.action)).size).toBe(Object.keys(POLICY).length);
  });

  it('gives writes (audited actions) only to the secretary and the committee admin', () => {
    for (const [action, policy] of Object.entries(POLICY)) {
      if (!('audited' in policy && policy.audited)) continue;
      for (const caller of policy.callers) expect([action, caller]).toEqual([action, expect.stringMatching(/^(secretary|committeeAdmin)$/)]);
    }
  });

  it.each(cases.map((c) => [c.action, c.caller, c.target, c] as const))('%s as %s on %s data', async (_a, _c, _t, testCase) => {
    // Back to the snapshot unless nothing at all was written since it was last restored.
    if (stack.dataWrites() !== restoredAt) {
      stack.emulator.database.importState(snapshot);
      restoredAt = stack.dataWrites();
    }
    const { openid, home } = CALLERS[testCase.caller];
    const input = INPUTS[testCase.action];
    const branch: BranchKey = testCase.target === 'other' ? OTHER[home] : home;
    const memberId = openid.startsWith('o_demo_') ? openid.slice('o_demo_'.length) : null;
    if ('setup' in input && input.setup) await input.setup(memberId, home);
    const before = stack.dataWrites();
    const payload = 'fixed' in input ? input.fixed : 'byCaller' in input ? input.byCaller(memberId, home) : input(branch, memberId);
    const reply = await as(stack, openid, testCase.action, payload);
    const want = expected(testCase);
    if (want === 'ok') {
      expect(reply.error).toBeUndefined();
      expect(reply.ok).toBe(true);
    } else {
      expect(reply.error?.code).toBe(want);
      // Not one row written (stricter than comparing the documents: even a rewrite of the same value counts).
      expect(stack.dataWrites()).toBe(before);
    }
  });
});
