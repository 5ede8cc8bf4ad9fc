import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Points from '@/pages/points/index';
import Ranking from '@/subpackages/points/pages/ranking/index';
import Rules from '@/subpackages/points/pages/rules/index';
import { call } from '@/services/api';
import type { ActionOutput, LedgerEntryView } from '@/services/api';
import { weeklyPoints } from '@/domain/points';
import { ledgerEntry, member, ok, okMe, routes } from './fixtures';

jest.mock('@/services/api', () => ({ call: jest.fn() }));
const mockCall = call as jest.MockedFunction<typeof call>;

type Ledger = ActionOutput<'points.myLedger'>;

const entry = ledgerEntry;

const ledger: Ledger = {
  period: '2026Q1',
  total: 12.5,
  mandatory: 9.5,
  optional: 3,
  counted: 12.5,
  caps: { mandatory: 70, optional: 30 },
  entries: [
    entry({ id: 'e-1' }),
    entry({ id: 'e-2', rule: 'badgeCheckin', label: '佩戴党徽', points: 0.5, requested: 0.5, day: '2026-01-06', at: '2026-01-06T01:00:00.000Z' }),
    entry({ id: 'e-3', rule: 'taskDone', label: '完成宽带普查任务', points: 1, requested: 2, day: '2026-01-13', at: '2026-01-13T01:00:00.000Z' }),
    entry({ id: 'e-4', kind: 'adjustment', rule: null, category: 'optional', label: '书记加分', points: 3, requested: 3, author: '李建国', reason: '抗洪抢险表现突出', day: '2026-01-14', at: '2026-01-14T01:00:00.000Z' }),
    entry({ id: 'e-5', rule: 'studyPushRead', label: '学习要点第3期', points: 1, requested: 1, reversed: true, day: '2026-01-15', at: '2026-01-15T01:00:00.000Z' }),
    entry({ id: 'e-6', kind: 'reversal', rule: null, label: '冲销：学习要点第3期', points: -1, requested: -1, author: '李建国', reason: '重复登记', reverses: 'e-5', day: '2026-01-16', at: '2026-01-16T01:00:00.000Z' }),
  ],
  today: [
    { rule: 'badgeCheckin', current: 0.5, dailyCap: 0.5, period: 0.5, periodCap: null },
    { rule: 'meetingAttended', current: 0, dailyCap: null, period: 3, periodCap: 12 },
    { rule: 'noteWritten', current: 0, dailyCap: null, period: 0, periodCap: 8 },
  ],
  periods: [{ period: '2025Q4', total: 40 }],
};

const emptyLedger: Ledger = { ...ledger, period: '2025Q4', total: 0, mandatory: 0, optional: 0, counted: 0, entries: [], periods: [{ period: '2026Q1', total: 12.5 }] };

describe('积分 tab (points.myLedger)', () => {
  it('shows the total, the split against the caps, today per rule, and every entry with why', async () => {
    mockCall.mockImplementation(routes({ 'points.myLedger': ok(ledger) }) as never);
    render(<Points />);
    expect(await screen.findByLabelText('累计 12.5 分')).toBeInTheDocument();
    expect(mockCall).toHaveBeenCalledWith('points.myLedger', {});
    expect(screen.getByText('计入考评 12.5 / 100 分')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: '规定动作 9.5 / 70 分' })).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: '自选动作 3 / 30 分' })).toBeInTheDocument();
    // Today: rules with a daily cap or with points this quarter; not noteWritten (0, no daily cap).
    expect(screen.getByText('今日 0.5 / 0.5 · 本季 0.5')).toBeInTheDocument();
    expect(screen.getByText('今日 0 · 本季 3 / 12')).toBeInTheDocument();
    expect(screen.queryByText('发表学习心得')).not.toBeInTheDocument();

    const list = screen.getByRole('list', { name: '积分明细' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(6);
    expect(within(items[0]).getByText('支部党员大会')).toBeInTheDocument();
    expect(within(items[0]).getByText('+3')).toBeInTheDocument();
    expect(within(items[0]).getByText('参加三会一课 · 规定动作 · 2026-01-05 10:00')).toBeInTheDocument();
    expect(within(items[2]).getByText('已达上限（应得 2 分，计 1 分）')).toBeInTheDocument();
    expect(within(items[3]).getByText('经办人：李建国')).toBeInTheDocument();
    expect(within(items[3]).getByText('原因：抗洪抢险表现突出')).toBeInTheDocument();
    expect(within(items[4]).getByText('已冲销')).toBeInTheDocument();
    expect(within(items[5]).getByText('−1')).toBeInTheDocument();
    expect(within(items[5]).getByText('原因：重复登记')).toBeInTheDocument();
    expect(screen.getAllByText(/已达上限/)).toHaveLength(1);

    // The weekly chart: each bar has a text label.
    const chart = screen.getByRole('list', { name: '每周积分' });
    expect(within(chart).getByRole('listitem', { name: '第1周 +3.5分' })).toBeInTheDocument();
    expect(within(chart).getByRole('listitem', { name: '第2周 +4分' })).toBeInTheDocument();
    expect(within(chart).getByRole('listitem', { name: '第3周 0分' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '查看积分排行榜' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/points/pages/ranking/index' });
    fireEvent.click(screen.getByRole('button', { name: '查看积分规则' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/points/pages/rules/index' });
  });

  it('switching the period calls points.myLedger with it; an empty quarter says so honestly', async () => {
    mockCall.mockImplementation(routes({ 'points.myLedger': (input: { period?: string }) => ok(input.period === '2025Q4' ? emptyLedger : ledger) }) as never);
    render(<Points />);
    fireEvent.click(await screen.findByRole('button', { name: '2025年第4季度' }));
    await waitFor(() => expect(mockCall).toHaveBeenLastCalledWith('points.myLedger', { period: '2025Q4' }));
    expect(await screen.findByText('该季度没有积分记录')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: '积分明细' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '2025年第4季度' })).toHaveAttribute('aria-pressed', 'true');
    // Back to the current quarter: no period in the input (the server's current quarter).
    fireEvent.click(screen.getByRole('button', { name: '2026年第1季度' }));
    await waitFor(() => expect(mockCall).toHaveBeenLastCalledWith('points.myLedger', {}));
    expect(await screen.findByLabelText('累计 12.5 分')).toBeInTheDocument();
  });

  it('the current quarter without points shows 本季度暂无积分记录', async () => {
    mockCall.mockImplementation(routes({ 'points.myLedger': ok({ ...emptyLedger, period: '2026Q1', periods: [] }) }) as never);
    render(<Points />);
    expect(await screen.findByText('本季度暂无积分记录')).toBeInTheDocument();
    expect(screen.getByLabelText('累计 0 分')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: '选择季度' })).not.toBeInTheDocument();
  });

  it('weeklyPoints buckets by quarter week and stops at today in the current quarter', () => {
    const weeks = weeklyPoints('2026Q1', ledger.entries, '2026-01-20');
    expect(weeks.map((w) => w.points)).toEqual([3.5, 4, 0]);
    expect(weeklyPoints('2025Q4', [], '2026-01-20')).toHaveLength(14);
  });
});

const ranking: ActionOutput<'points.ranking'> = {
  period: '2026Q1',
  scope: 'branch',
  rows: [
    { rank: 1, memberId: 'm-009', name: '赵强', groupId: 'g-001', score: 90, mandatory: 65, optional: 25, grade: 'excellent' },
    { rank: 2, memberId: 'm-001', name: '张红梅', groupId: 'g-001', score: 80, mandatory: 60, optional: 20, grade: 'good' },
    { rank: 2, memberId: 'm-010', name: '钱丽', groupId: 'g-002', score: 80, mandatory: 60, optional: 20, grade: 'good' },
    { rank: 4, memberId: 'm-011', name: '孙伟', groupId: 'g-002', score: 50, mandatory: 50, optional: 0, grade: 'poor' },
  ],
  exempt: [{ memberId: 'm-020', name: '周老', points: 6 }],
  myRank: 2,
};

describe('积分排行榜 (points.ranking)', () => {
  it('shows the ranks as given, highlights my row, lists exempt members apart; 党小组 asks for scope group', async () => {
    mockCall.mockImplementation(
      routes({
        'org.me': okMe(member),
        'points.ranking': (input: { scope: string }) => ok(input.scope === 'group' ? { ...ranking, scope: 'group', rows: ranking.rows.slice(0, 2), exempt: [] } : ranking),
      }) as never,
    );
    render(<Ranking />);
    expect(await screen.findByText('我的排名：第 2 名')).toBeInTheDocument();
    expect(mockCall).toHaveBeenCalledWith('points.ranking', { scope: 'branch' });
    const rows = within(screen.getByRole('list', { name: '排名列表' })).getAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('aria-label'))).toEqual(['第1名 赵强 90分 优秀', '第2名 张红梅（我） 80分 良好', '第2名 钱丽 80分 良好', '第4名 孙伟 50分 较差']);
    await waitFor(() => expect(rows[1]).toHaveAttribute('aria-current', 'true'));
    expect(rows[1]).toHaveClass('rank-row--me');
    expect(rows[2]).not.toHaveClass('rank-row--me');

    const exempt = screen.getByRole('list', { name: '不参与排名的党员' });
    expect(within(exempt).getByText('周老')).toBeInTheDocument();
    expect(screen.getByText('不参与排名')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: '排名列表' })).queryByText('周老')).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '党小组排名' }));
    await waitFor(() => expect(mockCall).toHaveBeenLastCalledWith('points.ranking', { scope: 'group' }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: '排名列表' })).getAllByRole('listitem')).toHaveLength(2));
    expect(screen.getByRole('button', { name: '党小组排名' })).toHaveAttribute('aria-pressed', 'true');
  });
});

describe('积分规则 (points.rules)', () => {
  it('lists the rules in force by category with their caps', async () => {
    const r = (code: 'badgeCheckin' | 'noteWritten' | 'pledgeSigned', category: 'mandatory' | 'optional', points: number, dailyCap: number | null, periodCap: number | null) => ({
      code,
      category,
      points,
      dailyCap,
      periodCap,
      version: 1,
      effectiveFrom: '2020-01-01',
    });
    const inForce = [r('badgeCheckin', 'mandatory', 0.5, 0.5, null), r('pledgeSigned', 'mandatory', 5, null, null), r('noteWritten', 'optional', 2, null, 8)];
    mockCall.mockImplementation(routes({ 'points.rules': ok({ inForce, versions: inForce }) }) as never);
    render(<Rules />);
    expect(await screen.findByText('佩戴党徽打卡')).toBeInTheDocument();
    expect(screen.getByText('每日最多 0.5 分')).toBeInTheDocument();
    expect(screen.getByText('不设上限')).toBeInTheDocument();
    expect(screen.getByText('每季度最多 8 分')).toBeInTheDocument();
    expect(screen.getByText('规定动作')).toBeInTheDocument();
    expect(screen.getByText('自选动作')).toBeInTheDocument();
  });
});

describe('积分排行榜 without a 党小组', () => {
  it('does not show the ungrouped members as a 党小组 ranking', async () => {
    mockCall.mockImplementation(routes({ 'org.me': okMe({ ...member, group: null }), 'points.ranking': ok(ranking) }) as never);
    render(<Ranking />);
    expect(await screen.findByText('我的排名：第 2 名')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '党小组排名' }));
    expect(await screen.findByText('您尚未编入党小组')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: '排名列表' })).not.toBeInTheDocument();
  });
});
