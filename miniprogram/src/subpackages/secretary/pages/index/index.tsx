/**
 * 书记工作台 (secretary subpackage): the branch summary and the secretary's tools, with the
 * number of join requests waiting for a decision.
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { NotMember } from '@/components/NotMember';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { ROLE_LABELS } from '@/domain/roles';
import { ROUTES } from '@/lib/routes';
import { safeCall } from '@/lib/submit';

export const SECRETARY_TOOLS: ReadonlyArray<{ name: string; what: string; url: string }> = [
  { name: '入支部申请', what: '审核扫码申请加入支部的人', url: ROUTES.joinRequests },
  { name: '邀请入支部', what: '生成邀请码和邀请二维码，分享到微信群', url: ROUTES.invitations },
  { name: '成员管理', what: '党小组、岗区队、身份、类别和分工', url: ROUTES.members },
  { name: '组织架构', what: '党小组、岗区队和委员权责清单', url: ROUTES.structure },
  { name: '支部任务', what: '发布任务到微信群，查看完成情况，一键提醒', url: ROUTES.secretaryTasks },
  { name: '攻坚项目', what: '书记工程等项目：委员轮值牵头、节点、进展、验收闭环', url: ROUTES.projects },
  { name: '志愿服务', what: '志愿活动、服务时长确认', url: ROUTES.volunteer },
  { name: '业务目标', what: '突击队的目标指标和进度曲线', url: ROUTES.targets },
  { name: '党建和创', what: '共建协议、共建单位和联合活动', url: ROUTES.cobuild },
  { name: '三会一课', what: '安排会议、扫码签到、会议记录，本季度缺项一目了然', url: ROUTES.secretaryMeetings },
  { name: '微型党课', what: '发布委员录制的党课，生成二维码海报，查看学习情况', url: ROUTES.secretaryLessons },
  { name: '学习要点', what: '推送学习要点到支部或党小组，查看阅读率', url: ROUTES.secretaryPushes },
  { name: '徽章打卡', what: '每位党员、每个党小组任意时段的打卡率', url: ROUTES.checkinRates },
  { name: '承诺践诺', what: '谁还没有承诺、谁本季度没有践诺记录', url: ROUTES.pledgeStatus },
  { name: '主题党日', what: '发起活动、现场扫码签到、活动照片和小结', url: ROUTES.activities },
  { name: '季度考评', what: '民主评议、关闭季度、发布结果和下发三单', url: ROUTES.quarter },
  { name: '三单整改', what: '跟踪整改事项，核验或退回', url: ROUTES.rectifications },
  { name: '荣誉墙确认', what: '党小组长推荐的先进党员，确认上墙', url: ROUTES.honourConfirm },
  { name: '年度计划', what: '计划上墙：事项、负责人、季度目标和完成情况', url: ROUTES.planEdit },
  { name: '年终评优', what: '按四个季度结果评选优秀共产党员', url: ROUTES.awards },
  { name: '支部力量金字塔', what: '委员、党小组和岗区队一览', url: ROUTES.pyramid },
  { name: '操作记录', what: '本支部的每一次修改', url: ROUTES.secretaryAudit },
];

export default function SecretaryHome() {
  const me = useAction('org.me', {});
  const notMember = me.status === 'error' && me.error.code === 'UNAUTHENTICATED';
  const isSecretary = me.data?.roles.includes('secretary') ?? false;
  const [pending, setPending] = useState<number | null>(null);

  const loadPending = () => {
    void safeCall('org.joinRequests', { status: 'pending' }).then((res) => {
      if (res.ok) setPending(res.data.requests.length);
    });
  };
  useEffect(() => {
    if (isSecretary) loadPending();
  }, [isSecretary]);
  useReloadOnShow(() => {
    if (isSecretary) loadPending();
  });

  return (
    <PageShell
      status={me.status}
      errorMessage={me.error?.message}
      onRetry={me.reload}
      errorContent={notMember ? <NotMember /> : undefined}
    >
      {me.data ? (
        <View>
          <View className='card'>
            <Text className='card__title'>{me.data.branch.name}</Text>
            <View className='row'>
              <Text className='row__label'>当前用户</Text>
              <Text className='row__value'>{me.data.name}</Text>
            </View>
            <View className='row'>
              <Text className='row__label'>身份</Text>
              <Text className='row__value'>{me.data.roles.map((r) => ROLE_LABELS[r]).join('、')}</Text>
            </View>
          </View>
          {isSecretary ? (
            <View className='card'>
              <Text className='card__title'>支部工作</Text>
              {pending ? (
                <View role='status'>
                  <Text className='text overdue'>{`有 ${pending} 个入支部申请待审核`}</Text>
                </View>
              ) : null}
              {SECRETARY_TOOLS.map((t) => {
                const count = t.url === ROUTES.joinRequests && pending ? pending : 0;
                return (
                  <Button
                    key={t.name}
                    className='btn btn--plain'
                    aria-label={count ? `${t.name}，${count}个待审核` : t.name}
                    onClick={() => void Taro.navigateTo({ url: t.url })}
                  >
                    {t.name}
                    {count ? <Text className='badge'>{count}</Text> : null}
                  </Button>
                );
              })}
            </View>
          ) : (
            <View className='card' role='alert'>
              <Text className='card__title'>仅支部书记可用</Text>
              <Text className='text text--muted'>书记工作台用于管理本支部的成员、任务和季度评定，您当前的身份无法使用。</Text>
            </View>
          )}
        </View>
      ) : null}
    </PageShell>
  );
}
