import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Checkin from '@/subpackages/identity/pages/checkin/index';
import { monthWeeks, shiftMonth } from '@/subpackages/identity/lib/checkin';
import CheckinRates, { periodRange, ratePercent, sortMembers } from '@/subpackages/secretary/pages/checkin-rates/index';
import { call } from '@/services/api';
import { uploadFile } from '@/cloud/upload';
import type { ActionOutput, CheckinView, Envelope } from '@/services/api';
import { fail, member, ok, okMe, routes, unauthenticated } from './fixtures';

jest.mock('@/services/api', () => ({ call: jest.fn() }));
jest.mock('@/cloud/upload', () => ({ uploadFile: jest.fn(), photoCloudPath: jest.requireActual('@/cloud/upload-types').photoCloudPath }));
// The shared Taro double has no camera, location or image preview: add them for these pages.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('./mocks/taro');
  const chooseMedia = jest.fn();
  const getLocation = jest.fn();
  const previewImage = jest.fn(async () => ({ errMsg: 'previewImage:ok' }));
  const extra = { chooseMedia, getLocation, previewImage };
  return { __esModule: true, ...actual, ...extra, default: { ...actual.default, ...extra } };
});

const mockCall = call as jest.MockedFunction<typeof call>;
const mockUpload = uploadFile as jest.MockedFunction<typeof uploadFile>;
const chooseMedia = Taro.chooseMedia as unknown as jest.Mock;
const getLocation = Taro.getLocation as unknown as jest.Mock;
const callsOf = (action: string) => mockCall.mock.calls.filter(([a]) => a === action);

type Mine = ActionOutput<'badgeCheckin.mine'>;
const TODAY = '2026-11-26';

const mineFor = (over: Partial<Mine> = {}): Mine => ({ today: TODAY, checkedToday: false, streak: 3, month: '2026-11', days: ['2026-11-23', '2026-11-24', '2026-11-25'], total: 3, ...over });

const checkin = (over: Partial<CheckinView> = {}): CheckinView => ({
  day: TODAY,
  at: '2026-11-26T00:30:00.000Z',
  member: { id: 'm-001', name: '张红梅' },
  photoUrl: 'http://127.0.0.1:9100/files/checkins/m-001/a.jpg',
  place: null,
  ...over,
});

const wall = (items: CheckinView[] = [checkin({ member: { id: 'm-009', name: '王小明' }, photoUrl: 'http://127.0.0.1/w1.jpg' })]): ActionOutput<'badgeCheckin.wall'> => ({
  day: TODAY,
  items,
  members: 30,
});

/** A server double: mine answers per month and follows today's check-in; submit as given. */
function stack(submit: (input: { photo: string; location: unknown }) => Envelope<unknown>, start: Partial<Mine> = {}) {
  let checked = start.checkedToday ?? false;
  mockCall.mockImplementation(
    routes({
      'org.me': okMe(member),
      'points.rules': ok({ inForce: [{ code: 'badgeCheckin', category: 'mandatory', points: 0.5, dailyCap: 0.5, periodCap: null, version: 1, effectiveFrom: '2020-01-01' }], versions: [] }),
      'badgeCheckin.mine': (input: { month?: string }) => {
        const month = input.month ?? '2026-11';
        const days = month === '2026-11' ? [...mineFor().days, ...(checked ? [TODAY] : [])] : month === '2026-10' ? ['2026-10-08'] : [];
        return ok(mineFor({ month, days, checkedToday: checked, streak: checked ? 4 : 3, ...start }));
      },
      'badgeCheckin.wall': () => ok(wall(checked ? [checkin(), ...wall().items] : wall().items)),
      'badgeCheckin.submit': (input: { photo: string; location: unknown }) => {
        const res = submit(input);
        if (res.ok) checked = true;
        return res;
      },
    }) as never,
  );
}

const takes = (...paths: string[]) => {
  for (const p of paths) chooseMedia.mockResolvedValueOnce({ type: 'image', tempFiles: [{ tempFilePath: p, size: 1000, fileType: 'image' }] });
};

beforeEach(() => {
  mockUpload.mockImplementation(async (_path, cloudPath) => `cloud://local.bucket/${cloudPath}`);
});

describe('徽章打卡', () => {
  it('takes a front-camera photo, uploads it to checkins/<memberId>/ and submits; shows 打卡成功 and the streak', async () => {
    stack(() => ok({ checkin: checkin(), alreadyToday: false, streak: 4 }));
    render(<Checkin />);
    expect(await screen.findByText('每天打卡计 0.5 分，每天一次。')).toBeInTheDocument();
    expect(screen.getByRole('status', { name: '连续打卡 3 天' })).toHaveTextContent('3 天');
    takes('/tmp/badge.jpg');
    fireEvent.click(screen.getByRole('button', { name: '拍照打卡' }));
    expect(await screen.findByLabelText('刚拍的打卡照片')).toHaveAttribute('src', '/tmp/badge.jpg');
    expect(chooseMedia).toHaveBeenCalledWith(expect.objectContaining({ count: 1, mediaType: ['image'], sourceType: ['camera'], camera: 'front' }));
    expect(mockUpload).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: '提交打卡' }));
    expect(await screen.findByText('打卡成功')).toBeInTheDocument();
    expect(mockUpload).toHaveBeenCalledTimes(1);
    expect(mockUpload.mock.calls[0][0]).toBe('/tmp/badge.jpg');
    expect(mockUpload.mock.calls[0][1]).toMatch(/^checkins\/m-001\/[\w-]+\.jpg$/);
    expect(callsOf('badgeCheckin.submit')).toEqual([['badgeCheckin.submit', { photo: `cloud://local.bucket/${mockUpload.mock.calls[0][1]}`, location: null }]]);
    expect(screen.getByText('已连续打卡 4 天')).toBeInTheDocument();
    expect(screen.getByLabelText('今天的打卡照片，点击查看大图')).toBeInTheDocument();
    // The calendar and the wall follow.
    await waitFor(() => expect(screen.getByRole('status', { name: '连续打卡 4 天' })).toBeInTheDocument());
    expect(await screen.findByRole('gridcell', { name: '11月26日，已打卡，今天' })).toHaveTextContent('✓');
    expect(await screen.findByText('2/30 人已打卡')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '拍照打卡' })).not.toBeInTheDocument();
  });

  it('sends the location when 添加位置 is on; a refused permission leaves it off', async () => {
    stack(() => ok({ checkin: checkin({ place: '杭州市' }), alreadyToday: false, streak: 4 }));
    render(<Checkin />);
    getLocation.mockRejectedValueOnce({ errMsg: 'getLocation:fail auth deny' });
    fireEvent.click(await screen.findByRole('button', { name: '添加位置' }));
    await act(async () => undefined);
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '未能获取位置，本次打卡不带位置' }));
    expect(screen.getByRole('button', { name: '添加位置' })).toHaveAttribute('aria-pressed', 'false');

    getLocation.mockResolvedValueOnce({ latitude: 30.274084123, longitude: 120.15507, speed: 0, accuracy: 10 });
    fireEvent.click(screen.getByRole('button', { name: '添加位置' }));
    await waitFor(() => expect(screen.getByRole('button', { name: '添加位置' })).toHaveAttribute('aria-pressed', 'true'));
    expect(getLocation).toHaveBeenLastCalledWith({ type: 'gcj02' });

    takes('/tmp/badge.jpg');
    fireEvent.click(screen.getByRole('button', { name: '拍照打卡' }));
    fireEvent.click(await screen.findByRole('button', { name: '提交打卡' }));
    expect(await screen.findByText('打卡成功')).toBeInTheDocument();
    expect(callsOf('badgeCheckin.submit')[0][1]).toMatchObject({ location: { latitude: 30.274084, longitude: 120.15507, name: null } });
    expect(screen.getByText('位置：杭州市')).toBeInTheDocument();
  });

  it('says 今天已经打过卡了 when the server already has today', async () => {
    stack(() => ok({ checkin: checkin(), alreadyToday: true, streak: 4 }));
    render(<Checkin />);
    takes('/tmp/badge.jpg');
    fireEvent.click(await screen.findByRole('button', { name: '拍照打卡' }));
    fireEvent.click(await screen.findByRole('button', { name: '提交打卡' }));
    expect(await screen.findByText('今天已经打过卡了')).toBeInTheDocument();
    expect(screen.queryByText('打卡成功')).not.toBeInTheDocument();
  });

  it('opened after checking in: 今日已打卡 with my photo from the wall, no camera button', async () => {
    stack(() => ok({ checkin: checkin(), alreadyToday: true, streak: 4 }), { checkedToday: true });
    render(<Checkin />);
    expect(await screen.findByText('今日已打卡')).toBeInTheDocument();
    expect(await screen.findByLabelText('今天的打卡照片，点击查看大图')).toHaveAttribute('src', checkin().photoUrl);
    expect(screen.queryByRole('button', { name: '拍照打卡' })).not.toBeInTheDocument();
  });

  it('CONTENT_REJECTED shows the reason beside the photo and asks for a new one; the retake is uploaded and sent', async () => {
    const REJECTED = '照片未通过检查：请拍摄清楚佩戴党徽的照片';
    stack((input) => (input.photo.includes('first') ? fail('CONTENT_REJECTED', REJECTED) : ok({ checkin: checkin(), alreadyToday: false, streak: 4 })));
    mockUpload.mockImplementation(async (path, cloudPath) => `cloud://local.bucket/${cloudPath}?${path.includes('first') ? 'first' : 'second'}`);
    render(<Checkin />);
    takes('/tmp/first.jpg', '/tmp/second.jpg');
    fireEvent.click(await screen.findByRole('button', { name: '拍照打卡' }));
    fireEvent.click(await screen.findByRole('button', { name: '提交打卡' }));
    expect(await screen.findByText(REJECTED)).toBeInTheDocument();
    // The rejected photo stays in view with the reason; it cannot be sent again.
    expect(screen.getByLabelText('刚拍的打卡照片')).toHaveAttribute('src', '/tmp/first.jpg');
    expect(screen.queryByRole('button', { name: /提交打卡/ })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '重新拍照' }));
    await waitFor(() => expect(screen.getByLabelText('刚拍的打卡照片')).toHaveAttribute('src', '/tmp/second.jpg'));
    expect(screen.queryByText(REJECTED)).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '提交打卡' }));
    expect(await screen.findByText('打卡成功')).toBeInTheDocument();
    expect(mockUpload.mock.calls.map(([p]) => p)).toEqual(['/tmp/first.jpg', '/tmp/second.jpg']);
    expect(callsOf('badgeCheckin.submit')).toHaveLength(2);
  });

  it('after a network failure, 重新提交 sends the photo already uploaded (no new photo, no second upload)', async () => {
    let attempts = 0;
    stack(() => {
      attempts += 1;
      return attempts === 1 ? fail('INTERNAL', '网络异常，请检查网络后重试') : ok({ checkin: checkin(), alreadyToday: false, streak: 4 });
    });
    render(<Checkin />);
    takes('/tmp/badge.jpg');
    fireEvent.click(await screen.findByRole('button', { name: '拍照打卡' }));
    fireEvent.click(await screen.findByRole('button', { name: '提交打卡' }));
    expect(await screen.findByText('网络异常，请检查网络后重试')).toBeInTheDocument();
    expect(screen.getByLabelText('刚拍的打卡照片')).toHaveAttribute('src', '/tmp/badge.jpg');
    fireEvent.click(screen.getByRole('button', { name: '重新提交打卡' }));
    expect(await screen.findByText('打卡成功')).toBeInTheDocument();
    expect(chooseMedia).toHaveBeenCalledTimes(1);
    expect(mockUpload).toHaveBeenCalledTimes(1);
    const photos = callsOf('badgeCheckin.submit').map(([, input]) => (input as { photo: string }).photo);
    expect(photos).toHaveLength(2);
    expect(photos[1]).toBe(photos[0]);
  });

  it('a failed upload keeps the photo; the retry uploads it again before submitting once', async () => {
    stack(() => ok({ checkin: checkin(), alreadyToday: false, streak: 4 }));
    mockUpload.mockRejectedValueOnce(new Error('network'));
    render(<Checkin />);
    takes('/tmp/badge.jpg');
    fireEvent.click(await screen.findByRole('button', { name: '拍照打卡' }));
    fireEvent.click(await screen.findByRole('button', { name: '提交打卡' }));
    expect(await screen.findByText('照片上传失败，请检查网络后重试')).toBeInTheDocument();
    expect(callsOf('badgeCheckin.submit')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: '重新提交打卡' }));
    expect(await screen.findByText('打卡成功')).toBeInTheDocument();
    expect(mockUpload.mock.calls.map(([p]) => p)).toEqual(['/tmp/badge.jpg', '/tmp/badge.jpg']);
    expect(callsOf('badgeCheckin.submit')).toHaveLength(1);
  });

  it('the calendar marks checked days with ✓, outlines today, and switches months through mine({month})', async () => {
    stack(() => ok({ checkin: checkin(), alreadyToday: false, streak: 4 }));
    render(<Checkin />);
    const grid = await screen.findByRole('grid', { name: '2026年11月打卡日历' });
    expect(callsOf('badgeCheckin.mine')[0][1]).toEqual({});
    expect(within(grid).getByRole('gridcell', { name: '11月25日，已打卡' })).toHaveTextContent('25✓');
    expect(within(grid).getByRole('gridcell', { name: '11月20日，未打卡' })).not.toHaveTextContent('✓');
    const today = within(grid).getByRole('gridcell', { name: '11月26日，未打卡，今天' });
    expect(today).toHaveClass('cal__cell--today');
    expect(screen.getByText('11月打卡 3 天')).toBeInTheDocument();
    // This month is the last one.
    expect(screen.getByRole('button', { name: '下个月' })).toBeDisabled();

    fireEvent.click(screen.getByRole('button', { name: '上个月' }));
    const october = await screen.findByRole('grid', { name: '2026年10月打卡日历' });
    expect(callsOf('badgeCheckin.mine').at(-1)?.[1]).toEqual({ month: '2026-10' });
    expect(within(october).getByRole('gridcell', { name: '10月8日，已打卡' })).toHaveTextContent('✓');
    expect(screen.getByText('10月打卡 1 天')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '下个月' }));
    expect(await screen.findByRole('grid', { name: '2026年11月打卡日历' })).toBeInTheDocument();
    expect(callsOf('badgeCheckin.mine').at(-1)?.[1]).toEqual({ month: '2026-11' });
  });

  it("shows today's wall: thumbnails with names and N/M 人已打卡; a tap enlarges", async () => {
    stack(() => ok({ checkin: checkin(), alreadyToday: false, streak: 4 }));
    mockCall.mockImplementation(
      routes({
        'org.me': okMe(member),
        'badgeCheckin.mine': ok(mineFor()),
        'badgeCheckin.wall': ok(
          wall([
            checkin({ member: { id: 'm-009', name: '王小明' }, photoUrl: 'http://127.0.0.1/w1.jpg', at: '2026-11-26T00:05:00.000Z' }),
            checkin({ member: { id: 'm-010', name: '赵四' }, photoUrl: null, at: '2026-11-26T01:10:00.000Z', place: '营业厅' }),
          ]),
        ),
      }) as never,
    );
    render(<Checkin />);
    const list = await screen.findByRole('list', { name: '今日打卡墙' });
    expect(screen.getByText('2/30 人已打卡')).toBeInTheDocument();
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveAccessibleName('王小明，08:05打卡');
    expect(items[1]).toHaveAccessibleName('赵四，09:10打卡，营业厅');
    expect(within(items[1]).getByText('无照片')).toBeInTheDocument();
    fireEvent.click(within(items[0]).getByLabelText('王小明的打卡照片，点击查看大图'));
    expect(Taro.previewImage).toHaveBeenCalledWith({ urls: ['http://127.0.0.1/w1.jpg'], current: 'http://127.0.0.1/w1.jpg' });
  });

  it('someone not in a branch sees how to join', async () => {
    mockCall.mockImplementation(routes({ 'org.me': unauthenticated, 'badgeCheckin.mine': unauthenticated, 'badgeCheckin.wall': unauthenticated }) as never);
    render(<Checkin />);
    expect(await screen.findByText('您还不是支部成员')).toBeInTheDocument();
  });

  it('month helpers: shift across years; Monday-first weeks', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    const weeks = monthWeeks('2026-11');
    // 1 November 2026 is a Sunday: six blanks before it.
    expect(weeks[0].slice(0, 6)).toEqual([null, null, null, null, null, null]);
    expect(weeks[0][6]).toEqual({ day: '2026-11-01', date: 1 });
    expect(weeks.flat().filter(Boolean)).toHaveLength(30);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });
});

describe('徽章打卡率 (secretary)', () => {
  const rates = (input: { from: string; to: string }): ActionOutput<'badgeCheckin.rates'> => ({
    from: input.from,
    to: input.to,
    days: 26,
    branch: { rate: 0.857 },
    groups: [
      { id: 'g-1', name: '第一党小组', members: 10, rate: 0.9 },
      { id: 'g-2', name: '第二党小组', members: 8, rate: 0.5 },
    ],
    members: [
      { id: 'm-1', name: '张红梅', group: '第一党小组', checkins: 26, rate: 1 },
      { id: 'm-2', name: '王小明', group: '第二党小组', checkins: 3, rate: 0.115 },
      { id: 'm-3', name: '李建国', group: null, checkins: 13, rate: 0.5 },
    ],
  });

  beforeEach(() => {
    // Thursday 26 November 2026, 10:00 in China; only the clock is faked.
    jest.useFakeTimers({ now: new Date('2026-11-26T02:00:00.000Z'), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask'] });
    mockCall.mockImplementation(routes({ 'badgeCheckin.rates': (input: { from: string; to: string }) => ok(rates(input)) }) as never);
  });
  afterEach(() => jest.useRealTimers());

  it('quick periods send their China days up to today; a custom range sends what was picked', async () => {
    render(<CheckinRates />);
    expect(await screen.findByText('86%')).toBeInTheDocument();
    expect(callsOf('badgeCheckin.rates')[0][1]).toEqual({ from: '2026-11-01', to: '2026-11-26' });
    expect(screen.getByRole('button', { name: '本月' })).toHaveAttribute('aria-pressed', 'true');

    fireEvent.click(screen.getByRole('button', { name: '本周' }));
    await waitFor(() => expect(callsOf('badgeCheckin.rates').at(-1)?.[1]).toEqual({ from: '2026-11-23', to: '2026-11-26' }));
    fireEvent.click(screen.getByRole('button', { name: '本季度' }));
    await waitFor(() => expect(callsOf('badgeCheckin.rates').at(-1)?.[1]).toEqual({ from: '2026-10-01', to: '2026-11-26' }));

    fireEvent.change(screen.getByLabelText('开始日期'), { target: { value: '2026-09-15' } });
    await waitFor(() => expect(callsOf('badgeCheckin.rates').at(-1)?.[1]).toEqual({ from: '2026-09-15', to: '2026-11-26' }));
    expect(screen.getByRole('button', { name: '本季度' })).toHaveAttribute('aria-pressed', 'false');
    fireEvent.change(screen.getByLabelText('结束日期'), { target: { value: '2026-09-30' } });
    await waitFor(() => expect(callsOf('badgeCheckin.rates').at(-1)?.[1]).toEqual({ from: '2026-09-15', to: '2026-09-30' }));

    const before = callsOf('badgeCheckin.rates').length;
    fireEvent.change(screen.getByLabelText('结束日期'), { target: { value: '2026-09-01' } });
    expect(await screen.findByText('开始日期不能晚于结束日期')).toBeInTheDocument();
    await act(async () => undefined);
    expect(callsOf('badgeCheckin.rates')).toHaveLength(before);
    expect(screen.queryByText('86%')).not.toBeInTheDocument();
  });

  it('shows the branch rate, group bars with % text, and members lowest first (or highest first)', async () => {
    render(<CheckinRates />);
    const groups = await screen.findByRole('list', { name: '各党小组打卡率' });
    const bars = within(groups).getAllByRole('listitem');
    expect(bars[0]).toHaveTextContent('第一党小组90%');
    expect(bars[1]).toHaveAccessibleName('第二党小组，8 人，打卡率 50%');
    expect(screen.getByText('支部打卡率（2026-11-01 至 2026-11-26，共 26 天）')).toBeInTheDocument();

    const table = screen.getByRole('table', { name: '每位党员的打卡率' });
    const names = () => within(table).getAllByRole('row').slice(1).map((r) => r.getAttribute('aria-label'));
    expect(names()).toEqual(['王小明，第二党小组，打卡 3 天，打卡率 12%', '李建国，未分组，打卡 13 天，打卡率 50%', '张红梅，第一党小组，打卡 26 天，打卡率 100%']);
    fireEvent.click(screen.getByRole('button', { name: '打卡率从高到低' }));
    expect(names()[0]).toMatch(/^张红梅/);
  });

  it('period and rate helpers', () => {
    expect(periodRange('week', '2026-11-29')).toEqual({ from: '2026-11-23', to: '2026-11-29' }); // Sunday
    expect(periodRange('week', '2026-11-23')).toEqual({ from: '2026-11-23', to: '2026-11-23' }); // Monday
    expect(periodRange('week', '2026-12-02')).toEqual({ from: '2026-11-30', to: '2026-12-02' });
    expect(periodRange('month', '2026-02-14')).toEqual({ from: '2026-02-01', to: '2026-02-14' });
    expect(periodRange('quarter', '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodRange('quarter', '2026-12-31')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(ratePercent(0.857)).toBe('86%');
    expect(ratePercent(0)).toBe('0%');
    const rows = [
      { id: 'a', name: '甲', group: null, checkins: 2, rate: 0.2 },
      { id: 'b', name: '乙', group: null, checkins: 1, rate: 0.2 },
      { id: 'c', name: '丙', group: null, checkins: 5, rate: 0.1 },
    ];
    expect(sortMembers(rows, 'asc').map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(sortMembers(rows, 'desc').map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
});
