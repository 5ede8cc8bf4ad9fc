import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Mine from '@/pages/mine/index';
import Points from '@/pages/points/index';
import Appraisal from '@/subpackages/points/pages/appraisal/index';
import QuarterResultPage from '@/subpackages/points/pages/result/index';
import MyRectification, { draftKey } from '@/subpackages/points/pages/rectification/index';
import QuarterAdmin from '@/subpackages/secretary/pages/quarter/index';
import Rectifications from '@/subpackages/secretary/pages/rectifications/index';
import RectificationIssue from '@/subpackages/secretary/pages/rectification-issue/index';
import { call } from '@/services/api';
import type { ActionOutput } from '@/services/api';
import { currentPeriod, previousPeriod } from '@/domain/quarter';
import { modalAnswer, setRouterParams } from './mocks/taro';
import { fail, member, ok, okMe, routes } from './fixtures';

jest.mock('@/services/api', () => ({ call: jest.fn() }));
const mockCall = call as jest.MockedFunction<typeof call>;
const callsOf = (action: string) => mockCall.mock.calls.filter(([a]) => a === action);

type Rect = ActionOutput<'rectification.mine'>['items'][number];
type Status = ActionOutput<'quarter.status'>;

const rect = (over: Partial<Rect> = {}): Rect => ({
  id: 'r-1',
  member: { id: 'm-001', name: '张红梅' },
  period: '2026Q1',
  reason: 'grade',
  state: 'open',
  responsibilities: [{ id: 's-1', text: '按时参加组织生活' }],
  problems: [{ id: 'p-1', text: '本季度缺席支部党员大会两次' }],
  actions: [
    { id: 'a-1', text: '补学会议精神并写心得', dueOn: '2026-04-30', status: 'open', overdue: true, answer: null, review: null },
    {
      id: 'a-2',
      text: '向党小组汇报思想',
      dueOn: '2026-05-30',
      status: 'returned',
      overdue: false,
      answer: { text: '已向党小组长口头汇报。', photos: [], photoUrls: [], at: '2026-04-10T02:00:00.000Z' },
      review: { note: '请提交书面汇报', at: '2026-04-11T02:00:00.000Z', by: '李建国' },
    },
    {
      id: 'a-3',
      text: '参加志愿服务一次',
      dueOn: '2026-05-30',
      status: 'answered',
      overdue: false,
      answer: { text: '4月12日参加社区志愿服务半天。', photos: ['cloud://env-1/rectification/r-1/a-3/x.jpg'], photoUrls: ['http://127.0.0.1/x.jpg'], at: '2026-04-12T02:00:00.000Z' },
      review: null,
    },
  ],
  createdAt: '2026-04-02T02:00:00.000Z',
  ...over,
});

const status = (over: Partial<Status> = {}): Status => ({
  period: '2026Q1',
  state: 'open',
  publishedVersion: null,
  appraisal: null,
  myBallotCast: false,
  ...over,
});

describe('我的: 整改事项 card', () => {
  it('shows the card only with an open 三单: items to answer and overdue', async () => {
    mockCall.mockImplementation(routes({ 'org.me': okMe(member), 'rectification.mine': ok({ items: [rect()] }) }) as never);
    render(<Mine />);
    expect(await screen.findByText('整改事项')).toBeInTheDocument();
    expect(screen.getByText('有 2 项整改待提交')).toBeInTheDocument();
    expect(screen.getByText('其中 1 项已逾期')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /^查看整改事项/ }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/points/pages/rectification/index' });
  });

  it('no card without open items (closed 三单 or none)', async () => {
    mockCall.mockImplementation(routes({ 'org.me': okMe(member), 'rectification.mine': ok({ items: [rect({ state: 'closed' })] }) }) as never);
    render(<Mine />);
    expect(await screen.findByText('张红梅')).toBeInTheDocument();
    await waitFor(() => expect(callsOf('rectification.mine')).toHaveLength(1));
    expect(screen.queryByText('整改事项')).not.toBeInTheDocument();
  });
});

describe('整改事项 (member answers)', () => {
  it('keeps the typed answer after a failed call, and answers with the text; the draft goes once confirmed', async () => {
    let fails = true;
    mockCall.mockImplementation(
      routes({
        'rectification.mine': ok({ items: [rect()] }),
        'rectification.answer': () => (fails ? fail('INTERNAL', '网络异常，请检查网络后重试') : ok(rect())),
      }) as never,
    );
    const { unmount } = render(<MyRectification />);
    expect(await screen.findByText('退回意见：请提交书面汇报')).toBeInTheDocument();
    expect(screen.getAllByText(/已逾期/).length).toBeGreaterThan(0);
    // The answered item has no form; the open and the returned ones do.
    expect(screen.getAllByRole('textbox', { name: '整改情况' })).toHaveLength(2);
    const box = () => screen.getAllByRole('textbox', { name: '整改情况' })[0];

    fireEvent.change(box(), { target: { value: '太短' } });
    fireEvent.click(screen.getByRole('button', { name: '提交整改情况：补学会议精神并写心得' }));
    expect(await screen.findByText('请至少写 10 个字，说明做了什么')).toBeInTheDocument();
    expect(callsOf('rectification.answer')).toHaveLength(0);

    const text = '已补学支部党员大会精神，并写了两千字心得体会。';
    fireEvent.change(box(), { target: { value: text } });
    fireEvent.click(screen.getByRole('button', { name: '提交整改情况：补学会议精神并写心得' }));
    expect(await screen.findByText('网络异常，请检查网络后重试')).toBeInTheDocument();
    expect(mockCall).toHaveBeenCalledWith('rectification.answer', { rectificationId: 'r-1', actionId: 'a-1', text, photos: [] });
    expect(Taro.getStorageSync(draftKey('r-1', 'a-1'))).toEqual({ text, photos: [] });

    // Reopened later: the draft is still there.
    unmount();
    render(<MyRectification />);
    await screen.findByText('退回意见：请提交书面汇报');
    expect(box()).toHaveValue(text);

    fails = false;
    fireEvent.click(screen.getByRole('button', { name: '提交整改情况：补学会议精神并写心得' }));
    await waitFor(() => expect(callsOf('rectification.answer')).toHaveLength(2));
    await waitFor(() => expect(Taro.getStorageSync(draftKey('r-1', 'a-1'))).toBe(''));
  });
});

describe('民主评议 ballot', () => {
  it('submit stays disabled until everyone is rated; castBallot gets every rating after confirm', async () => {
    setRouterParams({ period: '2026Q1' });
    mockCall.mockImplementation(
      routes({
        'quarter.status': ok(status({ appraisal: { state: 'open', ballots: 3, voters: 12 } })),
        'quarter.ballot': ok({
          period: '2026Q1',
          cast: false,
          candidates: [
            { memberId: 'm-002', name: '王建军' },
            { memberId: 'm-003', name: '刘芳' },
          ],
        }),
        'quarter.castBallot': ok({ cast: true as const }),
      }) as never,
    );
    render(<Appraisal />);
    const submit = await screen.findByRole('button', { name: '提交评议' });
    expect(submit).toBeDisabled();
    expect(mockCall).toHaveBeenCalledWith('quarter.status', { period: '2026Q1' });
    expect(mockCall).toHaveBeenCalledWith('quarter.ballot', { period: '2026Q1' });

    fireEvent.click(screen.getByRole('button', { name: '王建军：优秀' }));
    expect(screen.getByRole('button', { name: '提交评议' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: '刘芳：合格' }));
    fireEvent.click(screen.getByRole('button', { name: '刘芳：基本合格' }));
    expect(screen.getByRole('button', { name: '刘芳：基本合格' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: '提交评议' })).not.toBeDisabled();

    modalAnswer.confirm = false;
    fireEvent.click(screen.getByRole('button', { name: '提交评议' }));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(callsOf('quarter.castBallot')).toHaveLength(0);

    modalAnswer.confirm = true;
    fireEvent.click(screen.getByRole('button', { name: '提交评议' }));
    await waitFor(() =>
      expect(mockCall).toHaveBeenCalledWith('quarter.castBallot', {
        period: '2026Q1',
        ratings: [
          { memberId: 'm-002', rating: 'excellent' },
          { memberId: 'm-003', rating: 'basic' },
        ],
      }),
    );
    expect(await screen.findByText(/已投票/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提交评议' })).not.toBeInTheDocument();
  });

  it('without ?period= looks at the current quarter, then the previous one; a cast ballot shows 已投票', async () => {
    const prev = previousPeriod(currentPeriod());
    mockCall.mockImplementation(
      routes({
        'quarter.status': (input: { period: string }) =>
          ok(input.period === prev ? status({ period: prev, appraisal: { state: 'open', ballots: 5, voters: 12 }, myBallotCast: true }) : status({ period: input.period })),
      }) as never,
    );
    render(<Appraisal />);
    expect(await screen.findByText(/已投票/)).toBeInTheDocument();
    expect(mockCall).toHaveBeenCalledWith('quarter.status', { period: currentPeriod() });
    expect(mockCall).toHaveBeenCalledWith('quarter.status', { period: prev });
    expect(callsOf('quarter.ballot')).toHaveLength(0);
  });
});

describe('积分 tab: 民主评议 and 季度结果 entries', () => {
  const ledger = { period: currentPeriod(), total: 0, mandatory: 0, optional: 0, counted: 0, caps: { mandatory: 70, optional: 30 }, entries: [], today: [], periods: [] };
  it('offers 民主评议 for an open round not yet cast, and the previous quarter result once published', async () => {
    const prev = previousPeriod(currentPeriod());
    mockCall.mockImplementation(
      routes({
        'points.myLedger': ok(ledger),
        'quarter.status': (input: { period: string }) =>
          ok(input.period === prev ? status({ period: prev, state: 'published', publishedVersion: 1, appraisal: { state: 'open', ballots: 1, voters: 9 } }) : status({ period: input.period })),
      }) as never,
    );
    render(<Points />);
    fireEvent.click(await screen.findByRole('button', { name: /民主评议$/ }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/subpackages/points/pages/appraisal/index?period=${prev}` });
    fireEvent.click(screen.getByRole('button', { name: /考评结果$/ }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/subpackages/points/pages/result/index?period=${prev}` });
  });

  it('no 民主评议 entry once my ballot is cast', async () => {
    mockCall.mockImplementation(
      routes({ 'points.myLedger': ok(ledger), 'quarter.status': (input: { period: string }) => ok(status({ period: input.period, appraisal: { state: 'open', ballots: 1, voters: 9 }, myBallotCast: true })) }) as never,
    );
    render(<Points />);
    await waitFor(() => expect(callsOf('quarter.status')).toHaveLength(2));
    await screen.findByText('本季度暂无积分记录');
    expect(screen.queryByRole('button', { name: /民主评议$/ })).not.toBeInTheDocument();
  });
});

describe('季度结果', () => {
  it('shows my row, the table, the distribution and the correction', async () => {
    setRouterParams({ period: '2026Q1' });
    const row = { memberId: 'm-001', name: '张红梅', rank: 2, points: 88, appraisal: 92.5, score: 89.2, grade: 'good' as const };
    mockCall.mockImplementation(
      routes({
        'quarter.result': ok({
          period: '2026Q1',
          version: 2,
          publishedAt: '2026-04-08T02:00:00.000Z',
          reason: '补录一次会议签到',
          rows: [{ ...row, memberId: 'm-009', name: '赵强', rank: 1, score: 95, grade: 'excellent' as const }, row],
          exempt: [{ memberId: 'm-020', name: '孙老', points: 30 }],
          gradeCounts: { excellent: 1, good: 1, pass: 0, poor: 0 },
          mine: row,
        }),
      }) as never,
    );
    render(<QuarterResultPage />);
    expect(await screen.findByText('更正原因：补录一次会议签到')).toBeInTheDocument();
    expect(mockCall).toHaveBeenCalledWith('quarter.result', { period: '2026Q1' });
    const mine = screen.getByRole('region', { name: '我的结果' });
    expect(within(mine).getByText('第 2 名')).toBeInTheDocument();
    expect(within(mine).getByText('良好')).toBeInTheDocument();
    expect(screen.getByRole('listitem', { name: '第2名 张红梅（我） 89.2分 良好' })).toBeInTheDocument();
    expect(screen.getByRole('listitem', { name: '优秀 1 人' })).toBeInTheDocument();
    expect(screen.getByRole('listitem', { name: '较差 0 人' })).toBeInTheDocument();
    expect(screen.getByText('孙老')).toBeInTheDocument();
  });
});

describe('季度考评 (secretary)', () => {
  it('publishing an already published quarter requires a 更正原因, then publishes with it', async () => {
    setRouterParams({ period: '2026Q1' });
    mockCall.mockImplementation(
      routes({
        'quarter.status': ok(status({ state: 'published', publishedVersion: 1, appraisal: { state: 'closed', ballots: 10, voters: 12 } })),
        'rectification.candidates': ok({ members: [{ id: 'm-007', name: '钱伟', score: 41 }] }),
        'quarter.publish': (input: { reason?: string }) =>
          input.reason
            ? ok({ period: '2026Q1', version: 2, publishedAt: '2026-04-09T02:00:00.000Z', reason: input.reason, rows: [], exempt: [], gradeCounts: { excellent: 0, good: 0, pass: 0, poor: 0 }, mine: null })
            : fail('INVALID_INPUT', '更正已发布的结果需要填写原因', { reason: '请填写更正原因' }),
      }) as never,
    );
    render(<QuarterAdmin />);
    fireEvent.click(await screen.findByRole('button', { name: '发布更正版本' }));
    expect(await screen.findByText('请填写更正原因')).toBeInTheDocument();
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(callsOf('quarter.publish')).toHaveLength(0);

    fireEvent.change(screen.getByRole('textbox', { name: '更正原因' }), { target: { value: ' 补录一次会议签到 ' } });
    fireEvent.click(screen.getByRole('button', { name: '发布更正版本' }));
    await waitFor(() => expect(mockCall).toHaveBeenCalledWith('quarter.publish', { period: '2026Q1', reason: '补录一次会议签到' }));
    expect(Taro.showModal).toHaveBeenCalledTimes(1);

    // 较差 members without 三单 → the issue form.
    fireEvent.click(await screen.findByRole('button', { name: '给钱伟下发三单' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: `/subpackages/secretary/pages/rectification-issue/index?memberId=m-007&period=2026Q1&name=${encodeURIComponent('钱伟')}`,
    });
  });

  it('a first publish needs no reason; 结束民主评议 and 关闭季度 are confirmed first', async () => {
    setRouterParams({ period: '2026Q1' });
    mockCall.mockImplementation(
      routes({
        'quarter.status': ok(status({ appraisal: { state: 'open', ballots: 10, voters: 12 } })),
        'quarter.closeAppraisal': ok({ period: '2026Q1', ballots: 10, results: 12 }),
      }) as never,
    );
    render(<QuarterAdmin />);
    modalAnswer.confirm = false;
    fireEvent.click(await screen.findByRole('button', { name: '结束民主评议' }));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(callsOf('quarter.closeAppraisal')).toHaveLength(0);
    modalAnswer.confirm = true;
    fireEvent.click(screen.getByRole('button', { name: '结束民主评议' }));
    await waitFor(() => expect(mockCall).toHaveBeenCalledWith('quarter.closeAppraisal', { period: '2026Q1' }));
    expect(await screen.findByText('民主评议已结束：共 10 张选票，12 人获得评议得分。')).toBeInTheDocument();
  });
});

describe('下发三单 (secretary)', () => {
  it('needs each list, then issues after confirm', async () => {
    setRouterParams({ memberId: 'm-007', period: '2026Q1', name: encodeURIComponent('钱伟') });
    mockCall.mockImplementation(routes({ 'rectification.issue': ok(rect()) }) as never);
    render(<RectificationIssue />);
    fireEvent.click(screen.getByRole('button', { name: '确认下发三单' }));
    expect(await screen.findByText('请至少填写一条责任')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: '责任1' }), { target: { value: '按时参加组织生活' } });
    fireEvent.click(screen.getByRole('button', { name: '添加问题' }));
    fireEvent.change(screen.getByRole('textbox', { name: '问题1' }), { target: { value: '缺席两次' } });
    fireEvent.change(screen.getByRole('textbox', { name: '问题2' }), { target: { value: '学习笔记未交' } });
    fireEvent.change(screen.getByRole('textbox', { name: '整改事项1' }), { target: { value: '补学并写心得' } });
    fireEvent.change(screen.getByLabelText('整改期限1'), { target: { value: '2000-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: '确认下发三单' }));
    expect(await screen.findByText('整改期限不能早于今天')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('整改期限1'), { target: { value: '2099-04-30' } });
    fireEvent.click(screen.getByRole('button', { name: '确认下发三单' }));
    await waitFor(() =>
      expect(mockCall).toHaveBeenCalledWith('rectification.issue', {
        memberId: 'm-007',
        period: '2026Q1',
        responsibilities: ['按时参加组织生活'],
        problems: ['缺席两次', '学习笔记未交'],
        actions: [{ text: '补学并写心得', dueOn: '2099-04-30' }],
      }),
    );
    expect(Taro.showModal).toHaveBeenCalledTimes(1);
  });
});

describe('三单整改 tracking (secretary)', () => {
  it('review sends the verdict and note after confirm; returning needs a note', async () => {
    mockCall.mockImplementation(
      routes({
        'rectification.list': ok({ items: [rect({ id: 'r-2', state: 'closed', actions: [] }), rect()] }),
        'rectification.review': ok(rect()),
      }) as never,
    );
    render(<Rectifications />);
    expect(await screen.findByText('4月12日参加社区志愿服务半天。', { exact: false })).toBeInTheDocument();
    expect(screen.getByText('有 1 项整改待核验')).toBeInTheDocument();
    // Open first.
    expect(screen.getAllByText(/^(整改中|已完成) ·/)[0]).toHaveTextContent('整改中');

    fireEvent.click(screen.getByRole('button', { name: '退回：参加志愿服务一次' }));
    expect(await screen.findByText('退回时请填写意见')).toBeInTheDocument();
    expect(Taro.showModal).not.toHaveBeenCalled();

    fireEvent.change(screen.getByRole('textbox', { name: '核验意见' }), { target: { value: '请补充活动照片' } });
    modalAnswer.confirm = false;
    fireEvent.click(screen.getByRole('button', { name: '退回：参加志愿服务一次' }));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(callsOf('rectification.review')).toHaveLength(0);

    modalAnswer.confirm = true;
    fireEvent.click(screen.getByRole('button', { name: '退回：参加志愿服务一次' }));
    await waitFor(() =>
      expect(mockCall).toHaveBeenCalledWith('rectification.review', { rectificationId: 'r-1', actionId: 'a-3', verdict: 'returned', note: '请补充活动照片' }),
    );
  });

  it('核验通过 may go without a note', async () => {
    mockCall.mockImplementation(routes({ 'rectification.list': ok({ items: [rect()] }), 'rectification.review': ok(rect()) }) as never);
    render(<Rectifications />);
    fireEvent.click(await screen.findByRole('button', { name: '核验通过：参加志愿服务一次' }));
    await waitFor(() =>
      expect(mockCall).toHaveBeenCalledWith('rectification.review', { rectificationId: 'r-1', actionId: 'a-3', verdict: 'verified', note: '' }),
    );
  });
});
