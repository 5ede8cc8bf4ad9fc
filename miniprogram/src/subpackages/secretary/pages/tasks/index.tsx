/**
 * 支部任务 (secretary and committee): the branch's tasks from task.list, newest first — kind,
 * due time (已截止 when past), done of targets as a bar with the figure in text, and how many
 * are overdue (targets not done after the due time); 发布任务 opens the form, a task its board.
 */
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { dueText, isPastDue } from '@/components/Task';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { TASK_DONE_BY_LABELS, TASK_KIND_LABELS } from '@/domain/work';
import { ROUTES, go } from '@/lib/routes';
import { percentOf, percentText, rate } from '../../../../../../shared/domain/rates';

export default function SecretaryTasks() {
  const list = useAction('task.list', {});
  useReloadOnShow(list.reload);
  const items = list.data?.items ?? [];

  return (
    <PageShell status={list.status} errorMessage={list.error?.message} onRetry={list.reload}>
      <Button className='btn btn--primary' aria-label='发布任务' onClick={() => go(ROUTES.taskNew)}>
        发布任务
      </Button>
      {items.length === 0 ? (
        <View className='card'>
          <Text className='text text--muted'>还没有发布任务。发布后可分享到微信群，党员点开即可完成。</Text>
        </View>
      ) : null}
      <View role='list' aria-label='支部任务'>
        {items.map((t) => {
          const past = isPastDue(t);
          const done = rate(t.done, t.targets);
          const overdue = past ? Math.max(0, t.targets - t.done) : 0;
          return (
            <View key={t.id} role='listitem'>
              <View
                className='card'
                role='button'
                aria-label={`${t.title}，${TASK_KIND_LABELS[t.kind]}，${dueText(t)}${past ? '，已截止' : ''}，完成 ${t.done} / ${t.targets} 人${overdue ? `，逾期未完成 ${overdue} 人` : ''}，查看完成情况`}
                onClick={() => go(`${ROUTES.taskBoard}?id=${encodeURIComponent(t.id)}`)}
              >
                <Text className='tag'>{TASK_KIND_LABELS[t.kind]}</Text>
                <Text className='card__title'>{t.title}</Text>
                <Text className={`text text--small${past ? ' overdue' : ' text--muted'}`}>{`${dueText(t)}${past ? '（已截止）' : ''}`}</Text>
                <Text className='text text--small text--muted'>{`${t.targetLabel} · ${TASK_DONE_BY_LABELS[t.doneBy]}`}</Text>
                <View className='meter'>
                  <View className='meter__head'>
                    <Text>已完成</Text>
                    <Text className='row__value'>{`${t.done} / ${t.targets} 人（${percentText(done)}）`}</Text>
                  </View>
                  <View className='meter__track' aria-hidden='true'>
                    <View className='meter__fill' style={{ width: `${percentOf(done)}%` }} />
                  </View>
                </View>
                {overdue ? <Text className='text text--small overdue'>{`逾期未完成 ${overdue} 人`}</Text> : null}
                <Text className='text text--small text--muted'>查看完成情况 ›</Text>
              </View>
            </View>
          );
        })}
      </View>
    </PageShell>
  );
}
