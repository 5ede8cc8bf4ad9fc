import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import NoteNew, { noteDraftKey, type NoteDraft } from '@/subpackages/study/pages/note-new/index';
import Notes from '@/subpackages/study/pages/notes/index';
import { clipText } from '@/subpackages/study/components/NoteCard';
import NotePage from '@/subpackages/study/pages/note/index';
import { uploadFile } from '@/cloud/upload';
import { ROUTES } from '@/lib/routes';
import { call, type CommentView, type NoteView } from '@/services/api';
import { modalAnswer, setRouterParams } from './mocks/taro';
import { fail, member, ok, okMe, routes, secretary } from './fixtures';

jest.mock('@/services/api', () => ({ call: jest.fn() }));
jest.mock('@/cloud/upload', () => ({
  ...jest.requireActual('@/cloud/upload-types'),
  uploadFile: jest.fn(async (_path: string, cloudPath: string) => `cloud://env-1/${cloudPath}`),
}));
const mockCall = call as jest.MockedFunction<typeof call>;
const mockUpload = uploadFile as jest.MockedFunction<typeof uploadFile>;
const callsOf = (action: string) => mockCall.mock.calls.filter(([a]) => a === action);
const taro = Taro as unknown as Record<string, unknown>;

beforeEach(() => {
  taro.previewImage = jest.fn();
});
afterEach(() => {
  delete taro.previewImage;
});

const LONG = '通过学习党的二十届三中全会精神，我深刻认识到进一步全面深化改革的重大意义。作为一名基层党员，我要立足本职岗位，把学习成果转化为做好营业厅服务工作的实际行动。';
const note = (over: Partial<NoteView> = {}): NoteView => ({
  id: 'n-1',
  author: { id: 'm-001', name: '张红梅' },
  text: LONG,
  imageUrls: [],
  lesson: null,
  push: null,
  featured: false,
  likes: 2,
  likedByMe: false,
  comments: 1,
  createdAt: '2026-03-02T02:00:00.000Z',
  ...over,
});

describe('写学习心得 (drafts on the device)', () => {
  const pushView = {
    id: 'p-1',
    title: '学习二十届三中全会精神',
    body: '正文',
    imageUrls: [],
    lesson: null,
    groups: [],
    sendAt: '2026-03-02T01:00:00.000Z',
    status: 'sent',
    author: '李建国',
    read: true,
  } as const;
  const textbox = () => screen.getByRole('textbox', { name: '心得内容' });
  const draft = () => Taro.getStorageSync(noteDraftKey(null, 'p-1')) as NoteDraft;

  it('enforces the 50-character minimum with a counter', async () => {
    setRouterParams({ pushId: 'p-1' });
    mockCall.mockImplementation(routes({ 'org.me': okMe(member), 'studyPush.view': ok(pushView) }) as never);
    render(<NoteNew />);
    expect(await screen.findByText('学习要点：学习二十届三中全会精神')).toBeInTheDocument();
    fireEvent.change(textbox(), { target: { value: '好'.repeat(49) } });
    expect(screen.getByText('已写 49 字，还差 1 字')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '发布心得' }));
    expect(await screen.findByText('请至少写 50 个字，现在 49 个字')).toBeInTheDocument();
    expect(callsOf('note.submit')).toHaveLength(0);
    fireEvent.change(textbox(), { target: { value: '好'.repeat(50) } });
    expect(screen.getByText('已写 50 / 2000 字')).toBeInTheDocument();
    expect(screen.queryByText(/请至少写 50 个字/)).not.toBeInTheDocument();
  });

  it('keeps the draft across a remount, a network failure and CONTENT_REJECTED; a retry reuses the requestId; success clears it and opens the note', async () => {
    setRouterParams({ pushId: 'p-1' });
    const replies = [fail('INTERNAL', '网络异常，请检查网络后重试'), fail('CONTENT_REJECTED', '内容未通过安全检查：包含不当言论，请修改后重试'), ok(note({ id: 'n-9' }))];
    mockCall.mockImplementation(routes({ 'org.me': okMe(member), 'studyPush.view': ok(pushView), 'note.submit': () => replies.shift() ?? fail('INTERNAL', 'x') }) as never);

    const first = render(<NoteNew />);
    await screen.findByText('学习要点：学习二十届三中全会精神');
    fireEvent.change(textbox(), { target: { value: LONG } });
    // Photos go to notes/<memberId>/ and their fileIDs into the draft.
    fireEvent.click(screen.getByRole('button', { name: '添加图片' }));
    await waitFor(() => expect(draft().images).toHaveLength(1));
    expect(mockUpload.mock.calls[0][1]).toMatch(/^notes\/m-001\/[\w-]+\.jpg$/);
    const requestId = draft().requestId;
    expect(requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(draft()).toEqual({ text: LONG, images: [`cloud://env-1/${mockUpload.mock.calls[0][1]}`], lessonId: null, pushId: 'p-1', requestId });

    // Closed and reopened: the same draft.
    first.unmount();
    render(<NoteNew />);
    await screen.findByText('学习要点：学习二十届三中全会精神');
    expect(textbox()).toHaveValue(LONG);
    expect(screen.getByRole('button', { name: '删除图片1' })).toBeInTheDocument();

    // Network failure: message, draft kept.
    fireEvent.click(screen.getByRole('button', { name: '发布心得' }));
    expect(await screen.findByText('网络异常，请检查网络后重试')).toBeInTheDocument();
    expect(draft().requestId).toBe(requestId);

    // The content check refuses: its reason shown, text kept.
    fireEvent.click(screen.getByRole('button', { name: '发布心得' }));
    expect(await screen.findByText('内容未通过安全检查：包含不当言论，请修改后重试')).toBeInTheDocument();
    expect(textbox()).toHaveValue(LONG);
    expect(draft().text).toBe(LONG);

    const edited = `${LONG}（已修改）`;
    fireEvent.change(textbox(), { target: { value: edited } });
    fireEvent.click(screen.getByRole('button', { name: '发布心得' }));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `${ROUTES.note}?id=n-9` }));

    const sent = callsOf('note.submit').map(([, input]) => input as { requestId: string; text: string; pushId: string | null; lessonId: string | null; images: string[] });
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((s) => s.requestId))).toEqual(new Set([requestId]));
    expect(sent[2]).toEqual({ requestId, text: edited, images: sent[0].images, lessonId: null, pushId: 'p-1' });
    expect(sent[0].images).toHaveLength(1);
    expect(Taro.getStorageSync(noteDraftKey(null, 'p-1'))).toBe('');
  });

  it('one draft per tie: a note about a lesson does not pick up the push note', async () => {
    Taro.setStorageSync(noteDraftKey(null, 'p-1'), { text: '关于学习要点的草稿', images: [], lessonId: null, pushId: 'p-1', requestId: 'note-abc-12345678' });
    setRouterParams({ lessonId: 'l-1' });
    mockCall.mockImplementation(routes({ 'org.me': okMe(member), 'lesson.view': fail('NOT_FOUND', '内容不存在或已被删除') }) as never);
    render(<NoteNew />);
    expect(await screen.findByText('关联的微党课')).toBeInTheDocument();
    expect(textbox()).toHaveValue('');
  });
});

describe('学习心得 feed', () => {
  it('likes at once and keeps the server count; rolls back when the like fails', async () => {
    let resolveLike: (value: unknown) => void = () => {};
    let likeFails = false;
    mockCall.mockImplementation(
      routes({
        'note.feed': ok({ items: [note()], more: false }),
        'note.like': () =>
          new Promise((resolve) => {
            resolveLike = () => resolve(likeFails ? fail('INTERNAL', '网络异常，请检查网络后重试') : ok({ likes: 3, likedByMe: true }));
          }) as never,
      }) as never,
    );
    render(<Notes />);
    const likeButton = await screen.findByRole('button', { name: '点赞，2 人点赞' });
    fireEvent.click(likeButton);
    // Optimistic: before the server answers.
    expect(await screen.findByRole('button', { name: '取消点赞，3 人点赞' })).toHaveAttribute('aria-pressed', 'true');
    expect(mockCall).toHaveBeenCalledWith('note.like', { noteId: 'n-1', liked: true });
    resolveLike(null);
    await waitFor(() => expect(screen.getByRole('button', { name: '取消点赞，3 人点赞' })).not.toHaveAttribute('disabled'));

    // Unlike, and the server refuses: back to liked, with a message.
    likeFails = true;
    fireEvent.click(screen.getByRole('button', { name: '取消点赞，3 人点赞' }));
    expect(await screen.findByRole('button', { name: '点赞，2 人点赞' })).toBeInTheDocument();
    resolveLike(null);
    expect(await screen.findByRole('button', { name: '取消点赞，3 人点赞' })).toBeInTheDocument();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络异常，请检查网络后重试' }));
    expect(callsOf('note.like').map(([, input]) => input)).toEqual([
      { noteId: 'n-1', liked: true },
      { noteId: 'n-1', liked: false },
    ]);
  });

  it('cards: author, date, 精选, collapsed text with 展开, thumbnails, comment count; tap → the note', async () => {
    const long = Array.from({ length: 12 }, (_, i) => `第${i + 1}段：坚持学思用贯通、知信行统一。`).join('\n');
    mockCall.mockImplementation(
      routes({ 'note.feed': ok({ items: [note({ id: 'n-2', text: long, featured: true, imageUrls: ['http://127.0.0.1/a.jpg', 'http://127.0.0.1/b.jpg'], comments: 4 })], more: false }) }) as never,
    );
    render(<Notes />);
    expect(await screen.findByText('精选')).toBeInTheDocument();
    expect(screen.getByText('张红梅')).toBeInTheDocument();
    expect(screen.getByText('2026-03-02 10:00')).toBeInTheDocument();
    expect(screen.queryByText(/第12段/)).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '展开全文' }));
    expect(screen.getByText(/第12段/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '收起' }));
    expect(screen.queryByText(/第12段/)).not.toBeInTheDocument();

    fireEvent.click(screen.getByLabelText('照片2，点击查看大图'));
    expect(taro.previewImage).toHaveBeenCalledWith({ urls: ['http://127.0.0.1/a.jpg', 'http://127.0.0.1/b.jpg'], current: 'http://127.0.0.1/b.jpg' });
    fireEvent.click(screen.getByRole('button', { name: '评论 4 条，查看' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.note}?id=n-2` });
    fireEvent.click(screen.getByRole('button', { name: '写心得' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.noteNew });
  });

  it('pages with before = the last createdAt, filters 精选, and shows 我的心得', async () => {
    mockCall.mockImplementation(
      routes({
        'note.feed': (input: { before?: string; featured?: boolean }) =>
          input.featured
            ? ok({ items: [note({ id: 'n-f', text: `精选心得。${LONG}`, featured: true })], more: false })
            : input.before
              ? ok({ items: [note({ id: 'n-old', text: `较早的心得。${LONG}`, createdAt: '2026-02-01T00:00:00.000Z' })], more: false })
              : ok({ items: [note()], more: true }),
        'note.mine': ok({ items: [note({ id: 'n-mine', text: `我自己的心得。${LONG}` })] }),
      }) as never,
    );
    render(<Notes />);
    fireEvent.click(await screen.findByRole('button', { name: '加载更多心得' }));
    expect(await screen.findByText(/较早的心得/)).toBeInTheDocument();
    expect(mockCall).toHaveBeenCalledWith('note.feed', { before: '2026-03-02T02:00:00.000Z' });
    expect(within(screen.getByRole('list', { name: '支部心得' })).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: '加载更多心得' })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '只看精选' }));
    expect(await screen.findByText(/精选心得。/)).toBeInTheDocument();
    expect(mockCall).toHaveBeenCalledWith('note.feed', { featured: true });

    fireEvent.click(screen.getByRole('button', { name: '我的心得' }));
    expect(await screen.findByText(/我自己的心得/)).toBeInTheDocument();
    expect(mockCall).toHaveBeenCalledWith('note.mine', {});
  });

  it('clipText keeps short text whole and cuts long text to about six lines', () => {
    expect(clipText('短短的一段')).toEqual({ shown: '短短的一段', clipped: false });
    const cut = clipText('字'.repeat(500));
    expect(cut.clipped).toBe(true);
    expect(cut.shown.length).toBeLessThan(150);
    expect(clipText('一\n二\n三\n四\n五\n六\n七').shown).toBe('一\n二\n三\n四\n五\n六…');
  });
});

describe('学习心得 page', () => {
  const comment: CommentView = { id: 'c-1', author: { id: 'm-002', name: '王小明' }, text: '写得很实在。', createdAt: '2026-03-02T03:00:00.000Z' };

  it('comments with a requestId; a rejected comment keeps its text and shows the reason; the retry reuses the requestId', async () => {
    setRouterParams({ id: 'n-1' });
    const replies = [
      fail('CONTENT_REJECTED', '评论未通过安全检查：包含广告信息'),
      ok<CommentView>({ id: 'c-2', author: { id: 'm-001', name: '张红梅' }, text: '向大家学习！', createdAt: '2026-03-02T04:00:00.000Z' }),
    ];
    mockCall.mockImplementation(
      routes({
        'org.me': okMe(member),
        'note.get': ok({ note: note({ push: { id: 'p-1', title: '学习二十届三中全会精神' } }), comments: [comment] }),
        'note.comment': () => replies.shift() ?? fail('INTERNAL', 'x'),
      }) as never,
    );
    render(<NotePage />);
    expect(await screen.findByText('写得很实在。')).toBeInTheDocument();
    expect(screen.getByText('评论（1）')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '评为精选' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '学习要点：学习二十届三中全会精神' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.push}?id=p-1` });

    const box = screen.getByRole('textbox', { name: '写评论' });
    fireEvent.change(box, { target: { value: '向大家学习！' } });
    fireEvent.click(screen.getByRole('button', { name: '发表评论' }));
    expect(await screen.findByText('评论未通过安全检查：包含广告信息')).toBeInTheDocument();
    expect(box).toHaveValue('向大家学习！');

    fireEvent.click(screen.getByRole('button', { name: '发表评论' }));
    expect(await screen.findByText('评论（2）')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '写评论' })).toHaveValue('');
    const [a, b] = callsOf('note.comment').map(([, input]) => input as { noteId: string; requestId: string; text: string });
    expect(a).toEqual({ noteId: 'n-1', requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), text: '向大家学习！' });
    expect(b.requestId).toBe(a.requestId);
  });

  it('the secretary features a note after confirming', async () => {
    setRouterParams({ id: 'n-1' });
    mockCall.mockImplementation(
      routes({ 'org.me': okMe(secretary), 'note.get': ok({ note: note(), comments: [] }), 'note.feature': ok(note({ featured: true })) }) as never,
    );
    render(<NotePage />);
    modalAnswer.confirm = false;
    fireEvent.click(await screen.findByRole('button', { name: '评为精选' }));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(callsOf('note.feature')).toHaveLength(0);

    modalAnswer.confirm = true;
    fireEvent.click(screen.getByRole('button', { name: '评为精选' }));
    expect(await screen.findByText('精选')).toBeInTheDocument();
    expect(mockCall).toHaveBeenCalledWith('note.feature', { noteId: 'n-1' });
    expect(screen.queryByRole('button', { name: '评为精选' })).not.toBeInTheDocument();
  });
});
