import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { NotMember } from '@/components/NotMember';
import { QuarterDashboard } from '@/components/QuarterDashboard';
import { TaskStateTag, dueText, taskPath } from '@/components/Task';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { chinaDate } from '@/lib/format';
import { ROUTES, go } from '@/lib/routes';
import type { ActionOutput } from '@/services/api';

/** How many unread pushes the 学习要点 card lists. */
export const HOME_UNREAD_SHOWN = 3;

function greeting(hour: number): string {
  if (hour < 11) return '早上好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

/** China time hour (UTC+8), whatever the phone's zone. */
function chinaHour(now = new Date()): number {
  return (now.getUTCHours() + 8) % 24;
}

/** 学习要点 on 首页: the unread count and the latest unread pushes. */
function StudyPushCard({ mine }: { mine: ActionOutput<'studyPush.mine'> }) {
  // Tolerant of a reply without these fields (an older server): the card then shows nothing unread.
  const unread = mine.unread ?? 0;
  const latest = (mine.items ?? []).filter((p) => !p.read).slice(0, HOME_UNREAD_SHOWN);
  return (
    <View className='card'>
      <View className='entry' role='button' aria-label={`学习要点，${unread > 0 ? `${unread}条未读` : '没有未读'}`} onClick={() => go(ROUTES.pushes)}>
        <Text className='card__title'>学习要点</Text>
        {unread > 0 ? <Text className='badge'>{`${unread} 条未读`}</Text> : <Text className='entry__arrow'>全部 ›</Text>}
      </View>
      {latest.length === 0 ? <Text className='text text--small text--muted'>没有未读的学习要点。</Text> : null}
      <View role='list' aria-label='未读学习要点'>
        {latest.map((p) => (
          <View
            key={p.id}
            role='listitem'
            className='entry'
            aria-label={`未读，${p.title}，${chinaDate(p.sendAt)}`}
            onClick={() => go(`${ROUTES.push}?id=${p.id}`)}
          >
            <Text className='text'>{p.title}</Text>
            <Text className='entry__arrow'>{`${chinaDate(p.sendAt)} ›`}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** How many open tasks the 我的任务 card lists. */
const HOME_TASKS_SHOWN = 5;

/** 我的任务 on 首页: open tasks, overdue first (labelled 已逾期); tap → the task. */
function MyTasksCard({ mine }: { mine: ActionOutput<'task.mine'> }) {
  // Tolerant of a reply without `open` (an older server): the card then shows nothing open.
  const open = mine.open ?? [];
  const overdue = open.filter((t) => t.mine?.state === 'overdue').length;
  const shown = [...open].sort((a, b) => Number(b.mine?.state === 'overdue') - Number(a.mine?.state === 'overdue')).slice(0, HOME_TASKS_SHOWN);
  return (
    <View className='card'>
      <View className='entry'>
        <Text className='card__title'>我的任务</Text>
        {open.length > 0 ? <Text className='badge'>{`${open.length} 项待完成`}</Text> : null}
      </View>
      {overdue > 0 ? <Text className='text text--small overdue'>{`${overdue} 项已逾期，请尽快完成`}</Text> : null}
      {open.length === 0 ? <Text className='text text--small text--muted'>没有待完成的任务。</Text> : null}
      <View role='list' aria-label='待完成的任务'>
        {shown.map((t) => {
          const state = t.mine?.state === 'overdue' ? 'overdue' : 'open';
          return (
            <View
              key={t.id}
              role='listitem'
              className='entry'
              aria-label={`${state === 'overdue' ? '已逾期，' : ''}${t.title}，${dueText(t)}`}
              onClick={() => go(taskPath(t.id))}
            >
              <View>
                <Text className='text'>{t.title}</Text>
                <Text className={`text text--small${state === 'overdue' ? ' overdue' : ' text--muted'}`}>{dueText(t)}</Text>
              </View>
              <View>
                {state === 'overdue' ? <TaskStateTag state='overdue' /> : null}
                <Text className='entry__arrow'>›</Text>
              </View>
            </View>
          );
        })}
      </View>
      {open.length > shown.length ? <Text className='text text--small text--muted'>{`另有 ${open.length - shown.length} 项，完成上面的任务后显示`}</Text> : null}
    </View>
  );
}

export default function Home() {
  const me = useAction('org.me', {});
  // In parallel with org.me (one round trip for 首页); shown only once org.me says member.
  const pushes = useAction('studyPush.mine', {});
  const tasks = useAction('task.mine', {});
  /** Bumped when 首页 shows again: the secretary's dashboard reloads with it. */
  const [shownAgain, setShownAgain] = useState(0);
  const reload = () => {
    void me.reload();
    void pushes.reload();
    void tasks.reload();
    setShownAgain((n) => n + 1);
  };
  useReloadOnShow(reload);
  const notMember = me.status === 'error' && me.error.code === 'UNAUTHENTICATED';
  return (
    <PageShell
      status={me.status}
      errorMessage={me.error?.message}
      onRetry={reload}
      errorContent={notMember ? <NotMember /> : undefined}
    >
      {me.data ? (
        <View className='card'>
          <Text className='card__title'>
            {me.data.name}，{greeting(chinaHour())}
          </Text>
          <Text className='text text--muted'>{me.data.branch.name}</Text>
          {me.data.group ? <Text className='text text--small text--muted'>{me.data.group.name}</Text> : null}
        </View>
      ) : null}
      {me.data && tasks.data ? <MyTasksCard mine={tasks.data} /> : null}
      {me.data?.roles.includes('secretary') ? <QuarterDashboard refresh={shownAgain} /> : null}
      {me.data && pushes.data ? <StudyPushCard mine={pushes.data} /> : null}
    </PageShell>
  );
}
