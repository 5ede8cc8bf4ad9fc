/**
 * 支部对比 (committee admin): points.compareBranches for a quarter — each branch's member
 * count, average counted points (bar, relative to the highest) and participation per rule.
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { PeriodPicker } from '@/components/PeriodPicker';
import { useAction } from '@/hooks/useAction';
import { currentPeriod, previousPeriod } from '@/domain/quarter';
import { RULE_CODES, RULE_LABELS, periodLabel } from '@/domain/points';
import { percentText } from '../../../../../../shared/domain/rates';

/** A participation share as text (domain/rates.ts): never 0% when someone took part. */
export const percent = percentText;

export default function Compare() {
  const now = currentPeriod();
  const choices = [now, previousPeriod(now)];
  const [period, setPeriod] = useState(now);
  const cmp = useAction('points.compareBranches', { period });
  const branches = cmp.data?.branches ?? [];
  const top = Math.max(1, ...branches.map((b) => b.averageCounted));
  return (
    <PageShell
      status={cmp.status === 'ready' && branches.length === 0 ? 'empty' : cmp.status}
      emptyText='暂无支部'
      errorMessage={cmp.error?.message}
      onRetry={cmp.reload}
    >
      <PeriodPicker choices={choices} value={period} onChange={setPeriod} />
      {cmp.data ? (
        <View>
          <View className='card'>
            <Text className='card__title'>{`人均计分积分 · ${periodLabel(cmp.data.period)}`}</Text>
            <View role='list' aria-label='人均计分积分'>
              {branches.map((b) => (
                <View key={b.id} role='listitem' className='bar-row' aria-label={`${b.name} ${b.members} 人 人均 ${b.averageCounted} 分`}>
                  <Text className='bar-row__label'>{b.name}</Text>
                  <View className='bar-row__track'>
                    <View className='bar-row__fill' style={{ width: `${Math.round((Math.max(0, b.averageCounted) / top) * 100)}%` }} />
                  </View>
                  <Text className='bar-row__count'>{`${b.averageCounted} 分`}</Text>
                </View>
              ))}
            </View>
          </View>
          {branches.map((b) => (
            <View key={b.id} className='card'>
              <Text className='card__title'>{b.name}</Text>
              <View className='row'>
                <Text className='row__label'>党员人数</Text>
                <Text className='row__value'>{`${b.members} 人`}</Text>
              </View>
              <View className='row'>
                <Text className='row__label'>人均计分积分</Text>
                <Text className='row__value'>{`${b.averageCounted} 分`}</Text>
              </View>
              <Text className='field__label'>各项参与率</Text>
              <View role='list' aria-label={`${b.name}各项参与率`}>
                {RULE_CODES.filter((c) => b.participation[c] !== undefined).map((c) => (
                  <View key={c} role='listitem' className='row' aria-label={`${RULE_LABELS[c]} ${percent(b.participation[c] ?? 0)}`}>
                    <Text className='row__label'>{RULE_LABELS[c]}</Text>
                    <Text className='row__value'>{percent(b.participation[c] ?? 0)}</Text>
                  </View>
                ))}
              </View>
            </View>
          ))}
        </View>
      ) : null}
    </PageShell>
  );
}
