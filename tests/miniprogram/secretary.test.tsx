import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Members from '@/subpackages/secretary/pages/members/index';
import MemberEdit from '@/subpackages/secretary/pages/member-edit/index';
import JoinRequests from '@/subpackages/secretary/pages/join-requests/index';
import Invitations from '@/subpackages/secretary/pages/invitations/index';
import { call } from '@/services/api';
import type { ActionOutput } from '@/services/api';
import { modalAnswer, setRouterParams } from './mocks/taro';
import { fail, ok, routes } from './fixtures';

jest.mock('@/services/api', () => ({ call: jest.fn() }));
const mockCall = call as jest.MockedFunction<typeof call>;

type Member = ActionOutput<'org.member'>;

const pyramid: ActionOutput<'org.pyramid'> = {
  branch: { id: 'b-1', name: '网络运维党支部' },
  committee: [],
  groups: [
    { id: 'g-1', name: '第一党小组', leader: null, liaison: null, members: [] },
    { id: 'g-2', name: '第二党小组', leader: null, liaison: null, members: [] },
  ],
  units: [
    { id: 'u-1', kind: 'post', name: '机房先锋岗', goal: '零故障', leader: null, members: [] },
    { id: 'u-2', kind: 'squad', name: '抢修突击队', goal: '两小时恢复', leader: null, members: [] },
  ],
};

const zhang: Member = {
  id: 'm-02',
  name: '张红梅',
  phone: '13812345678',
  joinedOn: '2001-07-01',
  category: 'regular',
  group: { id: 'g-1', name: '第一党小组' },
  units: [{ id: 'u-1', name: '机房先锋岗', kind: 'post' }],
  roles: ['member'],
  duty: null,
  bound: true,
};
const wang: Member = { ...zhang, id: 'm-03', name: '王建军', group: { id: 'g-2', name: '第二党小组' }, units: [], category: 'elderly', bound: false };

const select = (label: string, optionText: string) => {
  const el = screen.getByRole('combobox', { name: label }) as HTMLSelectElement;
  const option = within(el).getByRole('option', { name: optionText }) as HTMLOptionElement;
  fireEvent.change(el, { target: { value: option.value } });
};

describe('成员管理 (secretary/members)', () => {
  it('lists the members, and search and filters call org.members with the right input', async () => {
    mockCall.mockImplementation(routes({ 'org.pyramid': ok(pyramid), 'org.members': ok({ members: [zhang, wang] }) }) as never);
    render(<Members />);
    expect(await screen.findByText('张红梅')).toBeInTheDocument();
    expect(screen.getByText('王建军')).toBeInTheDocument();
    expect(screen.getByText('未绑定微信')).toBeInTheDocument();
    expect(mockCall).toHaveBeenLastCalledWith('org.members', {});

    fireEvent.change(screen.getByRole('textbox', { name: '搜索姓名或手机号' }), { target: { value: ' 张 ' } });
    fireEvent.click(screen.getByRole('button', { name: '搜索' }));
    await waitFor(() => expect(mockCall).toHaveBeenLastCalledWith('org.members', { query: '张' }));

    await screen.findByRole('option', { name: '第二党小组' });
    select('党小组', '第二党小组');
    await waitFor(() => expect(mockCall).toHaveBeenLastCalledWith('org.members', { query: '张', groupId: 'g-2' }));
    select('党员类别', '老党员');
    await waitFor(() => expect(mockCall).toHaveBeenLastCalledWith('org.members', { query: '张', groupId: 'g-2', category: 'elderly' }));
    select('身份', '党小组长');
    await waitFor(() =>
      expect(mockCall).toHaveBeenLastCalledWith('org.members', { query: '张', groupId: 'g-2', category: 'elderly', role: 'groupLeader' }),
    );
    select('党小组', '全部党小组');
    await waitFor(() => expect(mockCall).toHaveBeenLastCalledWith('org.members', { query: '张', category: 'elderly', role: 'groupLeader' }));

    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(mockCall).toHaveBeenLastCalledWith('org.members', {}));

    fireEvent.click(await screen.findByRole('button', { name: '编辑成员王建军' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/secretary/pages/member-edit/index?id=m-03' });
  });
});

describe('编辑成员 (secretary/member-edit)', () => {
  beforeEach(() => {
    setRouterParams({ id: 'm-02' });
  });

  function stub() {
    mockCall.mockImplementation(
      routes({
        'org.member': ok(zhang),
        'org.pyramid': ok(pyramid),
        'org.updateMember': (input: { category?: string }) => ok({ ...zhang, ...(input.category ? { category: input.category } : {}) }),
      }) as never,
    );
  }

  it('does not call org.updateMember until the confirm modal is accepted; then sends only the changes', async () => {
    stub();
    modalAnswer.confirm = true;
    render(<MemberEdit />);
    expect(await screen.findByText('张红梅')).toBeInTheDocument();
    await screen.findByRole('option', { name: '第二党小组' });

    select('党小组', '第二党小组');
    fireEvent.click(screen.getByRole('button', { name: '党员突击队：抢修突击队' }));
    fireEvent.click(screen.getByRole('button', { name: '党小组长' }));
    select('党员类别', '流动党员（不参加排名）');
    expect(mockCall).not.toHaveBeenCalledWith('org.updateMember', expect.anything());

    fireEvent.click(screen.getByRole('button', { name: '保存修改' }));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    const modal = (Taro.showModal as jest.Mock).mock.calls[0][0] as { title: string; content: string };
    expect(modal.title).toBe('确认修改张红梅的信息');
    expect(modal.content).toContain('党小组：第一党小组 → 第二党小组');
    expect(modal.content).toContain('岗区队：机房先锋岗 → 机房先锋岗、抢修突击队');
    expect(modal.content).toContain('身份：党员 → 党员、党小组长');
    expect(modal.content).toContain('类别：在职党员 → 流动党员（不参加积分排名）');

    await waitFor(() =>
      expect(mockCall).toHaveBeenCalledWith('org.updateMember', {
        memberId: 'm-02',
        groupId: 'g-2',
        unitIds: ['u-1', 'u-2'],
        roles: ['member', 'groupLeader'],
        category: 'mobile',
      }),
    );
    expect(await screen.findByText('老党员、患病党员和流动党员不参加积分排名，单独列出。')).toBeInTheDocument();
  });

  it('cancel in the confirm modal: no call', async () => {
    stub();
    modalAnswer.confirm = false;
    render(<MemberEdit />);
    await screen.findByText('张红梅');
    select('党员类别', '老党员（不参加排名）');
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(mockCall).not.toHaveBeenCalledWith('org.updateMember', expect.anything());
  });

  it('no change: no modal and no call', async () => {
    stub();
    render(<MemberEdit />);
    await screen.findByText('张红梅');
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }));
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '没有修改' }));
    expect(Taro.showModal).not.toHaveBeenCalled();
  });

  it('a refused change shows the server message', async () => {
    mockCall.mockImplementation(
      routes({ 'org.member': ok(zhang), 'org.pyramid': ok(pyramid), 'org.updateMember': fail('CONFLICT', '不能取消自己的支部书记角色') }) as never,
    );
    render(<MemberEdit />);
    await screen.findByText('张红梅');
    select('党员类别', '老党员（不参加排名）');
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }));
    expect(await screen.findByText('不能取消自己的支部书记角色')).toBeInTheDocument();
  });
});

describe('入支部申请 (secretary/join-requests)', () => {
  const request = {
    id: 'jr-1',
    name: '赵新',
    phone: '13912345678',
    branchName: '网络运维党支部',
    group: { id: 'g-1', name: '第一党小组' },
    status: 'pending' as const,
    createdAt: '2025-03-01T02:00:00.000Z',
    reason: null,
  };
  const decided = { ...request, status: 'approved' as const };

  function stub() {
    mockCall.mockImplementation(
      routes({
        'org.joinRequests': ok({ requests: [request, { ...request, id: 'jr-0', name: '钱旧', status: 'rejected', reason: '重复申请' }] }),
        'org.members': ok({ members: [zhang, wang] }),
        'org.decideJoin': ok({ request: decided, memberId: 'm-new' }),
      }) as never,
    );
  }

  it('shows the full phone and time; 通过 is confirmed, then org.decideJoin (binding to an unbound roster member)', async () => {
    stub();
    render(<JoinRequests />);
    expect(await screen.findByText('赵新')).toBeInTheDocument();
    expect(screen.getAllByText('13912345678').length).toBeGreaterThan(0);
    expect(screen.getAllByText('2025-03-01 10:00').length).toBeGreaterThan(0);
    expect(screen.getByText('待审核 1 个')).toBeInTheDocument();
    // only the pending request has actions
    expect(screen.queryByRole('button', { name: '通过钱旧' })).not.toBeInTheDocument();

    // only roster members without WeChat are offered for binding
    await screen.findByRole('option', { name: '王建军（第二党小组）' });
    expect(screen.queryByRole('option', { name: /张红梅/ })).not.toBeInTheDocument();
    select('绑定到名册成员（可选）', '王建军（第二党小组）');

    modalAnswer.confirm = false;
    fireEvent.click(screen.getByRole('button', { name: '通过赵新' }));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(mockCall).not.toHaveBeenCalledWith('org.decideJoin', expect.anything());

    modalAnswer.confirm = true;
    fireEvent.click(screen.getByRole('button', { name: '通过赵新' }));
    await waitFor(() => expect(mockCall).toHaveBeenCalledWith('org.decideJoin', { requestId: 'jr-1', approve: true, bindTo: 'm-03' }));
    expect((Taro.showModal as jest.Mock).mock.calls[1][0].content).toContain('王建军');
  });

  it('拒绝 with a reason, confirmed', async () => {
    stub();
    render(<JoinRequests />);
    await screen.findByText('赵新');
    fireEvent.click(screen.getByRole('button', { name: '拒绝赵新' }));
    fireEvent.change(screen.getByRole('textbox', { name: '拒绝原因（可选）' }), { target: { value: '非本支部人员' } });
    fireEvent.click(screen.getByRole('button', { name: '确认拒绝赵新' }));
    await waitFor(() => expect(mockCall).toHaveBeenCalledWith('org.decideJoin', { requestId: 'jr-1', approve: false, reason: '非本支部人员' }));
    expect((Taro.showModal as jest.Mock).mock.calls[0][0]).toEqual(expect.objectContaining({ title: '拒绝赵新的申请？', content: '原因：非本支部人员' }));
  });
});

describe('邀请入支部 (secretary/invitations)', () => {
  const invitation: ActionOutput<'org.createInvitation'> = {
    code: 'AbC23xYz',
    branchName: '网络运维党支部',
    group: { id: 'g-2', name: '第二党小组' },
    expiresAt: '2025-03-08T02:00:00.000Z',
    maxUses: 5,
    uses: 0,
    revoked: false,
    state: 'valid',
    path: 'pages/join/index?scene=AbC23xYz',
    qrUrl: 'http://127.0.0.1:9100/files/qr.png',
  };

  it('creates an invitation with the chosen group, days and uses, and shows the code and QR', async () => {
    let list = [] as (typeof invitation)[];
    mockCall.mockImplementation(
      routes({
        'org.pyramid': ok(pyramid),
        'org.invitations': () => ok({ invitations: list }),
        'org.createInvitation': () => {
          list = [invitation];
          return ok(invitation);
        },
        'org.revokeInvitation': ok({ ...invitation, revoked: true, state: 'revoked' }),
      }) as never,
    );
    render(<Invitations />);
    expect(await screen.findByText('还没有邀请')).toBeInTheDocument();
    await screen.findByRole('option', { name: '第二党小组' });
    select('预设党小组（可选）', '第二党小组');
    fireEvent.change(screen.getByRole('textbox', { name: '有效天数（1–30）' }), { target: { value: '40' } });
    fireEvent.change(screen.getByRole('textbox', { name: '可用次数（1–100）' }), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: '生成邀请' }));
    expect(await screen.findByText('请填写 1 到 30 之间的整数')).toBeInTheDocument();
    expect(mockCall).not.toHaveBeenCalledWith('org.createInvitation', expect.anything());

    fireEvent.change(screen.getByRole('textbox', { name: '有效天数（1–30）' }), { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: '生成邀请' }));
    await waitFor(() => expect(mockCall).toHaveBeenCalledWith('org.createInvitation', { groupId: 'g-2', expiresInDays: 7, maxUses: 5 }));
    expect(await screen.findByLabelText('邀请码 A b C 2 3 x Y z')).toHaveTextContent('AbC23xYz');
    expect(screen.getByLabelText('入支部邀请二维码')).toHaveAttribute('src', invitation.qrUrl);

    fireEvent.click(screen.getByRole('button', { name: '复制邀请码' }));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'AbC23xYz' });

    // the share menu sends the join page with the code as scene
    const share = (Taro.useShareAppMessage as jest.Mock).mock.calls.at(-1)[0] as (res: unknown) => { path: string };
    expect(share({ from: 'menu' }).path).toBe('/pages/join/index?scene=AbC23xYz');

    // 撤销 is confirmed first
    fireEvent.click(await screen.findByRole('button', { name: '撤销邀请AbC23xYz' }));
    await waitFor(() => expect(mockCall).toHaveBeenCalledWith('org.revokeInvitation', { code: 'AbC23xYz' }));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '撤销邀请？' }));
  });
});
