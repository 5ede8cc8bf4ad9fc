import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { NotMember } from '@/components/NotMember';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';

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

export default function Home() {
  const me = useAction('org.me', {});
  useReloadOnShow(me.reload);
  const notMember = me.status === 'error' && me.error.code === 'UNAUTHENTICATED';
  return (
    <PageShell
      status={me.status}
      errorMessage={me.error?.message}
      onRetry={me.reload}
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
    </PageShell>
  );
}
