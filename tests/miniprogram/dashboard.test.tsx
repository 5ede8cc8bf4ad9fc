import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Home from '@/pages/home/index';
import { ROUTES } from '@/lib/routes';
import { call } from '@/services/api';
import type { ActionOutput } from '@/services/api';
import { fail, member, ok, okMe, routes, secretary } from './fixtures';

jest.mock('@/services/api', () => ({ call: jest.fn() }));
const mockCall = call as jest.MockedFunction<typeof call>;
const callsOf = (action: string) => mockCall.mock.calls.filter(([a]) => a === action);

const quarter: ActionOutput<'dashboard.quarter'> = {
  period: '2026Q4',
  members: 32,
  tasks: { published: 4, assigned: 40, done: 30, overdue: 6 },
  meetings: { required: 14, held: 11, gaps: ['11月 支委会未召开', '10月 第二党小组 党小组会未召开', '本季度 党课未召开'] },
  checkins: { days: 57, count: 1173, possible: 1824, rate: 1173 / 1824 },
  study: { lessons: 3, completions: 48, completionsPossible: 96, completionRate: 0.5, pushes: 6, pushReads: 156, pushTargets: 192, pushReadRate: 156 / 192, notes: 17 },
  projects: { byStatus: { open: 1, inProgress: 3, done: 2, reviewed: 0 }, overdue: 1 },
  rectifications: { open: 2, overdueActions: 1 },
};

const base = { 'studyPush.mine': ok({ items: [], unread: 0 }), 'task.mine': ok({ open: [], done: [] }) };

describe("书记的首页: this quarter at a glance", () => {
  it('shows every figure with its bar and text, for the current quarter', async () => {
    mockCall.mockImplementation(routes({ ...base, 'org.me': okMe(secretary), 'dashboard.quarter': ok(quarter) }) as never);
    render(<Home />);
    const board = await screen.findByRole('list', { name: '本季度支部工作概览' });
    expect(screen.getByText('2026年第4季度 · 支部工作概览')).toBeInTheDocument();
    // The server picks the current quarter.
    expect(callsOf('dashboard.quarter')).toEqual([['dashboard.quarter', {}]]);

    const tiles = within(board).getAllByRole('listitem');
    expect(tiles).toHaveLength(6);
    expect(tiles[0]).toHaveTextContent('30 / 40（75%）');
    expect(tiles[0]).toHaveTextContent('本季度发布 4 项');
    expect(tiles[0]).toHaveTextContent('逾期未完成 6 人次');
    expect(tiles[1]).toHaveTextContent('11 / 14');
    expect(within(tiles[1]).getByText('缺 3 项，请尽快安排')).toHaveClass('overdue');
    expect(tiles[2]).toHaveTextContent('64%（1173 / 1824 人次）');
    expect(tiles[2]).toHaveTextContent('本季度已过 57 天 · 党员 32 人');
    expect(tiles[3]).toHaveTextContent('微党课完成率50%（48 / 96 人次）');
    expect(tiles[3]).toHaveTextContent('学习要点阅读率81%（156 / 192 人次）');
    expect(tiles[3]).toHaveTextContent('17 篇');
    expect(tiles[4]).toHaveTextContent('已立项1 个');
    expect(tiles[4]).toHaveTextContent('推进中3 个');
    expect(tiles[4]).toHaveTextContent('已完成2 个');
    expect(tiles[4]).toHaveTextContent('已验收0 个');
    expect(tiles[4]).toHaveTextContent('节点逾期的项目 1 个');
    expect(tiles[5]).toHaveTextContent('2 份');
    expect(tiles[5]).toHaveTextContent('逾期未整改事项 1 项');

    // Bars: their width is the figure, and each figure is also in text.
    const fills = tiles[0].querySelectorAll('.meter__fill');
    expect((fills[0] as HTMLElement).style.width).toBe('75%');
    const projectBars = Array.from(tiles[4].querySelectorAll('.meter__fill')).map((el) => (el as HTMLElement).style.width);
    expect(projectBars).toEqual(['33%', '100%', '67%', '0%']);
  });

  it('each card opens the list behind it', async () => {
    mockCall.mockImplementation(routes({ ...base, 'org.me': okMe(secretary), 'dashboard.quarter': ok(quarter) }) as never);
    render(<Home />);
    await screen.findByRole('list', { name: '本季度支部工作概览' });
    const opens = (name: RegExp, url: string) => {
      fireEvent.click(screen.getByRole('button', { name }));
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url });
    };
    opens(/^支部任务：/, ROUTES.secretaryTasks);
    opens(/^三会一课：已开 11 \/ 应开 14，缺 3 项/, ROUTES.secretaryMeetings);
    opens(/^徽章打卡：本季度打卡率 64%/, ROUTES.checkinRates);
    opens(/^微党课完成率 50%/, ROUTES.secretaryLessons);
    opens(/^学习要点阅读率 81%/, ROUTES.secretaryPushes);
    opens(/^学习心得 17 篇/, ROUTES.notes);
    opens(/^攻坚项目 6 个：已立项 1，推进中 3，已完成 2，已验收 0/, ROUTES.projects);
    opens(/^三单整改：未完成 2 份/, ROUTES.rectifications);
  });

  it('shows an error with 重试 without hiding the rest of 首页', async () => {
    let attempts = 0;
    mockCall.mockImplementation(
      routes({
        ...base,
        'org.me': okMe(secretary),
        'dashboard.quarter': () => {
          attempts += 1;
          return attempts === 1 ? fail('INTERNAL', '服务暂时不可用，请稍后重试') : ok(quarter);
        },
      }) as never,
    );
    render(<Home />);
    expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeInTheDocument();
    expect(screen.getByText('我的任务')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '重新加载本季度概览' }));
    expect(await screen.findByRole('list', { name: '本季度支部工作概览' })).toBeInTheDocument();
  });

  it('is not shown to a member, and not asked for', async () => {
    mockCall.mockImplementation(routes({ ...base, 'org.me': okMe(member), 'dashboard.quarter': ok(quarter) }) as never);
    render(<Home />);
    expect(await screen.findByText('我的任务')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: '本季度支部工作概览' })).not.toBeInTheDocument();
    expect(callsOf('dashboard.quarter')).toHaveLength(0);
  });

  it('never says 0% when members did check in, nor 100% when some did not, and shows the counts', async () => {
    const sparse = { ...quarter, tasks: { published: 1, assigned: 200, done: 199, overdue: 0 }, checkins: { days: 63, count: 1, possible: 2016, rate: 1 / 2016 } };
    mockCall.mockImplementation(routes({ ...base, 'org.me': okMe(secretary), 'dashboard.quarter': ok(sparse) }) as never);
    render(<Home />);
    const tiles = within(await screen.findByRole('list', { name: '本季度支部工作概览' })).getAllByRole('listitem');
    expect(tiles[0]).toHaveTextContent('199 / 200（99%）');
    expect(tiles[2]).toHaveTextContent('打卡率不足1%（1 / 2016 人次）');
    expect((tiles[2].querySelector('.meter__fill') as HTMLElement).style.width).toBe('1%');
    expect(screen.getByRole('button', { name: /^徽章打卡：本季度打卡率 不足1%（1 \/ 2016 人次）/ })).toBeInTheDocument();
  });
});
