/**
 * 荣誉墙确认 (secretary): the current quarter's nominations (honour.nominations), pending first;
 * 上墙 or 不予上墙, each confirmed → honour.confirm.
 */
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert } from '@/components/Field';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { currentPeriod } from '@/domain/quarter';
import { periodLabel } from '@/domain/points';
import { confirmChange, toast } from '@/lib/confirm';
import { ROUTES } from '@/lib/routes';
import { useSubmit } from '@/lib/submit';
import type { ActionOutput } from '@/services/api';

type Nomination = ActionOutput<'honour.nominations'>['items'][number];

export const HONOUR_STATUS_LABELS: Record<Nomination['status'], string> = { pending: '待确认', confirmed: '已上墙', declined: '不予上墙' };

export default function HonourConfirm() {
  const period = currentPeriod();
  const list = useAction('honour.nominations', { period });
  useReloadOnShow(list.reload);
  const submit = useSubmit();
  const items = list.data?.items ?? [];

  const decide = async (n: Nomination, approve: boolean) => {
    const title = approve ? '上墙' : '不予上墙';
    const content = approve ? `将${n.member.name}放上${periodLabel(period)}荣誉墙？全支部党员可以看到。` : `不予${n.member.name}上墙？`;
    if (!(await confirmChange(title, content))) return;
    const res = await submit.run('honour.confirm', { nominationId: n.id, approve });
    if (res.ok) {
      toast(approve ? '已上墙' : '已不予上墙', 'success');
      void list.reload();
    }
  };

  return (
    <PageShell
      status={list.status === 'ready' && items.length === 0 ? 'empty' : list.status}
      emptyText={`${periodLabel(period)}暂无推荐`}
      emptyHint='党小组长在“我的 → 推荐上墙”中推荐本小组的先进党员。'
      errorMessage={list.error?.message}
      onRetry={list.reload}
    >
      <Button className='btn btn--plain' aria-label='查看荣誉墙' onClick={() => void Taro.navigateTo({ url: ROUTES.honourWall })}>
        查看荣誉墙
      </Button>
      <ErrorAlert error={submit.error} />
      <View role='list' aria-label='上墙推荐'>
        {items.map((n) => (
          <View key={n.id} role='listitem' className='card' aria-label={`${n.member.name} ${HONOUR_STATUS_LABELS[n.status]}`}>
            <Text className='card__title'>{n.member.name}</Text>
            <View className='row'>
              <Text className='row__label'>党小组</Text>
              <Text className='row__value'>{n.group ?? '未编入党小组'}</Text>
            </View>
            <View className='row'>
              <Text className='row__label'>推荐人</Text>
              <Text className='row__value'>{n.nominatedBy}</Text>
            </View>
            <View className='row'>
              <Text className='row__label'>状态</Text>
              <Text className='row__value'>{HONOUR_STATUS_LABELS[n.status]}</Text>
            </View>
            <Text className='field__label'>先进事迹</Text>
            <Text className='text'>{n.story}</Text>
            {n.photoUrl ? <Text className='tag'>附照片</Text> : null}
            {n.status === 'pending' ? (
              <View className='row'>
                <Button className='btn btn--primary btn--small' aria-label={`${n.member.name}上墙`} disabled={submit.busy || undefined} onClick={() => void decide(n, true)}>
                  上墙
                </Button>
                <Button className='btn btn--plain btn--small' aria-label={`${n.member.name}不予上墙`} disabled={submit.busy || undefined} onClick={() => void decide(n, false)}>
                  不予上墙
                </Button>
              </View>
            ) : null}
          </View>
        ))}
      </View>
    </PageShell>
  );
}
