/**
 * 荣誉墙 (members): the branch's confirmed outstanding members of the current quarter
 * (honour.wall): photo, name, group and 先进事迹. The share menu carries the branch's name.
 */
import { useShareAppMessage } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { periodLabel } from '@/domain/points';
import { ROUTES } from '@/lib/routes';

export function shareTitle(branchName: string | undefined): string {
  return `${branchName ?? '支部'}荣誉墙`;
}

export default function HonourWall() {
  const wall = useAction('honour.wall', {});
  useReloadOnShow(wall.reload);
  const data = wall.data;
  useShareAppMessage(() => ({ title: shareTitle(data?.branchName), path: ROUTES.honourWall }));
  const items = data?.items ?? [];
  return (
    <PageShell
      status={wall.status === 'ready' && items.length === 0 ? 'empty' : wall.status}
      emptyText='本季度荣誉墙暂无人员'
      emptyHint='党小组长推荐、书记确认后，先进党员会展示在这里。'
      errorMessage={wall.error?.message}
      onRetry={wall.reload}
    >
      {data ? (
        <View>
          <View className='card'>
            <Text className='card__title'>{shareTitle(data.branchName)}</Text>
            <Text className='text text--muted'>{periodLabel(data.period)}</Text>
          </View>
          <View role='list' aria-label='荣誉墙'>
            {items.map((h) => (
              <View key={h.id} role='listitem' className='card' aria-label={`${h.member.name}${h.group ? `，${h.group}` : ''}`}>
                {h.photoUrl ? <Image className='photo' src={h.photoUrl} mode='aspectFill' aria-label={`${h.member.name}的照片`} /> : null}
                <Text className='card__title'>{h.member.name}</Text>
                <Text className='text text--small text--muted'>{h.group ?? '未编入党小组'}</Text>
                <Text className='field__label'>先进事迹</Text>
                <Text className='text'>{h.story}</Text>
              </View>
            ))}
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
