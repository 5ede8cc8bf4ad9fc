import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MemberPoints from '@/subpackages/secretary/pages/member-points/index';
import CommitteeRules from '@/subpackages/committee/pages/rules/index';
import { call } from '@/services/api';
import type { ActionInput, ActionOutput, LedgerEntryView } from '@/services/api';
import { chinaToday } from '@/domain/points';
import { modalAnswer, setRouterParams } from './mocks/taro';
import { fail, ledgerEntry, ok, routes } from './fixtures';

jest.mock('@/services/api', () => ({ call: jest.fn() }));
const mockCall = call as jest.MockedFunction<typeof call>;

const award: LedgerEntryView = ledgerEntry();
const memberLedger: ActionOutput<'points.memberLedger'> = {
  period: '2026Q1',
  name: '张红梅',
  total: 3,
  entries: [award, { ...award, id: 'e-2', label: '主题党日', rule: 'themedActivity', reversed: true }],
};

const adjustCalls = () => mockCall.mock.calls.filter(([a]) => a === 'points.adjust').map(([, input]) => input as ActionInput<'points.adjust'>);

function fillAdjust(points: string, reason: string) {
  fireEvent.change(screen.getByRole('textbox', { name: '分值' }), { target: { value: points } });
  fireEvent.change(screen.getByRole('textbox', { name: '原因' }), { target: { value: reason } });
}

describe('积分记录 (secretary/member-points)', () => {
  beforeEach(() => setRouterParams({ id: 'm-02' }));

  it('adjust: nothing is sent before the confirm; a retry after INTERNAL reuses the requestId; success starts a new one', async () => {
    let adjustReplies = [fail('INTERNAL', '网络异常，请检查网络后重试'), ok({ entryId: 'adj-1', points: -1.5, duplicate: false }), ok({ entryId: 'adj-2', points: -1.5, duplicate: false })];
    mockCall.mockImplementation(
      routes({
        'points.memberLedger': ok(memberLedger),
        'points.adjust': () => adjustReplies.shift()!,
      }) as never,
    );
    render(<MemberPoints />);
    expect(await screen.findByText('张红梅 · 2026年第1季度')).toBeInTheDocument();
    expect(mockCall).toHaveBeenCalledWith('points.memberLedger', { memberId: 'm-02' });

    // Local checks: a reason is required and points must be a non-zero multiple of 0.5.
    fillAdjust('1.3', '');
    fireEvent.click(screen.getByRole('button', { name: '提交加减分' }));
    expect(await screen.findByText('请填写非零的 0.5 的整数倍')).toBeInTheDocument();
    expect(screen.getByText('请填写加减分原因')).toBeInTheDocument();
    expect(Taro.showModal).not.toHaveBeenCalled();

    fillAdjust('-1.5', '会议迟到');
    modalAnswer.confirm = false;
    fireEvent.click(screen.getByRole('button', { name: '提交加减分' }));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(adjustCalls()).toHaveLength(0);

    modalAnswer.confirm = true;
    fireEvent.click(screen.getByRole('button', { name: '提交加减分' }));
    expect(await screen.findByText('网络异常，请检查网络后重试')).toBeInTheDocument();
    expect(adjustCalls()).toHaveLength(1);
    const first = adjustCalls()[0];
    expect(first).toEqual({ memberId: 'm-02', points: -1.5, category: 'mandatory', reason: '会议迟到', requestId: expect.stringMatching(/^[A-Za-z0-9_-]{1,64}$/) });

    fireEvent.click(screen.getByRole('button', { name: '提交加减分' }));
    await waitFor(() => expect(adjustCalls()).toHaveLength(2));
    expect(adjustCalls()[1].requestId).toBe(first.requestId);
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已记录' })));

    // A new submission after success: a new requestId.
    await screen.findByRole('textbox', { name: '分值' });
    fillAdjust('-1.5', '会议迟到');
    fireEvent.click(screen.getByRole('button', { name: '提交加减分' }));
    await waitFor(() => expect(adjustCalls()).toHaveLength(3));
    expect(adjustCalls()[2].requestId).not.toBe(first.requestId);
    adjustReplies = [];
  });

  it('reverse needs a reason (no call without one), is confirmed first, then calls points.reverse', async () => {
    mockCall.mockImplementation(
      routes({ 'points.memberLedger': ok(memberLedger), 'points.reverse': ok({ entryId: 'rev-1', points: -3, duplicate: false }) }) as never,
    );
    render(<MemberPoints />);
    await screen.findByText('张红梅 · 2026年第1季度');
    // An entry already reversed offers no 冲销.
    expect(screen.queryByRole('button', { name: '冲销主题党日' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '冲销支部党员大会' }));
    fireEvent.click(screen.getByRole('button', { name: '确认冲销' }));
    expect(await screen.findByText('请填写冲销原因')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: '冲销原因' }), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: '确认冲销' }));
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(mockCall).not.toHaveBeenCalledWith('points.reverse', expect.anything());

    fireEvent.change(screen.getByRole('textbox', { name: '冲销原因' }), { target: { value: '重复登记' } });
    modalAnswer.confirm = false;
    fireEvent.click(screen.getByRole('button', { name: '确认冲销' }));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(mockCall).not.toHaveBeenCalledWith('points.reverse', expect.anything());

    modalAnswer.confirm = true;
    fireEvent.click(screen.getByRole('button', { name: '确认冲销' }));
    await waitFor(() => expect(mockCall).toHaveBeenCalledWith('points.reverse', { entryId: 'e-1', reason: '重复登记' }));
    await waitFor(() => expect(mockCall.mock.calls.filter(([a]) => a === 'points.memberLedger')).toHaveLength(2));
  });
});

describe('积分规则管理 (committee/rules)', () => {
  const v1 = { code: 'meetingAttended' as const, category: 'mandatory' as const, points: 3, dailyCap: null, periodCap: 12, version: 1, effectiveFrom: '2020-01-01' };
  const v2 = { ...v1, points: 4, periodCap: 16, version: 2, effectiveFrom: '2099-01-01' };

  it('shows every version, confirms a new one and shows INVALID_INPUT field messages', async () => {
    const save = jest.fn((_input: ActionInput<'points.saveRule'>) => fail('INVALID_INPUT', '请检查填写的内容', { periodCap: '季度上限不能小于每次分值' }));
    mockCall.mockImplementation(routes({ 'points.rules': ok({ inForce: [v1], versions: [v1, v2] }), 'points.saveRule': save }) as never);
    render(<CommitteeRules />);
    const versions = await screen.findByRole('list', { name: '参加三会一课的版本' });
    expect(within(versions).getAllByRole('listitem')).toHaveLength(2);
    expect(within(versions).getByText('第 1 版 · 2020-01-01 起（现行）')).toBeInTheDocument();
    expect(within(versions).getByText('第 2 版 · 2099-01-01 起')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '修改参加三会一课' }));
    fireEvent.change(screen.getByRole('textbox', { name: '每次分值' }), { target: { value: '4' } });
    fireEvent.change(screen.getByLabelText('生效日期', { selector: 'input' }), { target: { value: '2000-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: '保存参加三会一课的新版本' }));
    expect(await screen.findByText('生效日期不能早于今天')).toBeInTheDocument();
    expect(Taro.showModal).not.toHaveBeenCalled();

    const today = chinaToday();
    fireEvent.change(screen.getByLabelText('生效日期', { selector: 'input' }), { target: { value: today } });
    modalAnswer.confirm = false;
    fireEvent.click(screen.getByRole('button', { name: '保存参加三会一课的新版本' }));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(save).not.toHaveBeenCalled();

    modalAnswer.confirm = true;
    fireEvent.click(screen.getByRole('button', { name: '保存参加三会一课的新版本' }));
    await waitFor(() => expect(save).toHaveBeenCalledWith({ code: 'meetingAttended', points: 4, dailyCap: null, periodCap: 12, effectiveFrom: today }));
    expect(await screen.findByText('季度上限不能小于每次分值')).toBeInTheDocument();
  });
});

describe('links to the points pages', () => {
  it('member-edit opens 积分记录', async () => {
    const { default: MemberEdit } = await import('@/subpackages/secretary/pages/member-edit/index');
    const zhang: ActionOutput<'org.member'> = {
      id: 'm-02',
      name: '张红梅',
      phone: '13812345678',
      joinedOn: '2001-07-01',
      category: 'regular',
      group: null,
      units: [],
      roles: ['member'],
      duty: null,
      bound: true,
    };
    mockCall.mockImplementation(routes({ 'org.member': ok(zhang), 'org.pyramid': ok({ branch: { id: 'b', name: '支部' }, committee: [], groups: [], units: [] }) }) as never);
    setRouterParams({ id: 'm-02' });
    render(<MemberEdit />);
    fireEvent.click(await screen.findByRole('button', { name: '查看张红梅的积分记录' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/secretary/pages/member-points/index?id=m-02' });
  });
});

describe('党委管理 links to 积分规则', () => {
  it('opens the committee rules page', async () => {
    const { default: Branches } = await import('@/subpackages/committee/pages/branches/index');
    const branch = { id: 'b-1', name: '网络运维党支部', memberCount: 3, groupCount: 1, secretary: null, committee: [] };
    mockCall.mockImplementation(routes({ 'org.branches': ok({ branches: [branch] }) }) as never);
    render(<Branches />);
    fireEvent.click(await screen.findByRole('button', { name: '管理积分规则' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/committee/pages/rules/index' });
  });
});
