/**
 * 主题党日 (activity.list): the upcoming activities — theme, time, place, 已报名 x/容量 (or 不限),
 * 含重温誓词, and my 已报名 / 已签到 — then 往期活动 with their summary photos (tap to enlarge).
 * Each opens its page; the secretary (roles from org.me) also gets 发起活动. In weapp,
 * 扫码签到 opens the camera for the on-site code.
 */
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { NotMember } from '@/components/NotMember';
import { Photos } from '@/components/Photos';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { toast } from '@/lib/confirm';
import { chinaDateTime } from '@/lib/format';
import { ROUTES, go } from '@/lib/routes';
import type { ActivityView } from '@/services/api';
import { activitySceneFromScan, myStateText, signUpText } from '../../lib/activity';

async function scanToSignIn(): Promise<void> {
  let scan: { path?: string; result?: string };
  try {
    scan = await Taro.scanCode({ onlyFromCamera: true });
  } catch {
    return; // cancelled
  }
  const token = activitySceneFromScan(scan);
  if (!token) {
    toast('这不是主题党日签到二维码');
    return;
  }
  go(`${ROUTES.activitySignIn}?scene=${encodeURIComponent(token)}`);
}

const open = (a: ActivityView) => go(`${ROUTES.activity}?id=${encodeURIComponent(a.id)}`);

function Upcoming({ a }: { a: ActivityView }) {
  const state = myStateText(a);
  return (
    <View className='card' role='listitem'>
      <View className='entry' role='button' aria-label={`${a.theme}，${chinaDateTime(a.startsAt)}，${a.place}，${signUpText(a)}${a.oath ? '，含重温入党誓词' : ''}，我${state}`} onClick={() => open(a)}>
        <View>
          {a.oath ? <Text className='tag'>含重温誓词</Text> : null}
          {a.mine.signedUp || a.mine.present ? <Text className='tag'>{state}</Text> : null}
          <Text className='card__title'>{a.theme}</Text>
          <Text className='text text--small'>{`时间：${chinaDateTime(a.startsAt)}`}</Text>
          <Text className='text text--small'>{`地点：${a.place}`}</Text>
          <Text className='text text--small text--muted'>{a.capacity > 0 && a.signedUp >= a.capacity ? `${signUpText(a)}（已满）` : signUpText(a)}</Text>
        </View>
        <Text className='entry__arrow'>›</Text>
      </View>
    </View>
  );
}

function Past({ a }: { a: ActivityView }) {
  return (
    <View className='card' role='listitem'>
      <View className='entry' role='button' aria-label={`${a.theme}，${chinaDateTime(a.startsAt)}，${a.present} 人签到${a.mine.present ? '，我已签到' : ''}`} onClick={() => open(a)}>
        <View>
          {a.oath ? <Text className='tag'>含重温誓词</Text> : null}
          {a.mine.present ? <Text className='tag'>已签到</Text> : null}
          <Text className='card__title'>{a.theme}</Text>
          <Text className='text text--small'>{`${chinaDateTime(a.startsAt)} · ${a.place}`}</Text>
          <Text className='text text--small text--muted'>{`${a.present} 人签到${a.summary ? '' : ' · 小结待发布'}`}</Text>
        </View>
        <Text className='entry__arrow'>›</Text>
      </View>
      {a.summary ? <Photos urls={a.summary.photoUrls.slice(0, 6)} /> : null}
    </View>
  );
}

export default function Activities() {
  const me = useAction('org.me', {});
  const list = useAction('activity.list', {});
  useReloadOnShow(list.reload);
  const notMember = list.status === 'error' && list.error.code === 'UNAUTHENTICATED';
  const isSecretary = me.data?.roles.includes('secretary') ?? false;
  const upcoming = list.data?.upcoming ?? [];
  const past = list.data?.past ?? [];
  const canScan = process.env.TARO_ENV !== 'h5';

  return (
    <PageShell status={list.status} errorMessage={list.error?.message} onRetry={list.reload} errorContent={notMember ? <NotMember /> : undefined}>
      {isSecretary ? (
        <Button className='btn btn--primary' aria-label='发起活动' onClick={() => go(ROUTES.activityNew)}>
          发起活动
        </Button>
      ) : null}
      {canScan ? (
        <Button className='btn btn--plain' aria-label='扫码签到' onClick={() => void scanToSignIn()}>
          扫码签到
        </Button>
      ) : null}
      <Text className='section-title'>近期活动</Text>
      {upcoming.length === 0 ? <Text className='notice'>暂无近期的主题党日活动</Text> : null}
      <View role='list' aria-label='近期活动'>
        {upcoming.map((a) => (
          <Upcoming key={a.id} a={a} />
        ))}
      </View>
      <Text className='section-title'>往期活动</Text>
      {past.length === 0 ? <Text className='notice'>暂无往期活动</Text> : null}
      <View role='list' aria-label='往期活动'>
        {past.map((a) => (
          <Past key={a.id} a={a} />
        ))}
      </View>
    </PageShell>
  );
}
