import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Home from '@/pages/home/index';
import TaskPage from '@/subpackages/work/pages/task/index';
import TaskNew from '@/subpackages/secretary/pages/task-new/index';
import SecretaryTasks from '@/subpackages/secretary/pages/tasks/index';
import TaskBoard from '@/subpackages/secretary/pages/task-board/index';
import { TASK_DRAFT_KEY, chinaInstant, type TaskDraft } from '@/subpackages/secretary/lib/task';
import { taskShare } from '@/components/Task';
import { ROUTES } from '@/lib/routes';
import { call } from '@/services/api';
import { uploadFile } from '@/cloud/upload';
import type { ActionOutput, NoteView, TaskView } from '@/services/api';
import { getStorageSync, modalAnswer, setRouterParams } from './mocks/taro';
import { fail, member, ok, okMe, routes, secretary } from './fixtures';

jest.mock('@/services/api', () => ({ call: jest.fn() }));
jest.mock('@/cloud/upload', () => ({ uploadFile: jest.fn(), photoCloudPath: jest.requireActual('@/cloud/upload-types').photoCloudPath }));
// The shared Taro double has no image preview (Photos on the board): add it here.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('./mocks/taro');
  const previewImage = jest.fn(async () => ({ errMsg: 'previewImage:ok' }));
  return { __esModule: true, ...actual, previewImage, default: { ...actual.default, previewImage } };
});
const mockCall = call as jest.MockedFunction<typeof call>;
const mockUpload = uploadFile as jest.MockedFunction<typeof uploadFile>;
const callsOf = (action: string) => mockCall.mock.calls.filter(([a]) => a === action);
const flush = () => act(async () => undefined);

const HOUR = 3600_000;
const future = new Date(Date.now() + 48 * HOUR).toISOString();
const past = new Date(Date.now() - 48 * HOUR).toISOString();
const published = new Date(Date.now() - 72 * HOUR).toISOString();

const task = (over: Partial<TaskView> = {}): TaskView => ({
  id: 'tk-AbCd0123',
  kind: 'study',
  title: '学习党章第一章',
  detail: '认真学习《中国共产党章程》总纲和第一章。',
  dueAt: future,
  doneBy: 'read',
  publisher: '李建国',
  targetLabel: '全支部',
  targets: 3,
  done: 1,
  mine: { state: 'open', doneAt: null },
  createdAt: published,
  lastReminderAt: null,
  ...over,
});

const doneView = (t: TaskView): TaskView => ({ ...t, done: t.done + 1, mine: { state: 'done', doneAt: new Date().toISOString() } });

const note = (over: Partial<NoteView> = {}): NoteView => ({
  id: 'n-1',
  author: { id: 'm-001', name: '张红梅' },
  text: '学习党章后的体会：要把党章作为根本行为规范。',
  imageUrls: [],
  lesson: null,
  push: null,
  featured: false,
  likes: 0,
  likedByMe: false,
  comments: 0,
  createdAt: new Date(Date.now() - HOUR).toISOString(),
  ...over,
});

const pyramid: ActionOutput<'org.pyramid'> = {
  branch: { id: 'b-001', name: '城东营业部党支部' },
  committee: [{ member: { id: 'm-000', name: '李建国' }, duty: '支部书记', roles: ['secretary'], dutyItems: [] }],
  groups: [
    { id: 'g-1', name: '第一党小组', leader: { id: 'm-001', name: '张红梅' }, liaison: null, members: [{ id: 'm-002', name: '赵四' }] },
    { id: 'g-2', name: '第二党小组', leader: null, liaison: null, members: [{ id: 'm-003', name: '王五' }] },
  ],
  units: [{ id: 'u-1', kind: 'post', name: '党员先锋岗·营业厅', goal: '', leader: null, members: [{ id: 'm-002', name: '赵四' }] }],
};

describe('发布任务 (secretary)', () => {
  it('sends kind, title, detail, the China due time as ISO +08:00, done-by and the target after a confirmation; a retry reuses the requestId', async () => {
    let attempts = 0;
    mockCall.mockImplementation(
      routes({
        'org.me': okMe(secretary),
        'org.pyramid': ok(pyramid),
        'task.publish': (input: { title: string }) => {
          attempts += 1;
          return attempts === 1 ? fail('INTERNAL', '网络异常，请检查网络后重试') : ok(task({ id: 'tk-New00001', title: input.title }));
        },
      }) as never,
    );
    render(<TaskNew />);
    fireEvent.change(await screen.findByRole('textbox', { name: '任务标题' }), { target: { value: '学习党章第一章' } });
    fireEvent.change(screen.getByRole('textbox', { name: '任务内容' }), { target: { value: '认真学习总纲和第一章' } });
    fireEvent.change(screen.getByLabelText('截止日期'), { target: { value: '2030-06-01' } });
    fireEvent.click(within(screen.getByRole('group', { name: '任务类型' })).getByRole('button', { name: '活动' }));
    fireEvent.click(within(screen.getByRole('group', { name: '完成方式' })).getByRole('button', { name: '确认完成' }));
    fireEvent.click(within(screen.getByRole('group', { name: '发送范围' })).getByRole('button', { name: '党小组' }));

    // No group chosen yet: refused on the device, nothing sent.
    fireEvent.click(screen.getByRole('button', { name: '发布任务' }));
    expect(await screen.findByText('请选择党小组，或改为全支部')).toBeInTheDocument();
    expect(callsOf('task.publish')).toHaveLength(0);
    fireEvent.click(within(screen.getByRole('group', { name: '选择党小组' })).getByRole('button', { name: '第二党小组（1 人）' }));

    // Cancelled: nothing sent.
    modalAnswer.confirm = false;
    fireEvent.click(screen.getByRole('button', { name: '发布任务' }));
    await flush();
    expect(callsOf('task.publish')).toHaveLength(0);

    modalAnswer.confirm = true;
    fireEvent.click(screen.getByRole('button', { name: '发布任务' }));
    await flush();
    expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '确认发布任务', content: expect.stringContaining('范围：第二党小组') }));
    expect(await screen.findByText('网络异常，请检查网络后重试')).toBeInTheDocument();
    const draft = getStorageSync(TASK_DRAFT_KEY) as TaskDraft;
    expect(draft.title).toBe('学习党章第一章');
    expect(Taro.redirectTo).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: '发布任务' }));
    await flush();
    const sent = callsOf('task.publish').map(([, input]) => input);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toEqual({
      requestId: draft.requestId,
      kind: 'activity',
      title: '学习党章第一章',
      detail: '认真学习总纲和第一章',
      dueAt: '2030-06-01T18:00:00+08:00',
      doneBy: 'confirm',
      target: { kind: 'groups', ids: ['g-2'] },
    });
    expect(sent[1]).toEqual(sent[0]);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `${ROUTES.taskBoard}?id=tk-New00001` });
    expect(getStorageSync(TASK_DRAFT_KEY)).toBe('');
    expect(new Date(chinaInstant('2030-06-01', '18:00')).toISOString()).toBe('2030-06-01T10:00:00.000Z');
  });

  it('targets chosen members or the whole branch; a past due time is refused before sending', async () => {
    mockCall.mockImplementation(routes({ 'org.me': okMe(secretary), 'org.pyramid': ok(pyramid), 'task.publish': ok(task()) }) as never);
    render(<TaskNew />);
    fireEvent.change(await screen.findByRole('textbox', { name: '任务标题' }), { target: { value: '上传志愿服务照片' } });
    fireEvent.change(screen.getByRole('textbox', { name: '任务内容' }), { target: { value: '拍一张服务现场照片' } });
    fireEvent.change(screen.getByLabelText('截止日期'), { target: { value: '2020-01-01' } });
    fireEvent.click(within(screen.getByRole('group', { name: '发送范围' })).getByRole('button', { name: '指定党员' }));
    const people = within(screen.getByRole('group', { name: '选择党员' }));
    fireEvent.click(people.getByRole('button', { name: '赵四' }));
    fireEvent.click(people.getByRole('button', { name: '王五' }));
    fireEvent.click(screen.getByRole('button', { name: '发布任务' }));
    expect(await screen.findByText('截止时间须晚于现在')).toBeInTheDocument();
    expect(callsOf('task.publish')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('截止日期'), { target: { value: '2030-01-02' } });
    fireEvent.click(screen.getByRole('button', { name: '发布任务' }));
    await flush();
    expect(callsOf('task.publish')[0][1]).toMatchObject({ target: { kind: 'members', ids: ['m-002', 'm-003'] }, doneBy: 'read', kind: 'study' });
  });

  it('keeps the draft on the device: a reopened form has the same text and requestId', async () => {
    mockCall.mockImplementation(routes({ 'org.me': okMe(secretary), 'org.pyramid': ok(pyramid) }) as never);
    const first = render(<TaskNew />);
    fireEvent.change(await screen.findByRole('textbox', { name: '任务标题' }), { target: { value: '草稿里的任务' } });
    const saved = getStorageSync(TASK_DRAFT_KEY) as TaskDraft;
    first.unmount();
    render(<TaskNew />);
    expect(await screen.findByRole('textbox', { name: '任务标题' })).toHaveValue('草稿里的任务');
    expect((getStorageSync(TASK_DRAFT_KEY) as TaskDraft).requestId).toBe(saved.requestId);
  });

  it('is refused to an ordinary member', async () => {
    mockCall.mockImplementation(routes({ 'org.me': okMe({ ...member, roles: ['member'] }), 'org.pyramid': ok(pyramid) }) as never);
    render(<TaskNew />);
    expect(await screen.findByText('仅支部书记和支部委员可以发布任务')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '发布任务' })).not.toBeInTheDocument();
  });
});

describe('支部任务 page (member)', () => {
  it('read: shows kind, title, detail, due time and done-by; 我已阅读 completes it', async () => {
    setRouterParams({ id: 'tk-AbCd0123' });
    mockCall.mockImplementation(routes({ 'task.get': ok(task()), 'task.complete': ok(doneView(task())) }) as never);
    render(<TaskPage />);
    expect(await screen.findByText('学习党章第一章')).toBeInTheDocument();
    expect(screen.getByText('学习')).toBeInTheDocument();
    expect(screen.getByText('认真学习《中国共产党章程》总纲和第一章。')).toBeInTheDocument();
    expect(screen.getByText('阅读即完成')).toBeInTheDocument();
    expect(screen.getByText('未完成')).toBeInTheDocument();
    expect(callsOf('task.get')).toEqual([['task.get', { taskId: 'tk-AbCd0123' }]]);
    fireEvent.click(screen.getByRole('button', { name: '我已阅读' }));
    expect(await screen.findByText('已完成')).toBeInTheDocument();
    expect(callsOf('task.complete')).toEqual([['task.complete', { taskId: 'tk-AbCd0123', noteId: null, photos: [] }]]);
    expect(screen.queryByRole('button', { name: '我已阅读' })).not.toBeInTheDocument();
    expect(screen.getByText(/^完成于 /)).toBeInTheDocument();
  });

  it('opens from a code scene, and marks an overdue task 已逾期; confirm: 确认完成', async () => {
    setRouterParams({ scene: 'tk-AbCd0123' });
    const overdue = task({ doneBy: 'confirm', dueAt: past, mine: { state: 'overdue', doneAt: null } });
    mockCall.mockImplementation(routes({ 'task.get': ok(overdue), 'task.complete': ok(doneView(overdue)) }) as never);
    render(<TaskPage />);
    expect(await screen.findByText('已逾期')).toBeInTheDocument();
    expect(screen.getByText(/（已逾期）$/)).toHaveClass('overdue');
    expect(callsOf('task.get')[0][1]).toEqual({ taskId: 'tk-AbCd0123' });
    fireEvent.click(screen.getByRole('button', { name: '确认完成' }));
    expect(await screen.findByText('已完成')).toBeInTheDocument();
    expect(callsOf('task.complete')[0][1]).toEqual({ taskId: 'tk-AbCd0123', noteId: null, photos: [] });
  });

  it('photo: uploads to tasks/<taskId>/<memberId>/ and completes with the file ids', async () => {
    setRouterParams({ id: 'tk-AbCd0123' });
    const photoTask = task({ doneBy: 'photo' });
    mockCall.mockImplementation(routes({ 'org.me': okMe(member), 'task.get': ok(photoTask), 'task.complete': ok(doneView(photoTask)) }) as never);
    mockUpload.mockImplementation(async (_path, cloudPath) => `cloud://env-1/${cloudPath}`);
    render(<TaskPage />);
    const submit = await screen.findByRole('button', { name: '提交照片完成任务' });
    expect(submit).toBeDisabled();
    await screen.findByRole('button', { name: '添加照片' });
    await flush();
    fireEvent.click(screen.getByRole('button', { name: '添加照片' }));
    await flush();
    expect(Taro.chooseImage).toHaveBeenCalledWith(expect.objectContaining({ count: 9 }));
    expect(mockUpload).toHaveBeenCalledWith('/tmp/photo.jpg', expect.stringMatching(/^tasks\/tk-AbCd0123\/m-001\/[\w-]+\.jpg$/));
    expect(screen.getByText('照片（1 / 9）')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '提交照片完成任务' }));
    expect(await screen.findByText('已完成')).toBeInTheDocument();
    const input = callsOf('task.complete')[0][1] as { photos: string[]; noteId: null };
    expect(input.noteId).toBeNull();
    expect(input.photos).toEqual([expect.stringMatching(/^cloud:\/\/env-1\/tasks\/tk-AbCd0123\/m-001\/[\w-]+\.jpg$/)]);
  });

  it('note: lists only my notes written since the task was published; completes with the chosen one; 去写心得 opens the note form', async () => {
    setRouterParams({ id: 'tk-AbCd0123' });
    const noteTask = task({ doneBy: 'note' });
    const older = note({ id: 'n-old', text: '发布之前写的心得内容', createdAt: new Date(Date.parse(published) - HOUR).toISOString() });
    mockCall.mockImplementation(
      routes({ 'task.get': ok(noteTask), 'note.mine': ok({ items: [note(), older] }), 'task.complete': ok(doneView(noteTask)) }) as never,
    );
    render(<TaskPage />);
    const choices = await screen.findByRole('radiogroup', { name: '选择学习心得' });
    await within(choices).findByRole('radio');
    expect(within(choices).getAllByRole('radio')).toHaveLength(1);
    expect(screen.queryByText('发布之前写的心得内容')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '用所选心得完成任务' })).toBeDisabled();

    fireEvent.click(screen.getByRole('button', { name: '去写心得' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.noteNew });

    fireEvent.click(within(choices).getByRole('radio'));
    expect(within(choices).getByRole('radio')).toHaveAttribute('aria-checked', 'true');
    fireEvent.click(screen.getByRole('button', { name: '用所选心得完成任务' }));
    expect(await screen.findByText('已完成')).toBeInTheDocument();
    expect(callsOf('task.complete')[0][1]).toEqual({ taskId: 'tk-AbCd0123', noteId: 'n-1', photos: [] });
  });

  it("shows the server's refusal: a task not for this member, or a completion refused", async () => {
    setRouterParams({ id: 'tk-Other0001' });
    mockCall.mockImplementation(routes({ 'task.get': fail('NOT_FOUND', '任务不存在或不是发给您的') }) as never);
    const first = render(<TaskPage />);
    expect(await screen.findByText('任务不存在或不是发给您的')).toBeInTheDocument();
    first.unmount();

    mockCall.mockImplementation(
      routes({ 'task.get': ok(task({ doneBy: 'confirm' })), 'task.complete': fail('FORBIDDEN', '这项任务不是发给您的，无需完成') }) as never,
    );
    render(<TaskPage />);
    fireEvent.click(await screen.findByRole('button', { name: '确认完成' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('这项任务不是发给您的，无需完成');
    expect(screen.getByText('未完成')).toBeInTheDocument();
  });

  it('a committee member who is not targeted sees the task without the complete button', async () => {
    setRouterParams({ id: 'tk-AbCd0123' });
    mockCall.mockImplementation(routes({ 'task.get': ok(task({ doneBy: 'confirm', mine: null })) }) as never);
    render(<TaskPage />);
    expect(await screen.findByText('这项任务不是发给您的，无需完成。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '确认完成' })).not.toBeInTheDocument();
    expect(callsOf('task.complete')).toHaveLength(0);
  });

  it('shares a card titled 【支部任务】 that opens the task, with the share menu; H5 shows the path to copy', async () => {
    setRouterParams({ id: 'tk-AbCd0123' });
    mockCall.mockImplementation(routes({ 'task.get': ok(task()) }) as never);
    render(<TaskPage />);
    await screen.findByText('学习党章第一章');
    const hook = Taro.useShareAppMessage as unknown as jest.Mock;
    const share = hook.mock.calls[hook.mock.calls.length - 1][0] as () => unknown;
    expect(share()).toEqual({ title: '【支部任务】学习党章第一章', path: '/subpackages/work/pages/task/index?id=tk-AbCd0123' });
    expect(Taro.showShareMenu).toHaveBeenCalledWith({ withShareTicket: true });
    expect(screen.getByText('分享链接')).toBeInTheDocument();
    expect(screen.getByText('/subpackages/work/pages/task/index?id=tk-AbCd0123')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '复制分享链接' }));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: '/subpackages/work/pages/task/index?id=tk-AbCd0123' });
    expect(taskShare({ id: 'x', title: 'y' })).toEqual({ title: '【支部任务】y', path: `${ROUTES.task}?id=x` });
  });

  it('offers 订阅任务提醒 and records the choice from the tap', async () => {
    setRouterParams({ id: 'tk-AbCd0123' });
    mockCall.mockImplementation(routes({ 'task.get': ok(task()), 'studyPush.subscribe': ok({ credits: 1 }) }) as never);
    render(<TaskPage />);
    fireEvent.click(await screen.findByRole('button', { name: '订阅任务提醒' }));
    expect(await screen.findByText('已订阅，任务未完成时支部会提醒您。')).toBeInTheDocument();
    expect(callsOf('studyPush.subscribe')).toEqual([['studyPush.subscribe', { template: 'task', accepted: true }]]);
  });

  it('without an id says so and calls nothing', async () => {
    render(<TaskPage />);
    expect(await screen.findByText('缺少任务编号，请从微信群里的任务卡片打开')).toBeInTheDocument();
    expect(mockCall).not.toHaveBeenCalled();
  });
});

describe('首页 我的任务', () => {
  it('lists open tasks, overdue first and labelled 已逾期; a tap opens the task', async () => {
    const open = task({ id: 'tk-Open0001', title: '上传志愿服务照片' });
    const overdue = task({ id: 'tk-Late0001', title: '学习党章第一章', dueAt: past, mine: { state: 'overdue', doneAt: null } });
    mockCall.mockImplementation(
      routes({ 'org.me': okMe(member), 'studyPush.mine': ok({ items: [], unread: 0 }), 'task.mine': ok({ open: [open, overdue], done: [task({ id: 'tk-Done', title: '已经完成的任务', mine: { state: 'done', doneAt: past } })] }) }) as never,
    );
    render(<Home />);
    const list = await screen.findByRole('list', { name: '待完成的任务' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('学习党章第一章');
    expect(items[0]).toHaveTextContent('已逾期');
    expect(items[1]).toHaveTextContent('上传志愿服务照片');
    expect(items[1]).not.toHaveTextContent('已逾期');
    expect(screen.getByText('2 项待完成')).toBeInTheDocument();
    expect(screen.getByText('1 项已逾期，请尽快完成')).toBeInTheDocument();
    expect(screen.queryByText('已经完成的任务')).not.toBeInTheDocument();
    fireEvent.click(items[0]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.task}?id=tk-Late0001` });
    // A member's 首页 asks for no dashboard.
    expect(callsOf('dashboard.quarter')).toHaveLength(0);
  });

  it('says so when nothing is open', async () => {
    mockCall.mockImplementation(routes({ 'org.me': okMe(member), 'studyPush.mine': ok({ items: [], unread: 0 }), 'task.mine': ok({ open: [], done: [] }) }) as never);
    render(<Home />);
    expect(await screen.findByText('没有待完成的任务。')).toBeInTheDocument();
  });
});

describe('支部任务 list (secretary)', () => {
  it('shows each task with done of targets and overdue counts; taps open the board and the form', async () => {
    mockCall.mockImplementation(
      routes({
        'task.list': ok({ items: [task({ id: 'tk-1', done: 1, targets: 3 }), task({ id: 'tk-2', title: '主题党日照片', dueAt: past, done: 2, targets: 5, doneBy: 'photo' })] }),
      }) as never,
    );
    render(<SecretaryTasks />);
    const list = await screen.findByRole('list', { name: '支部任务' });
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('1 / 3 人（33%）');
    expect(items[1]).toHaveTextContent('2 / 5 人（40%）');
    expect(items[1]).toHaveTextContent('逾期未完成 3 人');
    expect(items[1]).toHaveTextContent('已截止');
    expect(items[0]).not.toHaveTextContent('逾期未完成');
    fireEvent.click(within(items[1]).getByRole('button'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.taskBoard}?id=tk-2` });
    fireEvent.click(screen.getByRole('button', { name: '发布任务' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.taskNew });
  });
});

describe('任务完成情况 board (secretary)', () => {
  const board = (over: Partial<TaskView> = {}): ActionOutput<'task.board'> => ({
    task: task({ doneBy: 'photo', ...over }),
    members: [
      { id: 'm-3', name: '王五', group: '第二党小组', state: 'overdue', doneAt: null, photoUrls: [] },
      { id: 'm-2', name: '赵四', group: '第一党小组', state: 'open', doneAt: null, photoUrls: [] },
      { id: 'm-1', name: '张红梅', group: '第一党小组', state: 'done', doneAt: '2026-11-20T06:31:00.000Z', photoUrls: ['https://files.example/p1.jpg'] },
    ],
  });

  it('shows counts and each member with a text state, time and photos; filters by state', async () => {
    setRouterParams({ id: 'tk-AbCd0123' });
    mockCall.mockImplementation(routes({ 'task.board': ok(board()) }) as never);
    render(<TaskBoard />);
    const people = await screen.findByRole('list', { name: '党员完成情况' });
    expect(within(people).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getByText('1 / 3 人（33%）')).toBeInTheDocument();
    const done = within(people).getByLabelText(/^张红梅，已完成/);
    expect(done).toHaveTextContent('完成于 2026-11-20 14:31');
    expect(within(done).getByLabelText('照片 1 张')).toBeInTheDocument();
    expect(within(people).getByLabelText('王五，已逾期')).toHaveTextContent('已逾期');

    fireEvent.click(screen.getByRole('button', { name: '已逾期 1 人' }));
    expect(within(people).getAllByRole('listitem').map((li) => li.getAttribute('aria-label'))).toEqual(['王五，已逾期']);
    fireEvent.click(screen.getByRole('button', { name: '未完成 1 人' }));
    expect(within(people).getAllByRole('listitem').map((li) => li.getAttribute('aria-label'))).toEqual(['赵四，未完成']);
    fireEvent.click(screen.getByRole('button', { name: '全部 3 人' }));
    expect(within(people).getAllByRole('listitem')).toHaveLength(3);
    expect(callsOf('task.board')).toEqual([['task.board', { taskId: 'tk-AbCd0123' }]]);
    // The same share as the task page.
    expect(screen.getByText('/subpackages/work/pages/task/index?id=tk-AbCd0123')).toBeInTheDocument();
  });

  it('reminds those not done once (confirmed), and shows the refusal of a second reminder the same day', async () => {
    setRouterParams({ id: 'tk-AbCd0123' });
    const refusal = '今天已经提醒过了，2026-11-21 14:30 之后可以再次提醒';
    let reminders = 0;
    mockCall.mockImplementation(
      routes({
        'task.board': ok(board()),
        'task.remind': () => {
          reminders += 1;
          return reminders === 1 ? ok({ reminded: 1, notDone: 2, nextAllowedAt: '2026-11-21T06:30:00.000Z' }) : fail('RATE_LIMITED', refusal);
        },
      }) as never,
    );
    render(<TaskBoard />);
    modalAnswer.confirm = false;
    fireEvent.click(await screen.findByRole('button', { name: '提醒未完成的人' }));
    await flush();
    expect(callsOf('task.remind')).toHaveLength(0);
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('向 2 位未完成的党员发送提醒') }));

    modalAnswer.confirm = true;
    fireEvent.click(screen.getByRole('button', { name: '提醒未完成的人' }));
    expect(await screen.findByText('已提醒 1 人（未完成 2 人，其中 1 人未订阅提醒）')).toBeInTheDocument();
    expect(screen.getByText('下次可提醒：2026-11-21 14:30')).toBeInTheDocument();
    expect(callsOf('task.remind')).toEqual([['task.remind', { taskId: 'tk-AbCd0123' }]]);

    fireEvent.click(screen.getByRole('button', { name: '提醒未完成的人' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(refusal);
    expect(callsOf('task.remind')).toHaveLength(2);
  });

  it('needs no reminder when everyone is done', async () => {
    setRouterParams({ id: 'tk-AbCd0123' });
    const all = board();
    mockCall.mockImplementation(routes({ 'task.board': ok({ ...all, members: all.members.map((m) => ({ ...m, state: 'done' as const, doneAt: '2026-11-20T06:31:00.000Z' })) }) }) as never);
    render(<TaskBoard />);
    expect(await screen.findByText('全部完成，无需提醒。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提醒未完成的人' })).not.toBeInTheDocument();
  });
});
