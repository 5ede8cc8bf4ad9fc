import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Home from '@/pages/home/index';
import Study from '@/pages/study/index';
import SecretaryHome from '@/subpackages/secretary/pages/index/index';
import { call } from '@/services/api';
import { member, ok, okMe, routes, secretary, unauthenticated } from './fixtures';

jest.mock('@/services/api', () => ({ call: jest.fn() }));
const mockCall = call as jest.MockedFunction<typeof call>;

describe('tab pages', () => {
  it('首页 greets the member by name and shows the branch', async () => {
    mockCall.mockResolvedValue(okMe(member));
    render(<Home />);
    expect(await screen.findByText(/张红梅，(早上|中午|下午|晚上)好/)).toBeInTheDocument();
    expect(screen.getByText('城东营业部党支部')).toBeInTheDocument();
  });

  it('首页 for someone not in a branch shows the join explanation', async () => {
    mockCall.mockResolvedValue(unauthenticated);
    render(<Home />);
    expect(await screen.findByText('您还不是支部成员')).toBeInTheDocument();
  });

  it('学习 lists the micro-lessons (empty: 暂无微型党课)', async () => {
    mockCall.mockImplementation(routes({ 'lesson.list': ok({ items: [], mayRecord: false, recorderIds: [] }) }) as never);
    render(<Study />);
    expect(await screen.findByText('暂无微型党课')).toBeInTheDocument();
  });
});

describe('书记工作台 (secretary subpackage)', () => {
  it('shows the branch summary, the tools and the pending join requests to a secretary', async () => {
    const pending = { id: 'jr-1', name: '王小明', phone: '13800000000', branchName: '城东营业部党支部', group: null, status: 'pending', createdAt: '2025-01-01T00:00:00Z', reason: null };
    mockCall.mockImplementation(
      routes({ 'org.me': okMe(secretary), 'org.joinRequests': ok({ requests: [pending, { ...pending, id: 'jr-2' }] }) }) as never,
    );
    render(<SecretaryHome />);
    expect(await screen.findByText('城东营业部党支部')).toBeInTheDocument();
    expect(screen.getByText('李建国')).toBeInTheDocument();
    expect(screen.getByText('党员、支部书记')).toBeInTheDocument();
    expect(screen.getByText('支部工作')).toBeInTheDocument();
    expect(screen.queryByText('仅支部书记可用')).not.toBeInTheDocument();
    expect(await screen.findByText('有 2 个入支部申请待审核')).toBeInTheDocument();
    expect(mockCall).toHaveBeenCalledWith('org.joinRequests', { status: 'pending' });
    fireEvent.click(screen.getByRole('button', { name: '入支部申请，2个待审核' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/secretary/pages/join-requests/index' });
    fireEvent.click(screen.getByRole('button', { name: '邀请入支部' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/secretary/pages/invitations/index' });
  });

  it('tells anyone else it is for secretaries only', async () => {
    mockCall.mockResolvedValue(okMe(member));
    render(<SecretaryHome />);
    expect(await screen.findByText('仅支部书记可用')).toBeInTheDocument();
    expect(screen.queryByText('支部工作')).not.toBeInTheDocument();
    expect(mockCall).not.toHaveBeenCalledWith('org.joinRequests', expect.anything());
  });
});
