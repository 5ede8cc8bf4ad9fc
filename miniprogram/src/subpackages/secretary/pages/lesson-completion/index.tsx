/** 学习情况 (secretary): who has completed a lesson (and when), who is part way (%) and who has not started. */
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { chinaDateTime, decodeParam } from '@/lib/format';
import { reachedPercent } from '../../../../../../shared/domain/rates';

export default function LessonCompletion() {
  const { params } = useRouter();
  const lessonId = decodeParam(params.id);
  const c = useAction('lesson.completion', { lessonId });
  useReloadOnShow(c.reload);
  if (!lessonId) return <PageShell status='error' errorMessage='没有找到这节微型党课。' />;
  const data = c.data;
  return (
    <PageShell status={c.status} errorMessage={c.error?.message} onRetry={c.reload}>
      {data ? (
        <View>
          <View className='card'>
            <Text className='card__title'>{data.lesson.title}</Text>
            <Text className='text text--small text--muted'>{`主讲：${data.lesson.speaker.name}`}</Text>
            <View role='status'>
              <Text className='text'>{`已学完 ${data.completed.length} 人 · 学习中 ${data.inProgress.length} 人 · 未学 ${data.notStarted.length} 人`}</Text>
            </View>
          </View>

          <Text className='section-title'>{`已学完（${data.completed.length}）`}</Text>
          <View className='card' role='list' aria-label='已学完'>
            {data.completed.length === 0 ? <Text className='text text--muted'>暂无</Text> : null}
            {data.completed.map((m) => (
              <View key={m.id} className='row' role='listitem' aria-label={`${m.name}，${chinaDateTime(m.at)}学完`}>
                <Text className='row__label'>{m.name}</Text>
                <Text className='row__value'>{chinaDateTime(m.at)}</Text>
              </View>
            ))}
          </View>

          <Text className='section-title'>{`学习中（${data.inProgress.length}）`}</Text>
          <View className='card' role='list' aria-label='学习中'>
            {data.inProgress.length === 0 ? <Text className='text text--muted'>暂无</Text> : null}
            {data.inProgress.map((m) => (
              <View key={m.id} className='row' role='listitem' aria-label={`${m.name}，已学 ${reachedPercent(m.watchedRatio)}%`}>
                <Text className='row__label'>{m.name}</Text>
                <Text className='row__value'>{`已学 ${reachedPercent(m.watchedRatio)}%`}</Text>
              </View>
            ))}
          </View>

          <Text className='section-title'>{`未学（${data.notStarted.length}）`}</Text>
          <View className='card'>
            {data.notStarted.length === 0 ? <Text className='text text--muted'>暂无</Text> : null}
            <View className='chips' role='list' aria-label='未学'>
              {data.notStarted.map((m) => (
                <View key={m.id} className='member-link' role='listitem'>
                  <Text>{m.name}</Text>
                </View>
              ))}
            </View>
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
