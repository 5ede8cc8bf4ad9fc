/**
 * The UNAUTHENTICATED state: this WeChat identity is not bound to a member of any branch.
 * Explains how to join, shows the latest join request (if any) and opens the join page for a
 * typed invitation code.
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { DEV_SIGNIN_URL } from '@/cloud';
import { BACKEND } from '@/config/env';
import { TextField } from '@/components/Field';
import { RequestStatus, type JoinRequest } from '@/components/JoinStatus';
import { ROUTES } from '@/lib/routes';
import { safeCall } from '@/lib/submit';

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
  const [request, setRequest] = useState<JoinRequest | null>(null);
  const [code, setCode] = useState('');

  useEffect(() => {
    let live = true;
    void safeCall('org.myJoinRequest', {}).then((res) => {
      if (live && res?.ok) setRequest(res.data.request);
    });
    return () => {
      live = false;
    };
  }, []);

  const openJoin = () => {
    const typed = code.trim();
    if (!typed) return;
    void Taro.navigateTo({ url: `${ROUTES.join}?code=${encodeURIComponent(typed)}` });
  };

  return (
    <View>
      <View className='card' role='alert'>
        <Text className='card__title'>您还不是支部成员</Text>
        <Text className='text text--muted'>
          同心仅对支部成员开放。请向所在支部的书记索取邀请码或邀请二维码，扫码或输入邀请码申请加入，书记审核通过后即可使用。
        </Text>
        {message ? <Text className='text text--small text--muted'>{message}</Text> : null}
      </View>
      {request ? <RequestStatus request={request} /> : null}
      <View className='card'>
        <Text className='card__title'>用邀请码加入</Text>
        <Text className='text text--small text--muted'>用微信扫描书记的邀请二维码，或在下面输入邀请码。</Text>
        <TextField label='邀请码' value={code} onChange={setCode} placeholder='例如 AbC23xYz' maxlength={16} onConfirm={openJoin} />
        <Button className='btn btn--primary' aria-label='用邀请码申请加入' onClick={openJoin}>
          申请加入
        </Button>
      </View>
      {local ? (
        <View className='card'>
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
