/**
 * 学习要点 (?id=): one push — title, body in large type, images, the linked micro-lesson.
 * Reading it to the end counts as read: once an end marker after the body is on screen
 * (IntersectionObserver; content shorter than the screen is at its end once shown),
 * `studyPush.read` is called once. Then, a natural moment, the member is offered 订阅学习提醒.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { Photos } from '@/components/Photos';
import { SubscribeOffer } from '@/components/SubscribeOffer';
import { useAction } from '@/hooks/useAction';
import { chinaDateTime, decodeParam } from '@/lib/format';
import { ROUTES, go } from '@/lib/routes';
import { safeCall } from '@/lib/submit';

/** The end marker's element id (one per push, so a stacked page never answers for another). */
export const endMarkerId = (pushId: string) => `push-end-${pushId}`;

function later(fn: () => void): void {
  // Taro.nextTick waits for the mini-program's pending render, so the marker exists.
  if (typeof Taro.nextTick === 'function') Taro.nextTick(fn);
  else setTimeout(fn, 0);
}

function screenHeight(): number {
  if (process.env.TARO_ENV === 'h5') return window.innerHeight;
  try {
    return Taro.getWindowInfo().windowHeight;
  } catch {
    return 0;
  }
}

/** Content shorter than the screen: the marker is on screen as soon as the page shows. */
function checkOnScreen(id: string, onVisible: () => void): void {
  try {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ rect: true }, (res: { top?: number } | null) => {
        const height = screenHeight();
        if (res && typeof res.top === 'number' && height > 0 && res.top < height) onVisible();
      })
      .exec();
  } catch {
    // no layout information: the observer decides
  }
}

/** Calls `onVisible` whenever the marker comes into view; returns the stop function. */
export function watchEndMarker(id: string, onVisible: () => void): () => void {
  let stop = () => {};
  let stopped = false;
  later(() => {
    if (stopped) return;
    try {
      if (process.env.TARO_ENV === 'h5') {
        const el = document.getElementById(id);
        if (el && typeof IntersectionObserver === 'function') {
          const io = new IntersectionObserver((entries) => {
            if (entries.some((e) => e.isIntersecting)) onVisible();
          });
          io.observe(el);
          stop = () => io.disconnect();
        }
      } else if (typeof Taro.createIntersectionObserver === 'function') {
        const observer = Taro.createIntersectionObserver(Taro.getCurrentInstance().page ?? {}, { thresholds: [0] });
        observer.relativeToViewport({ bottom: 0 }).observe(`#${id}`, (res) => {
          if ((res.intersectionRatio ?? 0) > 0) onVisible();
        });
        stop = () => observer.disconnect();
      }
    } catch {
      // no observer on this platform: only the on-screen check below
    }
    checkOnScreen(id, onVisible);
  });
  return () => {
    stopped = true;
    stop();
  };
}

type ReadState = 'idle' | 'sending' | 'done' | 'failed';

export default function PushPage() {
  const { params } = useRouter();
  const pushId = decodeParam(params?.id);
  const view = useAction('studyPush.view', { pushId });
  const [readState, setReadState] = useState<ReadState>('idle');
  const sent = useRef(false);
  const push = view.data;
  const read = Boolean(push?.read) || readState === 'done';

  const markRead = useCallback(async () => {
    if (sent.current) return;
    sent.current = true;
    setReadState('sending');
    const res = await safeCall('studyPush.read', { pushId });
    if (res.ok) {
      setReadState('done');
    } else {
      // Not recorded: the next time the end is in view (or 标记已读) tries again.
      sent.current = false;
      setReadState('failed');
    }
  }, [pushId]);

  const loaded = view.status === 'ready';
  const alreadyRead = Boolean(push?.read);
  useEffect(() => {
    if (!loaded || alreadyRead || readState === 'done') return undefined;
    return watchEndMarker(endMarkerId(pushId), () => void markRead());
  }, [loaded, alreadyRead, readState, pushId, markRead]);

  return (
    <PageShell status={view.status} errorMessage={view.error?.message} onRetry={view.reload}>
      {push ? (
        <View>
          <View className='card'>
            <Text className='card__title'>{push.title}</Text>
            <Text className='text text--small text--muted'>{`${push.author} · ${chinaDateTime(push.sendAt)}`}</Text>
            {read ? <Text className='tag'>已读</Text> : <Text className='tag'>未读</Text>}
            <Text className='text' style={{ fontSize: 'var(--fs-title)', lineHeight: '1.8', whiteSpace: 'pre-wrap' }}>
              {push.body}
            </Text>
            <View id={endMarkerId(pushId)} role='status'>
              <Text className='text text--small text--muted'>{read ? '— 全文完 · 已读 —' : '— 全文完 —'}</Text>
            </View>
            <Photos urls={push.imageUrls} />
          </View>
          {readState === 'failed' ? (
            <View className='alert' role='alert'>
              <Text>阅读记录未保存，请检查网络。</Text>
              <Button className='btn btn--plain btn--small' aria-label='标记已读' onClick={() => void markRead()}>
                标记已读
              </Button>
            </View>
          ) : null}
          {push.lesson ? (
            <View className='card'>
              <View className='entry' role='button' aria-label={`关联微党课：${push.lesson.title}`} onClick={() => go(`${ROUTES.lesson}?id=${push.lesson?.id ?? ''}`)}>
                <Text>{`关联微党课：${push.lesson.title}`}</Text>
                <Text className='entry__arrow'>›</Text>
              </View>
            </View>
          ) : null}
          {readState === 'done' ? <SubscribeOffer template='studyPush' title='订阅学习提醒' explainWeChat='支部发布新的学习要点时，通过微信服务通知提醒您。' explainPlain='支部发布新的学习要点时提醒您。' accepted='已订阅，支部发布新的学习要点时会提醒您。' /> : null}
          <Button className='btn btn--primary' aria-label='写学习心得' onClick={() => go(`${ROUTES.noteNew}?pushId=${pushId}`)}>
            写学习心得
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
}
