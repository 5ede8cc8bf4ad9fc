/**
 * 荣誉墙 (members): the branch's confirmed outstanding members of the current quarter
 * (honour.wall): photo, name, group and 先进事迹. The share menu carries the branch's name;
 * 生成海报 draws the wall (names + the start of each story) as an image for the WeChat group.
 */
import { useState } from 'react';
import { useShareAppMessage } from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { Poster, type PosterContent } from '@/components/Poster';
import type { ActionOutput } from '@/services/api';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { chinaToday, periodLabel } from '@/domain/points';
import { ROUTES } from '@/lib/routes';

export function shareTitle(branchName: string | undefined): string {
  return `${branchName ?? '支部'}荣誉墙`;
}

/** The first `n` characters (not UTF-16 units) of a story, with … when cut. */
export function storyExcerpt(story: string, n = 40): string {
  const chars = Array.from(story.replace(/\s+/g, ' ').trim());
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : chars.join('');
}

export function honourPosterContent(wall: ActionOutput<'honour.wall'>, today: string): PosterContent {
  return {
    branchName: wall.branchName,
    title: `${periodLabel(wall.period)}荣誉墙`,
    subtitle: `本季度上墙先进党员 ${wall.items.length} 人`,
    rows: wall.items.map((h) => [h.member.name, storyExcerpt(h.story)] as const),
    footer: '同心 · 党支部工作平台',
    date: today,
  };
}

export default function HonourWall() {
  const wall = useAction('honour.wall', {});
  useReloadOnShow(wall.reload);
  const data = wall.data;
  useShareAppMessage(() => ({ title: shareTitle(data?.branchName), path: ROUTES.honourWall }));
  const items = data?.items ?? [];
  const [poster, setPoster] = useState(false);
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
          <View className='card'>
            <Text className='card__title'>荣誉墙海报</Text>
            {poster ? (
              <Poster canvasId='honour-poster' content={honourPosterContent(data, chinaToday())} fileName={`${shareTitle(data.branchName)}${data.period}.png`} />
            ) : (
              <Button className='btn btn--plain' aria-label='生成荣誉墙海报' onClick={() => setPoster(true)}>
                生成荣誉墙海报
              </Button>
            )}
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
