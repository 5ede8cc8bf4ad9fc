import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import QuarterAdmin from '@/subpackages/secretary/pages/quarter/index';
import Nominate from '@/subpackages/branch/pages/nominate/index';
import HonourWall from '@/subpackages/branch/pages/honour/index';
import HonourConfirm from '@/subpackages/secretary/pages/honour/index';
import Compare from '@/subpackages/committee/pages/compare/index';
import Awards from '@/subpackages/secretary/pages/awards/index';
import PlanWall from '@/subpackages/branch/pages/plan/index';
import PlanEdit from '@/subpackages/secretary/pages/plan/index';
import Branches from '@/subpackages/committee/pages/branches/index';
import Mine from '@/pages/mine/index';
import { call } from '@/services/api';
import type { ActionOutput } from '@/services/api';
import { currentPeriod } from '@/domain/quarter';
import { RULE_LABELS } from '@/domain/points';
import { modalAnswer, setRouterParams } from './mocks/taro';
import { member, ok, okMe, routes, secretary } from './fixtures';

jest.mock('@/services/api', () => ({ call: jest.fn() }));
const mockCall = call as jest.MockedFunction<typeof call>;
const callsOf = (action: string) => mockCall.mock.calls.filter(([a]) => a === action);

type Honour = ActionOutput<'honour.wall'>['items'][number];
const honour = (over: Partial<Honour> = {}): Honour => ({
  id: 'h-1',
  period: currentPeriod(),
  member: { id: 'm-002', name: '王志强' },
  group: '第一党小组',
  nominatedBy: '张红梅',
  story: '连续三个月完成基站巡检零差错，主动帮扶新员工，带领小组完成抢修任务。',
  photoUrl: null,
  status: 'pending',
  createdAt: '2026-11-20T02:00:00.000Z',
  ...over,
});

const pyramid: ActionOutput<'org.pyramid'> = {
  branch: { id: 'b-001', name: '城东营业部党支部' },
  committee: [],
  groups: [
    { id: 'g-001', name: '第一党小组', leader: { id: 'm-001', name: '张红梅' }, liaison: null, members: [{ id: 'm-001', name: '张红梅' }, { id: 'm-002', name: '王志强' }] },
    { id: 'g-002', name: '第二党小组', leader: { id: 'm-009', name: '赵六' }, liaison: null, members: [{ id: 'm-009', name: '赵六' }] },
  ],
  units: [],
};

describe('季度考评: 导出季度通报', () => {
  it('exports the published quarter and shows the file name with a download link', async () => {
    setRouterParams({ period: '2026Q3' });
    mockCall.mockImplementation(
      routes({
        'quarter.status': ok({ period: '2026Q3', state: 'published', publishedVersion: 1, appraisal: null, myBallotCast: false }),
        'rectification.candidates': ok({ period: '2026Q3', members: [] }),
        'bulletin.export': ok({ fileId: 'cloud://env/bulletin/2026Q3.xlsx', url: 'http://127.0.0.1:9100/__/storage/x.xlsx?sig=1', fileName: '2026年第3季度通报.xlsx', version: 1 }),
      }) as never,
    );
    render(<QuarterAdmin />);
    fireEvent.click(await screen.findByRole('button', { name: '导出季度通报' }));
    expect(await screen.findByText('已生成：2026年第3季度通报.xlsx（第 1 版）')).toBeInTheDocument();
    expect(mockCall).toHaveBeenCalledWith('bulletin.export', { period: '2026Q3' });
    const link = screen.getByRole('link', { name: '下载季度通报 2026年第3季度通报.xlsx' });
    expect(link).toHaveAttribute('href', 'http://127.0.0.1:9100/__/storage/x.xlsx?sig=1');
    expect(link).toHaveAttribute('download', '2026年第3季度通报.xlsx');
  });

  it('no export before the quarter is published', async () => {
    setRouterParams({ period: '2026Q3' });
    mockCall.mockImplementation(routes({ 'quarter.status': ok({ period: '2026Q3', state: 'closed', publishedVersion: null, appraisal: null, myBallotCast: false }) }) as never);
    render(<QuarterAdmin />);
    expect(await screen.findByRole('button', { name: '发布结果' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '导出季度通报' })).not.toBeInTheDocument();
  });
});

describe('荣誉墙', () => {
  it('shows the confirmed members with story and shares with the branch name', async () => {
    mockCall.mockImplementation(routes({ 'honour.wall': ok({ period: '2026Q4', branchName: '网络运维党支部', items: [honour({ status: 'confirmed' })] }) }) as never);
    render(<HonourWall />);
    expect(await screen.findByText('王志强')).toBeInTheDocument();
    expect(screen.getByText(/基站巡检零差错/)).toBeInTheDocument();
    const cb = (Taro.useShareAppMessage as jest.Mock).mock.calls.at(-1)?.[0] as () => { title: string };
    expect(cb().title).toBe('网络运维党支部荣誉墙');
  });

  it('我的 links to 荣誉墙, 计划上墙 and, for a group leader, 推荐上墙', async () => {
    mockCall.mockImplementation(routes({ 'org.me': okMe(member), 'rectification.mine': ok({ items: [] }) }) as never);
    render(<Mine />);
    fireEvent.click(await screen.findByRole('button', { name: '推荐本小组党员上荣誉墙' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/branch/pages/nominate/index' });
    fireEvent.click(screen.getByRole('button', { name: '查看荣誉墙' }));
    fireEvent.click(screen.getByRole('button', { name: '查看计划上墙' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/branch/pages/plan/index' });
  });
});

describe('推荐上墙 (group leader)', () => {
  it('requires a member and a story of at least 20 characters, then nominates after confirm', async () => {
    mockCall.mockImplementation(
      routes({ 'org.me': okMe(member), 'org.pyramid': ok(pyramid), 'honour.nominate': (input: { story: string }) => ok(honour({ story: input.story })) }) as never,
    );
    render(<Nominate />);
    fireEvent.click(await screen.findByRole('button', { name: '提交推荐' }));
    expect(await screen.findByText('请选择要推荐的党员')).toBeInTheDocument();
    // Only the leader's own group.
    expect(screen.queryByRole('button', { name: '赵六' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '王志强' }));
    fireEvent.change(screen.getByRole('textbox', { name: '先进事迹' }), { target: { value: '工作认真负责' } });
    fireEvent.click(screen.getByRole('button', { name: '提交推荐' }));
    expect(await screen.findByText('先进事迹请至少写 20 个字')).toBeInTheDocument();
    expect(callsOf('honour.nominate')).toHaveLength(0);

    const story = '连续三个月完成基站巡检零差错，主动帮扶新员工，带领小组完成抢修任务。';
    fireEvent.change(screen.getByRole('textbox', { name: '先进事迹' }), { target: { value: story } });
    modalAnswer.confirm = false;
    fireEvent.click(screen.getByRole('button', { name: '提交推荐' }));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(callsOf('honour.nominate')).toHaveLength(0);

    modalAnswer.confirm = true;
    fireEvent.click(screen.getByRole('button', { name: '提交推荐' }));
    expect(await screen.findByText('已推荐王志强，等待书记确认上墙。')).toBeInTheDocument();
    expect(mockCall).toHaveBeenCalledWith('honour.nominate', { period: currentPeriod(), memberId: 'm-002', story, photo: null });
  });

  it('someone who leads no group cannot nominate', async () => {
    mockCall.mockImplementation(routes({ 'org.me': okMe({ ...member, memberId: 'm-050', roles: ['member'] }), 'org.pyramid': ok(pyramid) }) as never);
    render(<Nominate />);
    expect(await screen.findByText('仅党小组长可推荐')).toBeInTheDocument();
  });
});

describe('荣誉墙确认 (secretary)', () => {
  it('上墙 after confirm calls honour.confirm and reloads; cancel sends nothing', async () => {
    let items = [honour(), honour({ id: 'h-2', member: { id: 'm-003', name: '刘芳' } })];
    mockCall.mockImplementation(
      routes({
        'honour.nominations': () => ok({ items }),
        'honour.confirm': (input: { nominationId: string; approve: boolean }) => {
          items = items.map((i) => (i.id === input.nominationId ? { ...i, status: input.approve ? ('confirmed' as const) : ('declined' as const) } : i));
          return ok(items.find((i) => i.id === input.nominationId));
        },
      }) as never,
    );
    render(<HonourConfirm />);
    modalAnswer.confirm = false;
    fireEvent.click(await screen.findByRole('button', { name: '王志强上墙' }));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(callsOf('honour.confirm')).toHaveLength(0);

    modalAnswer.confirm = true;
    fireEvent.click(screen.getByRole('button', { name: '王志强上墙' }));
    await waitFor(() => expect(mockCall).toHaveBeenCalledWith('honour.confirm', { nominationId: 'h-1', approve: true }));
    expect(await screen.findByText('已上墙')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '刘芳不予上墙' }));
    await waitFor(() => expect(mockCall).toHaveBeenCalledWith('honour.confirm', { nominationId: 'h-2', approve: false }));
    expect(callsOf('honour.nominations')[0]?.[1]).toEqual({ period: currentPeriod() });
  });
});

describe('支部对比 (committee admin)', () => {
  it('renders member counts, average points and participation as percentages', async () => {
    mockCall.mockImplementation(
      routes({
        'points.compareBranches': ok({
          period: '2026Q4',
          branches: [
            { id: 'b-1', name: '网络运维党支部', members: 32, averageCounted: 41.5, participation: { meetingAttended: 0.875, lessonCompleted: 0.5 } },
            { id: 'b-2', name: '市场经营党支部', members: 12, averageCounted: 30, participation: { meetingAttended: 1, lessonCompleted: 0.0833 } },
          ],
        }),
      }) as never,
    );
    render(<Compare />);
    expect(await screen.findByRole('listitem', { name: '网络运维党支部 32 人 人均 41.5 分' })).toBeInTheDocument();
    expect(screen.getByRole('listitem', { name: '市场经营党支部 12 人 人均 30 分' })).toBeInTheDocument();
    expect(screen.getAllByText('88%').length).toBe(1);
    expect(screen.getByText('100%')).toBeInTheDocument();
    expect(screen.getByText('8%')).toBeInTheDocument();
    expect(screen.getByRole('listitem', { name: `${RULE_LABELS.meetingAttended} 88%` })).toBeInTheDocument();
  });

  it('党委管理 links to 支部对比', async () => {
    mockCall.mockImplementation(routes({ 'org.branches': ok({ branches: [{ id: 'b-1', name: '网络运维党支部', memberCount: 32, groupCount: 4, secretary: '李建国', committee: [] }] }) }) as never);
    render(<Branches />);
    fireEvent.click(await screen.findByRole('button', { name: '支部对比' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/committee/pages/compare/index' });
  });
});

describe('计划上墙 and 年终评优', () => {
  const item: ActionOutput<'plan.items'>['items'][number] = {
    id: 'p-1',
    year: 2026,
    title: '5G基站党员先锋行动',
    owner: { id: 'm-002', name: '王志强' },
    targets: ['完成选址', '完成建设', '开通', '验收'],
    results: ['已完成选址', '', '', ''],
  };

  it('the member page shows each item with owner, targets and results', async () => {
    mockCall.mockImplementation(routes({ 'plan.items': ok({ year: 2026, items: [item] }) }) as never);
    render(<PlanWall />);
    expect(await screen.findByText('5G基站党员先锋行动')).toBeInTheDocument();
    expect(screen.getByText('目标：完成建设')).toBeInTheDocument();
    expect(screen.getByText('完成：已完成选址')).toBeInTheDocument();
  });

  it('the secretary edits an item; saved after confirm', async () => {
    mockCall.mockImplementation(
      routes({
        'plan.items': ok({ year: 2026, items: [item] }),
        'org.members': ok({ members: [] }),
        'plan.saveItem': (input: unknown) => ok({ ...item, ...(input as object) }),
      }) as never,
    );
    render(<PlanEdit />);
    fireEvent.click(await screen.findByRole('button', { name: '修改5G基站党员先锋行动' }));
    fireEvent.change(screen.getByRole('textbox', { name: '二季度完成情况' }), { target: { value: '建成12个基站' } });
    fireEvent.click(screen.getByRole('button', { name: '保存计划事项' }));
    await waitFor(() => expect(callsOf('plan.saveItem')).toHaveLength(1));
    expect(callsOf('plan.saveItem')[0]?.[1]).toMatchObject({ itemId: 'p-1', title: '5G基站党员先锋行动', ownerId: 'm-002', results: ['已完成选址', '建成12个基站', '', ''] });
  });

  it('年终评优 sends the selected members with the default title after confirm', async () => {
    const row = (memberId: string, name: string, rank: number, score: number) => ({
      memberId,
      name,
      quarters: [score, score, null, null],
      grades: [null, null, null, null],
      score,
      rank,
    });
    mockCall.mockImplementation(
      routes({
        'org.me': okMe(secretary),
        'award.year': ok({ year: 2026, publishedQuarters: 2, rows: [row('m-002', '王志强', 1, 95), row('m-003', '刘芳', 2, 90), row('m-004', '陈明', 3, 80)] }),
        'award.list': ok({ year: 2026, awards: [] }),
        'award.confirm': (input: { memberIds: string[]; title: string }) =>
          ok({ year: 2026, title: input.title, members: input.memberIds.map((id) => ({ id, name: id })) }),
      }) as never,
    );
    render(<Awards />);
    fireEvent.click(await screen.findByRole('button', { name: '确认评优' }));
    expect(await screen.findByText('请至少选择一名党员')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '选择王志强' }));
    fireEvent.click(screen.getByRole('button', { name: '选择陈明' }));
    expect(screen.getByRole('textbox', { name: '荣誉称号' })).toHaveValue('优秀共产党员');
    fireEvent.click(screen.getByRole('button', { name: '确认评优' }));
    await waitFor(() => expect(callsOf('award.confirm')).toHaveLength(1));
    expect(callsOf('award.confirm')[0]?.[1]).toEqual({ year: expect.any(Number), title: '优秀共产党员', memberIds: ['m-002', 'm-004'] });
    expect((Taro.showModal as jest.Mock).mock.calls[0]?.[0].content).toContain('王志强、陈明');
  });
});
