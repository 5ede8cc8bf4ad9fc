import { StrictMode } from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Activities from '@/subpackages/identity/pages/activities/index';
import Activity from '@/subpackages/identity/pages/activity/index';
import ActivitySignIn from '@/subpackages/identity/pages/activity-signin/index';
import Oath, { oathPhrases } from '@/subpackages/identity/pages/oath/index';
import { activitySceneFromScan, signUpText } from '@/subpackages/identity/lib/activity';
import ActivityNew, { chinaIso, parseCapacity } from '@/subpackages/secretary/pages/activity-new/index';
import ActivityManage, { REFRESH_SECONDS, personStatus } from '@/subpackages/secretary/pages/activity/index';
import { OATH_TEXT } from '@/domain/identity';
import { call } from '@/services/api';
import { uploadFile } from '@/cloud/upload';
import type { ActionOutput, ActivityView } from '@/services/api';
import { modalAnswer, setRouterParams } from './mocks/taro';
import { fail, member, ok, okMe, routes, secretary } from './fixtures';

jest.mock('@/services/api', () => ({ call: jest.fn() }));
jest.mock('@/cloud/upload', () => ({ uploadFile: jest.fn(), photoCloudPath: jest.requireActual('@/cloud/upload-types').photoCloudPath }));
// The shared Taro double has no scanner, hide event or image preview: add them for these pages.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('./mocks/taro');
  const scanCode = jest.fn(async () => ({ result: '', path: '', scanType: 'QR_CODE', charSet: 'utf-8' }));
  const useDidHide = jest.fn();
  const previewImage = jest.fn(async () => ({ errMsg: 'previewImage:ok' }));
  const extra = { scanCode, useDidHide, previewImage };
  return { __esModule: true, ...actual, ...extra, default: { ...actual.default, ...extra } };
});
const mockCall = call as jest.MockedFunction<typeof call>;
const mockUpload = uploadFile as jest.MockedFunction<typeof uploadFile>;
const callsOf = (action: string) => mockCall.mock.calls.filter(([a]) => a === action);
const scanCode = Taro.scanCode as unknown as jest.Mock;
/** Hides the page: runs the latest useDidHide callback, as Taro does on onHide. */
const hidePage = () => {
  const calls = (Taro.useDidHide as unknown as jest.Mock).mock.calls;
  (calls[calls.length - 1][0] as () => void)();
};

const EXPIRED = '签到码已过期，请扫描现场最新的二维码';
const FULL = '报名人数已满（20 人），不能再报名';

const activity = (over: Partial<ActivityView> = {}): ActivityView => ({
  id: 'acAbCdEf0123',
  theme: '走进红色教育基地',
  startsAt: '2099-12-05T06:30:00.000Z',
  place: '市革命历史纪念馆',
  detail: '参观展览，重温入党誓词，座谈交流。',
  capacity: 20,
  oath: true,
  signedUp: 12,
  present: 0,
  mine: { signedUp: false, present: false, oath: false },
  summary: null,
  past: false,
  ...over,
});

const pastActivity = (over: Partial<ActivityView> = {}): ActivityView =>
  activity({
    id: 'acPast000001',
    theme: '学习二十届四中全会精神',
    startsAt: '2026-10-20T06:30:00.000Z',
    past: true,
    oath: false,
    signedUp: 18,
    present: 16,
    mine: { signedUp: true, present: true, oath: false },
    summary: { text: '全体党员集中学习了全会精神并交流心得。', photoUrls: ['http://127.0.0.1/s1.jpg', 'http://127.0.0.1/s2.jpg'], at: '2026-10-21T02:00:00.000Z' },
    ...over,
  });

describe('主题党日 list', () => {
  it('lists upcoming activities with time, place, 已报名 x/容量 or 不限, 含重温誓词 and my state; past ones with photos', async () => {
    mockCall.mockImplementation(
      routes({
        'org.me': okMe(member),
        'activity.list': ok({
          upcoming: [activity({ mine: { signedUp: true, present: false, oath: false } }), activity({ id: 'ac2', theme: '志愿服务进社区', capacity: 0, oath: false, signedUp: 5 })],
          past: [pastActivity()],
        }),
      }) as never,
    );
    render(<Activities />);
    const upcoming = await screen.findByRole('list', { name: '近期活动' });
    const items = within(upcoming).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('走进红色教育基地');
    expect(items[0]).toHaveTextContent('时间：2099-12-05 14:30');
    expect(items[0]).toHaveTextContent('地点：市革命历史纪念馆');
    expect(items[0]).toHaveTextContent('已报名 12/20');
    expect(within(items[0]).getByText('含重温誓词')).toBeInTheDocument();
    expect(within(items[0]).getByText('已报名')).toBeInTheDocument();
    expect(items[1]).toHaveTextContent('已报名 5 · 不限人数');
    expect(within(items[1]).queryByText('含重温誓词')).not.toBeInTheDocument();

    const past = screen.getByRole('list', { name: '往期活动' });
    const pastItem = within(past).getByRole('listitem');
    expect(pastItem).toHaveTextContent('16 人签到');
    expect(within(pastItem).getByText('已签到')).toBeInTheDocument();
    fireEvent.click(within(pastItem).getByLabelText('照片2，点击查看大图'));
    expect(Taro.previewImage).toHaveBeenCalledWith({ urls: ['http://127.0.0.1/s1.jpg', 'http://127.0.0.1/s2.jpg'], current: 'http://127.0.0.1/s2.jpg' });

    fireEvent.click(within(items[0]).getByRole('button', { name: /走进红色教育基地/ }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/identity/pages/activity/index?id=acAbCdEf0123' });
    expect(screen.queryByRole('button', { name: '发起活动' })).not.toBeInTheDocument();
  });

  it('gives the secretary 发起活动; 扫码签到 opens the sign-in page with the scanned token', async () => {
    mockCall.mockImplementation(routes({ 'org.me': okMe(secretary), 'activity.list': ok({ upcoming: [], past: [] }) }) as never);
    render(<Activities />);
    expect(await screen.findByText('暂无近期的主题党日活动')).toBeInTheDocument();
    fireEvent.click(await screen.findByRole('button', { name: '发起活动' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/secretary/pages/activity-new/index' });

    scanCode.mockResolvedValueOnce({ path: 'subpackages/identity/pages/activity-signin/index?scene=acAbCdEf0123%2Et6abcd%2EAbcdefghijk', result: '' });
    fireEvent.click(screen.getByRole('button', { name: '扫码签到' }));
    await act(async () => undefined);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/identity/pages/activity-signin/index?scene=acAbCdEf0123.t6abcd.Abcdefghijk' });
  });

  it('reads an activity sign-in token from a scan of either kind, and nothing else', () => {
    expect(activitySceneFromScan({ result: 'http://127.0.0.1:9100/#/subpackages/identity/pages/activity-signin/index?scene=acA.t6.B' })).toBe('acA.t6.B');
    expect(activitySceneFromScan({ path: 'subpackages/identity/pages/activity-signin/index?scene=acA%2Et6%2EB' })).toBe('acA.t6.B');
    expect(activitySceneFromScan({ path: 'subpackages/study/pages/meeting-signin/index?scene=mtA.t6.B' })).toBeNull();
    expect(signUpText({ signedUp: 3, capacity: 0 })).toBe('已报名 3 · 不限人数');
  });
});

describe('主题党日 detail', () => {
  beforeEach(() => setRouterParams({ id: 'acAbCdEf0123' }));

  it("报名 on a full activity shows the server's message; a later 报名 succeeds and offers 取消报名", async () => {
    let full = true;
    mockCall.mockImplementation(
      routes({
        'org.me': okMe(member),
        'activity.get': ok({ activity: activity(), people: null }),
        'activity.signUp': (input: { going: boolean }) =>
          full ? fail('CONFLICT', FULL) : ok(activity({ signedUp: input.going ? 13 : 12, mine: { signedUp: input.going, present: false, oath: false } })),
      }) as never,
    );
    render(<Activity />);
    expect(await screen.findByText('已报名 12/20')).toBeInTheDocument();
    expect(screen.getByText('未报名')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '报名' }));
    expect(await screen.findByText(FULL)).toBeInTheDocument();
    expect(callsOf('activity.signUp')).toEqual([['activity.signUp', { activityId: 'acAbCdEf0123', going: true }]]);

    full = false;
    fireEvent.click(screen.getByRole('button', { name: '报名' }));
    expect(await screen.findByRole('button', { name: '取消报名' })).toBeInTheDocument();
    expect(screen.queryByText(FULL)).not.toBeInTheDocument();
    expect(screen.getByText('已报名 13/20')).toBeInTheDocument();

    // Withdrawing asks first.
    modalAnswer.confirm = false;
    fireEvent.click(screen.getByRole('button', { name: '取消报名' }));
    await act(async () => undefined);
    expect(callsOf('activity.signUp')).toHaveLength(2);
    modalAnswer.confirm = true;
    fireEvent.click(screen.getByRole('button', { name: '取消报名' }));
    expect(await screen.findByRole('button', { name: '报名' })).toBeInTheDocument();
    expect(callsOf('activity.signUp').at(-1)?.[1]).toEqual({ activityId: 'acAbCdEf0123', going: false });

    fireEvent.click(screen.getByRole('button', { name: '重温入党誓词' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/identity/pages/oath/index?activityId=acAbCdEf0123' });
    expect(screen.queryByRole('button', { name: '管理活动' })).not.toBeInTheDocument();
  });

  it('after the activity: no sign-up, the summary with photos; the secretary gets 管理', async () => {
    setRouterParams({ id: 'acPast000001' });
    mockCall.mockImplementation(routes({ 'org.me': okMe(secretary), 'activity.get': ok({ activity: pastActivity(), people: [] }) }) as never);
    render(<Activity />);
    expect(await screen.findByText('全体党员集中学习了全会精神并交流心得。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '报名' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '重温入党誓词' })).not.toBeInTheDocument();
    expect(screen.getByText('已签到')).toBeInTheDocument();
    fireEvent.click(screen.getByLabelText('照片1，点击查看大图'));
    expect(Taro.previewImage).toHaveBeenCalledWith({ urls: ['http://127.0.0.1/s1.jpg', 'http://127.0.0.1/s2.jpg'], current: 'http://127.0.0.1/s1.jpg' });
    fireEvent.click(await screen.findByRole('button', { name: '管理活动' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/secretary/pages/activity/index?id=acPast000001' });
  });
});

describe('主题党日签到 (QR landing)', () => {
  it('signs in once with the decoded scene (StrictMode) and notes the oath', async () => {
    setRouterParams({ scene: 'acAbCdEf0123%2Et6abcd%2EAbcdefghijk' });
    mockCall.mockImplementation(
      routes({ 'activity.signIn': ok({ activity: activity({ present: 1, mine: { signedUp: true, present: true, oath: true } }), alreadySignedIn: false }) }) as never,
    );
    render(
      <StrictMode>
        <ActivitySignIn />
      </StrictMode>,
    );
    expect(await screen.findByText('签到成功')).toBeInTheDocument();
    expect(screen.getByText('✓ 已记录重温入党誓词')).toBeInTheDocument();
    expect(screen.getByText('走进红色教育基地')).toBeInTheDocument();
    expect(screen.getByText('2099-12-05 14:30')).toBeInTheDocument();
    expect(callsOf('activity.signIn')).toEqual([['activity.signIn', { token: 'acAbCdEf0123.t6abcd.Abcdefghijk' }]]);
    fireEvent.click(screen.getByRole('button', { name: '重温入党誓词' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/identity/pages/oath/index?activityId=acAbCdEf0123' });
    fireEvent.click(screen.getByRole('button', { name: '查看活动' }));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/subpackages/identity/pages/activity/index?id=acAbCdEf0123' });
  });

  it('without the oath there is no oath note; already signed in says so', async () => {
    setRouterParams({ scene: 'acAbCdEf0123.t6abcd.Abcdefghijk' });
    mockCall.mockImplementation(routes({ 'activity.signIn': ok({ activity: activity({ oath: false, mine: { signedUp: true, present: true, oath: false } }), alreadySignedIn: true }) }) as never);
    render(<ActivitySignIn />);
    expect(await screen.findByText('您已签到')).toBeInTheDocument();
    expect(screen.queryByText(/重温入党誓词/)).not.toBeInTheDocument();
  });

  it('an expired code asks to scan the current one on site; 重新扫码 signs in with the new token', async () => {
    setRouterParams({ scene: 'acAbCdEf0123.t6abcd.Abcdefghijk' });
    mockCall.mockImplementation(
      routes({
        'activity.signIn': (input: { token: string }) =>
          input.token.includes('t6abcd') ? fail('INVALID_INPUT', EXPIRED, { token: EXPIRED }) : ok({ activity: activity({ oath: false }), alreadySignedIn: false }),
      }) as never,
    );
    render(<ActivitySignIn />);
    expect(await screen.findByText('签到码已过期')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(EXPIRED);
    expect(screen.getByRole('alert')).toHaveTextContent('请扫描活动现场正在展示的二维码');
    scanCode.mockResolvedValueOnce({ path: 'subpackages/identity/pages/activity-signin/index?scene=acAbCdEf0123.t6abzz.Zbcdefghijk', result: '' });
    fireEvent.click(screen.getByRole('button', { name: '重新扫码' }));
    expect(await screen.findByText('签到成功')).toBeInTheDocument();
    expect(callsOf('activity.signIn').map(([, input]) => input)).toEqual([{ token: 'acAbCdEf0123.t6abcd.Abcdefghijk' }, { token: 'acAbCdEf0123.t6abzz.Zbcdefghijk' }]);
  });

  it('without a scene it explains and calls nothing', async () => {
    render(<ActivitySignIn />);
    expect(await screen.findByText('缺少签到码，请扫描活动现场展示的签到二维码')).toBeInTheDocument();
    expect(callsOf('activity.signIn')).toHaveLength(0);
  });
});

describe('重温入党誓词', () => {
  it('shows the oath in large type with 面向党旗，举起右拳; no activity call without activityId', () => {
    render(<Oath />);
    expect(screen.getByText('面向党旗，举起右拳')).toBeInTheDocument();
    const oath = screen.getByRole('article', { name: '入党誓词' });
    expect(oath.textContent).toContain(OATH_TEXT);
    expect(within(oath).getByText('我志愿加入中国共产党，')).toHaveClass('oath__line');
    expect(oathPhrases().join('')).toBe(OATH_TEXT);
    expect(mockCall).not.toHaveBeenCalled();
  });

  it("with ?activityId= names the activity and says the sign-in records taking part; it writes nothing", async () => {
    setRouterParams({ activityId: 'acAbCdEf0123' });
    mockCall.mockImplementation(routes({ 'activity.get': ok({ activity: activity(), people: null }) }) as never);
    render(<Oath />);
    expect(await screen.findByText('走进红色教育基地')).toBeInTheDocument();
    expect(screen.getByText('参加本次重温入党誓词，以活动现场扫码签到为准记录。')).toBeInTheDocument();
    expect(mockCall.mock.calls.map(([a]) => a)).toEqual(['activity.get']);
  });
});

describe('发起主题党日 (secretary)', () => {
  it('sends the China date and time with +08:00, the capacity and the oath choice, after a confirmation', async () => {
    mockCall.mockImplementation(routes({ 'activity.create': (input: Partial<ActivityView>) => ok(activity({ id: 'acNew', ...input })) }) as never);
    render(<ActivityNew />);
    fireEvent.change(screen.getByRole('textbox', { name: '活动主题' }), { target: { value: '走进红色教育基地' } });
    fireEvent.change(screen.getByLabelText('日期'), { target: { value: '2026-12-05' } });
    fireEvent.change(screen.getByRole('textbox', { name: '地点' }), { target: { value: '市革命历史纪念馆' } });
    fireEvent.change(screen.getByRole('textbox', { name: '活动内容' }), { target: { value: '参观展览，重温入党誓词。' } });
    fireEvent.change(screen.getByRole('textbox', { name: '名额' }), { target: { value: '30' } });
    expect(screen.getByRole('button', { name: '包含重温入党誓词' })).toHaveAttribute('aria-pressed', 'true');

    modalAnswer.confirm = false;
    fireEvent.click(screen.getByRole('button', { name: '发起活动' }));
    await act(async () => undefined);
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '发起主题党日', content: expect.stringContaining('2026-12-05 14:30') }));
    expect(callsOf('activity.create')).toHaveLength(0);

    modalAnswer.confirm = true;
    fireEvent.click(screen.getByRole('button', { name: '发起活动' }));
    await act(async () => undefined);
    expect(callsOf('activity.create')).toEqual([
      ['activity.create', { theme: '走进红色教育基地', startsAt: '2026-12-05T14:30:00+08:00', place: '市革命历史纪念馆', detail: '参观展览，重温入党誓词。', capacity: 30, oath: true }],
    ]);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/subpackages/secretary/pages/activity/index?id=acNew' });
    expect(new Date(chinaIso('2026-01-05', '09:05')).toISOString()).toBe('2026-01-05T01:05:00.000Z');
  });

  it('an empty capacity is 不限 (0); the oath can be left out; a bad capacity or missing fields send nothing', async () => {
    mockCall.mockImplementation(routes({ 'activity.create': ok(activity({ id: 'acNew' })) }) as never);
    render(<ActivityNew />);
    fireEvent.change(screen.getByRole('textbox', { name: '名额' }), { target: { value: '2000' } });
    fireEvent.click(screen.getByRole('button', { name: '发起活动' }));
    expect(await screen.findByText('请填写活动主题（至少 2 个字）')).toBeInTheDocument();
    expect(screen.getByText('名额请填写 0–1000 的整数，0 或不填表示不限')).toBeInTheDocument();
    expect(callsOf('activity.create')).toHaveLength(0);

    fireEvent.change(screen.getByRole('textbox', { name: '活动主题' }), { target: { value: '志愿服务进社区' } });
    fireEvent.change(screen.getByRole('textbox', { name: '地点' }), { target: { value: '幸福里社区' } });
    fireEvent.change(screen.getByRole('textbox', { name: '活动内容' }), { target: { value: '为社区老人提供通信服务。' } });
    fireEvent.change(screen.getByRole('textbox', { name: '名额' }), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: '包含重温入党誓词' }));
    fireEvent.click(screen.getByRole('button', { name: '发起活动' }));
    await act(async () => undefined);
    expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ content: expect.stringContaining('名额：不限') }));
    expect(callsOf('activity.create')[0][1]).toMatchObject({ capacity: 0, oath: false });
    expect(parseCapacity(' 12 ')).toBe(12);
    expect(parseCapacity('1.5')).toBeNull();
    expect(parseCapacity('-1')).toBeNull();
  });
});

describe('主题党日管理 (secretary)', () => {
  let codes = 0;
  const code = (): ActionOutput<'activity.signInCode'> => {
    codes += 1;
    return { token: `acAbCdEf0123.t6ab${codes}.Abcdefghijk`, qrUrl: `data:image/png;base64,QR${codes}`, page: 'subpackages/identity/pages/activity-signin/index?scene=x', expiresAt: new Date(Date.now() + 60_000).toISOString() };
  };
  const people = [
    { id: 'm-1', name: '张红梅', signedUp: true, present: true },
    { id: 'm-2', name: '李建国', signedUp: true, present: false },
    { id: 'm-3', name: '王小明', signedUp: false, present: false },
  ];

  beforeEach(() => {
    codes = 0;
    setRouterParams({ id: 'acAbCdEf0123' });
    mockCall.mockImplementation(routes({ 'activity.get': ok({ activity: activity({ present: 1 }), people }), 'activity.signInCode': () => ok(code()) }) as never);
  });

  it(`shows the QR and a new one every ${REFRESH_SECONDS} s with a countdown; stops while hidden and on unload`, async () => {
    jest.useFakeTimers();
    try {
      const page = render(<ActivityManage />);
      await act(async () => void (await jest.advanceTimersByTimeAsync(0)));
      fireEvent.click(await screen.findByRole('button', { name: '显示签到二维码' }));
      await act(async () => void (await jest.advanceTimersByTimeAsync(0)));
      expect(screen.getByLabelText('活动签到二维码，请用微信扫码签到')).toHaveAttribute('src', 'data:image/png;base64,QR1');
      expect(callsOf('activity.signInCode')).toEqual([['activity.signInCode', { activityId: 'acAbCdEf0123' }]]);

      await act(async () => void (await jest.advanceTimersByTimeAsync(10_000)));
      expect(screen.getByText(`${REFRESH_SECONDS - 10} 秒后更换二维码`)).toBeInTheDocument();
      await act(async () => void (await jest.advanceTimersByTimeAsync((REFRESH_SECONDS - 10) * 1000)));
      expect(callsOf('activity.signInCode')).toHaveLength(2);
      expect(screen.getByLabelText('活动签到二维码，请用微信扫码签到')).toHaveAttribute('src', 'data:image/png;base64,QR2');
      // Each new code also refreshes the people quietly.
      expect(callsOf('activity.get').length).toBeGreaterThanOrEqual(2);

      act(() => hidePage());
      await act(async () => void (await jest.advanceTimersByTimeAsync(5 * 60_000)));
      expect(callsOf('activity.signInCode')).toHaveLength(2);

      page.unmount();
      await act(async () => void (await jest.advanceTimersByTimeAsync(5 * 60_000)));
      expect(callsOf('activity.signInCode')).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('stops refreshing when the page unloads while the code is shown', async () => {
    jest.useFakeTimers();
    try {
      const page = render(<ActivityManage />);
      fireEvent.click(await screen.findByRole('button', { name: '显示签到二维码' }));
      await act(async () => void (await jest.advanceTimersByTimeAsync(REFRESH_SECONDS * 1000)));
      expect(callsOf('activity.signInCode')).toHaveLength(2);
      page.unmount();
      await act(async () => void (await jest.advanceTimersByTimeAsync(10 * 60_000)));
      expect(callsOf('activity.signInCode')).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('lists who signed up and who came; the summary waits for the start', async () => {
    render(<ActivityManage />);
    const list = await screen.findByRole('list', { name: '报名和签到' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('aria-label'))).toEqual(['张红梅，已签到', '李建国，已报名，未签到']);
    expect(screen.getByText('未报名：王小明')).toBeInTheDocument();
    expect(screen.getByText('已报名 12/20 · 已签到 1')).toBeInTheDocument();
    expect(screen.getByText('活动开始后可填写小结、上传照片。')).toBeInTheDocument();
    expect(personStatus({ signedUp: false, present: true })).toBe('已签到（未报名）');
  });

  it('saves the summary with photos uploaded to activities/<activityId>/', async () => {
    mockCall.mockImplementation(
      routes({
        'activity.get': ok({ activity: pastActivity({ id: 'acAbCdEf0123', summary: null }), people }),
        'activity.saveSummary': (input: { text: string }) => ok(pastActivity({ id: 'acAbCdEf0123', summary: { text: input.text, photoUrls: ['http://127.0.0.1/p.jpg'], at: '2026-10-21T02:00:00.000Z' } })),
      }) as never,
    );
    mockUpload.mockImplementation(async (_path, cloudPath) => `cloud://local.bucket/${cloudPath}`);
    render(<ActivityManage />);
    fireEvent.change(await screen.findByRole('textbox', { name: '活动小结' }), { target: { value: '短' } });
    fireEvent.click(screen.getByRole('button', { name: '保存活动小结' }));
    expect(await screen.findByText('活动小结至少 10 个字')).toBeInTheDocument();

    fireEvent.change(screen.getByRole('textbox', { name: '活动小结' }), { target: { value: '全体党员参观了纪念馆，重温入党誓词并座谈交流。' } });
    fireEvent.click(screen.getByRole('button', { name: '添加活动照片' }));
    expect(await screen.findByRole('button', { name: '删除照片1' })).toBeInTheDocument();
    expect(mockUpload.mock.calls[0][1]).toMatch(/^activities\/acAbCdEf0123\/[\w-]+\.jpg$/);
    fireEvent.click(screen.getByRole('button', { name: '保存活动小结' }));
    await act(async () => undefined);
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '保存活动小结' }));
    const [, input] = callsOf('activity.saveSummary')[0] as [string, { photos: string[]; text: string; activityId: string }];
    expect(input).toEqual({ activityId: 'acAbCdEf0123', text: '全体党员参观了纪念馆，重温入党誓词并座谈交流。', photos: [expect.stringContaining('/activities/acAbCdEf0123/')] });
    expect(await screen.findByText('保存于 2026-10-21 10:00')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '修改活动小结' })).toBeInTheDocument();
  });
});
