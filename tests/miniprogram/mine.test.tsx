import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Mine from '@/pages/mine/index';
import { call } from '@/services/api';
import { internal, member, ok, okMe, routes, secretary, unauthenticated } from './fixtures';

jest.mock('@/services/api', () => ({ call: jest.fn() }));
const mockCall = call as jest.MockedFunction<typeof call>;

describe('我的 (pages/mine)', () => {
  it('shows the member: name, branch, group and Chinese role labels', async () => {
    mockCall.mockResolvedValue(okMe(member));
    render(<Mine />);
    expect(screen.getByRole('status')).toHaveTextContent('正在加载');
    expect(await screen.findByText('张红梅')).toBeInTheDocument();
    expect(screen.getByText('城东营业部党支部')).toBeInTheDocument();
    expect(screen.getByText('第一党小组')).toBeInTheDocument();
    expect(screen.getByText('党员')).toBeInTheDocument();
    expect(screen.getByText('党小组长')).toBeInTheDocument();
    expect(screen.getByText(`党员先锋岗：${member.units[0].name}`)).toBeInTheDocument();
    expect(mockCall).toHaveBeenCalledWith('org.me', {});
    // not a secretary: no entry to the secretary subpackage
    expect(screen.queryByRole('button', { name: '进入书记工作台' })).not.toBeInTheDocument();
  });

  it('offers the secretary subpackage to a secretary', async () => {
    mockCall.mockResolvedValue(okMe(secretary));
    render(<Mine />);
    expect(await screen.findByText('李建国')).toBeInTheDocument();
    expect(screen.getByText('支部书记', { selector: '.tag' })).toBeInTheDocument();
    expect(screen.getByText('未编入党小组')).toBeInTheDocument();
    expect(screen.getByText('委员分工')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '进入书记工作台' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/secretary/pages/index/index' });
  });

  it('UNAUTHENTICATED: explains how to join a branch, with the local dev sign-in', async () => {
    mockCall.mockResolvedValue(unauthenticated);
    render(<Mine />);
    expect(await screen.findByText('您还不是支部成员')).toBeInTheDocument();
    expect(screen.getByText(/邀请码或邀请二维码/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '重试' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '本地开发登录' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/dev/pages/signin/index' });
  });

  it('entries: 支部力量金字塔 for everyone, 党委管理 only for the committee admin', async () => {
    mockCall.mockResolvedValue(okMe({ ...member, roles: ['member', 'committeeAdmin'] }));
    render(<Mine />);
    fireEvent.click(await screen.findByRole('button', { name: '查看支部力量金字塔' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/branch/pages/pyramid/index' });
    fireEvent.click(screen.getByRole('button', { name: '进入党委管理' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/committee/pages/branches/index' });
    expect(screen.queryByRole('button', { name: '进入书记工作台' })).not.toBeInTheDocument();
  });

  it('UNAUTHENTICATED: shows the latest join request and opens the join page for a typed code', async () => {
    mockCall.mockImplementation(
      routes({
        'org.me': unauthenticated,
        'org.myJoinRequest': ok({
          request: { id: 'jr-1', name: '王小明', phone: '13912345678', branchName: '网络运维党支部', group: null, status: 'rejected', createdAt: '2025-03-01T02:00:00.000Z', reason: '请使用实名' },
        }),
      }) as never,
    );
    render(<Mine />);
    expect(await screen.findByText('入支部申请：未通过')).toBeInTheDocument();
    expect(screen.getByText('原因：请使用实名')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: '邀请码' }), { target: { value: ' AbC23xYz ' } });
    fireEvent.click(screen.getByRole('button', { name: '用邀请码申请加入' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/join/index?code=AbC23xYz' });
  });

  it('UNAUTHENTICATED: shows 我的微信标识 (selectable, with 复制) to send for the first set-up', async () => {
    const openid = 'oAbCdEfGhIjKlMnOpQrStUvWxYz1';
    mockCall.mockImplementation(routes({ 'org.me': unauthenticated, 'org.myJoinRequest': ok({ request: null }), 'org.whoami': ok({ openid, bound: false }) }) as never);
    render(<Mine />);
    expect(await screen.findByText('我的微信标识')).toBeInTheDocument();
    const id = screen.getByText(openid);
    expect(id).toHaveAttribute('data-selectable', 'true');
    expect(id).toHaveClass('text'); // body size, not the small print
    expect(screen.getByText(/发给本单位的系统管理员/)).toHaveTextContent('设置第一位党委管理员或支部书记');
    fireEvent.click(screen.getByRole('button', { name: '复制我的微信标识' }));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: openid });
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已复制' })));
    expect(mockCall).toHaveBeenCalledWith('org.whoami', {});
  });

  it('UNAUTHENTICATED: no 我的微信标识 when it cannot be read; a member never sees it', async () => {
    mockCall.mockImplementation(routes({ 'org.me': unauthenticated, 'org.myJoinRequest': ok({ request: null }) }) as never);
    const first = render(<Mine />);
    expect(await screen.findByText('您还不是支部成员')).toBeInTheDocument();
    await waitFor(() => expect(mockCall).toHaveBeenCalledWith('org.whoami', {}));
    expect(screen.queryByText('我的微信标识')).not.toBeInTheDocument();
    first.unmount();
    mockCall.mockClear();

    mockCall.mockImplementation(routes({ 'org.me': okMe(member), 'rectification.mine': ok({ items: [] }), 'org.whoami': ok({ openid: 'o_member', bound: true }) }) as never);
    render(<Mine />);
    expect(await screen.findByText('张红梅')).toBeInTheDocument();
    expect(screen.queryByText('我的微信标识')).not.toBeInTheDocument();
    expect(mockCall).not.toHaveBeenCalledWith('org.whoami', {});
  });

  it('INTERNAL: shows the error with 重试, and 重试 calls again', async () => {
    mockCall.mockResolvedValueOnce(internal).mockResolvedValueOnce(okMe(member));
    render(<Mine />);
    expect(await screen.findByText('加载失败')).toBeInTheDocument();
    expect(screen.getByText('服务暂时不可用，请稍后重试')).toBeInTheDocument();
    expect(mockCall).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('张红梅')).toBeInTheDocument();
    // org.me twice (the member then asks for their 三单 once, rectification.mine).
    expect(mockCall.mock.calls.filter(([action]) => action === 'org.me')).toHaveLength(2);
  });

  it('a rejected call (transport bug) still ends in the error state, not a spinner', async () => {
    mockCall.mockRejectedValue(new Error('boom'));
    render(<Mine />);
    expect(await screen.findByRole('button', { name: '重试' })).toBeInTheDocument();
  });

  it('large-font mode: toggles the page class and is stored on the device', async () => {
    mockCall.mockResolvedValue(okMe(member));
    const { container } = render(<Mine />);
    await screen.findByText('张红梅');
    const root = container.firstElementChild as HTMLElement;
    expect(root).toHaveClass('page');
    expect(root).not.toHaveClass('page--large');
    fireEvent.click(screen.getByRole('button', { name: '开启大字模式' }));
    expect(root).toHaveClass('page--large');
    expect(Taro.getStorageSync('tx_large_font')).toBe('1');
    expect(screen.getByRole('button', { name: '关闭大字模式' })).toHaveAttribute('aria-pressed', 'true');
  });
});
