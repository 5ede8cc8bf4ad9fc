/**
 * 主题党日签到: opened by the on-site code with `?scene=<token>` (URL-encoded by a
 * mini-program code and by the local QR's H5 URL alike). Calls activity.signIn once per token,
 * however often React runs the effect, and shows 签到成功 (with 已记录重温入党誓词 when the oath
 * is part of the activity) or why not — an expired code asks for the current one on site
 * (weapp: 重新扫码 right here).
 */
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { NotMember } from '@/components/NotMember';
import { chinaDateTime } from '@/lib/format';
import { ROUTES } from '@/lib/routes';
import { safeCall } from '@/lib/submit';
import type { ApiError } from '@/services/api';
import { isExpiredCode } from '@/lib/scan';
import { useScannedSignIn } from '@/hooks/useScannedSignIn';

const MISSING: ApiError = { code: 'INVALID_INPUT', message: '缺少签到码，请扫描活动现场展示的签到二维码' };

export default function ActivitySignIn() {
  const { state, rescan } = useScannedSignIn({ signIn: (token) => safeCall('activity.signIn', { token }), page: 'activity-signin', missing: MISSING, notThisCode: '这不是主题党日签到二维码' });

  const notMember = state.status === 'refused' && state.error.code === 'UNAUTHENTICATED';
  const expired = state.status === 'refused' && isExpiredCode(state.error);
  const canScan = process.env.TARO_ENV !== 'h5';

  return (
    <PageShell status={state.status === 'loading' ? 'loading' : 'ready'}>
      {notMember ? <NotMember message='加入支部后才能签到参加活动' /> : null}
      {state.status === 'done' ? (
        <View className='card' role='status' aria-live='polite'>
          <Text className='big-number'>{state.result.alreadySignedIn ? '您已签到' : '签到成功'}</Text>
          <Text className='tag'>主题党日</Text>
          <Text className='card__title'>{state.result.activity.theme}</Text>
          <View className='row'>
            <Text className='row__label'>时间</Text>
            <Text className='row__value'>{chinaDateTime(state.result.activity.startsAt)}</Text>
          </View>
          <View className='row'>
            <Text className='row__label'>地点</Text>
            <Text className='row__value'>{state.result.activity.place}</Text>
          </View>
          {state.result.activity.oath && state.result.activity.mine.oath ? <Text className='text'>✓ 已记录重温入党誓词</Text> : null}
          <Text className='text text--small text--muted'>{state.result.alreadySignedIn ? '本次活动的签到此前已记录，无需重复签到。' : '签到已记录，参加活动计入积分档案。'}</Text>
          {state.result.activity.oath ? (
            <Button className='btn btn--primary' aria-label='重温入党誓词' onClick={() => void Taro.navigateTo({ url: `${ROUTES.oath}?activityId=${encodeURIComponent(state.result.activity.id)}` })}>
              重温入党誓词
            </Button>
          ) : null}
          <Button className='btn btn--plain' aria-label='查看活动' onClick={() => void Taro.redirectTo({ url: `${ROUTES.activity}?id=${encodeURIComponent(state.result.activity.id)}` })}>
            查看活动
          </Button>
        </View>
      ) : null}
      {state.status === 'refused' && !notMember ? (
        <View className='card' role='alert'>
          <Text className='card__title'>{expired ? '签到码已过期' : '签到未成功'}</Text>
          <Text className='text'>{state.error.message}</Text>
          {expired ? <Text className='text text--small text--muted'>请扫描活动现场正在展示的二维码，二维码每分钟更换，照片或转发的二维码无法签到。</Text> : null}
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
