/** One 计划上墙 item: title, owner and the four quarterly targets and results (shared by the member and secretary pages). */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { chinaToday } from '@/domain/points';
import type { ActionOutput } from '@/services/api';

export type PlanItem = ActionOutput<'plan.items'>['items'][number];
export const QUARTERS = ['一季度', '二季度', '三季度', '四季度'] as const;

export function currentYear(): number {
  return Number(chinaToday().slice(0, 4));
}

export function PlanItemCard({ item, children }: { item: PlanItem; children?: ReactNode }) {
  return (
    <View className='card' role='listitem' aria-label={`${item.title}，负责人${item.owner.name}`}>
      <Text className='card__title'>{item.title}</Text>
      <View className='row'>
        <Text className='row__label'>负责人</Text>
        <Text className='row__value'>{item.owner.name}</Text>
      </View>
      {QUARTERS.map((q, i) => (
        <View key={q} className='row' aria-label={`${q} 目标：${item.targets[i] || '无'}；完成：${item.results[i] || '未填写'}`}>
          <Text className='row__label'>{q}</Text>
          <View className='row__value'>
            <Text className='text text--small'>{`目标：${item.targets[i] || '—'}`}</Text>
            <Text className='text text--small text--muted'>{`完成：${item.results[i] || '—'}`}</Text>
          </View>
        </View>
      ))}
      {children}
    </View>
  );
}

