/** The UNAUTHENTICATED state: this WeChat identity is not bound to a member of any branch. */
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { DEV_SIGNIN_URL } from '@/cloud';
import { BACKEND } from '@/config/env';

export function openDevSignIn(): void {
  if (!DEV_SIGNIN_URL) return;
  if (process.env.TARO_ENV === 'h5') {
    window.location.href = DEV_SIGNIN_URL;
  } else {
    void Taro.navigateTo({ url: DEV_SIGNIN_URL });
  }
}

export function NotMember({ message }: { message?: string }) {
  const local = BACKEND === 'local' && DEV_SIGNIN_URL;
  return (
    <View className='card' role='alert'>
      <Text className='card__title'>您还不是支部成员</Text>
      <Text className='text text--muted'>
        同心仅对支部成员开放。请向所在支部的书记索取邀请码或邀请二维码，扫码或输入邀请码申请加入，书记审核通过后即可使用。
      </Text>
      {message ? <Text className='text text--small text--muted'>{message}</Text> : null}
      {local ? (
        <View>
          <Text className='text text--small text--muted'>本地开发环境：可选择一位模拟成员登录。</Text>
          <Button className='btn btn--plain' aria-label='本地开发登录' onClick={openDevSignIn}>
            本地开发登录
          </Button>
        </View>
      ) : null}
    </View>
  );
}

export default NotMember;
