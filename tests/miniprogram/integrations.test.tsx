import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Volunteer from '@/subpackages/work/pages/volunteer/index';
import VolunteerNew from '@/subpackages/secretary/pages/volunteer-new/index';
import Targets from '@/subpackages/work/pages/targets/index';
import TargetEdit from '@/subpackages/secretary/pages/target-edit/index';
import Cobuild from '@/subpackages/work/pages/cobuild/index';
import CobuildEdit, { agreementCloudPath } from '@/subpackages/secretary/pages/cobuild-edit/index';
import CommitteeProjects from '@/subpackages/committee/pages/projects/index';
import CommitteeCobuild from '@/subpackages/committee/pages/cobuild/index';
import { chartPoints, progressPercent } from '@/subpackages/work/lib/target';
import { chinaYear } from '@/subpackages/work/lib/volunteer';
import { agreementFileType } from '@/components/Work/AgreementFile';
import { groupByBranch } from '@/components/Work';
import { call } from '@/services/api';
import { uploadFile } from '@/cloud/upload';
import type { ActionOutput, AgreementView, ProjectView, TargetView, VolunteerActivityView } from '@/services/api';
import { modalAnswer, setRouterParams } from './mocks/taro';
import { fail, member, ok, okMe, routes, secretary } from './fixtures';

jest.mock('@/services/api', () => ({ call: jest.fn() }));
jest.mock('@/cloud/upload', () => ({ uploadFile: jest.fn(), photoCloudPath: jest.requireActual('@/cloud/upload-types').photoCloudPath }));
// The shared Taro double has no chat-file picker or image preview: add them for the agreement file.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('./mocks/taro');
  const chooseMessageFile = jest.fn(async () => ({ tempFiles: [{ path: 'wxfile://tmp/agreement.pdf', name: '共建协议.pdf', size: 2048, time: 0, type: 'file' }], errMsg: 'chooseMessageFile:ok' }));
  const previewImage = jest.fn(async () => ({ errMsg: 'previewImage:ok' }));
  const extra = { chooseMessageFile, previewImage };
  return { __esModule: true, ...actual, ...extra, default: { ...actual.default, ...extra } };
});
const mockCall = call as jest.MockedFunction<typeof call>;
const mockUpload = uploadFile as jest.MockedFunction<typeof uploadFile>;
const callsOf = (action: string) => mockCall.mock.calls.filter(([a]) => a === action);
const inputOf = <T,>(action: string, i = 0) => callsOf(action)[i][1] as T;
const click = async (name: string | RegExp) => act(async () => fireEvent.click(screen.getByRole('button', { name })));

const pyramid: ActionOutput<'org.pyramid'> = {
  branch: { id: 'b-001', name: '城东营业部党支部' },
  committee: [{ member: { id: 'm-000', name: '李建国' }, duty: '支部书记', roles: ['member', 'secretary'], dutyItems: [] }],
  groups: [{ id: 'g-001', name: '第一党小组', leader: { id: 'm-001', name: '张红梅' }, liaison: null, members: [{ id: 'm-002', name: '刘志强' }] }],
  units: [
    { id: 'u-001', kind: 'post', name: '党员先锋岗·营业厅', goal: '', leader: { id: 'm-001', name: '张红梅' }, members: [] },
    { id: 'u-009', kind: 'squad', name: '党员突击队·宽带', goal: '', leader: { id: 'm-002', name: '刘志强' }, members: [] },
  ],
};

// ---------------------------------------------------------------- 志愿服务

const activity = (over: Partial<VolunteerActivityView> = {}): VolunteerActivityView => ({
  id: 'va1',
  title: '社区助老志愿服务',
  startsAt: '2026-03-05T01:00:00.000Z',
  place: '幸福里社区',
  organiser: { id: 'm-002', name: '刘志强' },
  records: [
    { id: 'vr1', member: { id: 'm-003', name: '王小明' }, hours: 2, status: 'claimed', note: '陪老人聊天' },
    { id: 'vr2', member: { id: 'm-004', name: '赵丽' }, hours: 3, status: 'confirmed', note: '' },
  ],
  ...over,
});
const hours = (year: number, members: ActionOutput<'volunteer.hours'>['members']) => ok({ year, members });

describe('志愿服务', () => {
  it('a member claims hours in half hours with a note; the record shows 待确认', async () => {
    const year = chinaYear();
    mockCall.mockImplementation(
      routes({
        'org.me': okMe(member),
        'volunteer.list': ok({ items: [activity()] }),
        'volunteer.hours': (input: { year: number }) => hours(input.year, [{ id: 'm-001', name: '张红梅', hours: 6.5, activities: 3 }]),
        'volunteer.claim': (input: { hours: number; note: string }) =>
          ok(activity({ records: [...activity().records, { id: 'vr3', member: { id: 'm-001', name: '张红梅' }, hours: input.hours, status: 'claimed', note: input.note }] })),
      }) as never,
    );
    render(<Volunteer />);
    const card = await screen.findByRole('listitem', { name: '社区助老志愿服务' });
    expect(card).toHaveTextContent('时间：2026-03-05 09:00');
    expect(card).toHaveTextContent('组织人：刘志强');
    expect(card).toHaveTextContent('已确认 1 人，共 3 小时');
    expect(card).toHaveTextContent('未登记');
    expect(within(card).queryByRole('list', { name: /^待确认/ })).not.toBeInTheDocument();
    expect(await screen.findByText('6.5 小时 · 3 次活动')).toBeInTheDocument();
    expect(screen.getByText(`我的年度时长（${year} 年）`)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '新建志愿活动' })).not.toBeInTheDocument();

    await click('登记时长：社区助老志愿服务');
    expect(screen.getByText('请选择服务时长')).toBeInTheDocument();
    const picker = within(card).getByRole('combobox', { name: '服务时长' });
    expect(within(picker).getAllByRole('option').slice(0, 4).map((o) => o.textContent)).toEqual(['请选择时长', '0.5 小时', '1 小时', '1.5 小时']);
    fireEvent.change(picker, { target: { value: '3' } });
    fireEvent.change(within(card).getByLabelText('备注（可选）'), { target: { value: '负责现场秩序' } });
    await click('登记时长：社区助老志愿服务');
    expect(callsOf('volunteer.claim')).toEqual([['volunteer.claim', { activityId: 'va1', hours: 1.5, note: '负责现场秩序' }]]);
    await waitFor(() => expect(card).toHaveTextContent('1.5 小时 · 待确认'));
    // Still changeable until confirmed.
    expect(within(card).getByRole('button', { name: '修改时长：社区助老志愿服务' })).toBeInTheDocument();
    expect(callsOf('volunteer.hours').length).toBeGreaterThanOrEqual(2);
  });

  it('a confirmed record cannot be changed', async () => {
    mockCall.mockImplementation(
      routes({
        'org.me': okMe({ ...member, memberId: 'm-004', name: '赵丽' }),
        'volunteer.list': ok({ items: [activity()] }),
        'volunteer.hours': hours(2026, []),
      }) as never,
    );
    render(<Volunteer />);
    const card = await screen.findByRole('listitem', { name: '社区助老志愿服务' });
    expect(card).toHaveTextContent('3 小时 · 已确认');
    expect(within(card).queryByRole('button', { name: /时长：/ })).not.toBeInTheDocument();
  });

  it('the organiser confirms a claim with corrected hours, or refuses it, after a confirmation', async () => {
    mockCall.mockImplementation(
      routes({
        'org.me': okMe({ ...member, memberId: 'm-002', name: '刘志强' }),
        'volunteer.list': ok({ items: [activity()] }),
        'volunteer.hours': hours(2026, []),
        'volunteer.confirm': (input: { recordId: string; approve: boolean; hours: number | null }) =>
          ok(activity({ records: activity().records.map((r) => (r.id === input.recordId ? { ...r, status: input.approve ? ('confirmed' as const) : ('rejected' as const), hours: input.hours ?? r.hours } : r)) })),
      }) as never,
    );
    render(<Volunteer />);
    const pending = await screen.findByRole('list', { name: '待确认：社区助老志愿服务' });
    const row = within(pending).getByRole('listitem');
    expect(row).toHaveTextContent('王小明：登记 2 小时');
    expect(row).toHaveTextContent('备注：陪老人聊天');
    fireEvent.change(within(row).getByRole('combobox', { name: '确认时长：王小明' }), { target: { value: '2' } }); // 1.5 小时
    expect(row).toHaveTextContent('将更正为 1.5 小时');

    modalAnswer.confirm = false;
    await click('确认：王小明');
    expect(callsOf('volunteer.confirm')).toHaveLength(0);
    modalAnswer.confirm = true;
    await click('确认：王小明');
    expect((Taro.showModal as unknown as jest.Mock).mock.calls[1][0]).toMatchObject({ content: '王小明：1.5 小时（登记为 2 小时）' });
    expect(callsOf('volunteer.confirm')).toEqual([['volunteer.confirm', { recordId: 'vr1', approve: true, hours: 1.5 }]]);
    await waitFor(() => expect(screen.getByText('没有待确认的时长')).toBeInTheDocument());
    expect(screen.getByRole('listitem', { name: '社区助老志愿服务' })).toHaveTextContent('已确认 2 人，共 4.5 小时');
  });

  it("the organiser's own claim is not in their 待确认 list (the server refuses it)", async () => {
    const own = activity({ records: [...activity().records, { id: 'vr9', member: { id: 'm-002', name: '刘志强' }, hours: 4, status: 'claimed', note: '' }] });
    mockCall.mockImplementation(
      routes({ 'org.me': okMe({ ...member, memberId: 'm-002', name: '刘志强' }), 'volunteer.list': ok({ items: [own] }), 'volunteer.hours': hours(2026, []) }) as never,
    );
    render(<Volunteer />);
    const pending = await screen.findByRole('list', { name: '待确认：社区助老志愿服务' });
    expect(within(pending).getAllByRole('listitem').map((r) => r.getAttribute('aria-label'))).toEqual(['王小明，登记 2 小时']);
    expect(screen.getByRole('listitem', { name: '社区助老志愿服务' })).toHaveTextContent('4 小时 · 待确认');
  });

  it('refusing sends approve false without hours', async () => {
    mockCall.mockImplementation(
      routes({
        'org.me': okMe({ ...member, memberId: 'm-002', name: '刘志强' }),
        'volunteer.list': ok({ items: [activity()] }),
        'volunteer.hours': hours(2026, []),
        'volunteer.confirm': fail('FORBIDDEN', '只有活动组织人可以确认服务时长'),
      }) as never,
    );
    render(<Volunteer />);
    await screen.findByRole('list', { name: '待确认：社区助老志愿服务' });
    await click('不予确认：王小明');
    expect(callsOf('volunteer.confirm')).toEqual([['volunteer.confirm', { recordId: 'vr1', approve: false, hours: null }]]);
    expect(screen.getByRole('alert')).toHaveTextContent('只有活动组织人可以确认服务时长');
  });

  it("the secretary sees every member's hours of the year and switches years; 新建志愿活动 opens the form", async () => {
    const year = chinaYear();
    mockCall.mockImplementation(
      routes({
        'org.me': okMe(secretary),
        'volunteer.list': ok({ items: [] }),
        'volunteer.hours': (input: { year: number }) =>
          input.year === year
            ? hours(year, [
                { id: 'm-004', name: '赵丽', hours: 12, activities: 4 },
                { id: 'm-000', name: '李建国', hours: 3.5, activities: 1 },
              ])
            : hours(input.year, [{ id: 'm-004', name: '赵丽', hours: 20, activities: 6 }]),
      }) as never,
    );
    render(<Volunteer />);
    const table = await screen.findByRole('table', { name: '支部志愿时长' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['赵丽', '12 小时', '4 次'],
      ['李建国', '3.5 小时', '1 次'],
    ]);
    expect(screen.getByText('3.5 小时 · 1 次活动')).toBeInTheDocument();
    expect(screen.getByText('暂无志愿活动')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '下一年' })).toHaveAttribute('disabled');

    await click('上一年');
    expect(inputOf('volunteer.hours', callsOf('volunteer.hours').length - 1)).toEqual({ year: year - 1 });
    expect(await screen.findByText(`支部党员志愿时长（${year - 1} 年，已确认）`)).toBeInTheDocument();
    expect(screen.getByText('0 小时 · 0 次活动')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: '支部志愿时长' })).getByText('20 小时')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '新建志愿活动' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/secretary/pages/volunteer-new/index' });
  });

  it('新建志愿活动 sends the China time with +08:00 and the organiser, confirmed first', async () => {
    mockCall.mockImplementation(routes({ 'org.pyramid': ok(pyramid), 'volunteer.create': ok(activity()) }) as never);
    render(<VolunteerNew />);
    await screen.findByLabelText('活动名称');
    await click('发布志愿活动');
    expect(screen.getByText('请选择组织人', { selector: '.field__error' })).toBeInTheDocument();
    expect(screen.getByText('请填写活动地点')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('活动名称'), { target: { value: '社区助老志愿服务' } });
    fireEvent.change(screen.getByLabelText('日期'), { target: { value: '2026-03-05' } });
    fireEvent.change(screen.getByLabelText('地点'), { target: { value: '幸福里社区' } });
    fireEvent.change(screen.getByRole('combobox', { name: '组织人' }), { target: { value: '3' } }); // 刘志强
    await click('发布志愿活动');
    expect((Taro.showModal as unknown as jest.Mock).mock.calls[0][0].content).toContain('组织人：刘志强');
    expect(callsOf('volunteer.create')).toEqual([['volunteer.create', { title: '社区助老志愿服务', startsAt: '2026-03-05T09:00:00+08:00', place: '幸福里社区', organiserId: 'm-002' }]]);
    expect(Taro.navigateBack).toHaveBeenCalled();
  });
});

// ---------------------------------------------------------------- 突击队目标

const target = (over: Partial<TargetView> = {}): TargetView => ({
  id: 'tg1',
  unit: { id: 'u-009', name: '党员突击队·宽带' },
  metric: '新增宽带',
  measure: '户',
  goal: 200,
  startOn: '2026-01-01',
  endOn: '2026-12-31',
  current: 90,
  progress: 0.45,
  entries: [
    { id: 'e2', on: '2026-03-01', value: 90, note: '三月入户', by: '刘志强' },
    { id: 'e1', on: '2026-02-01', value: 40, note: '', by: '刘志强' },
  ],
  ...over,
});

describe('突击队目标', () => {
  it('computes percent and chart points in date order against the goal', () => {
    expect(progressPercent(0.456)).toBe(46);
    expect(progressPercent(1.2)).toBe(120);
    expect(chartPoints(target())).toEqual([
      { id: 'e1', on: '2026-02-01', label: '02-01', value: 40, height: 40 },
      { id: 'e2', on: '2026-03-01', value: 90, label: '03-01', height: 90 },
    ]);
    // Past the goal, the highest value is the top.
    expect(chartPoints(target({ goal: 50 })).map((p) => p.height)).toEqual([89, 200]);
  });

  it('shows metric, goal, current, percent and the chart values; the unit leader records progress', async () => {
    const next = target({ current: 120, progress: 0.6, entries: [...target().entries, { id: 'e3', on: '2026-04-01', value: 120, note: '四月', by: '刘志强' }] });
    mockCall.mockImplementation(
      routes({
        'org.me': okMe({ ...member, memberId: 'm-002', name: '刘志强' }),
        'org.pyramid': ok(pyramid),
        'target.list': ok({ items: [target()] }),
        'target.addProgress': ok(next),
      }) as never,
    );
    render(<Targets />);
    const card = await screen.findByRole('listitem', { name: '党员突击队·宽带：新增宽带' });
    expect(card).toHaveTextContent('当前 90 / 目标 200 户');
    expect(within(card).getByRole('progressbar')).toHaveAttribute('aria-label', '新增宽带 完成 45%');
    expect(card).toHaveTextContent('45%');
    const chart = within(card).getByRole('list', { name: '党员突击队·宽带进度走势' });
    const bars = within(chart).getAllByRole('listitem');
    expect(bars.map((b) => b.getAttribute('aria-label'))).toEqual(['2026-02-01 累计 40 户', '2026-03-01 累计 90 户']);
    expect(bars.map((b) => b.textContent)).toEqual(['4002-01', '9003-01']);
    expect((bars[1].querySelector('.chart__bar') as HTMLElement).style.height).toBe('90px');
    expect(within(card).getByRole('list', { name: '党员突击队·宽带进度记录' })).toHaveTextContent('2026-03-01：累计 90 户');
    expect(screen.queryByRole('button', { name: '设置目标' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /编辑目标/ })).not.toBeInTheDocument();

    await click('录入进度：党员突击队·宽带');
    await click('保存进度：党员突击队·宽带');
    expect(screen.getByText('请填写累计完成数（数字）')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('进度日期'), { target: { value: '2026-04-01' } });
    fireEvent.change(screen.getByLabelText('累计完成（户）'), { target: { value: '120' } });
    fireEvent.change(screen.getByLabelText('说明（可选）'), { target: { value: '四月' } });
    await click('保存进度：党员突击队·宽带');
    expect(callsOf('target.addProgress')).toEqual([['target.addProgress', { targetId: 'tg1', on: '2026-04-01', value: 120, note: '四月' }]]);
    await waitFor(() => expect(card).toHaveTextContent('当前 120 / 目标 200 户'));
    expect(within(within(card).getByRole('list', { name: '党员突击队·宽带进度走势' })).getAllByRole('listitem')).toHaveLength(3);
  });

  it('other members only read; the secretary records, sets and edits targets', async () => {
    mockCall.mockImplementation(routes({ 'org.me': okMe(member), 'org.pyramid': ok(pyramid), 'target.list': ok({ items: [target()] }) }) as never);
    const view = render(<Targets />);
    await screen.findByText('新增宽带');
    expect(screen.queryByRole('button', { name: /录入进度/ })).not.toBeInTheDocument();
    view.unmount();

    mockCall.mockImplementation(routes({ 'org.me': okMe(secretary), 'org.pyramid': ok(pyramid), 'target.list': ok({ items: [target()] }) }) as never);
    render(<Targets />);
    expect(await screen.findByRole('button', { name: '录入进度：党员突击队·宽带' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '设置目标' }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/secretary/pages/target-edit/index' });
    fireEvent.click(screen.getByRole('button', { name: '编辑目标：党员突击队·宽带' }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/secretary/pages/target-edit/index?id=tg1' });
  });

  it('设置目标 offers only squads and sends the target; ?id= edits with the target id', async () => {
    mockCall.mockImplementation(routes({ 'org.pyramid': ok(pyramid), 'target.list': ok({ items: [target()] }), 'target.save': ok(target()) }) as never);
    const view = render(<TargetEdit />);
    const unit = await screen.findByRole('combobox', { name: '党员突击队' });
    expect(within(unit).getAllByRole('option').map((o) => o.textContent)).toEqual(['请选择党员突击队', '党员突击队·宽带']);
    await click('保存目标');
    expect(screen.getByText('请选择党员突击队', { selector: '.field__error' })).toBeInTheDocument();
    expect(screen.getByText('目标值应为大于 0 的数字')).toBeInTheDocument();
    fireEvent.change(unit, { target: { value: '1' } });
    fireEvent.change(screen.getByLabelText('目标指标'), { target: { value: '新增宽带' } });
    fireEvent.change(screen.getByLabelText('目标值'), { target: { value: '200' } });
    fireEvent.change(screen.getByLabelText('开始日期'), { target: { value: '2026-01-01' } });
    fireEvent.change(screen.getByLabelText('结束日期'), { target: { value: '2025-12-31' } });
    await click('保存目标');
    expect(screen.getByText('结束日期不能早于开始日期')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('结束日期'), { target: { value: '2026-12-31' } });
    await click('保存目标');
    expect(callsOf('target.save')).toEqual([['target.save', { unitId: 'u-009', metric: '新增宽带', measure: '户', goal: 200, startOn: '2026-01-01', endOn: '2026-12-31' }]]);
    view.unmount();

    setRouterParams({ id: 'tg1' });
    render(<TargetEdit />);
    await waitFor(() => expect(screen.getByLabelText('目标指标')).toHaveValue('新增宽带'));
    fireEvent.change(screen.getByLabelText('目标值'), { target: { value: '250' } });
    await click('保存目标');
    expect(inputOf('target.save', 1)).toEqual({ targetId: 'tg1', unitId: 'u-009', metric: '新增宽带', measure: '户', goal: 250, startOn: '2026-01-01', endOn: '2026-12-31' });
  });
});

// ---------------------------------------------------------------- 党建和创

const agreement = (over: Partial<AgreementView> = {}): AgreementView => ({
  id: 'cb1',
  branchName: '城东营业部党支部',
  partner: { name: '城东支行党支部', kind: 'bank', contact: '周行长 13800000000' },
  terms: '每季度联合开展一次主题党日',
  signedOn: '2026-01-10',
  status: 'active',
  fileId: 'cloud://local.local-bucket/cobuild/b-001/x.pdf',
  fileUrl: 'http://127.0.0.1:9100/__/storage/files/cobuild/b-001/x.pdf?t=1&sign=s',
  activities: [{ id: 'cj1', title: '联合主题党日', on: '2026-02-20', summary: '参观金融反诈展', participants: 12 }],
  ...over,
});

describe('党建和创', () => {
  const originalEnv = process.env.TARO_ENV;
  afterEach(() => {
    process.env.TARO_ENV = originalEnv;
  });

  it('lists agreements with partner, kind, status, signed date, the file link (H5) and joint activities', async () => {
    mockCall.mockImplementation(routes({ 'org.me': okMe(member), 'cobuild.list': ok({ items: [agreement(), agreement({ id: 'cb2', partner: { name: '实验小学党支部', kind: 'school', contact: '' }, status: 'negotiating', signedOn: null, fileUrl: null, activities: [] })] }) }) as never);
    render(<Cobuild />);
    const card = await screen.findByRole('listitem', { name: '城东支行党支部，共建中' });
    expect(card).toHaveTextContent('金融机构');
    expect(card).toHaveTextContent('周行长 13800000000');
    expect(card).toHaveTextContent('2026-01-10');
    expect(within(card).getByRole('link', { name: '查看协议：城东支行党支部' })).toHaveAttribute('href', agreement().fileUrl);
    expect(within(card).getByRole('list', { name: '联合活动：城东支行党支部' })).toHaveTextContent('2026-02-20 · 12 人参加');
    const other = screen.getByRole('listitem', { name: '实验小学党支部，洽谈中' });
    expect(other).toHaveTextContent('未签约');
    expect(other).toHaveTextContent('尚未上传协议文件');
    expect(screen.queryByRole('button', { name: '新增协议' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /记录联合活动/ })).not.toBeInTheDocument();
  });

  it('in weapp 查看协议 downloads and opens the PDF', async () => {
    process.env.TARO_ENV = 'weapp';
    (Taro.downloadFile as unknown as jest.Mock).mockResolvedValueOnce({ statusCode: 200, tempFilePath: '/tmp/agreement.pdf' });
    mockCall.mockImplementation(routes({ 'org.me': okMe(member), 'cobuild.list': ok({ items: [agreement()] }) }) as never);
    render(<Cobuild />);
    await screen.findByText('城东支行党支部');
    await click('查看协议：城东支行党支部');
    expect(Taro.downloadFile).toHaveBeenCalledWith({ url: agreement().fileUrl });
    expect(Taro.openDocument).toHaveBeenCalledWith({ filePath: '/tmp/agreement.pdf', fileType: 'pdf', showMenu: true });
    expect(agreementFileType('https://x/cobuild/b/1.JPG?sign=1')).toBe('image');
  });

  it('the secretary records a joint activity with participants under an agreement in force', async () => {
    mockCall.mockImplementation(
      routes({
        'org.me': okMe(secretary),
        'org.pyramid': ok(pyramid),
        'cobuild.list': ok({ items: [agreement(), agreement({ id: 'cb2', partner: { name: '实验小学党支部', kind: 'school', contact: '' }, status: 'ended' })] }),
        'cobuild.addActivity': ok(agreement({ activities: [{ id: 'cj2', title: '联合志愿服务', on: '2026-03-10', summary: '反诈宣传', participants: 2 }, ...agreement().activities] })),
      }) as never,
    );
    render(<Cobuild />);
    await screen.findByText('城东支行党支部');
    expect(screen.queryByRole('button', { name: '记录联合活动：实验小学党支部' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '编辑协议：城东支行党支部' }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/secretary/pages/cobuild-edit/index?id=cb1' });
    fireEvent.click(screen.getByRole('button', { name: '新增协议' }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/secretary/pages/cobuild-edit/index' });

    await click('记录联合活动：城东支行党支部');
    const form = await screen.findByRole('group', { name: '记录联合活动：城东支行党支部' });
    await waitFor(() => expect(within(form).getByRole('button', { name: '刘志强' })).toBeInTheDocument());
    fireEvent.change(within(form).getByLabelText('活动名称'), { target: { value: '联合志愿服务' } });
    fireEvent.change(within(form).getByLabelText('活动日期'), { target: { value: '2026-03-10' } });
    fireEvent.change(within(form).getByLabelText('活动内容'), { target: { value: '反诈宣传' } });
    fireEvent.click(within(form).getByRole('button', { name: '张红梅' }));
    fireEvent.click(within(form).getByRole('button', { name: '刘志强' }));
    await click('保存联合活动');
    expect((Taro.showModal as unknown as jest.Mock).mock.calls[0][0].content).toContain('参加党员 2 人');
    expect(callsOf('cobuild.addActivity')).toEqual([
      ['cobuild.addActivity', { agreementId: 'cb1', title: '联合志愿服务', on: '2026-03-10', summary: '反诈宣传', participantIds: ['m-001', 'm-002'] }],
    ]);
    await waitFor(() => expect(screen.getByRole('list', { name: '联合活动：城东支行党支部' })).toHaveTextContent('联合志愿服务'));
    expect(screen.queryByRole('group', { name: '记录联合活动：城东支行党支部' })).not.toBeInTheDocument();
  });

  it('共建协议 (H5) uploads the chosen PDF to cobuild/<branchId>/ and saves it with the agreement', async () => {
    const createObjectURL = jest.fn(() => 'blob:http://localhost/abc');
    Object.defineProperty(URL, 'createObjectURL', { value: createObjectURL, configurable: true });
    mockUpload.mockResolvedValue('cloud://env-1/cobuild/b-001/k1.pdf');
    mockCall.mockImplementation(routes({ 'org.me': okMe(secretary), 'cobuild.list': ok({ items: [] }), 'cobuild.save': ok(agreement()) }) as never);
    render(<CobuildEdit />);
    const input = (await screen.findByLabelText('选择协议文件')) as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['x'], 'notes.txt', { type: 'text/plain' })] } });
    expect(await screen.findByText('请选择 PDF 或图片（jpg、png）')).toBeInTheDocument();
    expect(mockUpload).not.toHaveBeenCalled();

    await act(async () => fireEvent.change(input, { target: { files: [new File(['%PDF'], '共建协议.pdf', { type: 'application/pdf' })] } }));
    expect(mockUpload).toHaveBeenCalledTimes(1);
    expect(mockUpload.mock.calls[0][0]).toBe('blob:http://localhost/abc');
    expect(mockUpload.mock.calls[0][1]).toMatch(/^cobuild\/b-001\/[a-z0-9]+-[a-z0-9]+\.pdf$/);
    expect(screen.getByText('已上传：共建协议.pdf')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('单位名称'), { target: { value: '城东支行党支部' } });
    fireEvent.change(screen.getByRole('combobox', { name: '单位类型' }), { target: { value: '1' } }); // 金融机构
    fireEvent.change(screen.getByLabelText('联系人'), { target: { value: '周行长 13800000000' } });
    fireEvent.change(screen.getByLabelText('共建内容'), { target: { value: '每季度联合开展一次主题党日' } });
    fireEvent.change(screen.getByRole('combobox', { name: '协议状态' }), { target: { value: '1' } }); // 共建中
    await click('保存协议');
    expect(screen.getByText('已签约的协议请填写签约日期')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('签约日期'), { target: { value: '2026-01-10' } });
    await click('保存协议');
    expect((Taro.showModal as unknown as jest.Mock).mock.calls[0][0].content).toContain('协议文件：共建协议.pdf');
    expect(callsOf('cobuild.save')).toEqual([
      [
        'cobuild.save',
        {
          partner: { name: '城东支行党支部', kind: 'bank', contact: '周行长 13800000000' },
          terms: '每季度联合开展一次主题党日',
          signedOn: '2026-01-10',
          status: 'active',
          file: 'cloud://env-1/cobuild/b-001/k1.pdf',
        },
      ],
    ]);
    expect(Taro.navigateBack).toHaveBeenCalled();
  });

  it('共建协议 (weapp, ?id=) picks the file from a chat and saves the edit with the new file', async () => {
    process.env.TARO_ENV = 'weapp';
    setRouterParams({ id: 'cb1' });
    mockUpload.mockResolvedValue('cloud://env-1/cobuild/b-001/k2.pdf');
    mockCall.mockImplementation(routes({ 'org.me': okMe(secretary), 'cobuild.list': ok({ items: [agreement()] }), 'cobuild.save': ok(agreement()) }) as never);
    render(<CobuildEdit />);
    await waitFor(() => expect(screen.getByLabelText('单位名称')).toHaveValue('城东支行党支部'));
    expect(screen.getByText('已有签约协议文件')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '选择协议文件' })).toHaveTextContent('更换文件');
    await click('选择协议文件');
    expect(Taro.chooseMessageFile).toHaveBeenCalledWith({ count: 1, type: 'all' });
    expect(mockUpload.mock.calls[0][0]).toBe('wxfile://tmp/agreement.pdf');
    expect(mockUpload.mock.calls[0][1]).toMatch(/^cobuild\/b-001\/.+\.pdf$/);
    fireEvent.change(screen.getByRole('combobox', { name: '协议状态' }), { target: { value: '2' } }); // 已结束
    await click('保存协议');
    expect(inputOf('cobuild.save')).toEqual({
      agreementId: 'cb1',
      partner: { name: '城东支行党支部', kind: 'bank', contact: '周行长 13800000000' },
      terms: '每季度联合开展一次主题党日',
      signedOn: '2026-01-10',
      status: 'ended',
      file: 'cloud://env-1/cobuild/b-001/k2.pdf',
    });
  });

  it('an edit without a new file keeps the stored one', async () => {
    setRouterParams({ id: 'cb1' });
    mockCall.mockImplementation(routes({ 'org.me': okMe(secretary), 'cobuild.list': ok({ items: [agreement()] }), 'cobuild.save': ok(agreement()) }) as never);
    render(<CobuildEdit />);
    await waitFor(() => expect(screen.getByLabelText('单位名称')).toHaveValue('城东支行党支部'));
    expect(screen.getByRole('link', { name: '查看协议：城东支行党支部' })).toBeInTheDocument();
    await click('保存协议');
    await waitFor(() => expect(callsOf('cobuild.save')).toHaveLength(1));
    expect(inputOf('cobuild.save', 0)).toMatchObject({ agreementId: 'cb1', file: 'cloud://local.local-bucket/cobuild/b-001/x.pdf' });
  });

  it('names the storage path by the file type, only with characters a fileId accepts', () => {
    expect(agreementCloudPath('cobuild/b 001', '协议.JPEG')).toMatch(/^cobuild\/b_001\/[a-z0-9]+-[a-z0-9]+\.jpg$/);
    expect(agreementCloudPath('cobuild/b-001', 'scan')).toMatch(/\.pdf$/);
  });
});

// ---------------------------------------------------------------- committee overviews

const proj = (over: Partial<ProjectView>): ProjectView => ({
  id: 'p',
  kind: 'secretary',
  title: '项目',
  goal: '',
  branchName: '网络运维党支部',
  lead: { id: 'm', name: '王委员' },
  overrideReason: null,
  groups: [],
  units: [],
  milestones: [],
  updates: [],
  status: 'open',
  overdue: false,
  history: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('党委总览', () => {
  it('攻坚项目总览 groups projects by branch with status counts and overdue', async () => {
    mockCall.mockImplementation(
      routes({
        'project.overview': ok({
          items: [
            proj({ id: 'p1', title: '基站攻坚', status: 'inProgress', overdue: true }),
            proj({ id: 'p2', title: '机房节能', status: 'done' }),
            proj({ id: 'p3', title: '高价值小区', branchName: '市场经营党支部', kind: 'business', status: 'open', lead: { id: 'x', name: '陈委员' } }),
          ],
        }),
      }) as never,
    );
    render(<CommitteeProjects />);
    const list = await screen.findByRole('list', { name: '各支部攻坚项目' });
    const branches = within(list).getAllByRole('listitem');
    expect(branches.map((b) => b.getAttribute('aria-label'))).toEqual(['网络运维党支部', '市场经营党支部']);
    expect(branches[0]).toHaveTextContent('已立项 0 · 推进中 1 · 已完成 1 · 已验收 0 · 逾期 1');
    expect(branches[0]).toHaveTextContent('基站攻坚');
    expect(branches[1]).toHaveTextContent('已立项 1 · 推进中 0 · 已完成 0 · 已验收 0 · 逾期 0');
    expect(branches[1]).toHaveTextContent('业务发展 · 已立项 · 牵头人 陈委员');
    expect(screen.getByText('全部支部：2 个支部，3 个项目')).toBeInTheDocument();
  });

  it('党建和创总览 groups agreements by branch with status counts and activities', async () => {
    mockCall.mockImplementation(
      routes({
        'cobuild.overview': ok({
          items: [agreement(), agreement({ id: 'cb2', partner: { name: '实验小学党支部', kind: 'school', contact: '' }, status: 'negotiating', signedOn: null, activities: [] }), agreement({ id: 'cb3', branchName: '市场经营党支部', status: 'ended' })],
        }),
      }) as never,
    );
    render(<CommitteeCobuild />);
    const branches = within(await screen.findByRole('list', { name: '各支部党建和创' })).getAllByRole('listitem');
    expect(branches.map((b) => b.getAttribute('aria-label'))).toEqual(['城东营业部党支部', '市场经营党支部']);
    expect(branches[0]).toHaveTextContent('洽谈中 1 · 共建中 1 · 已结束 0 · 联合活动 1 次');
    expect(branches[0]).toHaveTextContent('实验小学党支部');
    expect(branches[1]).toHaveTextContent('洽谈中 0 · 共建中 0 · 已结束 1');
    expect(groupByBranch([{ branchName: 'a' }, { branchName: 'b' }, { branchName: 'a' }]).map((g) => [g.branch, g.items.length])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });

  it('an empty overview says so', async () => {
    mockCall.mockImplementation(routes({ 'cobuild.overview': ok({ items: [] }) }) as never);
    render(<CommitteeCobuild />);
    expect(await screen.findByText('各支部还没有党建和创协议')).toBeInTheDocument();
  });
});
