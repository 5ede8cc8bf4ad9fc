/**
 * 学习心得 through the function host: the content check runs before anything is written,
 * a retried submission is one note (and one award), likes and comments count once, the
 * secretary's 精选 awards the author, and another branch sees none of it.
 */
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';
import { as, data } from './support/org-fixtures';
import { pngBytes } from '../support/images';

let stack: LocalStack;
const author = demoOpenid('b-netops-m24');
const secretary = demoOpenid('b-netops-m01');
const TEXT = '学习了党章第一课以后，我更加明白了作为一名党员在岗位上应当发挥的先锋模范作用，今后要在网络维护中冲在前面。';
const note = (requestId: string, text = TEXT) => ({ requestId, text, images: [], lessonId: null, pushId: null });

interface Note { id: string; likes: number; likedByMe: boolean; comments: number; featured: boolean }
const entries = async (openid: string, rule: string) => data<{ entries: Array<{ rule: string | null; source: string }> }>(await as(stack, openid, 'points.myLedger', {})).entries.filter((e) => e.rule === rule);
const notesIn = async () => (((await stack.state()) as Record<string, unknown[]>).notes ?? []).length;

beforeAll(async () => {
  stack = await startLocalStack();
});
afterAll(() => stack.stop());

describe('posting', () => {
  it('rejects flagged content with the reason and keeps nothing', async () => {
    const before = (await stack.state());
    const banned = (stack.emulator.wechat.bannedWords[0] as string) ?? '';
    const reply = await as(stack, author, 'note.submit', note('request-rejected-1', `${TEXT}${banned}`));
    expect(reply.error?.code).toBe('CONTENT_REJECTED');
    expect(reply.error?.message).toMatch(/疑似包含/);
    expect((await stack.state())).toEqual(before);
  });

  it('makes one note and one award of a retried submission', async () => {
    const replies = await Promise.all([1, 2, 3].map(() => as(stack, author, 'note.submit', note('request-retry-0001'))));
    const ids = new Set(replies.map((r) => data<Note>(r).id));
    expect(ids.size).toBe(1);
    expect((await notesIn())).toBe(1);
    expect(await entries(author, 'noteWritten')).toHaveLength(1);
  });

  it('refuses a note under 50 characters and images from someone else’s folder', async () => {
    expect((await as(stack, author, 'note.submit', note('request-short-001', '太短了'))).error?.code).toBe('INVALID_INPUT');
    const foreign = await as(stack, author, 'note.submit', { ...note('request-foreign-01'), images: ['cloud://local.local-bucket/notes/b-netops-m25/a.jpg'] });
    expect(foreign.error?.fields?.images).toBeDefined();
  });
});

describe('the branch feed', () => {
  it('counts likes and comments once, features with points, and hides all of it from another branch', async () => {
    const posted = data<Note>(await as(stack, author, 'note.submit', note('request-feed-0001')));
    const reader = demoOpenid('b-netops-m25');
    data(await as(stack, reader, 'note.like', { noteId: posted.id, liked: true }));
    expect(data<Note>(await as(stack, reader, 'note.like', { noteId: posted.id, liked: true })).likes).toBe(1);
    data(await as(stack, reader, 'note.comment', { noteId: posted.id, requestId: 'comment-0001', text: '写得好，向你学习' }));
    data(await as(stack, reader, 'note.comment', { noteId: posted.id, requestId: 'comment-0001', text: '写得好，向你学习' }));
    const got = data<{ note: Note; comments: unknown[] }>(await as(stack, reader, 'note.get', { noteId: posted.id }));
    expect(got.note).toMatchObject({ likes: 1, likedByMe: true, comments: 1 });
    expect(got.comments).toHaveLength(1);
    expect(data<Note>(await as(stack, reader, 'note.like', { noteId: posted.id, liked: false })).likes).toBe(0);

    expect((await as(stack, reader, 'note.feature', { noteId: posted.id })).error?.code).toBe('FORBIDDEN');
    expect(data<Note>(await as(stack, secretary, 'note.feature', { noteId: posted.id })).featured).toBe(true);
    data(await as(stack, secretary, 'note.feature', { noteId: posted.id }));
    expect(await entries(author, 'noteFeatured')).toHaveLength(1);
    const featured = data<{ items: Note[] }>(await as(stack, reader, 'note.feed', { featured: true })).items;
    expect(featured.map((n) => n.id)).toEqual([posted.id]);

    const outsider = demoOpenid('b-market-m07');
    expect(data<{ items: Note[] }>(await as(stack, outsider, 'note.feed', {})).items).toHaveLength(0);
    for (const action of ['note.get', 'note.like', 'note.comment'] as const) {
      const input = action === 'note.get' ? { noteId: posted.id } : action === 'note.like' ? { noteId: posted.id, liked: true } : { noteId: posted.id, requestId: 'comment-outsider', text: '路过看看' };
      expect((await as(stack, outsider, action, input)).error?.code).toBe('NOT_FOUND');
    }
  });

  it('pages the feed by time', async () => {
    for (let i = 0; i < 22; i += 1) data(await as(stack, demoOpenid('b-netops-m26'), 'note.submit', note(`request-page-${String(i).padStart(4, '0')}`)));
    const first = data<{ items: Array<Note & { createdAt: string }>; more: boolean }>(await as(stack, author, 'note.feed', {}));
    expect(first.items).toHaveLength(20);
    expect(first.more).toBe(true);
    const next = data<{ items: Note[]; more: boolean }>(await as(stack, author, 'note.feed', { before: first.items[19].createdAt }));
    expect(next.items.length).toBeGreaterThan(0);
    expect(next.items.some((n) => first.items.some((f) => f.id === n.id))).toBe(false);
  });
});

describe('a feed page of many images', () => {
  it('shows all 180 images of 20 notes with 9 each (CloudBase answers 50 files a temporary-URL call)', async () => {
    for (let n = 0; n < 20; n += 1) {
      const memberId = `b-market-m${String((n % 12) + 1).padStart(2, '0')}`;
      const images = await Promise.all(Array.from({ length: 9 }, (_, i) => stack.putFile(`notes/${memberId}/feed-${n}-${i}.png`, { bytes: pngBytes(`${n}-${i}`), contentType: 'image/png' })));
      data(await as(stack, demoOpenid(memberId), 'note.submit', { ...note(`request-many-${String(n).padStart(3, '0')}`), images }));
    }
    // Others see the images once WeChat's check has passed them.
    await stack.emulator.wechat.deliverMediaChecks();
    const feed = data<{ items: Array<{ imageUrls: string[] }> }>(await as(stack, demoOpenid('b-market-m01'), 'note.feed', {}));
    expect(feed.items).toHaveLength(20);
    const urls = feed.items.flatMap((item) => item.imageUrls);
    expect(urls).toHaveLength(180);
    expect(new Set(urls).size).toBe(180);
    expect((await fetch(urls[179])).status).toBe(200);
  });
});
