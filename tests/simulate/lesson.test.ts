/**
 * The built weapp's 微型党课 pages: the lesson player's progress reports from the native
 * `<video>` events (play, timeupdate with `{currentTime, duration}`, ended) through
 * `wx.cloud.callFunction`, judged on the server's clock; and the QR poster drawn on a 2d
 * canvas with the lesson's mini-program code loaded by `canvas.createImage()` from storage,
 * saved to the album.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS } from '../../shared/db/collections';
import { WATCH_RULE } from '../../shared/domain/study';
import { assertBuilt, createWeappHarness, type WeappHarness } from './harness';
import { startStack, type SimulateStack } from './stack';

const PLAYER = 'subpackages/study/pages/lesson/index';
const POSTER = 'subpackages/study/pages/lesson-poster/index';

type Lesson = { _id: string; branchId: string; status: string; title: string; durationSeconds: number; qrFileId?: string | null };
type Member = { _id: string; openid?: string | null; name: string; branchId: string };
type Watch = { memberId: string; lessonId: string; ratio: number; completedAt?: unknown };

let stack: SimulateStack;
let weapp: WeappHarness;
let plain: Array<{ openid: string; name: string }>;

beforeAll(async () => {
  assertBuilt();
  stack = await startStack();
  weapp = createWeappHarness(stack.origin);
  const people = await stack.people();
  plain = people.filter((p) => p.roles.includes('member') && !p.roles.includes('secretary'));
  // Two published lessons of a branch, recorded and published as its secretary would.
  const secretary = people.find((p) => p.roles.includes('secretary'));
  if (!secretary) throw new Error('seed has no secretary');
  const token = await stack.signIn(secretary.openid);
  const me = (await stack.call<{ memberId: string; branch: { id: string } }>('org.me', {}, token)).body.data;
  if (!me) throw new Error('the secretary is not a member');
  const branchId = me.branch.id;
  const video = readFileSync(join(__dirname, '..', 'fixtures', 'media', 'lesson-demo.mp4'));
  for (const [title, durationSeconds] of [['学习党章第一课：总纲', 24], ['学习党章第二课：党员', 30]] as const) {
    const fileId = await stack.putFile(`lessons/${branchId}/${durationSeconds}.mp4`, video, 'video/mp4');
    const created = await stack.call<{ id: string }>('lesson.create', { title, summary: '讲讲党章的总纲和党员的权利义务', speakerId: me.memberId, unitId: null, video: fileId, cover: null, durationSeconds }, token);
    if (!created.body.data) throw new Error(`lesson.create: ${JSON.stringify(created.body)}`);
    const published = await stack.call('lesson.publish', { lessonId: created.body.data.id }, token);
    if (!published.body.ok) throw new Error(`lesson.publish: ${JSON.stringify(published.body)}`);
  }
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

/** A member with a published lesson of their branch they have not finished (the shortest one). */
async function memberWithLesson(skip: string[] = []): Promise<{ person: { openid: string; name: string }; member: Member; lesson: Lesson }> {
  const [members, lessons, watches] = await Promise.all([
    stack.collection<Member>(COLLECTIONS.members),
    stack.collection<Lesson>(COLLECTIONS.lessons),
    stack.collection<Watch>(COLLECTIONS.lessonWatches),
  ]);
  for (const person of plain) {
    const member = members.find((m) => m.openid === person.openid);
    if (!member || skip.includes(member._id)) continue;
    const open = lessons
      .filter((l) => l.branchId === member.branchId && l.status === 'published' && l.qrFileId)
      .filter((l) => !watches.some((w) => w.memberId === member._id && w.lessonId === l._id && w.completedAt))
      .sort((a, b) => a.durationSeconds - b.durationSeconds);
    if (open[0]) return { person, member, lesson: open[0] };
  }
  throw new Error('the seed has no member with an unfinished published lesson');
}

const progressCalls = () =>
  weapp.calls
    .filter((c) => c.via === 'cloud' && c.url.endsWith('/functions/lesson') && (c.data as { action?: string })?.action === 'progress')
    .map((c) => (c.data as { input: { lessonId: string; sessionId: string; position: number } }).input);

describe('built weapp: the lesson player reports progress from the native video events', () => {
  it('played through at 1×: reports every few seconds of one session, ended reports the duration, and the lesson is 已学完', async () => {
    const { person, member, lesson } = await memberWithLesson();
    weapp.setSession(await stack.signIn(person.openid));
    const page = weapp.renderPage(PLAYER, { id: lesson._id });
    await weapp.waitForText(page, (t) => t.includes(lesson.title) && t.includes('未学'));
    const before = progressCalls().length;

    const d = lesson.durationSeconds;
    await weapp.fire(page, '#lesson-video', 'loadedmetadata', { detail: { duration: d, width: 1280, height: 720 } });
    await weapp.fire(page, '#lesson-video', 'play');
    for (let t = 1; t <= d; t++) {
      // One second of video per second of the server's clock: watching, not skipping. The
      // network answers within the second (a report is never dropped for a later one).
      await weapp.idle();
      await stack.advanceClock(1000);
      await weapp.fire(page, '#lesson-video', 'timeupdate', { detail: { currentTime: t, duration: d } });
    }
    await weapp.idle();
    await stack.advanceClock(1000);
    await weapp.fire(page, '#lesson-video', 'ended');
    const text = await weapp.waitForText(page, (t) => t.includes('已学完'), 15000).catch((e: Error) => {
      throw new Error(`${e.message}\nreports: ${JSON.stringify(progressCalls().slice(before))}`);
    });
    expect(text).not.toContain('未学');
    expect(weapp.device.toasts).toContain('已学完本课');

    const reports = progressCalls().slice(before);
    expect(reports.length).toBeGreaterThanOrEqual(2);
    expect(new Set(reports.map((r) => r.sessionId)).size).toBe(1);
    expect(reports.every((r) => r.lessonId === lesson._id)).toBe(true);
    expect(reports[0].position).toBe(0);
    expect(reports.at(-1)?.position).toBe(d);
    // Never a step the server would take for a seek.
    for (let i = 1; i < reports.length; i++) expect(reports[i].position - reports[i - 1].position).toBeLessThanOrEqual(WATCH_RULE.maxStepSeconds);

    const watch = (await stack.collection<Watch>(COLLECTIONS.lessonWatches)).find((w) => w.memberId === member._id && w.lessonId === lesson._id);
    expect(watch?.completedAt).toBeTruthy();
    const ledger = await stack.collection<{ memberId: string; rule?: string; kind: string; sourceId?: string }>(COLLECTIONS.ledger);
    expect(ledger.some((e) => e.memberId === member._id && e.kind === 'award' && JSON.stringify(e).includes(lesson._id))).toBe(true);
  });

  it('dragged to the end: the reports say so and the server credits nothing', async () => {
    const watched = (await stack.collection<Watch>(COLLECTIONS.lessonWatches)).filter((w) => w.completedAt).map((w) => w.memberId);
    const { person, member, lesson } = await memberWithLesson(watched);
    weapp.setSession(await stack.signIn(person.openid));
    const page = weapp.renderPage(PLAYER, { id: lesson._id });
    await weapp.waitForText(page, (t) => t.includes(lesson.title) && t.includes('未学'));
    const before = progressCalls().length;
    const toastsBefore = weapp.device.toasts.length;
    const ledgerBefore = (await stack.collection<{ memberId: string }>(COLLECTIONS.ledger)).filter((e) => e.memberId === member._id).length;

    const d = lesson.durationSeconds;
    await weapp.fire(page, '#lesson-video', 'play');
    await weapp.idle();
    await stack.advanceClock(3000);
    await weapp.fire(page, '#lesson-video', 'timeupdate', { detail: { currentTime: 3, duration: d } });
    await weapp.idle();
    // The slider dragged to the end: the player jumps, and ends a second later.
    await stack.advanceClock(1000);
    await weapp.fire(page, '#lesson-video', 'timeupdate', { detail: { currentTime: d - 1, duration: d } });
    await stack.advanceClock(1000);
    await weapp.fire(page, '#lesson-video', 'ended');
    const until = Date.now() + 5000;
    while (progressCalls().at(-1)?.position !== d && Date.now() < until) await weapp.simulate.sleep(20);
    await weapp.simulate.sleep(300);

    const reports = progressCalls().slice(before);
    expect(reports.map((r) => r.position)).toEqual(expect.arrayContaining([0, d]));
    expect(weapp.text(page)).not.toContain('已学完');
    expect(weapp.device.toasts.slice(toastsBefore)).not.toContain('已学完本课');
    const watch = (await stack.collection<Watch>(COLLECTIONS.lessonWatches)).find((w) => w.memberId === member._id && w.lessonId === lesson._id);
    expect(watch?.completedAt ?? null).toBeNull();
    expect(watch?.ratio ?? 0).toBeLessThan(WATCH_RULE.completeRatio);
    expect((await stack.collection<{ memberId: string }>(COLLECTIONS.ledger)).filter((e) => e.memberId === member._id)).toHaveLength(ledgerBefore);
  });
});

describe('built weapp: the lesson QR poster', () => {
  it('draws the title, the speaker and the mini-program code (loaded from storage, unsmoothed) at ≥ 1 bitmap pixel a logical pixel, and saves it', async () => {
    const { person, lesson } = await memberWithLesson();
    weapp.setSession(await stack.signIn(person.openid));
    const page = weapp.renderPage(POSTER, { id: lesson._id });
    await weapp.waitForText(page, (t) => t.includes('保存海报后发到支部学习群'));
    const canvas = await (async () => {
      const until = Date.now() + 8000;
      for (;;) {
        const c = weapp.device.canvases.get('lesson-poster');
        if (c && c.ops.some((o) => o.op === 'drawImage')) return c;
        if (Date.now() > until) throw new Error(`the poster was never drawn; page: ${weapp.text(page)}`);
        await weapp.simulate.sleep(20);
      }
    })();
    expect(weapp.text(page)).not.toContain('海报生成失败');

    const drawn = canvas.ops.filter((o) => o.op === 'fillText').map((o) => String(o.args[0])).join('|');
    expect(drawn).toContain('扫码学习微型党课');
    expect(drawn).toContain('微型党课');
    expect(drawn.replace(/\|/g, '')).toContain(lesson.title.slice(0, 8));
    // The QR: fetched from the emulator's storage as a real image, drawn 440 logical px square without smoothing.
    expect(canvas.images).toHaveLength(1);
    expect(canvas.images[0].loaded).toBe(true);
    expect(canvas.images[0].src.startsWith(stack.origin)).toBe(true);
    const draw = canvas.ops.findIndex((o) => o.op === 'drawImage');
    expect(canvas.ops[draw].args.slice(3)).toEqual([440, 440]);
    expect(canvas.ops.slice(0, draw).reverse().find((o) => o.op === 'set:imageSmoothingEnabled')?.args[0]).toBe(false);
    expect(canvas.width).toBeGreaterThanOrEqual(750);

    await weapp.fire(page, weapp.byText(page, '保存海报'), 'tap');
    const until = Date.now() + 5000;
    while (!weapp.device.album.length && Date.now() < until) await weapp.simulate.sleep(20);
    expect(weapp.device.album).toHaveLength(1);
    expect(weapp.device.exports.at(-1)).toMatchObject({ canvas: 'lesson-poster', fileType: 'png' });
  });
});
