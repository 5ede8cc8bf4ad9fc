/**
 * 阅读情况 (secretary, ?id=): one push's readers (`studyPush.readers`) — 已读 with the time
 * each member read it to the end, and 未读.
 */
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { chinaDateTime, decodeParam } from '@/lib/format';

export default function PushReaders() {
  const { params } = useRouter();
  const pushId = decodeParam(params?.id);
  const readers = useAction('studyPush.readers', { pushId });
  useReloadOnShow(readers.reload);
  const data = readers.data;
  const total = data ? data.read.length + data.unread.length : 0;
  const rate = data && total > 0 ? Math.round((data.read.length / total) * 100) : 0;

  return (
    <PageShell status={readers.status} errorMessage={readers.error?.message} onRetry={readers.reload}>
      {data ? (
        <View>
          <View className='card'>
            <Text className='card__title'>{data.push.title}</Text>
            <Text className='text text--small text--muted'>
              {`${data.push.status === 'scheduled' ? '定时' : '已发送'} ${chinaDateTime(data.push.sendAt)} · 发送对象：${data.push.groups.length ? data.push.groups.map((g) => g.name).join('、') : '全支部'}`}
            </Text>
            <Text className='big-number'>{`${rate}%`}</Text>
            <Text className='text text--muted'>{`已读 ${data.read.length} 人，未读 ${data.unread.length} 人`}</Text>
          </View>

          <Text className='section-title'>{`已读（${data.read.length}）`}</Text>
          <View className='card'>
            {data.read.length === 0 ? <Text className='text text--muted'>还没有人读完。</Text> : null}
            <View role='list' aria-label='已读'>
              {data.read.map((r) => (
                <View key={r.id} role='listitem' className='row' aria-label={`${r.name}，${chinaDateTime(r.at)} 已读`}>
                  <Text className='row__label'>{r.name}</Text>
                  <Text className='row__value'>{chinaDateTime(r.at)}</Text>
                </View>
              ))}
            </View>
          </View>

          <Text className='section-title'>{`未读（${data.unread.length}）`}</Text>
          <View className='card'>
            {data.unread.length === 0 ? <Text className='text text--muted'>全部已读。</Text> : null}
            <View className='chips' role='list' aria-label='未读'>
              {data.unread.map((r) => (
                <View key={r.id} role='listitem'>
                  <Text className='tag'>{r.name}</Text>
                </View>
              ))}
            </View>
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
