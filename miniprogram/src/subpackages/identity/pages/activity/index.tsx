/**
 * 主题党日 (`?id=`): theme, time, place, detail, 已报名 x/容量, my state; 报名 / 取消报名
 * (activity.signUp — a full activity answers with the server's message); 重温入党誓词 when the
 * oath is part of it; after the activity, the summary with photos (tap to enlarge). The
 * secretary (roles from org.me) gets 管理 → the manage page.
 */
import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { NotMember } from '@/components/NotMember';
import { ErrorAlert } from '@/components/Field';
import { Photos } from '@/components/Photos';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { confirmChange, toast } from '@/lib/confirm';
import { chinaDateTime, decodeParam } from '@/lib/format';
import { ROUTES, go } from '@/lib/routes';
import { useSubmit } from '@/lib/submit';
import type { ActivityView } from '@/services/api';
import { myStateText, signUpText } from '../../lib/activity';

export default function Activity() {
  const { params } = useRouter();
  const activityId = decodeParam(params?.id);
  const me = useAction('org.me', {});
  const loaded = useAction('activity.get', { activityId });
  const [a, setA] = useState<ActivityView | null>(null);
  const signUp = useSubmit();
  useReloadOnShow(loaded.reload);

  useEffect(() => {
    if (loaded.data) setA(loaded.data.activity);
  }, [loaded.data]);

  const isSecretary = me.data?.roles.includes('secretary') ?? false;

  const setGoing = async (going: boolean) => {
    if (!a) return;
    if (!going && !(await confirmChange('取消报名', `确定取消报名“${a.theme}”吗？`, '取消报名'))) return;
    const res = await signUp.run('activity.signUp', { activityId: a.id, going });
    if (res.ok) {
      setA(res.data);
      toast(going ? '报名成功' : '已取消报名', going ? 'success' : 'none');
    }
  };

  if (!activityId) return <PageShell status='error' errorMessage='缺少活动编号，请从主题党日页面进入' />;
  const notMember = loaded.status === 'error' && loaded.error.code === 'UNAUTHENTICATED';
  const status = a ? 'ready' : loaded.status === 'ready' ? 'loading' : loaded.status;
  const full = a ? a.capacity > 0 && a.signedUp >= a.capacity : false;
  const started = a ? a.past || new Date(a.startsAt).getTime() <= Date.now() : false;

  return (
    <PageShell status={status} errorMessage={loaded.error?.message} onRetry={loaded.reload} errorContent={notMember ? <NotMember /> : undefined}>
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
              <Text className='row__label'>报名</Text>
              <Text className='row__value'>{full && !a.past ? `${signUpText(a)}（已满）` : signUpText(a)}</Text>
            </View>
            {started ? (
              <View className='row'>
                <Text className='row__label'>签到</Text>
                <Text className='row__value'>{`${a.present} 人`}</Text>
              </View>
            ) : null}
            <View className='row'>
              <Text className='row__label'>我的状态</Text>
              <Text className='row__value'>{`${myStateText(a)}${a.mine.oath ? ' · 已重温誓词' : ''}`}</Text>
            </View>
            <Text className='field__label'>活动内容</Text>
            <Text className='text'>{a.detail}</Text>
          </View>

          {!a.past ? (
            <View className='card'>
              <ErrorAlert error={signUp.error} />
              {a.mine.present ? (
                <Text className='text'>您已签到。</Text>
              ) : a.mine.signedUp ? (
                <Button className='btn btn--plain' aria-label='取消报名' disabled={signUp.busy || undefined} onClick={() => void setGoing(false)}>
                  取消报名
                </Button>
              ) : (
                <Button className='btn btn--primary' aria-label='报名' disabled={signUp.busy || undefined} loading={signUp.busy || undefined} onClick={() => void setGoing(true)}>
                  {full ? '报名（名额已满）' : '报名'}
                </Button>
              )}
              <Text className='text text--small text--muted'>活动现场请扫描签到二维码签到，签到后计入积分档案。</Text>
            </View>
          ) : null}

          {a.oath ? (
            <View className='card'>
              <Text className='text'>本次活动包含重温入党誓词。</Text>
              <Button className='btn btn--plain' aria-label='重温入党誓词' onClick={() => go(`${ROUTES.oath}?activityId=${encodeURIComponent(a.id)}`)}>
                重温入党誓词
              </Button>
            </View>
          ) : null}

          {started ? (
            <View className='card'>
              <Text className='card__title'>活动小结</Text>
              {a.summary ? (
                <View>
                  <Text className='text'>{a.summary.text}</Text>
                  <Photos urls={a.summary.photoUrls} />
                  <Text className='text text--small text--muted'>{`发布于 ${chinaDateTime(a.summary.at)}`}</Text>
                </View>
              ) : (
                <Text className='text text--muted'>活动小结和照片尚未发布。</Text>
              )}
            </View>
          ) : null}

          {isSecretary ? (
            <Button className='btn btn--plain' aria-label='管理活动' onClick={() => go(`${ROUTES.activityManage}?id=${encodeURIComponent(a.id)}`)}>
              管理（签到二维码、名单、小结）
            </Button>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  );
}
