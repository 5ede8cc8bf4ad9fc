/**
 * Tasks through the function host: only targeted members see and complete a task, done-by
 * rules, points once, the publisher's board, and one reminder a day to those not done.
 */
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';
import { as, data } from './support/org-fixtures';
import { pngBytes } from '../support/images';

/** The one instant this file runs at: its "this quarter" and "today" and the functions' stopped clock (stack.ts). */
const START = new Date();

let stack: LocalStack;
const secretary = demoOpenid('b-netops-m01');
const committee = demoOpenid('b-netops-m02');
let seq = 0;
const task = (extra: Record<string, unknown> = {}) => ({
  requestId: `task-request-${(seq += 1)}`,
  kind: 'study',
  title: '学习党章第二章',
  detail: '请在周五前完成学习。',
  dueAt: new Date(START.getTime() + 3 * 86_400_000).toISOString(),
  doneBy: 'confirm',
  target: { kind: 'branch' },
  ...extra,
});
interface Task { id: string; targets: number; done: number; mine: { state: string } | null }
const state = async () => (await stack.state()) as Record<string, Array<Record<string, unknown>>>;
const groupMembers = async (groupId: string) => (await state()).members.filter((m) => m.groupId === groupId).map((m) => m._id as string);

beforeAll(async () => {
  stack = await startLocalStack({ frozenAt: START });
});
afterAll(() => stack.stop());

describe('targeting', () => {
  it('shows a group task only to its members and refuses completion by anyone else', async () => {
    const inGroup = (await groupMembers('b-netops-g2'));
    const outside = (await groupMembers('b-netops-g1')).find((id) => !['b-netops-m01', 'b-netops-m02', 'b-netops-m03', 'b-netops-m04', 'b-netops-m05'].includes(id)) as string;
    const published = data<Task>(await as(stack, committee, 'task.publish', task({ target: { kind: 'groups', ids: ['b-netops-g2'] } })));
    expect(published.targets).toBe(inGroup.length);

    const mineInside = data<{ open: Task[] }>(await as(stack, demoOpenid(inGroup[0]), 'task.mine', {}));
    expect(mineInside.open.map((t) => t.id)).toContain(published.id);
    const mineOutside = data<{ open: Task[] }>(await as(stack, demoOpenid(outside), 'task.mine', {}));
    expect(mineOutside.open.map((t) => t.id)).not.toContain(published.id);
    expect((await as(stack, demoOpenid(outside), 'task.get', { taskId: published.id })).error?.code).toBe('NOT_FOUND');

    const before = (await state());
    expect((await as(stack, demoOpenid(outside), 'task.complete', { taskId: published.id, noteId: null, photos: [] })).error?.code).toBe('NOT_FOUND');
    expect((await as(stack, demoOpenid('b-market-m07'), 'task.complete', { taskId: published.id, noteId: null, photos: [] })).error?.code).toBe('NOT_FOUND');
    expect((await state())).toEqual(before);
    // The committee can open it (to manage it) but is not a target, so cannot complete it.
    expect((await as(stack, demoOpenid('b-netops-m03'), 'task.complete', { taskId: published.id, noteId: null, photos: [] })).error?.code).toBe(
      inGroup.includes('b-netops-m03') ? undefined : 'FORBIDDEN',
    );

    await Promise.all([1, 2, 3].map(() => as(stack, demoOpenid(inGroup[0]), 'task.complete', { taskId: published.id, noteId: null, photos: [] })));
    const board = data<{ task: Task; members: Array<{ id: string; state: string }> }>(await as(stack, committee, 'task.board', { taskId: published.id }));
    expect(board.task.done).toBe(1);
    expect(board.members.find((m) => m.id === inGroup[0])?.state).toBe('done');
    const entries = data<{ entries: Array<{ rule: string | null; source: string }> }>(await as(stack, demoOpenid(inGroup[0]), 'points.myLedger', {})).entries;
    expect(entries.filter((e) => e.rule === 'taskDone' && e.source === `task:${published.id}`)).toHaveLength(1);
  });

  it('asks for what counts as done: a photo in the task folder, a note written since publishing', async () => {
    const member = 'b-netops-m20';
    const photoTask = data<Task>(await as(stack, secretary, 'task.publish', task({ doneBy: 'photo', target: { kind: 'members', ids: [member] } })));
    expect((await as(stack, demoOpenid(member), 'task.complete', { taskId: photoTask.id, noteId: null, photos: [] })).error?.code).toBe('INVALID_INPUT');
    const wrong = await as(stack, demoOpenid(member), 'task.complete', { taskId: photoTask.id, noteId: null, photos: [`cloud://local.local-bucket/tasks/other/${member}/a.jpg`] });
    expect(wrong.error?.code).toBe('INVALID_INPUT');
    const photo = await stack.putFile(`tasks/${photoTask.id}/${member}/a.jpg`, { bytes: pngBytes(), contentType: 'image/jpeg' });
    expect(data<Task>(await as(stack, demoOpenid(member), 'task.complete', { taskId: photoTask.id, noteId: null, photos: [photo] })).mine?.state).toBe('done');

    const noteTask = data<Task>(await as(stack, secretary, 'task.publish', task({ doneBy: 'note', target: { kind: 'members', ids: [member] } })));
    expect((await as(stack, demoOpenid(member), 'task.complete', { taskId: noteTask.id, noteId: null, photos: [] })).error?.code).toBe('INVALID_INPUT');
    const note = data<{ id: string }>(await as(stack, demoOpenid(member), 'note.submit', { requestId: 'task-note-0001', text: '学习了党章第二章，明白了党员的权利和义务是统一的，要在岗位上履行好义务，带头做好本职工作，在网络保障中冲锋在前，在服务客户中做出表率。', images: [], lessonId: null, pushId: null }));
    expect(data<Task>(await as(stack, demoOpenid(member), 'task.complete', { taskId: noteTask.id, noteId: note.id, photos: [] })).mine?.state).toBe('done');
  });
});

describe('reminders', () => {
  it('reminds only those not done, and not twice in a day', async () => {
    const [doneId, notDoneId, silentId] = ['b-netops-m24', 'b-netops-m25', 'b-netops-m26'];
    for (const id of [doneId, notDoneId]) data(await as(stack, demoOpenid(id), 'studyPush.subscribe', { template: 'task', accepted: true }));
    const published = data<Task>(await as(stack, secretary, 'task.publish', task({ target: { kind: 'members', ids: [doneId, notDoneId, silentId] } })));
    data(await as(stack, demoOpenid(doneId), 'task.complete', { taskId: published.id, noteId: null, photos: [] }));
    stack.emulator.wechat.messages.length = 0;
    const sent = data<{ reminded: number; notDone: number }>(await as(stack, secretary, 'task.remind', { taskId: published.id }));
    expect(sent).toMatchObject({ reminded: 1, notDone: 2 });
    expect(stack.emulator.wechat.messages.map((m) => m.touser)).toEqual([demoOpenid(notDoneId)]);
    const again = await as(stack, secretary, 'task.remind', { taskId: published.id });
    expect(again.error?.code).toBe('RATE_LIMITED');
    expect(stack.emulator.wechat.messages).toHaveLength(1);
    // A day later it may remind again.
    stack.emulator.functions.advanceClock(25 * 3600_000);
    try {
      data(await as(stack, secretary, 'task.remind', { taskId: published.id }));
    } finally {
      stack.emulator.functions.advanceClock(-25 * 3600_000);
    }
  });

  it('counts 20 members finishing at once as 20, each once, whatever the order the writes land in', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `b-netops-m${String(i + 10).padStart(2, '0')}`);
    const published = data<Task>(await as(stack, secretary, 'task.publish', task({ target: { kind: 'members', ids } })));
    const replies = await Promise.all([...ids, ...ids.slice(0, 5)].map((id) => as(stack, demoOpenid(id), 'task.complete', { taskId: published.id, noteId: null, photos: [] })));
    expect(replies.every((r) => r.ok)).toBe(true);
    const after = await state();
    expect(after.task_completions.filter((c) => c.taskId === published.id)).toHaveLength(20);
    expect(after.tasks.find((t) => t._id === published.id)?.doneCount).toEqual({ $numberInt: '20' });
    expect(data<Task>(await as(stack, secretary, 'task.get', { taskId: published.id })).done).toBe(20);
  });

  it('makes a retried publish one task, and refuses a due time in the past or a group of another branch', async () => {
    const input = task();
    const a = data<Task>(await as(stack, secretary, 'task.publish', input));
    const b = data<Task>(await as(stack, secretary, 'task.publish', input));
    expect(a.id).toBe(b.id);
    expect((await as(stack, secretary, 'task.publish', task({ dueAt: new Date(START.getTime() - 1000).toISOString() }))).error?.code).toBe('INVALID_INPUT');
    expect((await as(stack, secretary, 'task.publish', task({ target: { kind: 'groups', ids: ['b-market-g1'] } }))).error?.code).toBe('NOT_FOUND');
  });
});
