/**
 * 主题党日管理 (secretary, `?id=`): the activity; 显示签到二维码 — full width, a new code every
 * REFRESH_SECONDS with a visible countdown (each is valid 60 s), the screen kept on, paused
 * while the page is hidden and stopped when it unloads; who signed up and who came (the list
 * follows each new code); the summary with photos stored under `activities/<activityId>/`.
 */
import { useCallback, useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { useAction } from '@/hooks/useAction';
import { chinaDateTime, decodeParam } from '@/lib/format';
import { ROUTES, go } from '@/lib/routes';
import { safeCall } from '@/lib/submit';
import type { ActionOutput, ActivityView } from '@/services/api';
import { RecordEditor } from '../../components/RecordEditor';
import { RotatingSignInCode } from '../../components/RotatingSignInCode';
import './index.css';

export { REFRESH_SECONDS, RETRY_SECONDS } from '../../components/RotatingSignInCode';
export const MIN_SUMMARY = 10;
export const MAX_PHOTOS = 18;

type Person = NonNullable<ActionOutput<'activity.get'>['people']>[number];

export function personStatus(p: Pick<Person, 'signedUp' | 'present'>): string {
  if (p.present) return p.signedUp ? '已签到' : '已签到（未报名）';
  return p.signedUp ? '已报名，未签到' : '未报名';
}

function SignInCode({ activityId, onRefreshed }: { activityId: string; onRefreshed: () => void }) {
  return <RotatingSignInCode fetch={() => safeCall('activity.signInCode', { activityId })} onRefreshed={onRefreshed} label='活动签到二维码，请用微信扫码签到' className='activity-qr' />;
}

function SummaryEditor({ activity, onSaved }: { activity: ActivityView; onSaved: (a: ActivityView) => void }) {
  return (
    <RecordEditor
      noun='活动小结'
      photoNoun='活动照片'
      placeholder='活动过程、收获和参加情况'
      minLength={MIN_SUMMARY}
      maxLength={3000}
      maxPhotos={MAX_PHOTOS}
      folder={`activities/${activity.id}`}
      notYet={!activity.past && new Date(activity.startsAt).getTime() > Date.now() ? '活动开始后可填写小结、上传照片。' : null}
      saved={activity.summary ? { text: activity.summary.text, photoUrls: activity.summary.photoUrls, footer: `保存于 ${chinaDateTime(activity.summary.at)}` } : null}
      send={async (submit, text, photos) => {
        const res = await submit.run('activity.saveSummary', { activityId: activity.id, text, photos });
        if (res.ok) onSaved(res.data);
        return res.ok;
      }}
    />
  );
}

export default function ActivityManage() {
  const { params } = useRouter();
  const activityId = decodeParam(params?.id);
  const loaded = useAction('activity.get', { activityId });
  const [detail, setDetail] = useState<ActionOutput<'activity.get'> | null>(null);
  const [showCode, setShowCode] = useState(false);

  useEffect(() => {
    if (loaded.data) setDetail(loaded.data);
  }, [loaded.data]);

  // With each new code, the counts and the list follow the scans (quietly, no loading state).
  const refreshPeople = useCallback(() => {
    void safeCall('activity.get', { activityId }).then((res) => {
      if (res.ok) setDetail(res.data);
    });
  }, [activityId]);

  const a = detail?.activity ?? null;
  const people = [...(detail?.people ?? [])].sort((x, y) => Number(y.present) - Number(x.present) || Number(y.signedUp) - Number(x.signedUp));
  const listed = people.filter((p) => p.signedUp || p.present);
  const others = people.filter((p) => !p.signedUp && !p.present);
  const status = !activityId ? 'error' : detail ? 'ready' : loaded.status === 'ready' ? 'loading' : loaded.status;

  return (
    <PageShell status={status} errorMessage={activityId ? loaded.error?.message : '缺少活动编号，请从主题党日页面进入'} onRetry={activityId ? loaded.reload : undefined}>
      {a ? (
        <View>
          <View className='card'>
            <Text className='tag'>主题党日</Text>
            {a.oath ? <Text className='tag'>含重温誓词</Text> : null}
            <Text className='card__title'>{a.theme}</Text>
            <View className='row'>
              <Text className='row__label'>时间</Text>
              <Text className='row__value'>{chinaDateTime(a.startsAt)}</Text>
            </View>
            <View className='row'>
              <Text className='row__label'>地点</Text>
              <Text className='row__value'>{a.place}</Text>
            </View>
            <View className='row'>
              <Text className='row__label'>报名 / 签到</Text>
              <Text className='row__value'>{`已报名 ${a.signedUp}${a.capacity > 0 ? `/${a.capacity}` : '（不限）'} · 已签到 ${a.present}`}</Text>
            </View>
            <Text className='field__label'>活动内容</Text>
            <Text className='text'>{a.detail}</Text>
          </View>

          <View className='card'>
            <Text className='card__title'>现场签到</Text>
            {showCode ? (
              <View>
                <SignInCode activityId={a.id} onRefreshed={refreshPeople} />
                <Button className='btn btn--plain' aria-label='收起签到二维码' onClick={() => setShowCode(false)}>
                  收起二维码
                </Button>
              </View>
            ) : (
              <Button className='btn btn--primary' aria-label='显示签到二维码' onClick={() => setShowCode(true)}>
                显示签到二维码
              </Button>
            )}
            {a.oath ? (
              <Button className='btn btn--plain' aria-label='重温入党誓词' onClick={() => go(`${ROUTES.oath}?activityId=${encodeURIComponent(a.id)}`)}>
                重温入党誓词（领誓用）
              </Button>
            ) : null}
          </View>

          <View className='card'>
            <Text className='card__title'>{`报名和签到（${listed.length}）`}</Text>
            {listed.length === 0 ? <Text className='text text--muted'>还没有人报名或签到</Text> : null}
            <View role='list' aria-label='报名和签到'>
              {listed.map((p) => (
                <View key={p.id} className='row' role='listitem' aria-label={`${p.name}，${personStatus(p)}`}>
                  <Text className='row__label'>{p.name}</Text>
                  <Text className={`row__value${p.present ? '' : ' text--muted'}`}>{personStatus(p)}</Text>
                </View>
              ))}
            </View>
            {others.length ? <Text className='text text--small text--muted'>{`未报名：${others.map((p) => p.name).join('、')}`}</Text> : null}
          </View>

          <View className='card'>
            <Text className='card__title'>活动小结和照片</Text>
            <SummaryEditor activity={a} onSaved={(next) => setDetail((d) => (d ? { ...d, activity: next } : d))} />
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
