import { StrictMode } from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Meetings from '@/subpackages/study/pages/meetings/index';
import { sceneFromScan } from '@/subpackages/study/pages/meetings/scan';
import MeetingSignIn from '@/subpackages/study/pages/meeting-signin/index';
import SecretaryMeetings from '@/subpackages/secretary/pages/meetings/index';
import MeetingNew, { chinaIso } from '@/subpackages/secretary/pages/meeting-new/index';
import MeetingDetail, { REFRESH_SECONDS } from '@/subpackages/secretary/pages/meeting/index';
import { call } from '@/services/api';
import { uploadFile } from '@/cloud/upload';
import type { ActionOutput, AttendanceRow, MeetingView } from '@/services/api';
import { modalAnswer, setRouterParams } from './mocks/taro';
import { fail, ok, routes } from './fixtures';

jest.mock('@/services/api', () => ({ call: jest.fn() }));
jest.mock('@/cloud/upload', () => ({ uploadFile: jest.fn(), photoCloudPath: jest.requireActual('@/cloud/upload-types').photoCloudPath }));
// The shared Taro double has no scanner and no hide event: add both for these pages.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('./mocks/taro');
  const scanCode = jest.fn(async () => ({ result: '', path: '', scanType: 'QR_CODE', charSet: 'utf-8' }));
  const useDidHide = jest.fn();
  return { __esModule: true, ...actual, scanCode, useDidHide, default: { ...actual.default, scanCode, useDidHide } };
});
const mockCall = call as jest.MockedFunction<typeof call>;
const callsOf = (action: string) => mockCall.mock.calls.filter(([a]) => a === action);
const scanCode = Taro.scanCode as unknown as jest.Mock;
/** Hides the page: runs the latest useDidHide callback, as Taro does on onHide. */
const hidePage = () => {
  const calls = (Taro.useDidHide as unknown as jest.Mock).mock.calls;
  (calls[calls.length - 1][0] as () => void)();
};

const EXPIRED = '签到码已过期，请扫描现场最新的二维码';

const meeting = (over: Partial<MeetingView> = {}): MeetingView => ({
  id: 'mtAbCdEf0123',
  kind: 'assembly',
  title: '十一月支部党员大会',
  startsAt: '2026-11-20T06:30:00.000Z',
  place: '三楼党员活动室',
  agenda: '传达学习上级会议精神',
  group: null,
  attendees: 3,
  present: 1,
  held: true,
  mine: { expected: true, status: 'pending' },
  minutes: null,
  ...over,
});

const rows: AttendanceRow[] = [
  { id: 'm-1', name: '张红梅', status: 'present', reason: '', at: '2026-11-20T06:31:00.000Z' },
  { id: 'm-2', name: '李建国', status: 'pending', reason: '', at: null },
  { id: 'm-3', name: '王小明', status: 'absent', reason: '出差', at: '2026-11-19T06:31:00.000Z' },
];

describe('会议签到 (member)', () => {
  it('calls signIn once with the decoded scene and shows 签到成功 with the meeting', async () => {
    setRouterParams({ scene: 'mtAbCdEf0123%2Et6abcd%2EAbcdefghijk' });
    mockCall.mockImplementation(routes({ 'meeting.signIn': ok({ meeting: meeting({ mine: { expected: true, status: 'present' } }), alreadySignedIn: false }) }) as never);
    render(
      <StrictMode>
        <MeetingSignIn />
      </StrictMode>,
    );
    expect(await screen.findByText('签到成功')).toBeInTheDocument();
    expect(screen.getByText('十一月支部党员大会')).toBeInTheDocument();
    expect(screen.getByText('2026-11-20 14:30')).toBeInTheDocument();
    expect(callsOf('meeting.signIn')).toEqual([['meeting.signIn', { token: 'mtAbCdEf0123.t6abcd.Abcdefghijk' }]]);
  });

  it('offers 订阅开会提醒 after signing in; 暂不 records the refusal and hides it', async () => {
    setRouterParams({ scene: 'mtAbCdEf0123.t6abcd.Abcdefghijk' });
    mockCall.mockImplementation(routes({ 'meeting.signIn': ok({ meeting: meeting(), alreadySignedIn: false }), 'studyPush.subscribe': ok({ credits: 0 }) }) as never);
    render(<MeetingSignIn />);
    expect(await screen.findByText('签到成功')).toBeInTheDocument();
    expect(screen.getByText('下次开会前一小时提醒您。')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '暂不订阅' }));
    await act(async () => undefined);
    expect(callsOf('studyPush.subscribe')).toEqual([['studyPush.subscribe', { template: 'meeting', accepted: false }]]);
    expect(screen.queryByRole('button', { name: '订阅开会提醒' })).not.toBeInTheDocument();
    expect(screen.queryByText('已订阅，下次开会前一小时提醒您。')).not.toBeInTheDocument();
  });

  it('offers no subscription when the sign-in is refused', async () => {
    setRouterParams({ scene: 'mtAbCdEf0123.t6abcd.Abcdefghijk' });
    mockCall.mockImplementation(routes({ 'meeting.signIn': fail('INVALID_INPUT', EXPIRED, { token: EXPIRED }) }) as never);
    render(<MeetingSignIn />);
    expect(await screen.findByText('签到码已过期')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '订阅开会提醒' })).not.toBeInTheDocument();
  });

  it('says so when already signed in', async () => {
    setRouterParams({ scene: 'mtAbCdEf0123.t6abcd.Abcdefghijk' });
    mockCall.mockImplementation(routes({ 'meeting.signIn': ok({ meeting: meeting(), alreadySignedIn: true }) }) as never);
    render(<MeetingSignIn />);
    expect(await screen.findByText('您已签到')).toBeInTheDocument();
  });

  it('an expired code asks for the current one on site; 重新扫码 signs in with the new token', async () => {
    setRouterParams({ scene: 'mtAbCdEf0123.t6abcd.Abcdefghijk' });
    mockCall.mockImplementation(
      routes({
        'meeting.signIn': (input: { token: string }) =>
          input.token.includes('t6abcd') ? fail('INVALID_INPUT', EXPIRED, { token: EXPIRED }) : ok({ meeting: meeting(), alreadySignedIn: false }),
      }) as never,
    );
    render(<MeetingSignIn />);
    expect(await screen.findByText('签到码已过期')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(EXPIRED);
    scanCode.mockResolvedValueOnce({ path: 'subpackages/study/pages/meeting-signin/index?scene=mtAbCdEf0123.t6abzz.Zbcdefghijk', result: '' });
    fireEvent.click(screen.getByRole('button', { name: '重新扫码' }));
    expect(await screen.findByText('签到成功')).toBeInTheDocument();
    expect(callsOf('meeting.signIn').map(([, input]) => input)).toEqual([{ token: 'mtAbCdEf0123.t6abcd.Abcdefghijk' }, { token: 'mtAbCdEf0123.t6abzz.Zbcdefghijk' }]);
  });

  it('shows a refusal without a scene, calling nothing', async () => {
    render(<MeetingSignIn />);
    expect(await screen.findByText('缺少签到码，请扫描会场展示的签到二维码')).toBeInTheDocument();
    expect(callsOf('meeting.signIn')).toHaveLength(0);
  });

  it("shows another branch's meeting as not found", async () => {
    setRouterParams({ scene: 'mtForeign012.t6abcd.Abcdefghijk' });
    mockCall.mockImplementation(routes({ 'meeting.signIn': fail('NOT_FOUND', '会议不存在或已被删除') }) as never);
    render(<MeetingSignIn />);
    expect(await screen.findByText('签到未成功')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('会议不存在或已被删除');
  });
});

describe('三会一课 (member)', () => {
  it('lists my meetings with kind, time, place and my status; 扫码签到 opens the sign-in page', async () => {
    mockCall.mockImplementation(
      routes({
        'meeting.list': ok({
          period: '2026Q4',
          items: [
            meeting(),
            meeting({ id: 'mt2', kind: 'lecture', title: '专题党课', mine: { expected: true, status: 'present' } }),
            meeting({ id: 'mt3', kind: 'group', title: '党小组会', group: { id: 'g1', name: '第一党小组' }, mine: { expected: true, status: 'absent' } }),
            meeting({ id: 'mt4', kind: 'committee', title: '支委会', mine: { expected: false, status: 'pending' } }),
          ],
        }),
      }) as never,
    );
    render(<Meetings />);
    const list = await screen.findByRole('list', { name: '我的会议' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('支部党员大会');
    expect(items[0]).toHaveTextContent('2026-11-20 14:30');
    expect(items[0]).toHaveTextContent('三楼党员活动室');
    expect(items[0]).toHaveTextContent('待签到');
    expect(items[1]).toHaveTextContent('已签到');
    expect(items[2]).toHaveTextContent('请假');
    expect(items[2]).toHaveTextContent('第一党小组');
    expect(screen.queryByText('支委会')).not.toBeInTheDocument();

    // Production: a mini-program code gives its path; locally, a QR of the H5 URL gives its result.
    scanCode.mockResolvedValueOnce({ path: 'subpackages/study/pages/meeting-signin/index?scene=mtAbCdEf0123.t6abcd.Abcdefghijk', result: '' });
    fireEvent.click(screen.getByRole('button', { name: '扫码签到' }));
    await act(async () => undefined);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/study/pages/meeting-signin/index?scene=mtAbCdEf0123.t6abcd.Abcdefghijk' });
  });

  const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

  it('offers 订阅开会提醒 once above the list when a meeting of mine is ahead; 订阅提醒 records it', async () => {
    mockCall.mockImplementation(
      routes({
        'meeting.list': ok({
          period: '2026Q4',
          items: [
            meeting({ id: 'mt1', startsAt: hoursFromNow(-48), mine: { expected: true, status: 'present' } }),
            meeting({ id: 'mt2', title: '专题党课', startsAt: hoursFromNow(24) }),
            meeting({ id: 'mt3', title: '党小组会', startsAt: hoursFromNow(48) }),
          ],
        }),
        'studyPush.subscribe': ok({ credits: 1 }),
      }) as never,
    );
    render(<Meetings />);
    await screen.findByRole('list', { name: '我的会议' });
    expect(screen.getAllByRole('button', { name: '订阅开会提醒' })).toHaveLength(1);
    expect(screen.getByText('下次开会前一小时提醒您。')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '订阅开会提醒' }));
    expect(await screen.findByText('已订阅，下次开会前一小时提醒您。')).toBeInTheDocument();
    expect(callsOf('studyPush.subscribe')).toEqual([['studyPush.subscribe', { template: 'meeting', accepted: true }]]);
    expect(screen.queryByRole('button', { name: '订阅开会提醒' })).not.toBeInTheDocument();
  });

  it('toasts the reason when the choice could not be recorded', async () => {
    mockCall.mockImplementation(
      routes({ 'meeting.list': ok({ period: '2026Q4', items: [meeting({ startsAt: hoursFromNow(24) })] }), 'studyPush.subscribe': fail('INTERNAL', '服务暂时不可用，请稍后重试') }) as never,
    );
    render(<Meetings />);
    fireEvent.click(await screen.findByRole('button', { name: '暂不订阅' }));
    await act(async () => undefined);
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '服务暂时不可用，请稍后重试' }));
    expect(callsOf('studyPush.subscribe')).toEqual([['studyPush.subscribe', { template: 'meeting', accepted: false }]]);
    expect(screen.queryByRole('button', { name: '订阅开会提醒' })).not.toBeInTheDocument();
  });

  it('offers no reminder when my meetings have started or the one ahead does not expect me', async () => {
    mockCall.mockImplementation(
      routes({
        'meeting.list': ok({
          period: '2026Q4',
          items: [
            meeting({ id: 'mt1', startsAt: hoursFromNow(-48) }),
            meeting({ id: 'mt2', title: '正在开的会', startsAt: hoursFromNow(-0.5) }),
            meeting({ id: 'mt3', kind: 'committee', title: '支委会', startsAt: hoursFromNow(24), mine: { expected: false, status: 'pending' } }),
          ],
        }),
      }) as never,
    );
    render(<Meetings />);
    const list = await screen.findByRole('list', { name: '我的会议' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: '订阅开会提醒' })).not.toBeInTheDocument();
    expect(callsOf('studyPush.subscribe')).toHaveLength(0);
  });

  it('reads the token from a scan of either kind, and nothing else', () => {
    expect(sceneFromScan({ result: 'http://127.0.0.1:9100/#/subpackages/study/pages/meeting-signin/index?scene=mtA.t6.B' })).toBe('mtA.t6.B');
    expect(sceneFromScan({ path: 'subpackages/study/pages/meeting-signin/index?scene=mtA%2Et6%2EB' })).toBe('mtA.t6.B');
    expect(sceneFromScan({ path: 'pages/join/index?scene=ABCDEFGH' })).toBeNull();
    expect(sceneFromScan({ result: 'https://example.com/' })).toBeNull();
  });
});

describe('三会一课 (secretary)', () => {
  const report = (): ActionOutput<'meeting.quarterReport'> => ({
    period: '2026Q4',
    kinds: [
      { kind: 'assembly', required: 1, held: 1, gaps: [] },
      { kind: 'committee', required: 3, held: 1, gaps: ['11月 支委会未召开'] },
      { kind: 'group', required: 9, held: 4, gaps: ['10月 第二党小组 党小组会未召开', '11月 第三党小组 党小组会未召开'] },
      { kind: 'lecture', required: 1, held: 0, gaps: ['本季度 党课未召开'] },
    ],
  });

  it('shows 已开 / 应开 per kind and each gap with 缺 in red text, the meetings and 安排会议', async () => {
    mockCall.mockImplementation(routes({ 'meeting.quarterReport': ok(report()), 'meeting.list': ok({ period: '2026Q4', items: [meeting()] }) }) as never);
    render(<SecretaryMeetings />);
    const kinds = await screen.findByRole('list', { name: '三会一课完成情况' });
    expect(within(kinds).getAllByRole('listitem')).toHaveLength(4);
    expect(within(kinds).getByText('已开 1 / 应开 3')).toBeInTheDocument();
    expect(within(kinds).getAllByText('缺')).toHaveLength(4);
    const gap = within(kinds).getByText('11月 第三党小组 党小组会未召开');
    expect(gap).toHaveClass('overdue');
    expect(screen.getByText('缺 4 项，请尽快安排')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: /十一月支部党员大会/ }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/secretary/pages/meeting/index?id=mtAbCdEf0123' });
    fireEvent.click(screen.getByRole('button', { name: '安排会议' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/secretary/pages/meeting-new/index' });

    // Another quarter: both reads follow.
    const previous = screen.getAllByRole('button', { pressed: false })[1];
    fireEvent.click(previous);
    await screen.findByRole('list', { name: '三会一课完成情况' });
    const periods = callsOf('meeting.quarterReport').map(([, input]) => (input as { period: string }).period);
    expect(new Set(periods).size).toBe(2);
    expect(callsOf('meeting.list').map(([, input]) => (input as { period: string }).period)).toEqual(periods);
  });
});

describe('安排会议', () => {
  const pyramid = {
    branch: { id: 'b-1', name: '城东营业部党支部' },
    committee: [{ member: { id: 'm-0', name: '李建国' }, duty: '支部书记', roles: ['secretary'], dutyItems: [] }],
    groups: [{ id: 'g-1', name: '第一党小组', leader: null, members: [{ id: 'm-1', name: '张红梅' }, { id: 'm-2', name: '赵四' }] }],
    units: [],
  };

  it('sends the China date and time as an ISO instant with +08:00, after a confirmation', async () => {
    mockCall.mockImplementation(routes({ 'org.pyramid': ok(pyramid), 'meeting.schedule': (input: Record<string, unknown>) => ok(meeting({ id: 'mtNew', ...input })) }) as never);
    render(<MeetingNew />);
    expect(screen.getByRole('textbox', { name: '会议名称' })).toHaveValue('支部党员大会');
    fireEvent.change(screen.getByLabelText('日期'), { target: { value: '2026-12-03' } });
    fireEvent.change(screen.getByRole('textbox', { name: '地点' }), { target: { value: '三楼党员活动室' } });
    fireEvent.change(screen.getByRole('textbox', { name: '议程' }), { target: { value: '学习贯彻全会精神' } });
    expect(screen.getByText('支部全体党员')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '安排会议' }));
    await act(async () => undefined);
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '安排会议', content: expect.stringContaining('2026-12-03 14:30') }));
    expect(callsOf('meeting.schedule')).toEqual([
      ['meeting.schedule', { kind: 'assembly', title: '支部党员大会', startsAt: '2026-12-03T14:30:00+08:00', place: '三楼党员活动室', agenda: '学习贯彻全会精神', groupId: null, attendeeIds: null }],
    ]);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/subpackages/secretary/pages/meeting/index?id=mtNew' });
    expect(chinaIso('2026-01-05', '09:05')).toBe('2026-01-05T09:05:00+08:00');
    expect(new Date(chinaIso('2026-01-05', '09:05')).toISOString()).toBe('2026-01-05T01:05:00.000Z');
  });

  it('a 党小组会 needs its group, and its title follows the kind until edited; nothing is sent when cancelled', async () => {
    mockCall.mockImplementation(routes({ 'org.pyramid': ok(pyramid), 'meeting.schedule': ok(meeting()) }) as never);
    render(<MeetingNew />);
    await screen.findByLabelText('会议类型');
    fireEvent.change(screen.getByLabelText('会议类型'), { target: { value: '2' } });
    expect(screen.getByRole('textbox', { name: '会议名称' })).toHaveValue('党小组会');
    fireEvent.change(screen.getByRole('textbox', { name: '地点' }), { target: { value: '二楼会议室' } });
    fireEvent.change(screen.getByRole('textbox', { name: '议程' }), { target: { value: '组织生活' } });
    fireEvent.click(screen.getByRole('button', { name: '安排会议' }));
    expect(await screen.findByText('请选择党小组', { selector: '.field__error' })).toBeInTheDocument();
    expect(callsOf('meeting.schedule')).toHaveLength(0);
    fireEvent.change(await screen.findByLabelText('党小组'), { target: { value: '1' } });
    expect(screen.getByText('第一党小组全体成员（2 人）')).toBeInTheDocument();
    modalAnswer.confirm = false;
    fireEvent.click(screen.getByRole('button', { name: '安排会议' }));
    await act(async () => undefined);
    expect(callsOf('meeting.schedule')).toHaveLength(0);
    modalAnswer.confirm = true;
    fireEvent.click(screen.getByRole('button', { name: '安排会议' }));
    await act(async () => undefined);
    expect(callsOf('meeting.schedule')[0][1]).toMatchObject({ kind: 'group', groupId: 'g-1', title: '党小组会' });
  });
});

describe('会议详情 (secretary)', () => {
  const detail = (over: Partial<MeetingView> = {}): ActionOutput<'meeting.get'> => ({ meeting: meeting(over), attendance: rows });
  let codes = 0;
  const code = (): ActionOutput<'meeting.signInCode'> => {
    codes += 1;
    return { token: `mtAbCdEf0123.t6ab${codes}.Abcdefghijk`, qrUrl: `data:image/png;base64,QR${codes}`, page: 'subpackages/study/pages/meeting-signin/index?scene=x', expiresAt: new Date(Date.now() + 60_000).toISOString() };
  };

  beforeEach(() => {
    codes = 0;
    setRouterParams({ id: 'mtAbCdEf0123' });
    mockCall.mockImplementation(
      routes({
        'meeting.get': ok(detail()),
        'meeting.signInCode': () => ok(code()),
        'meeting.markAttendance': (input: { memberId: string; status: AttendanceRow['status']; reason: string }) =>
          ok({ attendance: rows.map((r) => (r.id === input.memberId ? { ...r, status: input.status, reason: input.reason } : r)) }),
      }) as never,
    );
  });

  it(`shows the QR and fetches a new one every ${REFRESH_SECONDS} s with a countdown; stops while hidden and on unload`, async () => {
    jest.useFakeTimers();
    try {
      const page = render(<MeetingDetail />);
      await act(async () => void (await jest.advanceTimersByTimeAsync(0)));
      fireEvent.click(await screen.findByRole('button', { name: '显示签到二维码' }));
      await act(async () => void (await jest.advanceTimersByTimeAsync(0)));
      const qr = screen.getByLabelText('会议签到二维码，请用微信扫码签到');
      expect(qr).toHaveAttribute('src', 'data:image/png;base64,QR1');
      expect(callsOf('meeting.signInCode')).toEqual([['meeting.signInCode', { meetingId: 'mtAbCdEf0123' }]]);

      await act(async () => void (await jest.advanceTimersByTimeAsync(10_000)));
      expect(screen.getByText(`${REFRESH_SECONDS - 10} 秒后更换二维码`)).toBeInTheDocument();
      await act(async () => void (await jest.advanceTimersByTimeAsync((REFRESH_SECONDS - 10) * 1000 - 1000)));
      expect(callsOf('meeting.signInCode')).toHaveLength(1);
      await act(async () => void (await jest.advanceTimersByTimeAsync(1000)));
      expect(callsOf('meeting.signInCode')).toHaveLength(2);
      expect(screen.getByLabelText('会议签到二维码，请用微信扫码签到')).toHaveAttribute('src', 'data:image/png;base64,QR2');
      // Each new code also refreshes the counts quietly.
      expect(callsOf('meeting.get').length).toBeGreaterThanOrEqual(2);

      await act(async () => void (await jest.advanceTimersByTimeAsync(REFRESH_SECONDS * 1000)));
      expect(callsOf('meeting.signInCode')).toHaveLength(3);

      // The page is hidden (the secretary switched apps): no more codes.
      act(() => hidePage());
      await act(async () => void (await jest.advanceTimersByTimeAsync(5 * 60_000)));
      expect(callsOf('meeting.signInCode')).toHaveLength(3);

      page.unmount();
      await act(async () => void (await jest.advanceTimersByTimeAsync(5 * 60_000)));
      expect(callsOf('meeting.signInCode')).toHaveLength(3);
    } finally {
      jest.useRealTimers();
    }
  });

  it('stops refreshing when the page unloads', async () => {
    jest.useFakeTimers();
    try {
      const page = render(<MeetingDetail />);
      fireEvent.click(await screen.findByRole('button', { name: '显示签到二维码' }));
      await act(async () => void (await jest.advanceTimersByTimeAsync(REFRESH_SECONDS * 1000)));
      expect(callsOf('meeting.signInCode')).toHaveLength(2);
      page.unmount();
      await act(async () => void (await jest.advanceTimersByTimeAsync(10 * 60_000)));
      expect(callsOf('meeting.signInCode')).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('lists attendance; 记为请假 asks for the reason, confirms, and records it', async () => {
    render(<MeetingDetail />);
    const list = await screen.findByRole('list', { name: '参会人员' });
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('已签到');
    expect(items[1]).toHaveTextContent('未签到');
    expect(items[2]).toHaveTextContent('请假：出差');
    expect(screen.getByText('应到 3 · 已签到 1 · 请假 1 · 未签到 1')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '李建国记为请假' }));
    fireEvent.click(screen.getByRole('button', { name: '确定李建国请假' }));
    expect(await screen.findByText('请填写请假或缺席的原因')).toBeInTheDocument();
    expect(callsOf('meeting.markAttendance')).toHaveLength(0);

    fireEvent.change(screen.getByRole('textbox', { name: '李建国请假/缺席原因' }), { target: { value: '病假' } });
    fireEvent.click(screen.getByRole('button', { name: '确定李建国请假' }));
    await act(async () => undefined);
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '李建国 记为请假', content: expect.stringContaining('病假') }));
    expect(callsOf('meeting.markAttendance')).toEqual([['meeting.markAttendance', { meetingId: 'mtAbCdEf0123', memberId: 'm-2', status: 'absent', reason: '病假' }]]);
    expect(await screen.findByText('请假：病假')).toBeInTheDocument();

    // Absent after present warns that the points are reversed.
    fireEvent.click(screen.getByRole('button', { name: '张红梅记为请假' }));
    fireEvent.change(screen.getByRole('textbox', { name: '张红梅请假/缺席原因' }), { target: { value: '扫码后离开' } });
    modalAnswer.confirm = false;
    fireEvent.click(screen.getByRole('button', { name: '确定张红梅请假' }));
    await act(async () => undefined);
    expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ content: expect.stringContaining('积分将被冲销') }));
    expect(callsOf('meeting.markAttendance')).toHaveLength(1);

    modalAnswer.confirm = true;
    fireEvent.click(screen.getByRole('button', { name: '王小明记为出席' }));
    await act(async () => undefined);
    expect(callsOf('meeting.markAttendance')[1][1]).toEqual({ meetingId: 'mtAbCdEf0123', memberId: 'm-3', status: 'present', reason: '' });
  });

  it('saves minutes with photos uploaded to the meeting folder', async () => {
    mockCall.mockImplementation(
      routes({
        'meeting.get': ok(detail()),
        'meeting.saveMinutes': (input: { text: string }) => ok(meeting({ minutes: { text: input.text, photoUrls: ['http://127.0.0.1/p.jpg'], at: '2026-11-20T08:00:00.000Z', by: '李建国' } })),
      }) as never,
    );
    const upload = uploadFile as jest.MockedFunction<typeof uploadFile>;
    upload.mockImplementation(async (_path, cloudPath) => `cloud://local.bucket/${cloudPath}`);
    render(<MeetingDetail />);
    fireEvent.change(await screen.findByRole('textbox', { name: '会议记录' }), { target: { value: '会议传达学习了上级精神，讨论了下季度工作。' } });
    fireEvent.click(screen.getByRole('button', { name: '添加会议照片' }));
    expect(await screen.findByRole('button', { name: '删除照片1' })).toBeInTheDocument();
    expect(upload.mock.calls[0][1]).toMatch(/^meetings\/mtAbCdEf0123\/[\w-]+\.jpg$/);
    fireEvent.click(screen.getByRole('button', { name: '保存会议记录' }));
    await act(async () => undefined);
    const [, input] = callsOf('meeting.saveMinutes')[0] as [string, { photos: string[]; text: string }];
    expect(input).toEqual({ meetingId: 'mtAbCdEf0123', text: '会议传达学习了上级精神，讨论了下季度工作。', photos: [expect.stringContaining('/meetings/mtAbCdEf0123/')] });
    expect(await screen.findByText('李建国 记录于 2026-11-20 16:00')).toBeInTheDocument();
  });
});
