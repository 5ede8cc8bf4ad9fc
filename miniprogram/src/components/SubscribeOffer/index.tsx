/**
 * 订阅提醒 offer for one WeChat one-time subscribe template, shown at a natural moment (a push
 * read to the end, a task to do, a meeting ahead). The choice comes from a tap because WeChat
 * opens its prompt only from one; `subscribe` records it either way. Declining hides the offer;
 * accepting leaves the `accepted` notice.
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { toast } from '@/lib/confirm';
import { subscribe, usesWeChatPrompt } from '@/lib/subscribe';
import type { SubscribeTemplate } from '@/domain/study';

export interface SubscribeOfferProps {
  template: SubscribeTemplate;
  /** Card title and the subscribe button's accessible name, e.g. 订阅任务提醒. */
  title: string;
  /** Explanation when WeChat's own prompt follows the tap (weapp with a template id). */
  explainWeChat: string;
  /** Explanation otherwise (H5, or no template id configured). */
  explainPlain: string;
  /** Notice shown once subscribed. */
  accepted: string;
}

export function SubscribeOffer({ template, title, explainWeChat, explainPlain, accepted }: SubscribeOfferProps) {
  const [state, setState] = useState<'ask' | 'busy' | 'accepted' | 'declined'>('ask');
  const choose = async (wants: boolean) => {
    setState('busy');
    const res = await subscribe(template, wants);
    // The choice stands even when recording it failed; the member just hears why.
    if (res.error) toast(res.error.message);
    setState(res.accepted ? 'accepted' : 'declined');
  };
  if (state === 'declined') return null;
  if (state === 'accepted') {
    return (
      <View className='notice' role='status'>
        <Text className='text'>{accepted}</Text>
      </View>
    );
  }
  const busy = state === 'busy' || undefined;
  return (
    <View className='card'>
      <Text className='card__title'>{title}</Text>
      <Text className='text text--muted'>{usesWeChatPrompt(template) ? explainWeChat : explainPlain}</Text>
      <View className='actions'>
        <Button className='btn btn--primary btn--small' aria-label={title} disabled={busy} onClick={() => void choose(true)}>
          订阅提醒
        </Button>
        <Button className='btn btn--plain btn--small' aria-label='暂不订阅' disabled={busy} onClick={() => void choose(false)}>
          暂不
        </Button>
      </View>
    </View>
  );
}

/** 订阅开会提醒: the server reminds subscribed attendees about an hour before a meeting of 三会一课. */
export function MeetingSubscribeOffer() {
  return <SubscribeOffer template='meeting' title='订阅开会提醒' explainWeChat='下次开会前一小时，通过微信服务通知提醒您。' explainPlain='下次开会前一小时提醒您。' accepted='已订阅，下次开会前一小时提醒您。' />;
}
