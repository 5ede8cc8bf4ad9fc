/**
 * 我的微信标识: the caller's own WeChat identity (org.whoami), shown to a person not yet in
 * any branch. The very first 党委管理员 and 支部书记 of a company cannot join through an
 * invitation (there is no secretary yet), so they send this to the administrator who sets
 * the company up (scripts/cloud/bootstrap.ts). Hidden when it cannot be read.
 */
import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { safeCall } from '@/lib/submit';
import { copyText } from '@/lib/permissions';

function copy(openid: string): void {
  void copyText(openid, '已复制', '复制失败，请长按标识手动复制');
}

export function WechatId() {
  const [openid, setOpenid] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void safeCall('org.whoami', {}).then((res) => {
      if (live && res.ok) setOpenid(res.data.openid);
    });
    return () => {
      live = false;
    };
  }, []);

  if (!openid) return null;
  return (
    <View className='card'>
      <Text className='card__title'>我的微信标识</Text>
      {/* Selectable, so it can also be long-pressed and copied by hand. */}
      <Text className='text wechat-id' userSelect aria-label={`我的微信标识 ${openid}`}>
        {openid}
      </Text>
      <Text className='text text--muted'>首次开通同心、设置第一位党委管理员或支部书记时，请把这个标识发给本单位的系统管理员。</Text>
      <Button className='btn btn--plain' aria-label='复制我的微信标识' onClick={() => copy(openid)}>
        复制
      </Button>
    </View>
  );
}

export default WechatId;
