/** 积分规则: how points are earned — the rules in force today (points.rules). */
import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { useAction } from '@/hooks/useAction';
import { CATEGORY_CAPS, POINT_CATEGORIES, POINT_CATEGORY_LABELS, RULE_LABELS, capText } from '@/domain/points';

export default function Rules() {
  const rules = useAction('points.rules', {});
  const list = rules.data?.inForce ?? [];
  return (
    <PageShell
      status={rules.status === 'ready' && list.length === 0 ? 'empty' : rules.status}
      emptyText='暂无积分规则'
      errorMessage={rules.error?.message}
      onRetry={rules.reload}
    >
      <View className='notice'>
        <Text>{`积分按季度统计。规定动作最多计 ${CATEGORY_CAPS.mandatory} 分，自选动作最多计 ${CATEGORY_CAPS.optional} 分；积分由系统按规则自动记录。`}</Text>
      </View>
      {POINT_CATEGORIES.map((cat) => {
        const items = list.filter((r) => r.category === cat);
        if (items.length === 0) return null;
        return (
          <View key={cat} className='card'>
            <Text className='card__title'>{POINT_CATEGORY_LABELS[cat]}</Text>
            {items.map((r) => (
              <View key={r.code} className='row' aria-label={`${RULE_LABELS[r.code]}，每次 ${r.points} 分，${capText(r.dailyCap, r.periodCap)}`}>
                <View>
                  <Text className='text'>{RULE_LABELS[r.code]}</Text>
                  <Text className='text text--small text--muted'>{capText(r.dailyCap, r.periodCap)}</Text>
                </View>
                <Text className='row__value'>{`${r.points} 分`}</Text>
              </View>
            ))}
          </View>
        );
      })}
    </PageShell>
  );
}
