import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { NotMember } from '@/components/NotMember';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { chinaDate } from '@/lib/format';
import { ROUTES, go } from '@/lib/routes';
import type { ActionOutput } from '@/services/api';

/** How many unread pushes the 学习要点 card lists. */
export const HOME_UNREAD_SHOWN = 3;

function greeting(hour: number): string {
  if (hour < 11) return '早上好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

/** China time hour (UTC+8), whatever the phone's zone. */
function chinaHour(now = new Date()): number {
  return (now.getUTCHours() + 8) % 24;
}

/** 学习要点 on 首页: the unread count and the latest unread pushes. */
function StudyPushCard({ mine }: { mine: ActionOutput<'studyPush.mine'> }) {
  // Tolerant of a reply without these fields (an older server): the card then shows nothing unread.
  const unread = mine.unread ?? 0;
  const latest = (mine.items ?? []).filter((p) => !p.read).slice(0, HOME_UNREAD_SHOWN);
  return (
    <View className='card'>
      <View className='entry' role='button' aria-label={`学习要点，${unread > 0 ? `${unread}条未读` : '没有未读'}`} onClick={() => go(ROUTES.pushes)}>
        <Text className='card__title'>学习要点</Text>
        {unread > 0 ? <Text className='badge'>{`${unread} 条未读`}</Text> : <Text className='entry__arrow'>全部 ›</Text>}
      </View>
      {latest.length === 0 ? <Text className='text text--small text--muted'>没有未读的学习要点。</Text> : null}
      <View role='list' aria-label='未读学习要点'>
        {latest.map((p) => (
          <View
            key={p.id}
            role='listitem'
            className='entry'
            aria-label={`未读，${p.title}，${chinaDate(p.sendAt)}`}
            onClick={() => go(`${ROUTES.push}?id=${p.id}`)}
          >
            <Text className='text'>{p.title}</Text>
            <Text className='entry__arrow'>{`${chinaDate(p.sendAt)} ›`}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

export default function Home() {
  const me = useAction('org.me', {});
  // In parallel with org.me (one round trip for 首页); shown only once org.me says member.
  const pushes = useAction('studyPush.mine', {});
  const reload = () => {
    void me.reload();
    void pushes.reload();
  };
  useReloadOnShow(reload);
  const notMember = me.status === 'error' && me.error.code === 'UNAUTHENTICATED';
  return (
    <PageShell
      status={me.status}
      errorMessage={me.error?.message}
      onRetry={reload}
      errorContent={notMember ? <NotMember /> : undefined}
    >
      {me.data ? (
        <View className='card'>
          <Text className='card__title'>
            {me.data.name}，{greeting(chinaHour())}
          </Text>
          <Text className='text text--muted'>{me.data.branch.name}</Text>
          {me.data.group ? <Text className='text text--small text--muted'>{me.data.group.name}</Text> : null}
        </View>
      ) : null}
      {me.data && pushes.data ? <StudyPushCard mine={pushes.data} /> : null}
    </PageShell>
  );
}
