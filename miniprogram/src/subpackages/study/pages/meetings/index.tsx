/**
 * 三会一课 (member): the meetings of this quarter the caller must attend (meeting.list) with
 * kind, time, place, agenda and the caller's status (待签到 / 已签到 / 请假). 扫码签到 opens the
 * camera (weapp): a scanned sign-in code — a mini-program code in production (its `path`), a
 * standard QR of the H5 URL locally (its `result`) — opens the sign-in page with its token.
 * H5 has no scanner: there the code's URL itself opens the sign-in page. With a meeting of mine
 * still ahead, 订阅开会提醒 is offered once above the list.
 */
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { NotMember } from '@/components/NotMember';
import { MeetingSubscribeOffer } from '@/components/SubscribeOffer';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { MEETING_KIND_LABELS } from '@/domain/study';
import { periodLabel } from '@/domain/points';
import { toast } from '@/lib/confirm';
import { chinaDateTime } from '@/lib/format';
import { ROUTES } from '@/lib/routes';
import type { MeetingView } from '@/services/api';
import { sceneFromScan } from './scan';

export const MY_STATUS_LABELS: Record<MeetingView['mine']['status'], string> = { pending: '待签到', present: '已签到', absent: '请假' };

export async function scanToSignIn(): Promise<void> {
  let scan: { path?: string; result?: string };
  try {
    scan = await Taro.scanCode({ onlyFromCamera: true });
  } catch {
    return; // cancelled
  }
  const token = sceneFromScan(scan);
  if (!token) {
    toast('这不是会议签到二维码');
    return;
  }
  void Taro.navigateTo({ url: `${ROUTES.meetingSignIn}?scene=${encodeURIComponent(token)}` });
}

function MeetingItem({ m }: { m: MeetingView }) {
  const status = MY_STATUS_LABELS[m.mine.status];
  return (
    <View className='card' role='listitem' aria-label={`${MEETING_KIND_LABELS[m.kind]} ${m.title}，${chinaDateTime(m.startsAt)}，${status}`}>
      <Text className='tag'>{MEETING_KIND_LABELS[m.kind]}</Text>
      <Text className='card__title'>{m.title}</Text>
      <View className='row'>
        <Text className='row__label'>时间</Text>
        <Text className='row__value'>{chinaDateTime(m.startsAt)}</Text>
      </View>
      <View className='row'>
        <Text className='row__label'>地点</Text>
        <Text className='row__value'>{m.place}</Text>
      </View>
      {m.group ? (
        <View className='row'>
          <Text className='row__label'>党小组</Text>
          <Text className='row__value'>{m.group.name}</Text>
        </View>
      ) : null}
      <View className='row'>
        <Text className='row__label'>我的状态</Text>
        <Text className={`row__value${m.mine.status === 'pending' ? ' text--muted' : ''}`}>{status}</Text>
      </View>
      {m.agenda ? <Text className='text text--small text--muted'>{`议程：${m.agenda}`}</Text> : null}
    </View>
  );
}

export default function Meetings() {
  const list = useAction('meeting.list', {});
  useReloadOnShow(list.reload);
  const notMember = list.status === 'error' && list.error.code === 'UNAUTHENTICATED';
  const items = (list.data?.items ?? []).filter((m) => m.mine.expected);
  // The reminder goes out before a meeting starts, so it is only worth asking while one is ahead.
  const now = Date.now();
  const upcoming = items.some((m) => Date.parse(m.startsAt) > now);
  // The build replaces TARO_ENV: H5 has no camera scanner, the QR's URL opens the sign-in page there.
  const canScan = process.env.TARO_ENV !== 'h5';

  return (
    <PageShell status={list.status} errorMessage={list.error?.message} onRetry={list.reload} errorContent={notMember ? <NotMember /> : undefined}>
      <View className='card'>
        <Text className='card__title'>会议签到</Text>
        {canScan ? (
          <Button className='btn btn--primary' aria-label='扫码签到' onClick={() => void scanToSignIn()}>
            扫码签到
          </Button>
        ) : (
          <Text className='text text--muted'>请用手机扫描会场展示的签到二维码完成签到。</Text>
        )}
        <Text className='text text--small text--muted'>签到二维码每分钟更换，请在会场现场扫码。</Text>
      </View>
      {upcoming ? <MeetingSubscribeOffer /> : null}
      <Text className='section-title'>{list.data ? `${periodLabel(list.data.period)}我的会议` : '我的会议'}</Text>
      {items.length === 0 ? <Text className='notice'>本季度暂无需要参加的会议</Text> : null}
      <View role='list' aria-label='我的会议'>
        {items.map((m) => (
          <MeetingItem key={m.id} m={m} />
        ))}
      </View>
    </PageShell>
  );
}
