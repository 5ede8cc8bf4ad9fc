/**
 * 重温入党誓词: the oath in very large, high-contrast type, one phrase a line so the room can
 * read it together after the one leading, with 面向党旗，举起右拳. Opened from a 主题党日 with
 * `?activityId=` it names the activity (activity.get) and says that taking part is recorded by
 * the on-site sign-in. Nothing is written and no points are given here. The screen stays on
 * while the page is shown (weapp).
 */
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { OATH_TEXT } from '@/domain/identity';
import { chinaDateTime, decodeParam } from '@/lib/format';
import { safeCall } from '@/lib/submit';
import type { ActivityView } from '@/services/api';
import './index.css';

/** The oath as phrases to read aloud: split after each ，, each keeping its punctuation. */
export function oathPhrases(text: string = OATH_TEXT): string[] {
  return text.match(/[^，。]+[，。]?/g) ?? [text];
}

export default function Oath() {
  const { params } = useRouter();
  const activityId = decodeParam(params?.activityId);
  const [activity, setActivity] = useState<ActivityView | null>(null);
  const [activityError, setActivityError] = useState<string | null>(null);

  useEffect(() => {
    if (!activityId) return undefined;
    let live = true;
    void safeCall('activity.get', { activityId }).then((res) => {
      if (!live) return;
      if (res.ok) setActivity(res.data.activity);
      else setActivityError(res.error.message);
    });
    return () => {
      live = false;
    };
  }, [activityId]);

  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return undefined;
    void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
    return () => {
      void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined);
    };
  }, []);

  return (
    <PageShell status='ready'>
      {activityId ? (
        <View className='card' aria-live='polite'>
          {activity ? (
            <View>
              <Text className='tag'>主题党日</Text>
              <Text className='card__title'>{activity.theme}</Text>
              <Text className='text text--small text--muted'>{`${chinaDateTime(activity.startsAt)} · ${activity.place}`}</Text>
            </View>
          ) : activityError ? (
            <Text className='text text--muted'>{activityError}</Text>
          ) : (
            <Text className='text text--muted'>正在加载活动…</Text>
          )}
          <Text className='text text--small'>参加本次重温入党誓词，以活动现场扫码签到为准记录。</Text>
        </View>
      ) : null}
      <View className='oath' role='article' aria-label='入党誓词'>
        <Text className='oath__title'>入党誓词</Text>
        <Text className='oath__pose'>面向党旗，举起右拳</Text>
        <View className='oath__body'>
          {oathPhrases().map((p, i) => (
            <Text key={i} className='oath__line'>
              {p}
            </Text>
          ))}
        </View>
        <Text className='oath__sign'>宣誓人：________</Text>
      </View>
      <Text className='text text--small text--muted oath__note'>领誓人领读一句，全体跟读一句；读到“宣誓人”时各自报出自己的姓名。</Text>
    </PageShell>
  );
}
