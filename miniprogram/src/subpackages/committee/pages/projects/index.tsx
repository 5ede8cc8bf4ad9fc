/**
 * 攻坚项目总览 (committee admin, project.overview): every branch's projects grouped by branch, with
 * the count per status (已立项 / 推进中 / 已完成 / 已验收) and how many are overdue, then each
 * project's kind, lead, milestones done of all and 逾期.
 */
import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { groupByBranch, statusCounts } from '@/components/Work';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { PROJECT_KIND_LABELS, PROJECT_STATUSES, PROJECT_STATUS_LABELS } from '@/domain/work';
import type { ProjectView } from '@/services/api';

function countsText(items: readonly ProjectView[]): string {
  const counts = statusCounts(PROJECT_STATUSES, PROJECT_STATUS_LABELS, items).map((c) => `${c.label} ${c.count}`);
  return `${counts.join(' · ')} · 逾期 ${items.filter((p) => p.overdue).length}`;
}

export default function CommitteeProjects() {
  const overview = useAction('project.overview', {});
  useReloadOnShow(overview.reload);
  const items = overview.data?.items ?? [];
  const status = overview.status === 'ready' && items.length === 0 ? 'empty' : overview.status;
  const branches = groupByBranch(items);

  return (
    <PageShell status={status} errorMessage={overview.error?.message} onRetry={overview.reload} emptyText='各支部还没有攻坚项目'>
      <View className='card'>
        <Text className='card__title'>{`全部支部：${branches.length} 个支部，${items.length} 个项目`}</Text>
        <View role='status'>
          <Text className='text'>{countsText(items)}</Text>
        </View>
      </View>
      <View role='list' aria-label='各支部攻坚项目'>
        {branches.map((b) => (
          <View key={b.branch} className='card' role='listitem' aria-label={b.branch}>
            <Text className='card__title'>{`${b.branch}（${b.items.length}）`}</Text>
            <Text className='text text--small'>{countsText(b.items)}</Text>
            {b.items.map((p) => {
              const done = p.milestones.filter((m) => m.doneAt !== null).length;
              return (
                <View key={p.id} className='ledger'>
                  <Text className='text'>{p.title}</Text>
                  <Text className='text text--small text--muted'>
                    {`${PROJECT_KIND_LABELS[p.kind]} · ${PROJECT_STATUS_LABELS[p.status]} · 牵头人 ${p.lead.name} · 节点 ${done}/${p.milestones.length}`}
                  </Text>
                  {p.overdue ? <Text className='tag overdue'>逾期</Text> : null}
                </View>
              );
            })}
          </View>
        ))}
      </View>
    </PageShell>
  );
}
