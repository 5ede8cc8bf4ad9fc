/**
 * 微型党课 through the function host: recording, publishing with its code, scanning as a
 * member or a stranger, and the watch rule — real viewing completes and earns once;
 * seeking, fast reports and replays earn nothing more.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';
import { as, data } from './support/org-fixtures';

let stack: LocalStack;
const secretary = demoOpenid('b-netops-m01');
const committee = demoOpenid('b-netops-m02');
const member = demoOpenid('b-netops-m20');
const video = readFileSync(join(__dirname, '..', 'fixtures', 'media', 'lesson-demo.mp4'));
/** Watching takes time on the functions' clock, which the watch tests stop and move by hand: no sleeping, and a slow machine cannot make reports look slower than they were. */
const sleep = (ms: number) => stack.emulator.functions.advanceClock(ms);

interface Lesson { id: string; status: string; mine: { watchedRatio: number; completed: boolean } | null }
interface Progress { watchedRatio: number; completed: boolean; justCompleted: boolean }
interface Ledger { entries: Array<{ rule: string | null; points: number; label: string }> }

async function upload(cloudPath: string, bytes: Buffer = video): Promise<string> {
  return await stack.putFile(cloudPath, { bytes, contentType: 'video/mp4' });
}

async function publishedLesson(durationSeconds = 6, title = '学习党章第一课'): Promise<string> {
  const lesson = data<Lesson>(
    await as(stack, committee, 'lesson.create', { title, summary: '讲讲党章的总纲', speakerId: 'b-netops-m02', unitId: null, video: (await upload(`lessons/b-netops/${Math.random().toString(36).slice(2)}.mp4`)), cover: null, durationSeconds }),
  );
  data(await as(stack, secretary, 'lesson.publish', { lessonId: lesson.id }));
  return lesson.id;
}

const report = (openid: string, lessonId: string, sessionId: string, position: number) => as(stack, openid, 'lesson.progress', { lessonId, sessionId, position });
const ledger = async (openid: string) => data<Ledger>(await as(stack, openid, 'points.myLedger', {})).entries;

beforeAll(async () => {
  stack = await startLocalStack();
});
afterAll(() => stack.stop());
// Each test runs at one instant of the functions' clock, moved only by hand: a test that starts
// at 23:59:59 on the last day of a quarter publishes and reads its points in the same quarter.
beforeEach(() => stack.emulator.functions.freezeClock(new Date()));
afterEach(() => stack.emulator.functions.setClock(null));

describe('recording and publishing', () => {
  it('lets the committee record, keeps the draft from members, and publishes with a code and the speaker points', async () => {
    const draft = data<Lesson>(
      await as(stack, committee, 'lesson.create', { title: '党史小课堂', summary: '一段十分钟的党史', speakerId: 'b-netops-m02', unitId: 'b-netops-u1', video: (await upload('lessons/b-netops/h.mp4')), cover: null, durationSeconds: 600 }),
    );
    expect(draft.status).toBe('draft');
    expect((await as(stack, member, 'lesson.view', { lessonId: draft.id })).error?.code).toBe('NOT_FOUND');
    const listed = data<{ items: Lesson[] }>(await as(stack, member, 'lesson.list', {})).items;
    expect(listed.map((l) => l.id)).not.toContain(draft.id);

    data(await as(stack, secretary, 'lesson.publish', { lessonId: draft.id }));
    expect((await as(stack, secretary, 'lesson.publish', { lessonId: draft.id })).error?.code).toBe('CONFLICT');
    const poster = data<{ qrUrl: string; scene: string; page: string }>(await as(stack, member, 'lesson.poster', { lessonId: draft.id }));
    expect(poster.scene).toBe(draft.id);
    expect(poster.scene.length).toBeLessThanOrEqual(32);
    const png = Buffer.from(await (await fetch(poster.qrUrl)).arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect((await ledger(committee)).filter((e) => e.rule === 'lessonGiven')).toHaveLength(1);
  });

  it('refuses a plain member until the secretary allows them, and a video from another folder', async () => {
    const input = { title: '身边的榜样', summary: '一线班组的故事', speakerId: 'b-netops-m20', unitId: null, video: (await upload('lessons/b-netops/m20.mp4')), cover: null, durationSeconds: 120 };
    expect((await as(stack, member, 'lesson.create', input)).error?.code).toBe('FORBIDDEN');
    data(await as(stack, secretary, 'lesson.setRecorder', { memberId: 'b-netops-m20', allowed: true }));
    expect(data<{ mayRecord: boolean }>(await as(stack, member, 'lesson.list', {})).mayRecord).toBe(true);
    data(await as(stack, member, 'lesson.create', input));
    const foreign = await as(stack, member, 'lesson.create', { ...input, video: (await upload('lessons/b-market/x.mp4')) });
    expect(foreign.error?.code).toBe('INVALID_INPUT');
    data(await as(stack, secretary, 'lesson.setRecorder', { memberId: 'b-netops-m20', allowed: false }));
    expect((await as(stack, member, 'lesson.create', input)).error?.code).toBe('FORBIDDEN');
  });
});

describe('scanning the code', () => {
  it('opens for a member of another branch and for someone not yet a member, who is invited to join', async () => {
    const id = await publishedLesson(6, '扫码学习');
    const stranger = data<{ videoUrl: string; invite: { branchName: string } | null; lesson: Lesson }>(await as(stack, 'o_not_yet_member', 'lesson.view', { lessonId: id }));
    expect(stranger.invite?.branchName).toBeTruthy();
    expect(stranger.lesson.mine).toBeNull();
    expect((await fetch(stranger.videoUrl)).status).toBe(200);
    expect((await as(stack, 'o_not_yet_member', 'lesson.progress', { lessonId: id, sessionId: 'stranger1', position: 1 })).error?.code).toBe('UNAUTHENTICATED');
    const otherBranch = data<{ invite: unknown }>(await as(stack, demoOpenid('b-market-m07'), 'lesson.view', { lessonId: id }));
    expect(otherBranch.invite).toBeNull();
  });
});

describe('watch progress', () => {
  it('completes after normal viewing (2×) and awards the points once', async () => {
    const id = await publishedLesson(6, '正常观看');
    expect(data<Progress>(await report(member, id, 'sessionA', 0)).completed).toBe(false);
    sleep(1600);
    data(await report(member, id, 'sessionA', 3));
    sleep(1600);
    const done = data<Progress>(await report(member, id, 'sessionA', 6));
    expect(done).toEqual({ watchedRatio: 1, completed: true, justCompleted: true });
    expect((await ledger(member)).filter((e) => e.rule === 'lessonCompleted' && e.label.includes('正常观看'))).toHaveLength(1);

    // Replaying a completed lesson adds nothing.
    data(await report(member, id, 'sessionB', 0));
    sleep(1600);
    const again = data<Progress>(await report(member, id, 'sessionB', 3));
    expect(again.justCompleted).toBe(false);
    expect((await ledger(member)).filter((e) => e.rule === 'lessonCompleted' && e.label.includes('正常观看'))).toHaveLength(1);
    const listed = data<{ items: Lesson[] }>(await as(stack, member, 'lesson.list', { watched: 'watched' })).items;
    expect(listed.map((l) => l.id)).toContain(id);
  });

  it('credits nothing for seeking to the end', async () => {
    const id = await publishedLesson(6, '拖到结尾');
    data(await report(member, id, 'seek01', 0));
    sleep(300);
    const seeked = data<Progress>(await report(member, id, 'seek01', 6));
    expect(seeked).toEqual({ watchedRatio: 0, completed: false, justCompleted: false });
    expect((await ledger(member)).some((e) => e.label.includes('拖到结尾'))).toBe(false);
  });

  it('gives a new session no fresh credit: quick reports from ever new sessions (or devices) never complete a lesson', async () => {
    const id = await publishedLesson(60, '换会话刷课');
    let last: Progress = { watchedRatio: 0, completed: false, justCompleted: false };
    for (let i = 0; i < 60; i += 1) {
      sleep(16);
      last = data<Progress>(await report(member, id, `farm${String(Math.floor(i / 3)).padStart(3, '0')}`, (i % 20) * 3));
    }
    // 60 reports in under a second of (test) time: at most about (1 s + slack) × 2 of video credited.
    expect(last.completed).toBe(false);
    expect(last.watchedRatio).toBeLessThan(0.1);
    expect((await ledger(member)).some((e) => e.label.includes('换会话刷课'))).toBe(false);
  });

  it('credits nothing for reports faster than real time', async () => {
    const id = await publishedLesson(30, '快进上报');
    data(await report(member, id, 'fast01', 0));
    let last: Progress = { watchedRatio: 0, completed: false, justCompleted: false };
    for (let p = 3; p <= 30; p += 3) last = data<Progress>(await report(member, id, 'fast01', p));
    expect(last.completed).toBe(false);
    expect(last.watchedRatio).toBeLessThan(0.8);
    expect((await ledger(member)).some((e) => e.label.includes('快进上报'))).toBe(false);
  });

  it('shows the secretary who has completed, who is part way and who has not started', async () => {
    const id = await publishedLesson(6, '学习情况');
    data(await report(member, id, 'sess01', 0));
    sleep(1600);
    data(await report(member, id, 'sess01', 3));
    sleep(1600);
    data(await report(member, id, 'sess01', 6));
    const other = demoOpenid('b-netops-m21');
    data(await report(other, id, 'sess02', 0));
    sleep(1200);
    data(await report(other, id, 'sess02', 2));
    const result = data<{ completed: Array<{ id: string }>; inProgress: Array<{ id: string }>; notStarted: Array<{ id: string }> }>(await as(stack, secretary, 'lesson.completion', { lessonId: id }));
    expect(result.completed.map((m) => m.id)).toEqual(['b-netops-m20']);
    expect(result.inProgress.map((m) => m.id)).toEqual(['b-netops-m21']);
    expect(result.notStarted).toHaveLength(30);
    expect((await as(stack, member, 'lesson.completion', { lessonId: id })).error?.code).toBe('FORBIDDEN');
    expect((await as(stack, demoOpenid('b-market-m01'), 'lesson.completion', { lessonId: id })).error?.code).toBe('NOT_FOUND');
  });
});
