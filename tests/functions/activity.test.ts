/**
 * 主题党日 through the function host: sign-up within capacity (also when members race for
 * the last place), on-site sign-in by rotating token — expired, foreign or swapped tokens
 * are refused — with oath participation and points once, and the summary afterwards.
 */
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';
import { issue } from '../../cloudfunctions/_shared/signin-token';
import { as, data } from './support/org-fixtures';
import { pngBytes } from '../support/images';

/** The one instant this file runs at: its times, its sign-in tokens and the functions' stopped clock (stack.ts), so a token never expires because the machine is slow. */
const START = new Date();

let stack: LocalStack;
const secretary = demoOpenid('b-netops-m01');
const inHours = (h: number) => new Date(START.getTime() + h * 3600_000).toISOString();
const activity = (extra: Record<string, unknown> = {}) => ({ theme: '重温入党誓词主题党日', startsAt: inHours(24), place: '党员活动室', detail: '参观红色教育基地，重温入党誓词。', capacity: 0, oath: true, ...extra });

interface Activity { id: string; signedUp: number; present: number; mine: { signedUp: boolean; present: boolean; oath: boolean } }
const secretOf = async (id: string) => (((await stack.state()) as Record<string, Array<{ _id: string; secret: string }>>).activities.find((a) => a._id === id) as { secret: string }).secret;

beforeAll(async () => {
  stack = await startLocalStack({ frozenAt: START });
});
afterAll(() => stack.stop());

describe('sign-up', () => {
  it('gives the last place to exactly one of several members racing for it', async () => {
    const created = data<Activity>(await as(stack, secretary, 'activity.create', activity({ capacity: 2 })));
    data(await as(stack, demoOpenid('b-netops-m10'), 'activity.signUp', { activityId: created.id, going: true }));
    const racers = ['m11', 'm12', 'm13', 'm14', 'm15'].map((m) => demoOpenid(`b-netops-${m}`));
    const replies = await Promise.all(racers.map((openid) => as(stack, openid, 'activity.signUp', { activityId: created.id, going: true })));
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.filter((r) => r.error?.code === 'CONFLICT')).toHaveLength(4);
    const got = data<{ activity: Activity; people: Array<{ signedUp: boolean }> }>(await as(stack, secretary, 'activity.get', { activityId: created.id }));
    expect(got.activity.signedUp).toBe(2);
    expect(got.people.filter((p) => p.signedUp)).toHaveLength(2);
    // Withdrawing frees the place.
    data(await as(stack, demoOpenid('b-netops-m10'), 'activity.signUp', { activityId: created.id, going: false }));
    expect(data<Activity>(await as(stack, demoOpenid('b-netops-m16'), 'activity.signUp', { activityId: created.id, going: true })).signedUp).toBe(2);
  });
});

describe('on-site sign-in', () => {
  it('records attendance and the oath once, with points once', async () => {
    const created = data<Activity>(await as(stack, secretary, 'activity.create', activity({ startsAt: inHours(-1) })));
    const { token } = data<{ token: string; qrUrl: string }>(await as(stack, secretary, 'activity.signInCode', { activityId: created.id }));
    expect(token.length).toBeLessThanOrEqual(32);
    const member = demoOpenid('b-netops-m17');
    const first = data<{ activity: Activity; alreadySignedIn: boolean }>(await as(stack, member, 'activity.signIn', { token }));
    expect(first.alreadySignedIn).toBe(false);
    expect(first.activity.mine).toEqual({ signedUp: false, present: true, oath: true });
    expect(data<{ alreadySignedIn: boolean }>(await as(stack, member, 'activity.signIn', { token })).alreadySignedIn).toBe(true);
    const entries = data<{ entries: Array<{ rule: string | null }> }>(await as(stack, member, 'points.myLedger', {})).entries.filter((e) => e.rule === 'themedActivity');
    expect(entries).toHaveLength(1);
  });

  it('refuses an expired token, a token moved to another activity, a meeting token, and another branch', async () => {
    const a = data<Activity>(await as(stack, secretary, 'activity.create', activity({ startsAt: inHours(-1) })));
    const b = data<Activity>(await as(stack, secretary, 'activity.create', activity({ startsAt: inHours(-1), theme: '另一场活动' })));
    const member = demoOpenid('b-netops-m18');
    const before = (await stack.state());

    const expired = issue(a.id, (await secretOf(a.id)), new Date(START.getTime() - 61_000));
    const reply = await as(stack, member, 'activity.signIn', { token: expired });
    expect(reply.error?.code).toBe('INVALID_INPUT');
    expect(reply.error?.message).toMatch(/过期/);

    const fresh = issue(a.id, (await secretOf(a.id)), new Date(START));
    const moved = `${b.id}${fresh.slice(a.id.length)}`;
    expect((await as(stack, member, 'activity.signIn', { token: moved })).error?.code).toBe('INVALID_INPUT');

    const meeting = data<{ id: string }>(await as(stack, secretary, 'meeting.schedule', { kind: 'assembly', title: '党员大会', startsAt: inHours(-1), place: '会议室', agenda: '学习', groupId: null, attendeeIds: null }));
    const meetingToken = data<{ token: string }>(await as(stack, secretary, 'meeting.signInCode', { meetingId: meeting.id })).token;
    const afterMeeting = (await stack.state());
    expect((await as(stack, member, 'activity.signIn', { token: meetingToken })).error?.code).toBe('NOT_FOUND');
    expect((await as(stack, demoOpenid('b-market-m07'), 'activity.signIn', { token: fresh })).error?.code).toBe('NOT_FOUND');
    expect((await stack.state())).toEqual(afterMeeting);
    expect((before as Record<string, unknown[]>).activity_people).toEqual((afterMeeting as Record<string, unknown[]>).activity_people);
  });

  it('keeps the secret out of every reply, and takes the summary after the start with photos from its folder', async () => {
    const created = data<Activity & Record<string, unknown>>(await as(stack, secretary, 'activity.create', activity({ startsAt: inHours(-2) })));
    expect(JSON.stringify(created)).not.toContain((await secretOf(created.id)));
    const audit = JSON.stringify((await stack.state()).audit_log);
    expect(audit).not.toContain((await secretOf(created.id)));
    const foreign = await as(stack, secretary, 'activity.saveSummary', { activityId: created.id, text: '活动圆满完成，大家收获很大。', photos: ['cloud://local.local-bucket/activities/other/a.jpg'] });
    expect(foreign.error?.code).toBe('INVALID_INPUT');
    const photo = await stack.putFile(`activities/${created.id}/a.jpg`, { bytes: pngBytes(), contentType: 'image/jpeg' });
    const saved = data<{ summary: { photoUrls: string[] } }>(await as(stack, secretary, 'activity.saveSummary', { activityId: created.id, text: '活动圆满完成，大家收获很大。', photos: [photo] }));
    expect(saved.summary.photoUrls).toHaveLength(1);
    const later = data<Activity>(await as(stack, secretary, 'activity.create', activity()));
    expect((await as(stack, secretary, 'activity.saveSummary', { activityId: later.id, text: '还没开始就写小结了。', photos: [] })).error?.code).toBe('CONFLICT');
    const listed = data<{ upcoming: Activity[]; past: Activity[] }>(await as(stack, demoOpenid('b-netops-m19'), 'activity.list', {}));
    expect(listed.upcoming.map((a) => a.id)).toContain(later.id);
    expect(listed.past.map((a) => a.id)).toContain(created.id);
  });
});
