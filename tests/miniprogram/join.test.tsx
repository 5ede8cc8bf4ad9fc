import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Join, { JOIN_DRAFT_KEY } from '@/pages/join/index';
import { call } from '@/services/api';
import { setRouterParams } from './mocks/taro';
import { fail, ok, okMe, member, routes, unauthenticated } from './fixtures';

jest.mock('@/services/api', () => ({ call: jest.fn() }));
const mockCall = call as jest.MockedFunction<typeof call>;

const info = (state: 'valid' | 'expired' | 'usedUp' | 'revoked') =>
  ok({ code: 'AbC23xYz', branchName: '网络运维党支部', groupName: '第一党小组', state });
const pendingRequest = {
  id: 'jr-1',
  name: '王小明',
  phone: '13912345678',
  branchName: '网络运维党支部',
  group: null,
  status: 'pending' as const,
  createdAt: '2025-03-01T02:00:00.000Z',
  reason: null,
};

function stub(extra: Record<string, unknown> = {}) {
  mockCall.mockImplementation(
    routes({
      'org.me': unauthenticated,
      'org.myJoinRequest': ok({ request: null }),
      'org.invitationInfo': info('valid'),
      ...(extra as object),
    }) as never,
  );
}

const type = (label: string, value: string) => fireEvent.change(screen.getByRole('textbox', { name: label }), { target: { value } });

describe('加入支部 (pages/join)', () => {
  it('reads the code from scene (URL-encoded), shows branch and group, submits the typed values', async () => {
    setRouterParams({ scene: encodeURIComponent('AbC23xYz') });
    stub({ 'org.requestJoin': ok(pendingRequest) });
    render(<Join />);
    expect(await screen.findByText('网络运维党支部')).toBeInTheDocument();
    expect(screen.getByText('第一党小组')).toBeInTheDocument();
    expect(screen.getByText('有效')).toBeInTheDocument();
    expect(mockCall).toHaveBeenCalledWith('org.invitationInfo', { code: 'AbC23xYz' });

    type('姓名', ' 王小明 ');
    type('手机号', '13912345678');
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    await waitFor(() => expect(mockCall).toHaveBeenCalledWith('org.requestJoin', { code: 'AbC23xYz', name: '王小明', phone: '13912345678' }));
    expect(await screen.findByText('入支部申请：待审核')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提交申请' })).not.toBeInTheDocument();
    // confirmed by the server: the draft is gone from the device
    expect(Taro.getStorageSync(JOIN_DRAFT_KEY)).toBe('');
  });

  it('takes the code from `code` too (typed on 我的)', async () => {
    setRouterParams({ code: 'AbC23xYz' });
    stub();
    render(<Join />);
    expect(await screen.findByRole('button', { name: '提交申请' })).toBeInTheDocument();
    expect(mockCall).toHaveBeenCalledWith('org.invitationInfo', { code: 'AbC23xYz' });
  });

  it('an expired invitation shows the reason and no form', async () => {
    setRouterParams({ scene: 'AbC23xYz' });
    stub({ 'org.invitationInfo': info('expired') });
    render(<Join />);
    expect(await screen.findByText('已过期')).toBeInTheDocument();
    expect(screen.getByText('邀请已过期，请联系支部书记重新邀请')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提交申请' })).not.toBeInTheDocument();
  });

  it('an unknown code shows the server message and lets one type another code', async () => {
    setRouterParams({ scene: 'Nope1234' });
    stub({ 'org.invitationInfo': fail('NOT_FOUND', '邀请码不存在，请核对后重试') });
    render(<Join />);
    expect(await screen.findByText('邀请码不存在，请核对后重试')).toBeInTheDocument();
    type('邀请码', 'AbC23xYz');
    mockCall.mockImplementation(routes({ 'org.me': unauthenticated, 'org.myJoinRequest': ok({ request: null }), 'org.invitationInfo': info('valid') }) as never);
    fireEvent.click(screen.getByRole('button', { name: '查看邀请' }));
    expect(await screen.findByRole('button', { name: '提交申请' })).toBeInTheDocument();
    expect(mockCall).toHaveBeenCalledWith('org.invitationInfo', { code: 'AbC23xYz' });
  });

  it('INVALID_INPUT: the field messages show next to their inputs', async () => {
    setRouterParams({ scene: 'AbC23xYz' });
    stub({ 'org.requestJoin': fail('INVALID_INPUT', '填写的内容有误', { name: '请填写真实姓名', phone: '请填写 11 位手机号' }) });
    render(<Join />);
    await screen.findByRole('button', { name: '提交申请' });
    type('姓名', 'x');
    type('手机号', '123');
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    expect(await screen.findByText('请填写真实姓名')).toBeInTheDocument();
    expect(screen.getByText('请填写 11 位手机号')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '姓名' })).toHaveAttribute('aria-invalid', 'true');
    // each message sits in the field of its input
    expect(screen.getByText('请填写真实姓名').closest('.field')).toContainElement(screen.getByRole('textbox', { name: '姓名' }));
    expect(screen.getByText('请填写 11 位手机号').closest('.field')).toContainElement(screen.getByRole('textbox', { name: '手机号' }));
  });

  it('keeps the draft on the device when the network fails, and restores it on the next visit', async () => {
    setRouterParams({ scene: 'AbC23xYz' });
    stub({ 'org.requestJoin': fail('INTERNAL', '网络异常，请检查网络后重试') });
    const first = render(<Join />);
    await screen.findByRole('button', { name: '提交申请' });
    type('姓名', '王小明');
    type('手机号', '13912345678');
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    expect(await screen.findByText('网络异常，请检查网络后重试')).toBeInTheDocument();
    first.unmount();

    render(<Join />);
    await screen.findByRole('button', { name: '提交申请' });
    expect(screen.getByRole('textbox', { name: '姓名' })).toHaveValue('王小明');
    expect(screen.getByRole('textbox', { name: '手机号' })).toHaveValue('13912345678');
  });

  it('a pending request shows 待审核 instead of the form', async () => {
    setRouterParams({ scene: 'AbC23xYz' });
    stub({ 'org.myJoinRequest': ok({ request: pendingRequest }) });
    render(<Join />);
    expect(await screen.findByText('入支部申请：待审核')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提交申请' })).not.toBeInTheDocument();
  });

  it('a rejected request shows the reason and can ask again', async () => {
    setRouterParams({ scene: 'AbC23xYz' });
    stub({ 'org.myJoinRequest': ok({ request: { ...pendingRequest, status: 'rejected', reason: '请使用实名' } }) });
    render(<Join />);
    expect(await screen.findByText('入支部申请：未通过')).toBeInTheDocument();
    expect(screen.getByText('原因：请使用实名')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '重新申请' }));
    expect(screen.getByRole('button', { name: '提交申请' })).toBeInTheDocument();
  });

  it('a bound member sees 您已是支部成员 with a link to 我的', async () => {
    setRouterParams({ scene: 'AbC23xYz' });
    stub({ 'org.me': okMe(member) });
    render(<Join />);
    expect(await screen.findByText('您已是支部成员')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提交申请' })).not.toBeInTheDocument();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '前往我的' }));
    });
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' });
  });

  it('a network failure while loading shows 重试', async () => {
    setRouterParams({ scene: 'AbC23xYz' });
    stub({ 'org.invitationInfo': fail('INTERNAL', '网络异常，请检查网络后重试') });
    render(<Join />);
    expect(await screen.findByRole('button', { name: '重试' })).toBeInTheDocument();
  });
});
