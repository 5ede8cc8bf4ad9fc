/**
 * Images go through WeChat's asynchronous check (security.mediaCheckAsync v2, issue #15): an
 * image is hidden from every view but its uploader's from the moment it is stored until
 * WeChat's push answers;
 * a passed one then shows, a risky one never does, and the points a risky photo earned (a
 * check-in, a photo task) are reversed, audited. A push is believed only for a trace id the
 * functions hold; one forged by a phone changes nothing.
 */
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';
import { COLLECTIONS } from '../../shared/db/collections';
import { as, data } from './support/org-fixtures';
import { pngBytes, riskyPngBytes } from '../support/images';

let stack: LocalStack;
const NOTE = '通过学习，我认识到党员要在本职岗位上发挥先锋模范作用，把学习成果转化为做好网络维护和客户服务的实际行动。';
type Docs = Record<string, Array<Record<string, unknown>>>;

beforeAll(async () => {
  stack = await startLocalStack();
});
afterAll(() => stack.stop());

const checks = () => (stack.emulator.database.exportState()[COLLECTIONS.mediaChecks] ?? []) as Array<{ fileId: string; status: string; traceId: string | null }>;

it('hides a note image until WeChat answers, then shows the clean one and never the risky one', async () => {
  const author = 'b-netops-m27';
  const clean = await stack.putFile(`notes/${author}/clean.png`, { bytes: pngBytes('clean'), contentType: 'image/png' });
  const risky = await stack.putFile(`notes/${author}/risky.png`, { bytes: riskyPngBytes(), contentType: 'image/png' });
  const note = data<{ id: string; imageUrls: string[] }>(await as(stack, demoOpenid(author), 'note.submit', { requestId: 'media-note-0001', text: NOTE, images: [clean, risky], lessonId: null, pushId: null }));
  // The author sees the note as written while WeChat checks it; nobody else sees its images.
  expect(note.imageUrls).toHaveLength(2);
  const reader = demoOpenid('b-netops-m05');
  expect(data<{ note: { imageUrls: string[] } }>(await as(stack, reader, 'note.get', { noteId: note.id })).note.imageUrls).toEqual([]);
  expect(checks().filter((c) => c.fileId === clean || c.fileId === risky).map((c) => c.status)).toEqual(['pending', 'pending']);

  expect(await stack.emulator.wechat.deliverMediaChecks()).toBeGreaterThanOrEqual(2);
  expect(Object.fromEntries(checks().filter((c) => c.fileId === clean || c.fileId === risky).map((c) => [c.fileId === clean ? 'clean' : 'risky', c.status]))).toEqual({ clean: 'pass', risky: 'risky' });
  const shown = data<{ note: { imageUrls: string[] } }>(await as(stack, reader, 'note.get', { noteId: note.id })).note.imageUrls;
  expect(shown).toHaveLength(1);
  expect(Buffer.from(await (await fetch(shown[0])).arrayBuffer())).toEqual(pngBytes('clean'));
  expect(data<{ note: { imageUrls: string[] } }>(await as(stack, demoOpenid(author), 'note.get', { noteId: note.id })).note.imageUrls).toHaveLength(1);
  // The feed follows the same rule.
  const feed = data<{ items: Array<{ id: string; imageUrls: string[] }> }>(await as(stack, reader, 'note.feed', {}));
  expect(feed.items.find((i) => i.id === note.id)?.imageUrls).toHaveLength(1);
});

it('reverses the points of a check-in whose photo WeChat finds risky, in the audit log, and the wall never shows it', async () => {
  const memberId = 'b-netops-m30';
  const openid = demoOpenid(memberId);
  const photo = await stack.putFile(`checkins/${memberId}/risky.jpg`, { bytes: riskyPngBytes(), contentType: 'image/jpeg' });
  const checkin = data<{ checkin: { photoUrl: string | null } }>(await as(stack, openid, 'badgeCheckin.submit', { photo, location: null }));
  expect(checkin.checkin.photoUrl).toMatch(/^https?:/);
  const ledger = async () => (await as(stack, openid, 'points.myLedger', {})).data as { entries: Array<{ rule: string | null; points: number }> };
  expect((await ledger()).entries.filter((e) => e.rule === 'badgeCheckin').reduce((n, e) => n + e.points, 0)).toBeGreaterThan(0);

  await stack.emulator.wechat.deliverMediaChecks();
  expect((await ledger()).entries.filter((e) => e.rule === 'badgeCheckin').reduce((n, e) => n + e.points, 0)).toBe(0);
  const state = (await stack.state()) as Docs;
  const reversal = state[COLLECTIONS.ledger].find((e) => e.memberId === memberId && e.kind === 'reversal');
  expect(reversal).toMatchObject({ authorName: '内容安全检查', reason: '图片未通过微信内容安全检查' });
  expect(state[COLLECTIONS.auditLog].filter((a) => a.action === 'mediaCheck.reverse' && a.targetId === reversal?.reverses)).toHaveLength(1);
  const wall = data<{ items: Array<{ member: { id: string }; photoUrl: string | null }> }>(await as(stack, demoOpenid('b-netops-m01'), 'badgeCheckin.wall', {}));
  expect(wall.items.find((i) => i.member.id === memberId)?.photoUrl ?? null).toBeNull();
  // A second answer for the same trace changes nothing: one reversal.
  const trace = checks().find((c) => c.fileId === photo)?.traceId as string;
  await stack.emulator.functions.invoke('mediaCheck', { Event: 'wxa_media_check', trace_id: trace, result: { suggest: 'risky', label: 20002 } }, { openid, appid: 'wx_local' });
  expect(((await stack.state()) as Docs)[COLLECTIONS.ledger].filter((e) => e.memberId === memberId && e.kind === 'reversal')).toHaveLength(1);
});

it('believes no push a phone forges: an unknown trace changes nothing, and no reply ever carries a trace id', async () => {
  const memberId = 'b-netops-m31';
  const openid = demoOpenid(memberId);
  const photo = await stack.putFile(`notes/${memberId}/held.png`, { bytes: riskyPngBytes(), contentType: 'image/png' });
  const reply = await as(stack, openid, 'note.submit', { requestId: 'media-note-0002', text: NOTE, images: [photo], lessonId: null, pushId: null });
  expect(JSON.stringify(reply)).not.toMatch(/trace-/);
  const token = await stack.signIn(openid);
  const before = stack.dataWrites();
  const forged = await fetch(`${stack.origin}/functions/mediaCheck`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tongxin-session': token },
    body: JSON.stringify({ Event: 'wxa_media_check', trace_id: 'trace-guessed-0000', result: { suggest: 'pass', label: 100 } }),
  });
  expect(((await forged.json()) as { data?: { status: string } }).data?.status).toBe('unknown');
  expect(stack.dataWrites()).toBe(before);
  expect(checks().find((c) => c.fileId === photo)?.status).toBe('pending');
  await stack.emulator.wechat.deliverMediaChecks();
});

it('resends a check a crash left unsent, from the timer', async () => {
  const memberId = 'b-netops-m32';
  const photo = await stack.putFile(`notes/${memberId}/lost.png`, { bytes: pngBytes('lost'), contentType: 'image/png' });
  // As if the function died after holding the image and storing the note, before sending it.
  await stack.app.database().collection(COLLECTIONS.mediaChecks).add({ _id: `mc-lost-${memberId}`, fileId: photo, memberId, committeeId: 'c-demo', branchId: 'b-netops', openid: demoOpenid(memberId), status: 'pending', traceId: null, awardEntryId: null, heldAt: new Date(Date.now() - 120_000), submittedAt: null, settledAt: null, label: null });
  const fired = await stack.emulator.timers.fire('mediaCheck', 'resubmit');
  expect(fired).toMatchObject({ ok: true });
  expect(checks().find((c) => c.fileId === photo)?.traceId).toMatch(/^trace-/);
  await stack.emulator.wechat.deliverMediaChecks();
  expect(checks().find((c) => c.fileId === photo)?.status).toBe('pass');
});
