/**
 * 党建和创总览 (committee admin, cobuild.overview): every branch's co-building agreements grouped
 * by branch, with the count per status (洽谈中 / 共建中 / 已结束) and the joint activities, then
 * each agreement's partner, kind, status, signed date and activities.
 */
import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { groupByBranch, statusCounts } from '@/components/Work';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { COBUILD_STATUSES, COBUILD_STATUS_LABELS, PARTNER_KIND_LABELS } from '@/domain/work';
import type { AgreementView } from '@/services/api';

function countsText(items: readonly AgreementView[]): string {
  const counts = statusCounts(COBUILD_STATUSES, COBUILD_STATUS_LABELS, items).map((c) => `${c.label} ${c.count}`);
  return `${counts.join(' · ')} · 联合活动 ${items.reduce((n, a) => n + a.activities.length, 0)} 次`;
}

export default function CommitteeCobuild() {
  const overview = useAction('cobuild.overview', {});
  useReloadOnShow(overview.reload);
  const items = overview.data?.items ?? [];
  const status = overview.status === 'ready' && items.length === 0 ? 'empty' : overview.status;
  const branches = groupByBranch(items);

  return (
    <PageShell status={status} errorMessage={overview.error?.message} onRetry={overview.reload} emptyText='各支部还没有党建和创协议'>
      <View className='card'>
        <Text className='card__title'>{`全部支部：${branches.length} 个支部，${items.length} 份协议`}</Text>
        <View role='status'>
          <Text className='text'>{countsText(items)}</Text>
        </View>
      </View>
      <View role='list' aria-label='各支部党建和创'>
        {branches.map((b) => (
          <View key={b.branch} className='card' role='listitem' aria-label={b.branch}>
            <Text className='card__title'>{`${b.branch}（${b.items.length}）`}</Text>
            <Text className='text text--small'>{countsText(b.items)}</Text>
            {b.items.map((a) => (
              <View key={a.id} className='ledger'>
                <Text className='text'>{a.partner.name}</Text>
                <Text className='text text--small text--muted'>
                  {`${PARTNER_KIND_LABELS[a.partner.kind]} · ${COBUILD_STATUS_LABELS[a.status]} · ${a.signedOn ? `签约 ${a.signedOn}` : '未签约'} · 联合活动 ${a.activities.length} 次`}
                </Text>
                {a.activities[0] ? <Text className='text text--small'>{`最近：${a.activities[0].on} ${a.activities[0].title}`}</Text> : null}
              </View>
            ))}
          </View>
        ))}
      </View>
    </PageShell>
  );
}
