/** 计划上墙 (members): the branch's annual plan (plan.items): each item with its owner and the four quarterly targets and results. */
import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { PlanItemCard, currentYear } from '@/components/PlanItem';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';

export default function PlanWall() {
  const year = currentYear();
  const plan = useAction('plan.items', { year });
  useReloadOnShow(plan.reload);
  const items = plan.data?.items ?? [];
  return (
    <PageShell
      status={plan.status === 'ready' && items.length === 0 ? 'empty' : plan.status}
      emptyText={`${year}年暂无计划`}
      emptyHint='支部书记录入年度计划后会展示在这里。'
      errorMessage={plan.error?.message}
      onRetry={plan.reload}
    >
      <View className='card'>
        <Text className='card__title'>{`${year}年支部工作计划`}</Text>
      </View>
      <View role='list' aria-label='年度计划'>
        {items.map((it) => (
          <PlanItemCard key={it.id} item={it} />
        ))}
      </View>
    </PageShell>
  );
}
