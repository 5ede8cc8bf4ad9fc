/**
 * 三会一课 through the function host: scheduling with default attendees, the rotating sign-in
 * code (an expired, forged or foreign token is refused and writes nothing; signing in twice
 * counts once, points included), absence with a reason, minutes with photos, and the
 * quarter's count against what the rules require. No output ever carries a meeting's secret.
 */
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoData, demoOpenid } from '../../scripts/seed/demo';
import { issue } from '../../cloudfunctions/_shared/signin-token';
import { COLLECTIONS } from '../../shared/db/collections';
import type { AttendanceRow, MeetingView } from '../../shared/api/contract';
import type { MemberDoc } from '../../shared/domain/org';
import { chinaMonth, chinaQuarter, quarterBounds, quarterMonths, shiftQuarter } from '../../shared/time/china';
import { as as callAs, data, type Envelope } from './support/org-fixtures';
import { pngBytes } from '../support/images';

let stack: LocalStack;
const SECRETARY = demoOpenid('b-netops-m01');
const MEMBER = demoOpenid('b-netops-m10');
const MARKET_SECRETARY = demoOpenid('b-market-m01');
const MARKET_MEMBER = demoOpenid('b-market-m04');
const HOUR = 3600 * 1000;
/**
 * The functions' clock runs from the middle of a quarter (a Wednesday morning), whatever the
 * real date: "ten minutes ago" and "next week" stay in the quarter, and every expectation
 * below is computed from the same clock.
 */
const PINNED = new Date('2026-11-18T10:00:00+08:00');
const clock = () => stack.emulator.functions.now();
const EXPIRED = '签到码已过期，请扫描现场最新的二维码';

/** Every reply of the test, to check at the end that no secret ever left the function. */
const replies: string[] = [];
async function as(openid: string, action: string, input: unknown): Promise<Envelope> {
  const reply = await callAs(stack, openid, action, input);
  replies.push(JSON.stringify(reply));
  return reply;
}

const netopsMembers = (demoData()[COLLECTIONS.members] as MemberDoc[]).filter((m) => m.branchId === 'b-netops');

interface Code { token: string; qrUrl: string; page: string; expiresAt: string }
interface SignedIn { meeting: MeetingView; alreadySignedIn: boolean }
interface Ledger { entries: Array<{ id: string; rule: string | null; kind: string; points: number; source: string; label: string; reverses: string | null }> }

const meetingInput = (over: Record<string, unknown> = {}) => ({
  kind: 'assembly',
  title: '支部党员大会',
  startsAt: new Date(clock().getTime() - 10 * 60 * 1000).toISOString(),
  place: '三楼党员活动室',
  agenda: '传达学习上级会议精神；讨论本季度工作',
  groupId: null,
  attendeeIds: null,
  ...over,
});

async function schedule(openid: string, over: Record<string, unknown> = {}): Promise<MeetingView> {
  return data<MeetingView>(await as(openid, 'meeting.schedule', meetingInput(over)));
}

async function state() {
  return (await stack.state());
}

async function secretOf(meetingId: string): Promise<string> {
  const doc = ((await state())[COLLECTIONS.meetings] as Array<{ _id: string; secret: string }>).find((d) => d._id === meetingId);
  if (!doc) throw new Error(`no meeting ${meetingId}`);
  return doc.secret;
}

async function attendanceDocs(meetingId: string): Promise<Array<{ _id: string; status: string }>> {
  return (((await state())[COLLECTIONS.attendance] ?? []) as Array<{ _id: string; meetingId: string; status: string }>).filter((a) => a.meetingId === meetingId);
}

const ledger = async (openid: string) => data<Ledger>(await as(openid, 'points.myLedger', {})).entries;

beforeAll(async () => {
  stack = await startLocalStack();
  stack.emulator.functions.setClock(PINNED);
});
afterAll(() => stack.stop());

describe('scheduling', () => {
  it('defaults the attendees by kind: everyone, the committee, or the group', async () => {
    const assembly = await schedule(SECRETARY);
    expect(assembly).toMatchObject({ kind: 'assembly', attendees: 32, present: 0, held: false, group: null, minutes: null, mine: { expected: true, status: 'pending' } });
    expect(assembly.id).toMatch(/^mt[A-Za-z0-9_-]{10}$/);
    const lecture = await schedule(SECRETARY, { kind: 'lecture', title: '专题党课' });
    expect(lecture.attendees).toBe(32);
    const committee = await schedule(SECRETARY, { kind: 'committee', title: '支委会' });
    expect(committee.attendees).toBe(netopsMembers.filter((m) => m.roles.includes('committeeMember') || m.roles.includes('secretary')).length);
    expect(committee.attendees).toBe(5);
    const group = await schedule(SECRETARY, { kind: 'group', title: '党小组会', groupId: 'b-netops-g2' });
    expect(group.group).toEqual({ id: 'b-netops-g2', name: '第二党小组（无线）' });
    expect(group.attendees).toBe(netopsMembers.filter((m) => m.groupId === 'b-netops-g2').length);
    // The secretary is not in group 2, so the meeting is not "mine" for them.
    expect(group.mine.expected).toBe(false);

    const explicit = await schedule(SECRETARY, { kind: 'committee', title: '扩大支委会', attendeeIds: ['b-netops-m02', 'b-netops-m03', 'b-netops-m10', 'b-netops-m10'] });
    expect(explicit.attendees).toBe(3);
  });

  it('needs a group of the own branch for a group meeting, and members of the own branch', async () => {
    const noGroup = await as(SECRETARY, 'meeting.schedule', meetingInput({ kind: 'group', title: '党小组会' }));
    expect(noGroup.error).toMatchObject({ code: 'INVALID_INPUT', fields: { groupId: expect.any(String) } });
    const foreignGroup = await as(SECRETARY, 'meeting.schedule', meetingInput({ kind: 'group', title: '党小组会', groupId: 'b-market-g1' }));
    expect(foreignGroup.error?.code).toBe('NOT_FOUND');
    const groupOnAssembly = await as(SECRETARY, 'meeting.schedule', meetingInput({ groupId: 'b-netops-g1' }));
    expect(groupOnAssembly.error?.fields?.groupId).toBeDefined();
    const foreignMember = await as(SECRETARY, 'meeting.schedule', meetingInput({ attendeeIds: ['b-netops-m02', 'b-market-m02'] }));
    expect(foreignMember.error?.code).toBe('NOT_FOUND');
    const badTime = await as(SECRETARY, 'meeting.schedule', meetingInput({ startsAt: '2026-11-30 14:00' }));
    expect(badTime.error?.fields?.startsAt).toBeDefined();
    expect((await as(MEMBER, 'meeting.schedule', meetingInput())).error?.code).toBe('FORBIDDEN');
  });

  it('keeps +08:00 instants exact and lists meetings of the quarter, members seeing only their own', async () => {
    const at = new Date(clock().getTime() + 48 * HOUR);
    const local = new Date(at.getTime() + 8 * HOUR).toISOString().replace('Z', '+08:00');
    const m = await schedule(SECRETARY, { startsAt: local, title: '下周支部党员大会' });
    expect(new Date(m.startsAt).getTime()).toBe(new Date(local).getTime());
    const committee = await schedule(SECRETARY, { kind: 'committee', title: '支委会（列表）' });

    const mine = data<{ period: string; items: MeetingView[] }>(await as(MEMBER, 'meeting.list', {}));
    const period = chinaQuarter(clock());
    expect(mine.period).toBe(period);
    const ids = mine.items.map((i) => i.id);
    if (chinaQuarter(at) === period) expect(ids).toContain(m.id);
    expect(ids).not.toContain(committee.id);
    expect(mine.items.every((i) => i.mine.expected)).toBe(true);
    const all = data<{ items: MeetingView[] }>(await as(SECRETARY, 'meeting.list', {})).items.map((i) => i.id);
    expect(all).toContain(committee.id);
    // In time order.
    const times = data<{ items: MeetingView[] }>(await as(SECRETARY, 'meeting.list', {})).items.map((i) => i.startsAt);
    expect([...times].sort()).toEqual(times);
    // A member not expected at a committee meeting cannot open it either.
    expect((await as(MEMBER, 'meeting.get', { meetingId: committee.id })).error?.code).toBe('NOT_FOUND');
    expect(data<{ attendance: unknown }>(await as(demoOpenid('b-netops-m02'), 'meeting.get', { meetingId: committee.id })).attendance).toBeNull();
    expect(data<{ attendance: AttendanceRow[] }>(await as(SECRETARY, 'meeting.get', { meetingId: committee.id })).attendance).toHaveLength(5);
    expect((await as(MARKET_SECRETARY, 'meeting.get', { meetingId: committee.id })).error?.code).toBe('NOT_FOUND');
  });
});

describe('sign-in', () => {
  let meeting: MeetingView;
  beforeAll(async () => {
    meeting = await schedule(SECRETARY, { title: '十一月支部党员大会' });
  });

  it('shows a sign-in code that opens the sign-in page, only to the secretary', async () => {
    const code = data<Code>(await as(SECRETARY, 'meeting.signInCode', { meetingId: meeting.id }));
    expect(code.token.length).toBeLessThanOrEqual(32);
    expect(code.token.startsWith(`${meeting.id}.`)).toBe(true);
    expect(code.qrUrl).toMatch(/^data:image\/png;base64,/);
    expect(Buffer.from(code.qrUrl.split(',')[1], 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(code.page).toBe(`subpackages/study/pages/meeting-signin/index?scene=${encodeURIComponent(code.token)}`);
    const ttl = new Date(code.expiresAt).getTime() - clock().getTime();
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    expect((await as(MEMBER, 'meeting.signInCode', { meetingId: meeting.id })).error?.code).toBe('FORBIDDEN');
    expect((await as(MARKET_SECRETARY, 'meeting.signInCode', { meetingId: meeting.id })).error?.code).toBe('NOT_FOUND');
  });

  it('signs a member in once, with points in 积分档案; a second scan changes nothing', async () => {
    const { token } = data<Code>(await as(SECRETARY, 'meeting.signInCode', { meetingId: meeting.id }));
    const first = data<SignedIn>(await as(MEMBER, 'meeting.signIn', { token }));
    expect(first.alreadySignedIn).toBe(false);
    expect(first.meeting).toMatchObject({ id: meeting.id, title: '十一月支部党员大会', present: 1, held: true, mine: { expected: true, status: 'present' } });
    const entries = (await ledger(MEMBER)).filter((e) => e.source === `meeting:${meeting.id}`);
    expect(entries).toEqual([expect.objectContaining({ rule: 'meetingAttended', kind: 'award', points: 3, label: '十一月支部党员大会' })]);

    const before = (await state());
    const again = data<SignedIn>(await as(MEMBER, 'meeting.signIn', { token }));
    expect(again.alreadySignedIn).toBe(true);
    expect(again.meeting.present).toBe(1);
    expect((await state())).toEqual(before);
    expect((await attendanceDocs(meeting.id))).toHaveLength(1);
    expect((await ledger(MEMBER)).filter((e) => e.source === `meeting:${meeting.id}`)).toHaveLength(1);
  });

  it('refuses an expired token and writes nothing', async () => {
    const secret = (await secretOf(meeting.id));
    const old = issue(meeting.id, secret, new Date(clock().getTime() - 61_000));
    const before = (await state());
    const reply = await as(demoOpenid('b-netops-m11'), 'meeting.signIn', { token: old });
    expect(reply.error).toEqual({ code: 'INVALID_INPUT', message: EXPIRED, fields: { token: EXPIRED } });
    expect((await state())).toEqual(before);
    // The same member with a token issued just now is welcome.
    const fresh = issue(meeting.id, secret, clock());
    expect(data<SignedIn>(await as(demoOpenid('b-netops-m11'), 'meeting.signIn', { token: fresh })).alreadySignedIn).toBe(false);
  });

  it("refuses another meeting's signature, a forged token and another branch's meeting", async () => {
    const other = await schedule(SECRETARY, { title: '另一个会议' });
    const before = (await state());
    const crossed = issue(meeting.id, (await secretOf(other.id)), clock());
    expect((await as(demoOpenid('b-netops-m12'), 'meeting.signIn', { token: crossed })).error).toMatchObject({ code: 'INVALID_INPUT', fields: { token: expect.any(String) } });
    expect((await as(demoOpenid('b-netops-m12'), 'meeting.signIn', { token: `${meeting.id}.zzzzzz.AAAAAAAAAAA` })).error?.code).toBe('INVALID_INPUT');
    expect((await as(demoOpenid('b-netops-m12'), 'meeting.signIn', { token: 'not-a-token-at-all' })).error?.code).toBe('INVALID_INPUT');
    expect((await state())).toEqual(before);
    // A meeting of 市场经营党支部 with a valid token of its own: for a 网络运维 member it does not exist.
    const market = await schedule(MARKET_SECRETARY, { title: '市场支部党员大会' });
    const marketBefore = (await state());
    const { token } = data<Code>(await as(MARKET_SECRETARY, 'meeting.signInCode', { meetingId: market.id }));
    expect((await as(demoOpenid('b-netops-m12'), 'meeting.signIn', { token })).error?.code).toBe('NOT_FOUND');
    expect((await state())).toEqual(marketBefore);
    expect((await attendanceDocs(other.id))).toEqual([]);
  });

  it('a member of another branch cannot sign in: NOT_FOUND, database unchanged', async () => {
    const { token } = data<Code>(await as(SECRETARY, 'meeting.signInCode', { meetingId: meeting.id }));
    const before = (await state());
    const reply = await as(MARKET_MEMBER, 'meeting.signIn', { token });
    expect(reply.error?.code).toBe('NOT_FOUND');
    expect((await state())).toEqual(before);
  });

  it('refuses a member who is not expected at the meeting', async () => {
    const committee = await schedule(SECRETARY, { kind: 'committee', title: '支委会（签到）' });
    const { token } = data<Code>(await as(SECRETARY, 'meeting.signInCode', { meetingId: committee.id }));
    const before = (await state());
    const reply = await as(MEMBER, 'meeting.signIn', { token });
    expect(reply.error?.code).toBe('FORBIDDEN');
    expect(reply.error?.message).toContain('应到人员');
    expect((await state())).toEqual(before);
    expect(data<SignedIn>(await as(demoOpenid('b-netops-m03'), 'meeting.signIn', { token })).meeting.mine.status).toBe('present');
  });
});

describe('attendance by the secretary', () => {
  it('records an absence with a reason (required), audited; present awards points once', async () => {
    const meeting = await schedule(SECRETARY, { title: '考勤会议' });
    const noReason = await as(SECRETARY, 'meeting.markAttendance', { meetingId: meeting.id, memberId: 'b-netops-m20', status: 'absent', reason: '' });
    expect(noReason.error?.fields?.reason).toBe('请填写缺席原因');
    const { attendance } = data<{ attendance: AttendanceRow[] }>(
      await as(SECRETARY, 'meeting.markAttendance', { meetingId: meeting.id, memberId: 'b-netops-m20', status: 'absent', reason: '出差在外' }),
    );
    expect(attendance).toHaveLength(32);
    expect(attendance.find((r) => r.id === 'b-netops-m20')).toMatchObject({ status: 'absent', reason: '出差在外', at: expect.any(String) });
    expect(attendance.find((r) => r.id === 'b-netops-m21')).toMatchObject({ status: 'pending', reason: '', at: null });
    expect((await ledger(demoOpenid('b-netops-m20'))).filter((e) => e.source === `meeting:${meeting.id}`)).toEqual([]);

    data(await as(SECRETARY, 'meeting.markAttendance', { meetingId: meeting.id, memberId: 'b-netops-m21', status: 'present', reason: '' }));
    data(await as(SECRETARY, 'meeting.markAttendance', { meetingId: meeting.id, memberId: 'b-netops-m21', status: 'present', reason: '' }));
    expect((await ledger(demoOpenid('b-netops-m21'))).filter((e) => e.source === `meeting:${meeting.id}`)).toHaveLength(1);

    const log = data<{ entries: Array<{ action: string }> }>(await as(SECRETARY, 'org.auditLog', { limit: 50 }));
    expect(log.entries.filter((e) => e.action === 'meeting.markAttendance').length).toBeGreaterThanOrEqual(3);
    expect((await as(SECRETARY, 'meeting.markAttendance', { meetingId: meeting.id, memberId: 'b-market-m02', status: 'present', reason: '' })).error?.code).toBe('NOT_FOUND');
    expect((await as(MARKET_SECRETARY, 'meeting.markAttendance', { meetingId: meeting.id, memberId: 'b-netops-m20', status: 'present', reason: '' })).error?.code).toBe('NOT_FOUND');
  });

  it('absent after present: the attendance changes and the points are reversed with the reason', async () => {
    const meeting = await schedule(SECRETARY, { title: '纠正签到' });
    const member = demoOpenid('b-netops-m22');
    const { token } = data<Code>(await as(SECRETARY, 'meeting.signInCode', { meetingId: meeting.id }));
    data(await as(member, 'meeting.signIn', { token }));
    const { attendance } = data<{ attendance: AttendanceRow[] }>(
      await as(SECRETARY, 'meeting.markAttendance', { meetingId: meeting.id, memberId: 'b-netops-m22', status: 'absent', reason: '扫码后未参会' }),
    );
    expect(attendance.find((r) => r.id === 'b-netops-m22')?.status).toBe('absent');
    const entries = await ledger(member);
    const award = entries.find((e) => e.source === `meeting:${meeting.id}`);
    expect(award).toBeDefined();
    expect(entries.find((e) => e.reverses === award?.id)).toMatchObject({ kind: 'reversal', points: -3 });
    // The member's own view follows.
    const view = data<{ meeting: MeetingView }>(await as(member, 'meeting.get', { meetingId: meeting.id })).meeting;
    expect(view.mine.status).toBe('absent');
  });
});

describe('minutes', () => {
  it('takes text and photos from the meeting folder only, after the meeting started', async () => {
    const meeting = await schedule(SECRETARY, { title: '有记录的会议' });
    const future = await schedule(SECRETARY, { title: '未来的会议', startsAt: new Date(clock().getTime() + 24 * HOUR).toISOString() });
    const text = '会议传达学习了上级精神，讨论了本季度重点工作安排。';
    const tooEarly = await as(SECRETARY, 'meeting.saveMinutes', { meetingId: future.id, text, photos: [] });
    expect(tooEarly.error?.code).toBe('CONFLICT');

    const elsewhere = await stack.putFile(`meetings/${future.id}/x.jpg`, { bytes: pngBytes(), contentType: 'image/jpeg' });
    const foreign = await as(SECRETARY, 'meeting.saveMinutes', { meetingId: meeting.id, text, photos: [elsewhere] });
    expect(foreign.error?.fields?.photos).toBeDefined();

    const photo = await stack.putFile(`meetings/${meeting.id}/p1.jpg`, { bytes: pngBytes(), contentType: 'image/jpeg' });
    const saved = data<MeetingView>(await as(SECRETARY, 'meeting.saveMinutes', { meetingId: meeting.id, text, photos: [photo] }));
    expect(saved.held).toBe(true);
    expect(saved.minutes).toMatchObject({ text, by: expect.any(String) });
    expect(saved.minutes?.photoUrls).toHaveLength(1);
    expect(saved.minutes?.photoUrls[0]).toMatch(/^https?:\/\//);
    expect((await fetch(saved.minutes!.photoUrls[0])).status).toBe(200);
    expect((await as(MEMBER, 'meeting.saveMinutes', { meetingId: meeting.id, text, photos: [] })).error?.code).toBe('FORBIDDEN');
    const log = data<{ entries: Array<{ action: string }> }>(await as(SECRETARY, 'org.auditLog', { limit: 50 }));
    expect(log.entries.some((e) => e.action === 'meeting.saveMinutes')).toBe(true);
  });
});

describe('quarter report', () => {
  it("counts last quarter's held meetings per kind against the rules, with the gaps", async () => {
    const period = shiftQuarter(chinaQuarter(clock()), -1);
    const [m1, m2, m3] = quarterMonths(period);
    const at = (month: string, day = 10) => `${month}-${String(day).padStart(2, '0')}T14:30:00+08:00`;
    const minutes = '会议按议程进行，形成会议纪要并报党委备案。';

    const assembly = await schedule(SECRETARY, { startsAt: at(m1) });
    data(await as(SECRETARY, 'meeting.saveMinutes', { meetingId: assembly.id, text: minutes, photos: [] }));
    await schedule(SECRETARY, { kind: 'lecture', title: '没开成的党课', startsAt: at(m2) });
    for (const month of [m1, m3]) {
      const c = await schedule(SECRETARY, { kind: 'committee', title: '支委会', startsAt: at(month) });
      data(await as(SECRETARY, 'meeting.markAttendance', { meetingId: c.id, memberId: 'b-netops-m02', status: 'present', reason: '' }));
    }
    // Absences only: not held.
    const absent = await schedule(SECRETARY, { kind: 'committee', title: '支委会', startsAt: at(m2) });
    data(await as(SECRETARY, 'meeting.markAttendance', { meetingId: absent.id, memberId: 'b-netops-m02', status: 'absent', reason: '病假' }));
    const group = await schedule(SECRETARY, { kind: 'group', title: '党小组会', groupId: 'b-netops-g1', startsAt: at(m2) });
    data(await as(SECRETARY, 'meeting.saveMinutes', { meetingId: group.id, text: minutes, photos: [] }));

    const report = data<{ period: string; kinds: Array<{ kind: string; required: number; held: number; gaps: string[] }> }>(await as(SECRETARY, 'meeting.quarterReport', { period }));
    expect(report.period).toBe(period);
    const by = Object.fromEntries(report.kinds.map((k) => [k.kind, k]));
    const label = (month: string) => `${Number(month.slice(5))}月`;
    expect(by.assembly).toEqual({ kind: 'assembly', required: 1, held: 1, gaps: [] });
    expect(by.lecture).toEqual({ kind: 'lecture', required: 1, held: 0, gaps: ['本季度 党课未召开'] });
    expect(by.committee).toEqual({ kind: 'committee', required: 3, held: 2, gaps: [`${label(m2)} 支委会未召开`] });
    expect(by.group.required).toBe(9);
    expect(by.group.held).toBe(1);
    expect(by.group.gaps).toHaveLength(8);
    expect(by.group.gaps).toContain(`${label(m1)} 第一党小组（传输） 党小组会未召开`);
    expect(by.group.gaps).not.toContain(`${label(m2)} 第一党小组（传输） 党小组会未召开`);

    // This quarter: months that have not begun have no gaps yet.
    const now = data<{ kinds: Array<{ gaps: string[] }> }>(await as(SECRETARY, 'meeting.quarterReport', {}));
    const begun = quarterMonths(chinaQuarter(clock())).filter((m) => m <= chinaMonth(clock())).map(label);
    for (const gap of now.kinds.flatMap((k) => k.gaps)) expect(gap.startsWith('本季度') || begun.some((l) => gap.startsWith(`${l} `))).toBe(true);
    expect((await as(MEMBER, 'meeting.quarterReport', {})).error?.code).toBe('FORBIDDEN');
    // Another branch's report knows nothing of these meetings.
    const market = data<{ kinds: Array<{ kind: string; held: number }> }>(await as(MARKET_SECRETARY, 'meeting.quarterReport', { period }));
    expect(market.kinds.every((k) => k.held === 0)).toBe(true);
    // The list of that quarter has them, in time order.
    const listed = data<{ items: MeetingView[] }>(await as(SECRETARY, 'meeting.list', { period })).items;
    expect(listed.every((m) => new Date(m.startsAt) >= quarterBounds(period).start && new Date(m.startsAt) < quarterBounds(period).end)).toBe(true);
    expect(listed.map((m) => m.id)).toContain(assembly.id);
  });
});

describe('the reminder before a meeting', () => {
  const sentFor = (title: string) => stack.emulator.wechat.messages.filter((m) => m.data.thing1?.value === title);

  it('goes an hour ahead, once, only to expected attendees who subscribed, and never for another branch', async () => {
    const soon = await schedule(SECRETARY, { kind: 'committee', title: '支委会（提醒）', startsAt: new Date(clock().getTime() + 30 * 60 * 1000).toISOString() });
    const later = await schedule(SECRETARY, { title: '党员大会（提醒）', startsAt: new Date(clock().getTime() + 3 * HOUR).toISOString() });
    const committee = netopsMembers.filter((m) => m.roles.includes('committeeMember') || m.roles.includes('secretary'));
    const [subscribed, notSubscribed] = committee;
    const outsider = netopsMembers.find((m) => !committee.includes(m)) as MemberDoc;
    for (const m of [subscribed, outsider]) data(await as(demoOpenid(m._id), 'studyPush.subscribe', { template: 'meeting', accepted: true }));
    expect(soon.attendees).toBe(committee.length);

    const first = await stack.emulator.timers.fire('meeting', 'remind');
    expect(first).toMatchObject({ ok: true });
    const sent = sentFor('支委会（提醒）');
    // The committee member who subscribed; not the one who did not, nor the subscribed member who is not expected.
    expect(sent.map((m) => m.touser)).toEqual([demoOpenid(subscribed._id)]);
    expect(sent[0]).toMatchObject({ templateId: 'local-meeting', page: 'subpackages/study/pages/meetings/index', data: { thing3: { value: '三楼党员活动室' } } });
    expect(notSubscribed).toBeDefined();
    expect(sentFor('党员大会（提醒）')).toHaveLength(0); // three hours away

    // Again: the meeting is claimed, nothing is sent twice; the subscription was spent.
    await stack.emulator.timers.fire('meeting', 'remind');
    expect(sentFor('支委会（提醒）')).toHaveLength(1);
    const meetings = (await state())[COLLECTIONS.meetings] as Array<{ _id: string; remindedAt: unknown }>;
    expect(meetings.find((m) => m._id === soon.id)?.remindedAt).not.toBeNull();
    expect(meetings.find((m) => m._id === later.id)?.remindedAt ?? null).toBeNull();

    // Two and a half hours on, the later meeting is due; the outsider is expected there and still has a credit.
    stack.emulator.functions.advanceClock(2.5 * HOUR);
    try {
      await stack.emulator.timers.fire('meeting', 'remind');
    } finally {
      stack.emulator.functions.advanceClock(-2.5 * HOUR);
    }
    expect(sentFor('党员大会（提醒）').map((m) => m.touser)).toEqual([demoOpenid(outsider._id)]);

    // The market branch's secretary scheduled nothing: none of its members got anything.
    const marketOpenids = new Set((demoData()[COLLECTIONS.members] as MemberDoc[]).filter((m) => m.branchId === 'b-market').map((m) => demoOpenid(m._id)));
    expect(stack.emulator.wechat.messages.some((m) => marketOpenids.has(m.touser))).toBe(false);
  });

  it('cannot be set off from a phone', async () => {
    const reply = await stack.call('meeting.remind', {}, await stack.signIn(MEMBER));
    expect(reply.body).toMatchObject({ ok: false });
  });
});

describe('secrets', () => {
  it('never appear in any reply, the audit log included', async () => {
    data(await as(SECRETARY, 'org.auditLog', { limit: 50 }));
    const secrets = ((await state())[COLLECTIONS.meetings] as Array<{ secret: string }>).map((m) => m.secret);
    expect(secrets.length).toBeGreaterThan(10);
    expect(replies.length).toBeGreaterThan(50);
    for (const reply of replies) for (const secret of secrets) expect(reply.includes(secret)).toBe(false);
    expect(replies.some((r) => r.includes('"secret"'))).toBe(false);
  });
});
