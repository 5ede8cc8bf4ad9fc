import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Home from '@/pages/home/index';
import PushPage, { endMarkerId } from '@/subpackages/study/pages/push/index';
import MyPushes from '@/subpackages/study/pages/pushes/index';
import PushNew, { PUSH_DRAFT_KEY, chinaInstant, type PushDraft } from '@/subpackages/secretary/pages/push-new/index';
import SecretaryPushes from '@/subpackages/secretary/pages/pushes/index';
import PushReaders from '@/subpackages/secretary/pages/push-readers/index';
import { subscribe } from '@/lib/subscribe';
import { ROUTES } from '@/lib/routes';
import { call, type ActionOutput, type StudyPushView } from '@/services/api';
import { chinaDate } from '@/lib/format';
import { modalAnswer, setRouterParams } from './mocks/taro';
import { fail, member, ok, okMe, routes, secretary, unauthenticated } from './fixtures';

jest.mock('@/services/api', () => ({ call: jest.fn() }));
// A configured studyPush template, no meeting template: both paths of the helper.
jest.mock('@/config/templates', () => ({ SUBSCRIBE_TEMPLATE_IDS: { studyPush: 'tpl-study', meeting: '' } }));
const mockCall = call as jest.MockedFunction<typeof call>;
const callsOf = (action: string) => mockCall.mock.calls.filter(([a]) => a === action);

/** The Taro APIs these pages use beyond the shared double, installed on it per test. */
type ObserveCallback = (res: { intersectionRatio?: number }) => void;
const observed: { selector: string | null; callback: ObserveCallback | null; disconnected: boolean } = { selector: null, callback: null, disconnected: false };
const taro = Taro as unknown as Record<string, unknown>;
const createIntersectionObserver = jest.fn(() => {
  const observer = {
    relativeToViewport: () => observer,
    observe: (selector: string, cb: ObserveCallback) => {
      observed.selector = selector;
      observed.callback = cb;
    },
    disconnect: () => {
      observed.disconnected = true;
    },
  };
  return observer;
});
const requestSubscribeMessage = jest.fn(async (_opts: { tmplIds: string[] }): Promise<Record<string, string>> => ({ errMsg: 'requestSubscribeMessage:ok', 'tpl-study': 'accept' }));

beforeEach(() => {
  observed.selector = null;
  observed.callback = null;
  observed.disconnected = false;
  Object.assign(taro, {
    createIntersectionObserver,
    getCurrentInstance: () => ({ page: {} }),
    getWindowInfo: () => ({ windowHeight: 600 }),
    requestSubscribeMessage,
    previewImage: jest.fn(),
  });
});
afterEach(() => {
  for (const key of ['createIntersectionObserver', 'getCurrentInstance', 'getWindowInfo', 'requestSubscribeMessage', 'previewImage']) delete taro[key];
});

const pushView = (over: Partial<StudyPushView> = {}): StudyPushView => ({
  id: 'p-1',
  title: '学习二十届三中全会精神',
  body: '全会审议通过了《中共中央关于进一步全面深化改革、推进中国式现代化的决定》。\n请结合岗位实际学习领会。',
  imageUrls: [],
  lesson: null,
  groups: [],
  sendAt: '2026-03-02T01:00:00.000Z',
  status: 'sent',
  author: '李建国',
  read: false,
  ...over,
});

describe('学习要点 page (read to the end)', () => {
  it('calls studyPush.read once when the end comes into view, shows 已读 and offers 订阅学习提醒', async () => {
    setRouterParams({ id: 'p-1' });
    mockCall.mockImplementation(
      routes({
        'studyPush.view': ok(pushView({ lesson: { id: 'l-1', title: '微党课：新质生产力' } })),
        'studyPush.read': ok({ read: true }),
        'studyPush.subscribe': ok({ credits: 1 }),
      }) as never,
    );
    render(<PushPage />);
    expect(await screen.findByText('学习二十届三中全会精神')).toBeInTheDocument();
    expect(screen.getByText(/请结合岗位实际学习领会/)).toBeInTheDocument();
    expect(screen.getByText('未读')).toBeInTheDocument();
    await waitFor(() => expect(observed.callback).not.toBeNull());
    expect(observed.selector).toBe(`#${endMarkerId('p-1')}`);
    expect(document.getElementById(endMarkerId('p-1'))).not.toBeNull();

    // Out of view: nothing yet.
    act(() => observed.callback?.({ intersectionRatio: 0 }));
    expect(callsOf('studyPush.read')).toHaveLength(0);

    // In view, twice (scrolling back and forth): one call.
    act(() => {
      observed.callback?.({ intersectionRatio: 0.5 });
      observed.callback?.({ intersectionRatio: 1 });
    });
    expect(await screen.findByText('— 全文完 · 已读 —')).toBeInTheDocument();
    act(() => observed.callback?.({ intersectionRatio: 1 }));
    expect(callsOf('studyPush.read')).toEqual([['studyPush.read', { pushId: 'p-1' }]]);
    expect(screen.getByText('已读')).toBeInTheDocument();
    expect(observed.disconnected).toBe(true);

    // The natural moment: 订阅学习提醒 (no WeChat prompt outside weapp; the choice is recorded).
    fireEvent.click(screen.getByRole('button', { name: '订阅学习提醒' }));
    expect(await screen.findByText('已订阅，支部发布新的学习要点时会提醒您。')).toBeInTheDocument();
    expect(mockCall).toHaveBeenCalledWith('studyPush.subscribe', { template: 'studyPush', accepted: true });
    expect(requestSubscribeMessage).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: '关联微党课：微党课：新质生产力' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.lesson}?id=l-1` });
    fireEvent.click(screen.getByRole('button', { name: '写学习心得' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.noteNew}?pushId=p-1` });
  });

  it('a push already read is not read again, and offers no subscription', async () => {
    setRouterParams({ id: 'p-1' });
    mockCall.mockImplementation(routes({ 'studyPush.view': ok(pushView({ read: true })) }) as never);
    render(<PushPage />);
    expect(await screen.findByText('— 全文完 · 已读 —')).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 20));
    expect(createIntersectionObserver).not.toHaveBeenCalled();
    expect(callsOf('studyPush.read')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: '订阅学习提醒' })).not.toBeInTheDocument();
  });

  it('content shorter than the screen is at its end once shown (no observer on the platform)', async () => {
    delete taro.createIntersectionObserver;
    const query = Taro.createSelectorQuery as jest.Mock;
    query.mockImplementationOnce(() => {
      const q = {
        select: (selector: string) => ({
          fields: (_opts: unknown, cb: (res: { top: number }) => void) => {
            expect(selector).toBe(`#${endMarkerId('p-1')}`);
            cb({ top: 320 }); // the marker is above the 600-px window bottom
            return q;
          },
        }),
        exec: () => undefined,
      };
      return q;
    });
    setRouterParams({ id: 'p-1' });
    mockCall.mockImplementation(routes({ 'studyPush.view': ok(pushView()), 'studyPush.read': ok({ read: true }) }) as never);
    render(<PushPage />);
    expect(await screen.findByText('— 全文完 · 已读 —')).toBeInTheDocument();
    expect(callsOf('studyPush.read')).toHaveLength(1);
  });

  it('a read that did not reach the server can be sent again', async () => {
    let fails = true;
    setRouterParams({ id: 'p-1' });
    mockCall.mockImplementation(
      routes({ 'studyPush.view': ok(pushView()), 'studyPush.read': () => (fails ? fail('INTERNAL', '网络异常') : ok({ read: true })) }) as never,
    );
    render(<PushPage />);
    await waitFor(() => expect(observed.callback).not.toBeNull());
    act(() => observed.callback?.({ intersectionRatio: 1 }));
    expect(await screen.findByText('阅读记录未保存，请检查网络。')).toBeInTheDocument();
    fails = false;
    fireEvent.click(screen.getByRole('button', { name: '标记已读' }));
    expect(await screen.findByText('— 全文完 · 已读 —')).toBeInTheDocument();
    expect(callsOf('studyPush.read')).toHaveLength(2);
  });
});

describe('lib/subscribe', () => {
  const env = process.env.TARO_ENV;
  afterEach(() => {
    process.env.TARO_ENV = env;
  });

  it('on weapp asks WeChat with the template id and records its answer', async () => {
    process.env.TARO_ENV = 'weapp';
    mockCall.mockImplementation(routes({ 'studyPush.subscribe': ok({ credits: 0 }) }) as never);
    requestSubscribeMessage.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'tpl-study': 'reject' });
    const res = await subscribe('studyPush', true);
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tpl-study'] });
    expect(res).toEqual({ accepted: false, credits: 0, error: null });
    expect(mockCall).toHaveBeenCalledWith('studyPush.subscribe', { template: 'studyPush', accepted: false });
  });

  it('without a template id skips WeChat but still records the choice; 暂不 never asks', async () => {
    process.env.TARO_ENV = 'weapp';
    mockCall.mockImplementation(routes({ 'studyPush.subscribe': ok({ credits: 1 }) }) as never);
    expect(await subscribe('meeting', true)).toEqual({ accepted: true, credits: 1, error: null });
    expect(await subscribe('studyPush', false)).toEqual({ accepted: false, credits: 1, error: null });
    expect(requestSubscribeMessage).not.toHaveBeenCalled();
    expect(callsOf('studyPush.subscribe').map(([, input]) => input)).toEqual([
      { template: 'meeting', accepted: true },
      { template: 'studyPush', accepted: false },
    ]);
  });
});

describe('首页 学习要点 card', () => {
  const mine: ActionOutput<'studyPush.mine'> = {
    items: [
      pushView({ id: 'p-3', title: '学习要点三' }),
      pushView({ id: 'p-2', title: '学习要点二', read: true }),
      pushView({ id: 'p-1', title: '学习要点一' }),
    ],
    unread: 2,
  };

  it('shows the unread count and the latest unread pushes to a member', async () => {
    mockCall.mockImplementation(routes({ 'org.me': okMe(member), 'studyPush.mine': ok(mine) }) as never);
    render(<Home />);
    expect(await screen.findByText('2 条未读')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: '未读学习要点' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringContaining('学习要点三'), expect.stringContaining('学习要点一')]);
    expect(screen.queryByText('学习要点二')).not.toBeInTheDocument();
    fireEvent.click(within(list).getByText('学习要点三'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.push}?id=p-3` });
    fireEvent.click(screen.getByRole('button', { name: '学习要点，2条未读' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.pushes });
  });

  it('is not shown to someone who is not a member', async () => {
    mockCall.mockImplementation(routes({ 'org.me': unauthenticated, 'studyPush.mine': unauthenticated }) as never);
    render(<Home />);
    expect(await screen.findByText('您还不是支部成员')).toBeInTheDocument();
    expect(screen.queryByText('学习要点')).not.toBeInTheDocument();
  });

  it('my pushes list the unread ones first, marked 未读', async () => {
    mockCall.mockImplementation(
      routes({ 'studyPush.mine': ok({ items: [pushView({ id: 'p-2', title: '已读的要点', read: true }), pushView({ id: 'p-1', title: '没读的要点' })], unread: 1 }) }) as never,
    );
    render(<MyPushes />);
    expect(await screen.findByText('学习要点 · 1 条未读')).toBeInTheDocument();
    const items = within(screen.getByRole('list', { name: '学习要点' })).getAllByRole('button');
    expect(items.map((b) => b.getAttribute('aria-label'))).toEqual([expect.stringMatching(/^未读，没读的要点/), expect.stringMatching(/^已读的要点/)]);
    fireEvent.click(items[0]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.push}?id=p-1` });
  });
});

describe('发布学习要点 (secretary)', () => {
  const pyramid: ActionOutput<'org.pyramid'> = {
    branch: { id: 'b-001', name: '城东营业部党支部' },
    committee: [],
    groups: [
      { id: 'g-1', name: '第一党小组', leader: null, liaison: null, members: [] },
      { id: 'g-2', name: '第二党小组', leader: null, liaison: null, members: [] },
    ],
    units: [],
  };
  const stubs = (send: (input: unknown) => ReturnType<typeof ok>) =>
    routes({
      'org.me': okMe(secretary),
      'org.pyramid': ok(pyramid),
      'lesson.list': ok({ items: [], mayRecord: true, recorderIds: [] }),
      'studyPush.send': send,
    });

  it('schedules at a China-time instant (+08:00) for chosen groups, confirmed first; the draft keeps its requestId for the retry', async () => {
    let fails = true;
    mockCall.mockImplementation(stubs(() => (fails ? fail('INTERNAL', '网络异常，请检查网络后重试') : ok(pushView({ status: 'scheduled' })))) as never);
    const { unmount } = render(<PushNew />);
    fireEvent.change(await screen.findByRole('textbox', { name: '标题' }), { target: { value: '三月学习要点' } });
    fireEvent.change(screen.getByRole('textbox', { name: '学习要点正文' }), { target: { value: '学习《中国共产党章程》第一章，每人写一篇心得。' } });
    fireEvent.click(screen.getByRole('button', { name: '指定党小组' }));
    fireEvent.click(screen.getByRole('button', { name: '第二党小组' }));
    fireEvent.click(screen.getByRole('button', { name: '定时发送' }));
    const day = chinaDate(new Date(Date.now() + 10 * 24 * 3600 * 1000).toISOString());
    fireEvent.change(screen.getByLabelText('发送日期'), { target: { value: day } });

    fireEvent.click(screen.getByRole('button', { name: '发布学习要点' }));
    await waitFor(() => expect(callsOf('studyPush.send')).toHaveLength(1));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('发送对象：第二党小组') }));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining(`定时发送：${day} 08:00`) }));
    const first = callsOf('studyPush.send')[0][1] as { requestId: string };
    expect(first).toEqual({
      title: '三月学习要点',
      body: '学习《中国共产党章程》第一章，每人写一篇心得。',
      images: [],
      lessonId: null,
      groupIds: ['g-2'],
      sendAt: `${day}T08:00:00+08:00`,
      requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
    });
    expect(await screen.findByText('网络异常，请检查网络后重试')).toBeInTheDocument();
    expect((Taro.getStorageSync(PUSH_DRAFT_KEY) as PushDraft).requestId).toBe(first.requestId);

    // Reopened: the same draft, sent again with the same requestId.
    unmount();
    render(<PushNew />);
    expect(await screen.findByRole('textbox', { name: '标题' })).toHaveValue('三月学习要点');
    fails = false;
    fireEvent.click(screen.getByRole('button', { name: '发布学习要点' }));
    await waitFor(() => expect(callsOf('studyPush.send')).toHaveLength(2));
    expect((callsOf('studyPush.send')[1][1] as { requestId: string }).requestId).toBe(first.requestId);
    await waitFor(() => expect(Taro.getStorageSync(PUSH_DRAFT_KEY)).toBe(''));
    expect(Taro.navigateBack).toHaveBeenCalled();
  });

  it('sends nothing when the confirmation is cancelled, or the time has passed', async () => {
    mockCall.mockImplementation(stubs(() => ok(pushView())) as never);
    render(<PushNew />);
    fireEvent.change(await screen.findByRole('textbox', { name: '标题' }), { target: { value: '三月学习要点' } });
    fireEvent.change(screen.getByRole('textbox', { name: '学习要点正文' }), { target: { value: '学习《中国共产党章程》第一章。' } });
    fireEvent.click(screen.getByRole('button', { name: '定时发送' }));
    fireEvent.change(screen.getByLabelText('发送日期'), { target: { value: '2020-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: '发布学习要点' }));
    expect(await screen.findByText('定时发送的时间已过，请重新选择')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '立即发送' }));
    modalAnswer.confirm = false;
    fireEvent.click(screen.getByRole('button', { name: '发布学习要点' }));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(callsOf('studyPush.send')).toHaveLength(0);

    modalAnswer.confirm = true;
    fireEvent.click(screen.getByRole('button', { name: '发布学习要点' }));
    await waitFor(() => expect(callsOf('studyPush.send')).toHaveLength(1));
    expect(callsOf('studyPush.send')[0][1]).toEqual(expect.objectContaining({ sendAt: null, groupIds: [] }));
  });

  it('chinaInstant writes the China wall-clock time with its offset', () => {
    expect(chinaInstant('2026-03-02', '07:30')).toBe('2026-03-02T07:30:00+08:00');
    expect(new Date(chinaInstant('2026-03-02', '07:30')).toISOString()).toBe('2026-03-01T23:30:00.000Z');
  });
});

describe('学习要点 read rates and readers (secretary)', () => {
  it('lists each push with its time and read rate; tap → readers', async () => {
    mockCall.mockImplementation(
      routes({
        'studyPush.list': ok({
          items: [
            { ...pushView({ id: 'p-2', title: '定时的要点', status: 'scheduled', sendAt: '2026-03-10T00:00:00.000Z', groups: [{ id: 'g-1', name: '第一党小组' }] }), targets: 8, reads: 0 },
            { ...pushView({ id: 'p-1', title: '已发的要点' }), targets: 32, reads: 24 },
          ],
        }),
      }) as never,
    );
    render(<SecretaryPushes />);
    expect(await screen.findByText('定时 2026-03-10 08:00')).toBeInTheDocument();
    expect(screen.getByText('已发送 2026-03-02 09:00')).toBeInTheDocument();
    expect(screen.getByText('75%')).toBeInTheDocument();
    expect(screen.getByText('已读 24 / 32 人 ›')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /^已发的要点/ }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.pushReaders}?id=p-1` });
    fireEvent.click(screen.getByRole('button', { name: '发布学习要点' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.pushNew });
  });

  it('readers: who has read it (with the time) and who has not', async () => {
    setRouterParams({ id: 'p-1' });
    mockCall.mockImplementation(
      routes({
        'studyPush.readers': ok({
          push: pushView(),
          read: [{ id: 'm-001', name: '张红梅', at: '2026-03-02T02:30:00.000Z' }],
          unread: [
            { id: 'm-002', name: '王小明' },
            { id: 'm-003', name: '赵丽' },
          ],
        }),
      }) as never,
    );
    render(<PushReaders />);
    expect(await screen.findByText('已读（1）')).toBeInTheDocument();
    expect(mockCall).toHaveBeenCalledWith('studyPush.readers', { pushId: 'p-1' });
    expect(within(screen.getByRole('list', { name: '已读' })).getByRole('listitem', { name: '张红梅，2026-03-02 10:30 已读' })).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: '未读' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['王小明', '赵丽']);
    expect(screen.getByText('33%')).toBeInTheDocument();
  });
});
