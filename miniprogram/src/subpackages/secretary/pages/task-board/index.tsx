/**
 * 任务完成情况 (?id=; secretary and committee): task.board — the task, counts of 已完成 / 未完成 /
 * 已逾期, and per targeted member their state as text (colour only as a second cue), the time
 * and photos of a completion; a filter by state; 提醒未完成的人 (confirmed → task.remind: how
 * many were reminded; a second reminder the same day is refused by the server, whose message
 * names the next allowed time); the WeChat share of the task as on the task page.
 */
import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert } from '@/components/Field';
import { Photos } from '@/components/Photos';
import { TaskShare, TaskStateTag, dueText, isPastDue, useTaskShare } from '@/components/Task';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { TASK_DONE_BY_LABELS, TASK_KIND_LABELS, TASK_STATES, TASK_STATE_LABELS, type TaskState } from '@/domain/work';
import { chinaDateTime, decodeParam } from '@/lib/format';
import { confirmChange } from '@/lib/confirm';
import { useSubmit } from '@/lib/submit';
import type { ActionOutput } from '@/services/api';
import { percentOf, percentText, rate } from '../../../../../../shared/domain/rates';

type Board = ActionOutput<'task.board'>;
type Filter = 'all' | TaskState;
type Reminded = ActionOutput<'task.remind'>;

const FILTERS: ReadonlyArray<{ value: Filter; label: string }> = [{ value: 'all', label: '全部' }, ...TASK_STATES.map((s) => ({ value: s, label: TASK_STATE_LABELS[s] }))];

function counts(board: Board): Record<TaskState, number> {
  const c: Record<TaskState, number> = { done: 0, open: 0, overdue: 0 };
  for (const m of board.members) c[m.state] += 1;
  return c;
}

function Remind({ board }: { board: Board }) {
  const submit = useSubmit();
  const [result, setResult] = useState<Reminded | null>(null);
  const notDone = board.members.filter((m) => m.state !== 'done').length;
  const last = board.task.lastReminderAt;

  const remind = async () => {
    const ok = await confirmChange('提醒未完成的人', `向 ${notDone} 位未完成的党员发送提醒（订阅了任务提醒的党员会收到微信服务通知）。\n每项任务每天最多提醒一次。`, '发送提醒');
    if (!ok) return;
    setResult(null);
    const res = await submit.run('task.remind', { taskId: board.task.id });
    if (!res.ok) return;
    setResult(res.data);
  };

  if (notDone === 0) {
    return (
      <View className='notice' role='status'>
        <Text>全部完成，无需提醒。</Text>
      </View>
    );
  }
  return (
    <View className='card'>
      <Text className='field__label'>{`未完成 ${notDone} 人`}</Text>
      {last ? <Text className='text text--small text--muted'>{`上次提醒：${chinaDateTime(last)}`}</Text> : null}
      {result ? (
        <View role='status'>
          <Text className='text'>{`已提醒 ${result.reminded} 人（未完成 ${result.notDone} 人${result.notDone > result.reminded ? `，其中 ${result.notDone - result.reminded} 人未订阅提醒` : ''}）`}</Text>
          <Text className='text text--small text--muted'>{`下次可提醒：${chinaDateTime(result.nextAllowedAt)}`}</Text>
        </View>
      ) : null}
      <ErrorAlert error={submit.error} />
      <Button className='btn btn--primary' aria-label='提醒未完成的人' disabled={submit.busy || undefined} loading={submit.busy || undefined} onClick={() => void remind()}>
        提醒未完成的人
      </Button>
    </View>
  );
}

function BoardBody({ taskId }: { taskId: string }) {
  const board = useAction('task.board', { taskId });
  useReloadOnShow(board.reload);
  const [filter, setFilter] = useState<Filter>('all');
  const data = board.data;
  useTaskShare(data?.task ?? null);

  return (
    <PageShell status={board.status} errorMessage={board.error?.message} onRetry={board.reload}>
      {data ? <BoardView board={data} filter={filter} onFilter={setFilter} /> : null}
    </PageShell>
  );
}

function BoardView({ board, filter, onFilter }: { board: Board; filter: Filter; onFilter: (f: Filter) => void }) {
  const { task } = board;
  const c = counts(board);
  const total = board.members.length;
  const done = rate(c.done, total);
  const past = isPastDue(task);
  const shown = filter === 'all' ? board.members : board.members.filter((m) => m.state === filter);
  const countOf = (f: Filter) => (f === 'all' ? total : c[f]);

  return (
    <View>
      <View className='card'>
        <Text className='tag'>{TASK_KIND_LABELS[task.kind]}</Text>
        <Text className='card__title'>{task.title}</Text>
        <Text className={`text text--small${past ? ' overdue' : ' text--muted'}`}>{`${dueText(task)}${past ? '（已截止）' : ''}`}</Text>
        <Text className='text text--small text--muted'>{`${task.targetLabel} · ${TASK_DONE_BY_LABELS[task.doneBy]} · 发布人 ${task.publisher}`}</Text>
        <View className='meter'>
          <View className='meter__head'>
            <Text>已完成</Text>
            <Text className='row__value'>{`${c.done} / ${total} 人（${percentText(done)}）`}</Text>
          </View>
          <View className='meter__track' aria-hidden='true'>
            <View className='meter__fill' style={{ width: `${percentOf(done)}%` }} />
          </View>
        </View>
        <View role='list' aria-label='完成情况统计'>
          {TASK_STATES.map((s) => (
            <View key={s} role='listitem' className='row'>
              <Text className='row__label'>{TASK_STATE_LABELS[s]}</Text>
              <Text className={`row__value${s === 'overdue' && c.overdue ? ' overdue' : ''}`}>{`${c[s]} 人`}</Text>
            </View>
          ))}
        </View>
      </View>

      <Remind board={board} />

      <View className='card'>
        <View className='chips' role='group' aria-label='按完成情况筛选'>
          {FILTERS.map((f) => {
            const on = f.value === filter;
            return (
              <Button key={f.value} className={`chip${on ? ' chip--on' : ''}`} aria-pressed={on} aria-label={`${f.label} ${countOf(f.value)} 人`} onClick={() => onFilter(f.value)}>
                {`${on ? '✓ ' : ''}${f.label} ${countOf(f.value)}`}
              </Button>
            );
          })}
        </View>
        {shown.length === 0 ? <Text className='text text--muted'>没有符合条件的党员。</Text> : null}
        <View role='list' aria-label='党员完成情况'>
          {shown.map((m) => (
            <View key={m.id} role='listitem' className='ledger' aria-label={`${m.name}，${TASK_STATE_LABELS[m.state]}${m.doneAt ? `，${chinaDateTime(m.doneAt)}` : ''}`}>
              <View className='ledger__head'>
                <Text className='ledger__label'>{m.name}</Text>
                <TaskStateTag state={m.state} />
              </View>
              {m.group ? <Text className='text text--small text--muted'>{m.group}</Text> : null}
              {m.doneAt ? <Text className='text text--small text--muted'>{`完成于 ${chinaDateTime(m.doneAt)}`}</Text> : null}
              <Photos urls={m.photoUrls} />
            </View>
          ))}
        </View>
      </View>

      <TaskShare task={task} />
    </View>
  );
}

export default function TaskBoard() {
  const { params } = useRouter();
  const taskId = decodeParam(params?.id);
  if (!taskId) return <PageShell status='error' errorMessage='缺少任务编号，请从支部任务列表打开' />;
  return <BoardBody taskId={taskId} />;
}
