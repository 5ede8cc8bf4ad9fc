/**
 * Study actions through the function host on the demo branch: the cost of a playback
 * report, the member's study pushes, reading one, and the notes feed, in milliseconds and
 * in database operations as CloudBase bills them. Baseline: `org.me`, the cheapest action.
 */
import { demoOpenid } from '../scripts/seed/demo';
import type { LocalStack } from '../tests/support/stack';
import { measure, table, type Summary } from './stats';
import { pngBytes } from '../tests/support/images';

const NOTE = '学习了本周的学习要点，我认识到党员要在本职岗位上发挥先锋模范作用，把学习成果转化为做好网络维护和客户服务的实际行动。';

export async function studyBench(stack: LocalStack): Promise<string> {
  const secretary = await stack.signIn(demoOpenid('b-netops-m01'));
  const member = await stack.signIn(demoOpenid('b-netops-m15'));
  const call = async (action: string, input: unknown, token: string) => {
    const reply = await stack.call(action, input, token);
    const body = reply.body as { ok: boolean; data?: Record<string, unknown>; error?: unknown };
    if (!body.ok) throw new Error(`${action}: ${JSON.stringify(body.error)}`);
    return { data: body.data ?? {}, ops: Number(reply.headers.get('x-tongxin-db-reads')) + Number(reply.headers.get('x-tongxin-db-writes')) };
  };

  const video = stack.emulator.storage.putClientFile('lessons/b-netops/bench.mp4', { bytes: Buffer.alloc(1024), contentType: 'video/mp4' });
  const lesson = await call('lesson.create', { title: '基准测试党课', summary: '测量', speakerId: 'b-netops-m02', unitId: null, video, cover: null, durationSeconds: 600 }, secretary);
  await call('lesson.publish', { lessonId: lesson.data.id }, secretary);
  for (let i = 0; i < 30; i += 1) await call('studyPush.send', { title: `学习要点 ${i}`, body: '请认真学习本周的学习要点内容。', images: [], lessonId: null, groupIds: [], sendAt: null, requestId: `bench-push-${String(i).padStart(4, '0')}` }, secretary);
  for (let i = 0; i < 40; i += 1) await call('note.submit', { requestId: `bench-note-${String(i).padStart(4, '0')}`, text: NOTE, images: [], lessonId: null, pushId: null }, await stack.signIn(demoOpenid(`b-netops-m${String(10 + (i % 20)).padStart(2, '0')}`)));
  const pushes = (await call('studyPush.mine', {}, member)).data.items as Array<{ id: string }>;

  const baseline = await measure('baseline: org.me', 100, () => stack.call('org.me', {}, member));
  const rows: Summary[] = [baseline];
  rows.push(await measure('lesson.progress (one playback report)', 100, (i) => stack.call('lesson.progress', { lessonId: lesson.data.id, sessionId: 'benchsession', position: i % 600 }, member)));
  rows.push(await measure('studyPush.mine (30 pushes)', 100, () => stack.call('studyPush.mine', {}, member)));
  rows.push(await measure('note.feed (first page of 20)', 100, () => stack.call('note.feed', {}, member)));
  rows.push(await measure('studyPush.read (already read)', 50, () => stack.call('studyPush.read', { pushId: pushes[0].id }, member)));

  const ops = {
    me: (await call('org.me', {}, member)).ops,
    progress: (await call('lesson.progress', { lessonId: lesson.data.id, sessionId: 'benchsession', position: 1 }, member)).ops,
    mine: (await call('studyPush.mine', {}, member)).ops,
    view: (await call('studyPush.view', { pushId: pushes[1].id }, member)).ops,
    firstRead: (await call('studyPush.read', { pushId: pushes[1].id }, member)).ops,
    ledger: (await call('points.myLedger', {}, member)).ops,
    feed: (await call('note.feed', {}, member)).ops,
  };
  const photo = stack.emulator.storage.putClientFile('checkins/b-netops-m15/bench.jpg', { bytes: pngBytes(), contentType: 'image/png' });
  const checkin = (await call('badgeCheckin.submit', { photo, location: null }, member)).ops;
  const round = ops.me + ops.mine + checkin + ops.view + ops.firstRead + ops.ledger;
  return [
    table(rows, baseline),
    `database operations per call: org.me ${ops.me}, points.myLedger ${ops.ledger}, lesson.progress ${ops.progress}, studyPush.mine ${ops.mine}, studyPush.view ${ops.view}, first studyPush.read ${ops.firstRead} (incl. the award), note.feed ${ops.feed}`,
    `first badgeCheckin.submit of the day: ${checkin} database operations (incl. the award)`,
    `a member's daily round (首页: org.me + studyPush.mine; check in; open and read a push; 我的积分): 6 calls, ${round} database operations (budget: 5 calls, 15 operations)`,
  ].join('\n');
}
