/**
 * 学习要点 (member): the pushes sent to me (`studyPush.mine`), unread ones first and marked
 * 未读, then the rest newest first; tap → the push.
 */
import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { chinaDateTime } from '@/lib/format';
import { ROUTES, go } from '@/lib/routes';
import type { StudyPushView } from '@/services/api';

/** Unread first; each part keeps the server's newest-first order. */
export function unreadFirst(items: readonly StudyPushView[]): StudyPushView[] {
  return [...items.filter((p) => !p.read), ...items.filter((p) => p.read)];
}

export function PushRow({ push }: { push: StudyPushView }) {
  return (
    <View
      className='entry'
      role='button'
      aria-label={`${push.read ? '' : '未读，'}${push.title}，${chinaDateTime(push.sendAt)}`}
      onClick={() => go(`${ROUTES.push}?id=${push.id}`)}
    >
      <View>
        <Text className='text'>{push.title}</Text>
        <Text className='text text--small text--muted'>{`${push.author} · ${chinaDateTime(push.sendAt)}`}</Text>
      </View>
      {push.read ? <Text className='entry__arrow'>已读 ›</Text> : <Text className='badge'>未读</Text>}
    </View>
  );
}

export default function MyPushes() {
  const mine = useAction('studyPush.mine', {});
  useReloadOnShow(mine.reload);
  const items = unreadFirst(mine.data?.items ?? []);
  const status = mine.status === 'ready' && items.length === 0 ? 'empty' : mine.status;

  return (
    <PageShell
      status={status}
      errorMessage={mine.error?.message}
      onRetry={mine.reload}
      emptyText='暂无学习要点'
      emptyHint='支部书记发布学习要点后会显示在这里。'
    >
      <View className='card'>
        <Text className='card__title'>{mine.data && mine.data.unread > 0 ? `学习要点 · ${mine.data.unread} 条未读` : '学习要点 · 已全部读完'}</Text>
        <View role='list' aria-label='学习要点'>
          {items.map((p) => (
            <View key={p.id} role='listitem'>
              <PushRow push={p} />
            </View>
          ))}
        </View>
      </View>
    </PageShell>
  );
}
