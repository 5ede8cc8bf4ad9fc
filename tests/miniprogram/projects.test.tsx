import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Projects from '@/subpackages/work/pages/projects/index';
import Project from '@/subpackages/work/pages/project/index';
import ProjectNew, { validateProject } from '@/subpackages/secretary/pages/project-new/index';
import { milestoneProgress, nextStep, updateDraftKey } from '@/subpackages/work/lib/project';
import { call } from '@/services/api';
import { uploadFile } from '@/cloud/upload';
import type { ActionOutput, ProjectView } from '@/services/api';
import { modalAnswer, setRouterParams } from './mocks/taro';
import { fail, member, ok, okMe, routes, secretary } from './fixtures';

jest.mock('@/services/api', () => ({ call: jest.fn() }));
jest.mock('@/cloud/upload', () => ({ uploadFile: jest.fn(), photoCloudPath: jest.requireActual('@/cloud/upload-types').photoCloudPath }));
// The shared Taro double has no image preview: add it for the update photos.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('./mocks/taro');
  const previewImage = jest.fn(async () => ({ errMsg: 'previewImage:ok' }));
  return { __esModule: true, ...actual, previewImage, default: { ...actual.default, previewImage } };
});
const mockCall = call as jest.MockedFunction<typeof call>;
const mockUpload = uploadFile as jest.MockedFunction<typeof uploadFile>;
const callsOf = (action: string) => mockCall.mock.calls.filter(([a]) => a === action);
const inputOf = <T,>(action: string, i = 0) => callsOf(action)[i][1] as T;

const project = (over: Partial<ProjectView> = {}): ProjectView => ({
  id: 'pjAbc0001',
  kind: 'secretary',
  title: '高价值小区攻坚',
  goal: '年内新增宽带 200 户',
  branchName: '城东营业部党支部',
  lead: { id: 'm-010', name: '王委员' },
  overrideReason: null,
  groups: [{ id: 'g-001', name: '第一党小组' }],
  units: [{ id: 'u-009', name: '党员突击队·宽带' }],
  milestones: [
    { id: 'ms1', title: '摸清小区底数', owner: { id: 'm-001', name: '张红梅' }, dueOn: '2026-03-01', doneAt: '2026-02-20T02:00:00.000Z', overdue: false },
    { id: 'ms2', title: '完成首批入户', owner: { id: 'm-002', name: '刘志强' }, dueOn: '2026-04-01', doneAt: null, overdue: true },
  ],
  updates: [],
  status: 'inProgress',
  overdue: true,
  history: [{ status: 'open', note: '', by: '李建国', at: '2026-02-01T02:00:00.000Z' }],
  createdAt: '2026-02-01T02:00:00.000Z',
  ...over,
});

const pyramid: ActionOutput<'org.pyramid'> = {
  branch: { id: 'b-001', name: '城东营业部党支部' },
  committee: [
    { member: { id: 'm-000', name: '李建国' }, duty: '支部书记', roles: ['member', 'secretary'], dutyItems: [] },
    { member: { id: 'm-010', name: '王委员' }, duty: '组织委员', roles: ['member', 'committeeMember'], dutyItems: [] },
    { member: { id: 'm-011', name: '陈委员' }, duty: '宣传委员', roles: ['member', 'committeeMember'], dutyItems: [] },
  ],
  groups: [{ id: 'g-001', name: '第一党小组', leader: { id: 'm-001', name: '张红梅' }, liaison: null, members: [{ id: 'm-002', name: '刘志强' }] }],
  units: [{ id: 'u-009', kind: 'squad', name: '党员突击队·宽带', goal: '', leader: { id: 'm-002', name: '刘志强' }, members: [] }],
};

const proposal = ok({ proposed: { id: 'm-010', name: '王委员' }, order: [{ id: 'm-010', name: '王委员' }, { id: 'm-011', name: '陈委员' }, { id: 'm-000', name: '李建国' }] });

describe('helpers', () => {
  it('counts milestones done and gives one next step per status, 验收 only after 已完成', () => {
    expect(milestoneProgress(project())).toEqual({ done: 1, total: 2 });
    expect(nextStep('open')).toEqual({ status: 'inProgress', label: '推进中', action: '开始推进' });
    expect(nextStep('inProgress')?.action).toBe('标记完成');
    expect(nextStep('done')).toEqual({ status: 'reviewed', label: '已验收', action: '验收' });
    expect(nextStep('reviewed')).toBeNull();
  });
});

describe('攻坚项目 board', () => {
  it('groups projects by status with kind, lead, milestones done/total and 逾期; 新建项目 for the secretary', async () => {
    mockCall.mockImplementation(
      routes({
        'org.me': okMe(secretary),
        'project.list': ok({
          items: [
            project(),
            project({ id: 'pj2', title: '扶贫助农采购', kind: 'social', status: 'open', overdue: false, milestones: [] }),
            project({ id: 'pj3', title: '渠道排头兵', kind: 'business', status: 'reviewed', overdue: false }),
          ],
        }),
      }) as never,
    );
    render(<Projects />);
    const inProgress = await screen.findByRole('list', { name: '推进中' });
    const card = within(inProgress).getByRole('listitem');
    expect(card).toHaveTextContent('书记工程');
    expect(card).toHaveTextContent('高价值小区攻坚');
    expect(card).toHaveTextContent('牵头人：王委员');
    expect(card).toHaveTextContent('节点 1/2');
    expect(card).toHaveTextContent('逾期');
    expect(within(screen.getByRole('list', { name: '已立项' })).getByRole('listitem')).toHaveTextContent('社会责任');
    expect(within(screen.getByRole('list', { name: '已立项' })).getByRole('listitem')).not.toHaveTextContent('逾期');
    expect(within(screen.getByRole('list', { name: '已验收' })).getByRole('listitem')).toHaveTextContent('渠道排头兵');
    expect(within(screen.getByRole('list', { name: '已完成' })).queryAllByRole('listitem')).toHaveLength(0);
    expect(screen.getByText('推进中（1）')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '新建项目' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/secretary/pages/project-new/index' });
    fireEvent.click(within(card).getByRole('button'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/work/pages/project/index?id=pjAbc0001' });
  });

  it('a member sees the board without 新建项目', async () => {
    mockCall.mockImplementation(routes({ 'org.me': okMe(member), 'project.list': ok({ items: [project()] }) }) as never);
    render(<Projects />);
    await screen.findByText('高价值小区攻坚');
    expect(screen.queryByRole('button', { name: '新建项目' })).not.toBeInTheDocument();
  });
});

describe('新建攻坚项目 (secretary)', () => {
  const fillBasics = () => {
    fireEvent.change(screen.getByLabelText('项目名称'), { target: { value: '高价值小区攻坚' } });
    fireEvent.change(screen.getByLabelText('项目目标'), { target: { value: '年内新增宽带 200 户' } });
    fireEvent.change(screen.getByLabelText('节点1名称'), { target: { value: '摸清小区底数' } });
    fireEvent.change(screen.getByRole('combobox', { name: '节点1负责人' }), { target: { value: '4' } }); // 张红梅 (after 请选择 and the committee)
    fireEvent.change(screen.getByLabelText('节点1完成日期'), { target: { value: '2026-03-01' } });
  };
  const setup = (create: (input: unknown) => unknown = () => ok(project({ id: 'pjNew0001', status: 'open' }))) =>
    mockCall.mockImplementation(routes({ 'project.proposeLead': proposal, 'org.pyramid': ok(pyramid), 'project.create': create as never }) as never);

  it('shows the rotation proposal and order; adopting it sends the proposed lead without a reason and opens the project', async () => {
    setup();
    render(<ProjectNew />);
    expect(await screen.findByText('轮值建议：王委员')).toBeInTheDocument();
    expect(screen.getByText('轮值顺序：王委员 → 陈委员 → 李建国')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '采用建议' })).toHaveAttribute('aria-pressed', 'true');
    fillBasics();
    fireEvent.click(screen.getByRole('button', { name: '第一党小组' }));
    fireEvent.click(screen.getByRole('button', { name: '党员突击队·宽带' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认立项' })));
    expect(Taro.showModal).toHaveBeenCalledTimes(1);
    const modal = (Taro.showModal as unknown as jest.Mock).mock.calls[0][0] as { content: string };
    expect(modal.content).toContain('牵头人：王委员（轮值）');
    const input = inputOf<Record<string, unknown>>('project.create');
    expect(input).toMatchObject({
      kind: 'secretary',
      title: '高价值小区攻坚',
      goal: '年内新增宽带 200 户',
      leadId: 'm-010',
      overrideReason: null,
      groupIds: ['g-001'],
      unitIds: ['u-009'],
      milestones: [{ title: '摸清小区底数', ownerId: 'm-001', dueOn: '2026-03-01' }],
    });
    expect(input.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/subpackages/work/pages/project/index?id=pjNew0001' });
  });

  it('choosing another committee member requires 调整原因, which is then sent', async () => {
    setup();
    render(<ProjectNew />);
    await screen.findByText('轮值建议：王委员');
    fillBasics();
    fireEvent.click(screen.getByRole('button', { name: '另选委员' }));
    const lead = screen.getByRole('combobox', { name: '牵头委员' });
    // The proposed member is not offered again: 请选择 / 陈委员 / 李建国.
    expect(within(lead).getAllByRole('option').map((o) => o.textContent)).toEqual(['请选择支部委员', '陈委员', '李建国']);
    fireEvent.change(lead, { target: { value: '1' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认立项' })));
    expect(screen.getByText('不采用轮值建议时，请填写调整原因')).toBeInTheDocument();
    expect(callsOf('project.create')).toHaveLength(0);
    expect(Taro.showModal).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('调整原因'), { target: { value: '王委员本季度脱产学习' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认立项' })));
    expect(inputOf<Record<string, unknown>>('project.create')).toMatchObject({ leadId: 'm-011', overrideReason: '王委员本季度脱产学习' });
  });

  it('checks every milestone row, keeps at least one, and a retry after a failure sends the same requestId', async () => {
    let first = true;
    setup(() => {
      if (first) {
        first = false;
        return fail('INTERNAL', '网络异常，请检查网络后重试');
      }
      return ok(project({ id: 'pjNew0001', status: 'open' }));
    });
    render(<ProjectNew />);
    await screen.findByText('轮值建议：王委员');
    // Only one milestone: it cannot be removed.
    expect(screen.queryByRole('button', { name: '删除节点1' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '添加节点' }));
    expect(screen.getByRole('group', { name: '节点2' })).toBeInTheDocument();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认立项' })));
    expect(screen.getByText('请填写项目名称（至少 2 个字）')).toBeInTheDocument();
    const second = screen.getByRole('group', { name: '节点2' });
    expect(within(second).getByText('请填写节点名称（至少 2 个字）')).toBeInTheDocument();
    expect(within(second).getByText('请选择负责人', { selector: '.field__error' })).toBeInTheDocument();
    expect(within(second).getByText('请选择完成日期')).toBeInTheDocument();
    expect(callsOf('project.create')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: '删除节点2' }));
    expect(screen.queryByRole('group', { name: '节点2' })).not.toBeInTheDocument();
    fillBasics();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认立项' })));
    expect(screen.getByRole('alert')).toHaveTextContent('网络异常，请检查网络后重试');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认立项' })));
    const ids = callsOf('project.create').map(([, input]) => (input as { requestId: string }).requestId);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
    expect(Taro.redirectTo).toHaveBeenCalledTimes(1);
  });

  it('without a proposal (no project yet followed the rotation order) a committee member is chosen, no reason needed', async () => {
    mockCall.mockImplementation(
      routes({
        'project.proposeLead': ok({ proposed: null, order: [{ id: 'm-010', name: '王委员' }, { id: 'm-011', name: '陈委员' }] }),
        'org.pyramid': ok(pyramid),
        'project.create': ok(project({ id: 'pjNew0002' })),
      }) as never,
    );
    render(<ProjectNew />);
    expect(await screen.findByText('暂无轮值建议')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: '另选委员' })).toHaveAttribute('aria-pressed', 'true'));
    expect(screen.getByRole('button', { name: '采用建议' })).toHaveAttribute('disabled');
    fillBasics();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认立项' })));
    expect(screen.getByText('请选择牵头人')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('combobox', { name: '牵头委员' }), { target: { value: '2' } }); // 陈委员
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认立项' })));
    expect(inputOf<Record<string, unknown>>('project.create')).toMatchObject({ leadId: 'm-011', overrideReason: null });
  });

  it('validates a missing proposal: another member must be chosen', () => {
    const base = { title: '项目', goal: '目标', milestones: [{ key: 'k', title: '节点', ownerId: 'm-1', dueOn: '2026-01-01' }] };
    expect(validateProject({ ...base, proposedId: null, lead: { mode: 'proposal' } }).leadId).toBe('没有轮值建议，请另选牵头人');
    expect(validateProject({ ...base, proposedId: 'm-1', lead: { mode: 'proposal' } })).toEqual({});
    expect(validateProject({ ...base, proposedId: 'm-1', lead: { mode: 'other', leadId: '', reason: '' } }).leadId).toBe('请选择牵头人');
    expect(validateProject({ ...base, proposedId: 'm-1', milestones: [], lead: { mode: 'proposal' } }).milestones).toBe('请至少设置一个节点');
  });
});

describe('项目详情', () => {
  const open = (me: typeof member, view: ProjectView, more: Record<string, unknown> = {}) => {
    setRouterParams({ id: view.id });
    mockCall.mockImplementation(routes({ 'org.me': okMe(me), 'project.get': ok(view), ...more } as never) as never);
    return render(<Project />);
  };

  it('shows goal, lead with the override reason, team, milestones with owner, due date and 逾期, and the history', async () => {
    open(member, project({ overrideReason: '王委员熟悉片区', history: [{ status: 'open', note: '立项', by: '李建国', at: '2026-02-01T02:00:00.000Z' }, { status: 'inProgress', note: '开始入户', by: '李建国', at: '2026-02-10T02:00:00.000Z' }] }));
    expect(await screen.findByText('目标：年内新增宽带 200 户')).toBeInTheDocument();
    expect(screen.getByText('调整原因：王委员熟悉片区')).toBeInTheDocument();
    expect(screen.getByText('第一党小组')).toBeInTheDocument();
    expect(screen.getByText('党员突击队·宽带')).toBeInTheDocument();
    const rows = within(screen.getByRole('list', { name: '节点' })).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('负责人：张红梅 · 完成期限 2026-03-01');
    expect(rows[0]).toHaveTextContent('已完成 2026-02-20');
    expect(rows[1]).toHaveTextContent('逾期');
    expect(screen.getByText('节点（已完成 1/2）')).toBeInTheDocument();
    const history = within(screen.getByRole('list', { name: '状态记录' })).getAllByRole('listitem');
    expect(history[1]).toHaveTextContent('推进中');
    expect(history[1]).toHaveTextContent('开始入户');
    // 张红梅 owns the done milestone only: no 完成 for 刘志强's, no status step; as an owner she may post updates.
    expect(screen.queryByRole('button', { name: /^完成：/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '标记完成' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '发布进展' })).toBeInTheDocument();
  });

  it('someone outside the team reads the project without 完成 or 发布进展', async () => {
    open({ ...member, memberId: 'm-099', name: '赵群众' }, project());
    await screen.findByText('目标：年内新增宽带 200 户');
    expect(screen.queryByRole('button', { name: /^完成：/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '发布进展' })).not.toBeInTheDocument();
  });

  it('the secretary sees only the next status step; 验收 only once 已完成; none after 已验收', async () => {
    const view = open(secretary, project({ status: 'open' }));
    expect(await screen.findByRole('button', { name: '开始推进' })).toBeInTheDocument();
    for (const other of ['标记完成', '验收']) expect(screen.queryByRole('button', { name: other })).not.toBeInTheDocument();
    view.unmount();

    const inProgress = open(secretary, project({ status: 'inProgress' }));
    expect(await screen.findByRole('button', { name: '标记完成' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '验收' })).not.toBeInTheDocument();
    inProgress.unmount();

    const reviewed = open(secretary, project({ status: 'reviewed' }));
    await screen.findByText('高价值小区攻坚');
    for (const other of ['开始推进', '标记完成', '验收']) expect(screen.queryByRole('button', { name: other })).not.toBeInTheDocument();
    reviewed.unmount();

    open(secretary, project({ status: 'done' }), {
      'project.setStatus': (input: { status: string; note: string }) => ok(project({ status: 'reviewed', history: [...project().history, { status: 'reviewed', note: input.note, by: '李建国', at: '2026-05-01T02:00:00.000Z' }] })),
    });
    const review = await screen.findByRole('button', { name: '验收' });
    fireEvent.change(screen.getByLabelText('说明（可选）'), { target: { value: '目标全部达成' } });
    modalAnswer.confirm = false;
    await act(async () => fireEvent.click(review));
    expect(callsOf('project.setStatus')).toHaveLength(0);
    modalAnswer.confirm = true;
    await act(async () => fireEvent.click(review));
    expect((Taro.showModal as unknown as jest.Mock).mock.calls[1][0]).toMatchObject({ title: '验收', content: expect.stringContaining('已完成 → 已验收') });
    expect(callsOf('project.setStatus')).toEqual([['project.setStatus', { projectId: 'pjAbc0001', status: 'reviewed', note: '目标全部达成' }]]);
    expect(await screen.findByText('已验收', { selector: '.tag' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '验收' })).not.toBeInTheDocument();
  });

  it("完成 marks a milestone for its owner; the server's refusal is shown as it words it", async () => {
    const me = { ...member, memberId: 'm-002', name: '刘志强' };
    open(me, project(), { 'project.completeMilestone': fail('FORBIDDEN', '只有节点负责人、项目牵头人或书记可以标记节点完成') });
    const done = await screen.findByRole('button', { name: '完成：完成首批入户' });
    await act(async () => fireEvent.click(done));
    expect(callsOf('project.completeMilestone')).toEqual([['project.completeMilestone', { projectId: 'pjAbc0001', milestoneId: 'ms2' }]]);
    expect(screen.getByRole('alert')).toHaveTextContent('只有节点负责人、项目牵头人或书记可以标记节点完成');

    mockCall.mockImplementation(
      routes({
        'org.me': okMe(me),
        'project.get': ok(project()),
        'project.completeMilestone': ok(project({ milestones: project().milestones.map((m) => ({ ...m, doneAt: m.doneAt ?? '2026-04-02T02:00:00.000Z', overdue: false })) })),
      }) as never,
    );
    await act(async () => fireEvent.click(done));
    expect(await screen.findByText('节点（已完成 2/2）')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '完成：完成首批入户' })).not.toBeInTheDocument();
  });

  it('an update uploads photos to projects/<projectId>/ and keeps its requestId for a retry', async () => {
    mockUpload.mockResolvedValue('cloud://env-1/projects/pjAbc0001/a1.jpg');
    const updated = project({ updates: [{ id: 'up1', text: '完成 40 户入户走访', photoUrls: ['https://tmp/a1.jpg'], by: '王委员', at: '2026-03-05T02:00:00.000Z' }] });
    let attempts = 0;
    open({ ...member, memberId: 'm-010', name: '王委员', roles: ['member', 'committeeMember'] }, project(), {
      'project.addUpdate': () => (++attempts === 1 ? fail('INTERNAL', '网络异常，请检查网络后重试') : ok(updated)),
    });
    await screen.findByRole('button', { name: '发布进展' });
    // Too short: refused before any call.
    fireEvent.change(screen.getByLabelText('新的进展'), { target: { value: '好' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '发布进展' })));
    expect(screen.getByText('请至少写 4 个字，说明进展')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('新的进展'), { target: { value: '完成 40 户入户走访' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '添加照片' })));
    expect(mockUpload).toHaveBeenCalledTimes(1);
    expect(mockUpload.mock.calls[0][0]).toBe('/tmp/photo.jpg');
    expect(mockUpload.mock.calls[0][1]).toMatch(/^projects\/pjAbc0001\/[a-z0-9]+-[a-z0-9]+\.jpg$/);
    expect(screen.getByText('照片（1 / 9）')).toBeInTheDocument();
    // The draft is on the device before sending.
    expect((Taro.getStorageSync(updateDraftKey('pjAbc0001')) as { photos: string[] }).photos).toEqual(['cloud://env-1/projects/pjAbc0001/a1.jpg']);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: '发布进展' })));
    expect(screen.getByRole('alert')).toHaveTextContent('网络异常');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '发布进展' })));
    const sent = callsOf('project.addUpdate').map(([, input]) => input as { requestId: string; text: string; photos: string[] });
    expect(sent).toHaveLength(2);
    expect(sent[1].requestId).toBe(sent[0].requestId);
    expect(sent[1]).toMatchObject({ projectId: 'pjAbc0001', text: '完成 40 户入户走访', photos: ['cloud://env-1/projects/pjAbc0001/a1.jpg'] });
    await waitFor(() => expect(within(screen.getByRole('list', { name: '项目进展' })).getByText('完成 40 户入户走访')).toBeInTheDocument());
    expect(document.querySelector('img[aria-label="照片1，点击查看大图"]')).toHaveAttribute('src', 'https://tmp/a1.jpg');
    expect(Taro.getStorageSync(updateDraftKey('pjAbc0001'))).toBe('');
    expect(screen.getByLabelText('新的进展')).toHaveValue('');
  });
});
