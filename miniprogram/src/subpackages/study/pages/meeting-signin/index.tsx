/**
 * 会议签到: opened by the meeting's sign-in code with `?scene=<token>` (a mini-program code
 * passes it URL-encoded in options.scene; the local QR's H5 URL the same way). Calls
 * meeting.signIn once per token and shows 签到成功 with the meeting, or why not — an expired
 * code asks for the current one on site (weapp: 重新扫码 right here). Once signed in, the member
 * is offered 订阅开会提醒 for the next meeting.
 */
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { NotMember } from '@/components/NotMember';
import { MeetingSubscribeOffer } from '@/components/SubscribeOffer';
import { MEETING_KIND_LABELS } from '@/domain/study';
import { chinaDateTime } from '@/lib/format';
import { ROUTES } from '@/lib/routes';
import { safeCall } from '@/lib/submit';
import type { ApiError } from '@/services/api';
import { isExpiredCode } from '@/lib/scan';
import { useScannedSignIn } from '@/hooks/useScannedSignIn';

const MISSING: ApiError = { code: 'INVALID_INPUT', message: '缺少签到码，请扫描会场展示的签到二维码' };

export default function MeetingSignIn() {
  const { state, rescan } = useScannedSignIn({ signIn: (token) => safeCall('meeting.signIn', { token }), page: 'meeting-signin', missing: MISSING, notThisCode: '这不是会议签到二维码' });

  const notMember = state.status === 'refused' && state.error.code === 'UNAUTHENTICATED';
  const canScan = process.env.TARO_ENV !== 'h5';

  return (
    <PageShell status={state.status === 'loading' ? 'loading' : 'ready'}>
      {notMember ? <NotMember message='加入支部后才能签到参会' /> : null}
      {state.status === 'done' ? (
        <View className='card' role='status' aria-live='polite'>
          <Text className='big-number'>{state.result.alreadySignedIn ? '您已签到' : '签到成功'}</Text>
          <Text className='tag'>{MEETING_KIND_LABELS[state.result.meeting.kind]}</Text>
          <Text className='card__title'>{state.result.meeting.title}</Text>
          <View className='row'>
            <Text className='row__label'>时间</Text>
            <Text className='row__value'>{chinaDateTime(state.result.meeting.startsAt)}</Text>
          </View>
          <View className='row'>
            <Text className='row__label'>地点</Text>
            <Text className='row__value'>{state.result.meeting.place}</Text>
          </View>
          <Text className='text text--small text--muted'>{state.result.alreadySignedIn ? '本次会议的签到此前已记录，无需重复签到。' : '签到已记录，参会情况计入积分档案。'}</Text>
          <Button className='btn btn--plain' aria-label='查看我的会议' onClick={() => void Taro.redirectTo({ url: ROUTES.meetings })}>
            查看我的会议
          </Button>
        </View>
      ) : null}
      {/* Signed in on site: a natural moment to ask for the reminder before the next meeting. */}
      {state.status === 'done' ? <MeetingSubscribeOffer /> : null}
      {state.status === 'refused' && !notMember ? (
        <View className='card' role='alert'>
          <Text className='card__title'>{isExpiredCode(state.error) ? '签到码已过期' : '签到未成功'}</Text>
          <Text className='text'>{state.error.message}</Text>
          {isExpiredCode(state.error) ? <Text className='text text--small text--muted'>会场的二维码每分钟更换一次，照片或转发的二维码无法签到。</Text> : null}
          {canScan ? (
            <Button className='btn btn--primary' aria-label='重新扫码' onClick={() => void rescan()}>
              重新扫码
            </Button>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  );
}
