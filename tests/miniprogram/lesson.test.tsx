import type { ReactNode } from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Study, { branchPeople, durationLabel, progressLabel } from '@/pages/study/index';
import Lesson, { ProgressReporter, lessonIdFrom, newSessionId, type ProgressReply, type ProgressReport } from '@/subpackages/study/pages/lesson/index';
import LessonNew, { validateLesson } from '@/subpackages/study/pages/lesson-new/index';
import LessonPoster, { QR_SIZE, SCAN_CAPTION, lessonPosterContent, posterFileName } from '@/subpackages/study/pages/lesson-poster/index';
import SecretaryLessons from '@/subpackages/secretary/pages/lessons/index';
import LessonCompletion from '@/subpackages/secretary/pages/lesson-completion/index';
import { layoutPoster } from '@/components/Poster/layout';
import { imageSources, type PosterCanvas, type PosterContext, type PosterImageElement } from '@/components/Poster';
import { videoCloudPath } from '@/cloud/upload-types';
import { uploadFile } from '@/cloud/upload';
import { call } from '@/services/api';
import type { ActionOutput, Envelope, LessonView } from '@/services/api';
import type { SubmitResult } from '@/lib/submit';
import { modalAnswer, selectorNode, setRouterParams } from './mocks/taro';
import { fail, member, ok, okMe, routes, unauthenticated } from './fixtures';

jest.mock('@/services/api', () => ({ call: jest.fn() }));
jest.mock('@/cloud/upload', () => ({ uploadFile: jest.fn() }));

/** Taro's Video as a DOM element; the test drives its events through `mockVideo.props`. */
interface VideoEvents {
  src: string;
  onPlay?: () => void;
  onPause?: () => void;
  onEnded?: () => void;
  onTimeUpdate?: (e: { detail: { currentTime: number; duration: number } }) => void;
  [key: string]: unknown;
}
const mockVideo: { props: VideoEvents | null } = { props: null };
jest.mock('@tarojs/components', () => {
  const actual = jest.requireActual('@tarojs/components');
  return {
    ...actual,
    Video: (props: VideoEvents & { children?: ReactNode }) => {
      mockVideo.props = props;
      return <video src={props.src} aria-label={props['aria-label'] as string} />;
    },
  };
});

const mockCall = call as jest.MockedFunction<typeof call>;
const mockUpload = uploadFile as jest.MockedFunction<typeof uploadFile>;
const callsOf = (action: string) => mockCall.mock.calls.filter(([a]) => a === action);

const chooseMedia = jest.fn();
Object.assign(Taro, { chooseMedia });

const lesson = (over: Partial<LessonView> = {}): LessonView => ({
  id: 'les_1',
  title: '学习党的二十大精神',
  summary: '结合营业厅工作，讲一讲如何把学习成果转化为服务群众的实际行动。',
  speaker: { id: 'm-002', name: '王志强' },
  unit: null,
  branchName: '城东营业部党支部',
  durationSeconds: 605,
  status: 'published',
  coverUrl: null,
  createdAt: '2026-11-20T02:00:00.000Z',
  publishedAt: '2026-11-21T02:00:00.000Z',
  mine: { watchedRatio: 0, completed: false },
  ...over,
});

const pyramid: ActionOutput<'org.pyramid'> = {
  branch: { id: 'b-001', name: '城东营业部党支部' },
  committee: [{ member: { id: 'm-000', name: '李建国' }, duty: '支部书记', roles: ['member', 'secretary'], dutyItems: [] }],
  groups: [{ id: 'g-001', name: '第一党小组', leader: { id: 'm-001', name: '张红梅' }, liaison: null, members: [{ id: 'm-001', name: '张红梅' }, { id: 'm-002', name: '王志强' }] }],
  units: [{ id: 'u-001', kind: 'post', name: '党员先锋岗·营业厅', goal: '', leader: null, members: [{ id: 'm-003', name: '赵敏' }] }],
};

/** A promise the test resolves by hand: the server's reply to one request. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('学习 tab', () => {
  const items = [
    lesson({ id: 'les_1', mine: { watchedRatio: 1, completed: true } }),
    lesson({ id: 'les_2', title: '安全生产与党员责任', speaker: { id: 'm-001', name: '张红梅' }, durationSeconds: 6, mine: { watchedRatio: 0.456, completed: false }, unit: { id: 'u-001', name: '党员先锋岗·营业厅' } }),
    lesson({ id: 'les_3', title: '新党章学习第一讲', durationSeconds: 3720, mine: { watchedRatio: 0, completed: false }, status: 'draft', publishedAt: null }),
  ];

  it('labels durations and progress as the server gives them', () => {
    expect(durationLabel(6)).toBe('6秒');
    expect(durationLabel(605)).toBe('10分05秒');
    expect(durationLabel(3720)).toBe('1小时02分');
    expect(progressLabel({ watchedRatio: 1, completed: true })).toBe('已学完');
    expect(progressLabel({ watchedRatio: 0.456, completed: false })).toBe('已学 45%');
    expect(progressLabel({ watchedRatio: 0, completed: false })).toBe('未学');
    expect(progressLabel(null)).toBe('未学');
    expect(branchPeople(pyramid).map((p) => p.name)).toEqual(['李建国', '张红梅', '王志强', '赵敏']);
  });

  it('lists the lessons with speaker, duration and progress; filters go to lesson.list', async () => {
    mockCall.mockImplementation(
      routes({
        'lesson.list': (input: { speakerId?: string; unitId?: string; watched?: string }) =>
          ok({
            items: items.filter(
              (l) =>
                (!input.speakerId || l.speaker.id === input.speakerId) &&
                (!input.unitId || l.unit?.id === input.unitId) &&
                (!input.watched || Boolean(l.mine?.completed) === (input.watched === 'watched')),
            ),
            mayRecord: true,
            recorderIds: [],
          }),
        'org.pyramid': ok(pyramid),
      }) as never,
    );
    render(<Study />);
    const list = await screen.findByRole('list', { name: '微型党课' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveAttribute('aria-label', '学习党的二十大精神，主讲王志强，时长10分05秒，已学完');
    expect(within(rows[1]).getByText('已学 45%')).toBeInTheDocument();
    expect(within(rows[1]).getByText('时长：6秒 · 党员先锋岗·营业厅')).toBeInTheDocument();
    expect(within(rows[2]).getByText('待发布')).toBeInTheDocument();
    expect(within(rows[2]).getByText('未学')).toBeInTheDocument();

    fireEvent.click(rows[1]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/study/pages/lesson/index?id=les_2' });

    fireEvent.click(screen.getByRole('button', { name: '已学' }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: '微型党课' })).getAllByRole('listitem')).toHaveLength(1));
    expect(mockCall).toHaveBeenLastCalledWith('lesson.list', { watched: 'watched' });

    fireEvent.click(screen.getByRole('button', { name: '未学' }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: '微型党课' })).getAllByRole('listitem')).toHaveLength(2));
    expect(mockCall).toHaveBeenLastCalledWith('lesson.list', { watched: 'unwatched' });

    fireEvent.click(screen.getByRole('button', { name: '全部' }));
    fireEvent.change(screen.getByRole('combobox', { name: '主讲人' }), { target: { value: '2' } }); // 张红梅
    await waitFor(() => expect(mockCall).toHaveBeenLastCalledWith('lesson.list', { speakerId: 'm-001' }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: '微型党课' })).getAllByRole('listitem')).toHaveLength(1));
    expect(screen.getByText('安全生产与党员责任')).toBeInTheDocument();

    fireEvent.change(screen.getByRole('combobox', { name: '主讲人' }), { target: { value: '0' } });
    fireEvent.change(screen.getByRole('combobox', { name: '岗区队' }), { target: { value: '1' } });
    await waitFor(() => expect(mockCall).toHaveBeenLastCalledWith('lesson.list', { unitId: 'u-001' }));

    fireEvent.change(screen.getByRole('combobox', { name: '岗区队' }), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: '未学' }));
    fireEvent.click(screen.getByRole('button', { name: '已学' }));
    fireEvent.change(screen.getByRole('combobox', { name: '主讲人' }), { target: { value: '3' } }); // 王志强, watched
    await waitFor(() => expect(mockCall).toHaveBeenLastCalledWith('lesson.list', { speakerId: 'm-002', watched: 'watched' }));

    fireEvent.click(screen.getByRole('button', { name: '录制党课' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/study/pages/lesson-new/index' });
    fireEvent.click(screen.getByRole('button', { name: '学习要点，支部推送的学习内容' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/study/pages/pushes/index' });
    fireEvent.click(screen.getByRole('button', { name: '学习心得，写心得、看大家的心得' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/study/pages/notes/index' });
    fireEvent.click(screen.getByRole('button', { name: '三会一课，会议安排、签到和记录' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/study/pages/meetings/index' });
  });

  it('an empty branch says so, keeps the entries, and no 录制党课 without permission', async () => {
    mockCall.mockImplementation(routes({ 'lesson.list': ok({ items: [], mayRecord: false, recorderIds: [] }), 'org.pyramid': ok(pyramid) }) as never);
    render(<Study />);
    expect(await screen.findByText('暂无微型党课')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '录制党课' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '学习心得，写心得、看大家的心得' })).toBeInTheDocument();
  });

  it('someone not in a branch sees how to join', async () => {
    mockCall.mockImplementation(routes({ 'lesson.list': unauthenticated, 'org.pyramid': unauthenticated }) as never);
    render(<Study />);
    expect(await screen.findByText('您还不是支部成员')).toBeInTheDocument();
  });
});

describe('ProgressReporter', () => {
  const reply: ProgressReply = { watchedRatio: 0.5, completed: false, justCompleted: false };

  it('one request in flight; the latest waiting report replaces an older one', async () => {
    const sent: ProgressReport[] = [];
    const pending: Array<(r: SubmitResult<ProgressReply>) => void> = [];
    let n = 0;
    const reporter = new ProgressReporter(
      'les_1',
      (r) => {
        sent.push(r);
        return new Promise((resolve) => pending.push(resolve));
      },
      () => undefined,
      () => `session${++n}`,
    );
    reporter.play(0);
    reporter.time(1);
    reporter.time(3.2); // waits
    reporter.time(5); // < 3 s after 3.2: not a report
    reporter.time(6.4); // replaces 3.2
    expect(sent).toEqual([{ lessonId: 'les_1', sessionId: 'session1', position: 0 }]);
    await act(async () => pending.shift()!({ ok: true, data: reply }));
    expect(sent.map((r) => r.position)).toEqual([0, 6.4]);
    await act(async () => pending.shift()!({ ok: false, error: { code: 'INTERNAL', message: '网络异常' } }));
    // A failed report does not block the next one.
    reporter.pause(7);
    expect(sent.map((r) => r.position)).toEqual([0, 6.4, 7]);
    await act(async () => pending.shift()!({ ok: true, data: reply }));
    reporter.play(7);
    expect(sent[3]).toEqual({ lessonId: 'les_1', sessionId: 'session2', position: 7 });
    expect(newSessionId()).toMatch(/^[A-Za-z0-9_-]{6,40}$/);
    expect(lessonIdFrom({ scene: 'les%5F9' })).toBe('les_9');
    expect(lessonIdFrom({ id: 'les_1', scene: 'x' })).toBe('les_1');
  });
});

describe('微型党课 page', () => {
  const view = (over: Partial<ActionOutput<'lesson.view'>> = {}): ActionOutput<'lesson.view'> => ({
    lesson: lesson({ durationSeconds: 12 }),
    videoUrl: 'http://127.0.0.1:9100/__/storage/file/lessons/b-001/a.mp4?t=1&sign=x',
    invite: null,
    ...over,
  });
  const time = (currentTime: number) => act(() => mockVideo.props!.onTimeUpdate!({ detail: { currentTime, duration: 12 } }));

  it('reports at play start, every ≥ 3 s of position, on pause and the duration on ended — one request at a time', async () => {
    setRouterParams({ scene: 'les%5F1' });
    const replies: Array<ReturnType<typeof deferred<Envelope<ProgressReply>>>> = [];
    mockCall.mockImplementation(
      routes({
        'lesson.view': ok(view()),
        'lesson.progress': () => {
          const d = deferred<Envelope<ProgressReply>>();
          replies.push(d);
          return d.promise as never;
        },
      }) as never,
    );
    render(<Lesson />);
    expect(await screen.findByText('学习党的二十大精神')).toBeInTheDocument();
    expect(mockCall).toHaveBeenCalledWith('lesson.view', { lessonId: 'les_1' });
    expect(screen.getByRole('status')).toHaveTextContent('未学');
    const positions = () => callsOf('lesson.progress').map(([, input]) => (input as ProgressReport).position);
    const sessions = () => callsOf('lesson.progress').map(([, input]) => (input as ProgressReport).sessionId);
    const answer = async (data: ProgressReply) => act(async () => replies.shift()!.resolve(ok(data)));

    act(() => mockVideo.props!.onPlay!());
    expect(positions()).toEqual([0]);
    await time(1.1);
    await time(2.9);
    await time(3.3); // in flight: waits
    await time(6.5); // replaces it
    expect(positions()).toEqual([0]);
    await answer({ watchedRatio: 0, completed: false, justCompleted: false });
    expect(positions()).toEqual([0, 6.5]);
    await answer({ watchedRatio: 0.54, completed: false, justCompleted: false });
    expect(screen.getByRole('status')).toHaveTextContent('已学 54%');
    await time(8);
    expect(positions()).toEqual([0, 6.5]);
    await time(9.6);
    expect(positions()).toEqual([0, 6.5, 9.6]);
    await answer({ watchedRatio: 0.79, completed: false, justCompleted: false });
    act(() => mockVideo.props!.onPause!());
    expect(positions()).toEqual([0, 6.5, 9.6, 9.6]);
    await answer({ watchedRatio: 0.79, completed: false, justCompleted: false });

    // Resumed: a new session; played to the end: the duration.
    act(() => mockVideo.props!.onPlay!());
    await answer({ watchedRatio: 0.79, completed: false, justCompleted: false });
    await time(11.5);
    act(() => mockVideo.props!.onEnded!());
    await time(12); // a late timeupdate after ended: nothing
    expect(positions()).toEqual([0, 6.5, 9.6, 9.6, 9.6, 12]);
    expect(new Set(sessions().slice(0, 4)).size).toBe(1);
    expect(sessions()[4]).not.toBe(sessions()[0]);
    expect(sessions()[5]).toBe(sessions()[4]);
    await answer({ watchedRatio: 1, completed: true, justCompleted: true });
    expect(screen.getByRole('status')).toHaveTextContent('已学完');
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已学完本课' }));
    // Points are the server's: no number of points on this page.
    expect(screen.queryByText(/[+＋]\s*\d|\d+\s*分(?!钟|\d)/)).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '写学习心得' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/study/pages/note-new/index?lessonId=les_1' });
    fireEvent.click(screen.getByRole('button', { name: '生成海报' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/study/pages/lesson-poster/index?id=les_1' });
  });

  it('someone not yet a member sees the invitation, may watch, and nothing is reported', async () => {
    setRouterParams({ id: 'les_1' });
    mockCall.mockImplementation(
      routes({
        'lesson.view': ok(view({ lesson: lesson({ mine: null, durationSeconds: 12 }), invite: { branchName: '城东营业部党支部', message: '加入支部后，学习记录和积分才会保存。' } })),
        'lesson.progress': ok({ watchedRatio: 0.1, completed: false, justCompleted: false }),
      }) as never,
    );
    render(<Lesson />);
    expect(await screen.findByText('欢迎学习城东营业部党支部的微型党课')).toBeInTheDocument();
    expect(screen.getByText('加入支部后，学习记录和积分才会保存。')).toBeInTheDocument();
    expect(mockVideo.props!.src).toContain('/lessons/b-001/a.mp4');
    act(() => mockVideo.props!.onPlay!());
    await time(3.5);
    await time(7);
    act(() => mockVideo.props!.onPause!());
    act(() => mockVideo.props!.onEnded!());
    expect(callsOf('lesson.progress')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: '写学习心得' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '去加入支部' }));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' });
  });

  it('a draft (secretary preview) is not reported', async () => {
    setRouterParams({ id: 'les_1' });
    mockCall.mockImplementation(routes({ 'lesson.view': ok(view({ lesson: lesson({ status: 'draft', publishedAt: null }) })) }) as never);
    render(<Lesson />);
    expect(await screen.findByText('这节党课还未发布，发布后观看才计入学习记录。')).toBeInTheDocument();
    act(() => mockVideo.props!.onPlay!());
    expect(callsOf('lesson.progress')).toHaveLength(0);
  });

  it('without an id it says so; a missing lesson shows the server message', async () => {
    const { unmount } = render(<Lesson />);
    expect(screen.getByText('没有找到这节微型党课，请重新扫码或从学习页进入。')).toBeInTheDocument();
    unmount();
    setRouterParams({ id: 'les_x' });
    mockCall.mockImplementation(routes({ 'lesson.view': fail('NOT_FOUND', '党课不存在') }) as never);
    render(<Lesson />);
    expect(await screen.findByText('党课不存在')).toBeInTheDocument();
  });
});

describe('录制党课', () => {
  const created = lesson({ status: 'draft', publishedAt: null, durationSeconds: 6 });

  it('validates before sending', () => {
    const none = { status: 'idle' } as const;
    expect(validateLesson({ title: '党课', summary: '', speakerId: '', video: null, upload: none })).toEqual({
      title: '标题至少 4 个字',
      summary: '请写内容简介',
      speaker: '请选择主讲人',
      video: '请选择党课视频',
    });
    const video = { path: '/tmp/a.mp4', fileType: 'video', durationSeconds: 2, size: 1, thumb: '' };
    expect(validateLesson({ title: '四个字的', summary: '简介', speakerId: 'm-1', video, upload: none }).video).toBe('视频太短（至少 3 秒）');
    expect(validateLesson({ title: '四个字的', summary: '简介', speakerId: 'm-1', video: { ...video, durationSeconds: 6 }, upload: { status: 'uploading' } }).video).toBe('视频正在上传，请稍候');
    expect(validateLesson({ title: '四个字的', summary: '简介', speakerId: 'm-1', video: { ...video, durationSeconds: 6 }, upload: { status: 'done', fileId: 'cloud://x/y' } })).toEqual({});
    expect(videoCloudPath('lessons/b-001', 'data:video/mp4;base64,AAAA', 'video/mp4')).toMatch(/^lessons\/b-001\/[a-z0-9]+-[a-z0-9]+\.mp4$/);
    expect(videoCloudPath('lessons/b-001', 'wxfile://tmp_1.MOV', 'video')).toMatch(/\.mov$/);
    expect(videoCloudPath('lessons/b-001', 'blob:http://x/1', 'video/webm')).toMatch(/\.webm$/);
  });

  it('uploads the video to the branch folder (retry after a failure), keeps the form on a failed submit, then submits', async () => {
    mockCall.mockImplementation(
      routes({
        'org.me': okMe(member),
        'org.pyramid': ok(pyramid),
        'lesson.create': fail('INTERNAL', '服务暂时不可用，请稍后重试'),
      }) as never,
    );
    chooseMedia.mockResolvedValue({ type: 'video', tempFiles: [{ tempFilePath: 'http://tmp/lesson.mp4', duration: 6.2, size: 69082, fileType: 'video', thumbTempFilePath: '', width: 640, height: 360 }] });
    mockUpload.mockRejectedValueOnce(new Error('上传失败，请重试')).mockResolvedValue('cloud://env/lessons/b-001/k1.mp4');
    render(<LessonNew />);
    const submitBtn = await screen.findByRole('button', { name: '提交党课' });
    // The speaker defaults to the caller.
    expect(screen.getByRole('button', { name: '主讲人：张红梅' })).toBeInTheDocument();

    fireEvent.click(submitBtn);
    expect(await screen.findByText('标题至少 4 个字')).toBeInTheDocument();
    expect(screen.getByText('请写内容简介')).toBeInTheDocument();
    expect(screen.getByText('请选择党课视频')).toBeInTheDocument();
    expect(callsOf('lesson.create')).toHaveLength(0);

    fireEvent.change(screen.getByRole('textbox', { name: '标题' }), { target: { value: '学习党的二十大精神' } });
    fireEvent.change(screen.getByRole('textbox', { name: '内容简介' }), { target: { value: '结合营业厅工作谈体会。' } });
    // Options: the caller first, then the committee, the groups and the units.
    fireEvent.change(screen.getByRole('combobox', { name: '主讲人' }), { target: { value: '2' } });
    expect(screen.getByRole('button', { name: '主讲人：王志强' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '选择视频' }));
    expect(await screen.findByText('上传失败：上传失败，请重试')).toBeInTheDocument();
    expect(chooseMedia).toHaveBeenCalledWith(expect.objectContaining({ mediaType: ['video'], sourceType: ['album', 'camera'], count: 1 }));
    fireEvent.click(screen.getByRole('button', { name: '重新上传视频' }));
    expect(await screen.findByText('视频已上传')).toBeInTheDocument();
    expect(screen.getByText('时长 6秒 · 67 KB')).toBeInTheDocument();
    expect(mockUpload).toHaveBeenCalledTimes(2);
    const [path, cloudPath] = mockUpload.mock.calls[1];
    expect(path).toBe('http://tmp/lesson.mp4');
    expect(cloudPath).toMatch(/^lessons\/b-001\/[a-z0-9]+-[a-z0-9]+\.mp4$/);

    fireEvent.click(screen.getByRole('button', { name: '提交党课' }));
    expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '标题' })).toHaveValue('学习党的二十大精神');
    expect(screen.getByText('视频已上传')).toBeInTheDocument();

    mockCall.mockImplementation(routes({ 'lesson.create': ok(created) }) as never);
    fireEvent.click(screen.getByRole('button', { name: '提交党课' }));
    expect(await screen.findByText('已提交，等待书记发布')).toBeInTheDocument();
    expect(callsOf('lesson.create').at(-1)![1]).toEqual({
      title: '学习党的二十大精神',
      summary: '结合营业厅工作谈体会。',
      speakerId: 'm-002',
      unitId: null,
      video: 'cloud://env/lessons/b-001/k1.mp4',
      cover: null,
      durationSeconds: 6,
    });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已提交，等待书记发布' }));
  });

  it('shows the server field errors under their control', async () => {
    mockCall.mockImplementation(
      routes({ 'org.me': okMe(member), 'org.pyramid': ok(pyramid), 'lesson.create': fail('INVALID_INPUT', '输入有误', { title: '不能包含网页代码' }) }) as never,
    );
    chooseMedia.mockResolvedValue({ type: 'video', tempFiles: [{ tempFilePath: '/tmp/a.mp4', duration: 8, size: 2 * 1024 * 1024, fileType: 'video', thumbTempFilePath: '' }] });
    mockUpload.mockResolvedValue('cloud://env/lessons/b-001/k2.mp4');
    render(<LessonNew />);
    fireEvent.change(await screen.findByRole('textbox', { name: '标题' }), { target: { value: '一二三四五' } });
    fireEvent.change(screen.getByRole('textbox', { name: '内容简介' }), { target: { value: '简介' } });
    fireEvent.click(screen.getByRole('button', { name: '选择视频' }));
    expect(await screen.findByText('视频已上传')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '提交党课' }));
    expect(await screen.findByText('不能包含网页代码')).toBeInTheDocument();
  });
});

describe('书记: 微型党课', () => {
  const draft = lesson({ id: 'les_d', title: '新党章学习第一讲', status: 'draft', publishedAt: null });
  const published = lesson({ id: 'les_p', title: '学习党的二十大精神' });
  const completion: ActionOutput<'lesson.completion'> = {
    lesson: published,
    completed: [{ id: 'm-001', name: '张红梅', at: '2026-11-22T02:30:00.000Z' }],
    inProgress: [{ id: 'm-002', name: '王志强', watchedRatio: 0.456 }],
    notStarted: [
      { id: 'm-003', name: '赵敏' },
      { id: 'm-004', name: '钱多' },
    ],
  };
  const memberView = (id: string, name: string, roles: Array<'member' | 'committeeMember' | 'secretary'>) => ({
    id,
    name,
    phone: '138****0000',
    joinedOn: '2020-01-01',
    category: 'full' as const,
    group: null,
    units: [],
    roles,
    duty: null,
    bound: true,
  });

  it('publishes a submitted lesson after confirmation; shows completion counts; allows recorders', async () => {
    let lessons = [draft, published];
    mockCall.mockImplementation(
      routes({
        'lesson.list': () => ok({ items: lessons, mayRecord: true, recorderIds: ['m-003'] }),
        'org.members': ok({ members: [memberView('m-000', '李建国', ['member', 'secretary']), memberView('m-002', '王志强', ['member']), memberView('m-003', '赵敏', ['member'])] }),
        'lesson.completion': ok(completion),
        'lesson.view': ok({ lesson: draft, videoUrl: 'http://127.0.0.1:9100/__/storage/file/lessons/b-001/d.mp4', invite: null }),
        'lesson.publish': () => {
          lessons = [{ ...draft, status: 'published', publishedAt: '2026-11-26T02:00:00.000Z' }, published];
          return ok(lessons[0]);
        },
        'lesson.setRecorder': (input: { memberId: string; allowed: boolean }) => ok({ recorderIds: input.allowed ? ['m-003', input.memberId] : ['m-003'] }),
      }) as never,
    );
    render(<SecretaryLessons />);
    const drafts = await screen.findByRole('list', { name: '待发布的党课' });
    expect(within(drafts).getByText('新党章学习第一讲')).toBeInTheDocument();
    expect(await screen.findByText('已学完 1 人 · 学习中 1 人 · 未学 2 人')).toBeInTheDocument();

    // Preview the video before publishing.
    fireEvent.click(within(drafts).getByRole('button', { name: '预览视频：新党章学习第一讲' }));
    await waitFor(() => expect(mockVideo.props?.src).toBe('http://127.0.0.1:9100/__/storage/file/lessons/b-001/d.mp4'));
    expect(mockCall).toHaveBeenCalledWith('lesson.view', { lessonId: 'les_d' });

    modalAnswer.confirm = false;
    fireEvent.click(screen.getByRole('button', { name: '发布：新党章学习第一讲' }));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '发布微型党课' })));
    expect(callsOf('lesson.publish')).toHaveLength(0);

    modalAnswer.confirm = true;
    fireEvent.click(screen.getByRole('button', { name: '发布：新党章学习第一讲' }));
    await waitFor(() => expect(callsOf('lesson.publish')).toHaveLength(1));
    expect(callsOf('lesson.publish')[0][1]).toEqual({ lessonId: 'les_d' });
    const publishedList = await screen.findByRole('list', { name: '已发布的党课' });
    await waitFor(() => expect(within(publishedList).getAllByRole('listitem')).toHaveLength(2));
    expect(screen.getByText('待发布（0）')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '学习情况：学习党的二十大精神' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/secretary/pages/lesson-completion/index?id=les_p' });
    fireEvent.click(screen.getByRole('button', { name: '海报：学习党的二十大精神' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/study/pages/lesson-poster/index?id=les_p' });

    // Recorders: the committee is not listed; 赵敏 is already allowed.
    const recorders = screen.getByRole('group', { name: '允许录制党课的党员' });
    expect(within(recorders).queryByText(/李建国/)).not.toBeInTheDocument();
    expect(within(recorders).getByRole('button', { name: '赵敏，已允许录制' })).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(within(recorders).getByRole('button', { name: '王志强，未允许录制' }));
    await waitFor(() => expect(callsOf('lesson.setRecorder')).toHaveLength(1));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '允许录制党课' }));
    expect(callsOf('lesson.setRecorder')[0][1]).toEqual({ memberId: 'm-002', allowed: true });
    expect(await within(recorders).findByRole('button', { name: '王志强，已允许录制' })).toBeInTheDocument();
  });

  it('学习情况 lists completed (with time), in progress (%) and not started, with counts', async () => {
    setRouterParams({ id: 'les_p' });
    mockCall.mockImplementation(routes({ 'lesson.completion': ok(completion) }) as never);
    render(<LessonCompletion />);
    expect(await screen.findByText('已学完（1）')).toBeInTheDocument();
    expect(mockCall).toHaveBeenCalledWith('lesson.completion', { lessonId: 'les_p' });
    expect(within(screen.getByRole('list', { name: '已学完' })).getByRole('listitem', { name: '张红梅，2026-11-22 10:30学完' })).toBeInTheDocument();
    expect(screen.getByText('学习中（1）')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: '学习中' })).getByText('已学 45%')).toBeInTheDocument();
    expect(screen.getByText('未学（2）')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: '未学' })).getAllByRole('listitem').map((e) => e.textContent)).toEqual(['赵敏', '钱多']);
  });
});

describe('党课海报', () => {
  const posterData: ActionOutput<'lesson.poster'> = {
    lesson: lesson({ summary: '结合营业厅工作，讲一讲如何把学习成果转化为服务群众的实际行动，做到学思用贯通、知信行统一，让党旗在每一个服务岗位上高高飘扬，让群众满意。' }),
    qrUrl: 'http://127.0.0.1:9100/__/storage/file/lessons/b-001/qr/les_1.png?t=1&sign=x',
    page: 'subpackages/study/pages/lesson/index',
    scene: 'les_1',
  };

  it('content: branch, title, speaker, summary excerpt, the QR large with 扫码学习微型党课', () => {
    const c = lessonPosterContent(posterData, '2026-11-26');
    expect(c.branchName).toBe('城东营业部党支部');
    expect(c.title).toBe('学习党的二十大精神');
    expect(c.rows[0]).toEqual(['主讲人', '王志强']);
    const summary = c.rows.find(([l]) => l === '内容简介')![1];
    expect(Array.from(summary)).toHaveLength(61);
    expect(c.image).toEqual({ src: posterData.qrUrl, size: QR_SIZE, caption: SCAN_CAPTION, label: '二维码' });
    const layout = layoutPoster(c);
    const img = layout.commands.find((x) => x.kind === 'image');
    expect(img).toMatchObject({ kind: 'image', w: QR_SIZE, h: QR_SIZE, x: (750 - QR_SIZE) / 2 });
    expect(imageSources(layout.commands)).toEqual([posterData.qrUrl]);
    expect(layout.height).toBeGreaterThanOrEqual((img as { y: number }).y + QR_SIZE);
    expect(posterFileName('学/习 党课')).toBe('微型党课-学_习_党课.png');
  });

  it('draws the QR from canvas.createImage at ≥ 1 bitmap px per logical px, then saves', async () => {
    const calls: Array<[string, ...unknown[]]> = [];
    const ctx: PosterContext = {
      fillStyle: '',
      font: '10px sans-serif',
      textAlign: 'left',
      textBaseline: 'alphabetic',
      fillRect: (...a) => void calls.push(['fillRect', ...a]),
      fillText: (...a) => void calls.push(['fillText', ...a]),
      measureText: (t) => ({ width: Array.from(t).length * 20 }),
      scale: (...a) => void calls.push(['scale', ...a]),
      setTransform: () => undefined,
      drawImage: (img, ...a) => void calls.push(['drawImage', img.src, ...a]),
    };
    const images: PosterImageElement[] = [];
    const canvas: PosterCanvas = {
      width: 0,
      height: 0,
      getContext: () => ctx,
      toDataURL: () => 'data:image/png;base64,QR',
      createImage: () => {
        const img: PosterImageElement = { src: '', onload: null, onerror: null };
        images.push(img);
        return img;
      },
    };
    selectorNode.node = canvas;
    setRouterParams({ id: 'les_1' });
    mockCall.mockImplementation(routes({ 'lesson.poster': ok(posterData) }) as never);
    render(<LessonPoster />);
    await waitFor(() => expect(images).toHaveLength(1));
    expect(images[0].src).toBe(posterData.qrUrl);
    expect(screen.getByRole('button', { name: '保存海报' })).toBeDisabled();
    await act(async () => void (images[0].onload as () => void)());
    await waitFor(() => expect(screen.getByRole('button', { name: '保存海报' })).not.toBeDisabled());
    // 300 px at ratio 2 would be 0.8: the QR poster is drawn at least 1:1.
    expect(calls.find(([k]) => k === 'scale')).toEqual(['scale', 1, 1]);
    expect(canvas.width).toBe(750);
    const draw = calls.find(([k]) => k === 'drawImage')!;
    expect(draw.slice(1, 2)).toEqual([posterData.qrUrl]);
    expect(draw[4]).toBe(QR_SIZE);
    const texts = calls.filter(([k]) => k === 'fillText').map(([, t]) => t);
    expect(texts).toEqual(expect.arrayContaining(['城东营业部党支部', '学习党的二十大精神', SCAN_CAPTION, '王志强']));
    fireEvent.click(screen.getByRole('button', { name: '保存海报' }));
    expect(await screen.findByRole('link', { name: '下载海报 微型党课-学习党的二十大精神.png' })).toHaveAttribute('href', 'data:image/png;base64,QR');
  });

  it('a QR that does not load fails the poster instead of saving it without the code', async () => {
    const canvas: PosterCanvas = {
      width: 0,
      height: 0,
      getContext: () => ({ fillStyle: '', font: '', textAlign: '', textBaseline: '', fillRect: () => undefined, fillText: () => undefined, measureText: () => ({ width: 10 }), scale: () => undefined }),
      createImage: () => {
        const img: PosterImageElement = { src: '', onload: null, onerror: null };
        setTimeout(() => (img.onerror as (e: unknown) => void)?.('404'), 0);
        return img;
      },
    };
    selectorNode.node = canvas;
    setRouterParams({ id: 'les_1' });
    mockCall.mockImplementation(routes({ 'lesson.poster': ok(posterData) }) as never);
    render(<LessonPoster />);
    expect(await screen.findByText('海报生成失败，请稍后重试。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '保存海报' })).toBeDisabled();
  });

  it('shows why there is no poster for an unpublished lesson', async () => {
    setRouterParams({ id: 'les_d' });
    mockCall.mockImplementation(routes({ 'lesson.poster': fail('CONFLICT', '党课发布后才有二维码') }) as never);
    render(<LessonPoster />);
    expect(await screen.findByText('党课发布后才有二维码')).toBeInTheDocument();
  });
});

afterEach(() => {
  selectorNode.node = null;
  mockVideo.props = null;
});

