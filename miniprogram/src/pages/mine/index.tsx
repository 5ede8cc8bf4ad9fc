import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { NotMember } from '@/components/NotMember';
import { WechatId } from '@/components/WechatId';
import { LargeFontToggle } from '@/components/LargeFontToggle';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { ROLE_LABELS } from '@/domain/roles';
import { UNIT_KIND_LABELS } from '@/domain/units';
import { ROUTES } from '@/lib/routes';
import { safeCall } from '@/lib/submit';
import { toAnswer, type Rectification } from '@/domain/quarter';

export const SECRETARY_PAGE = ROUTES.secretary;
export const PYRAMID_PAGE = ROUTES.pyramid;
export const COMMITTEE_PAGE = ROUTES.branches;

// Not `ariaLabel`: Taro's H5 build rewrites JSX props named aria* to aria-*, even on our own components.
function EntryRow({ label, spokenLabel, url }: { label: string; spokenLabel: string; url: string }) {
  return (
    <Button className='btn btn--plain' aria-label={spokenLabel} onClick={() => void Taro.navigateTo({ url })}>
      {label}
    </Button>
  );
}

/** 整改事项: shown only while the member has an open 三单 (rectification.mine). */
function RectificationCard({ items }: { items: readonly Rectification[] }) {
  const open = items.filter((r) => r.state === 'open');
  if (open.length === 0) return null;
  const pending = toAnswer(open);
  const overdue = pending.filter((a) => a.overdue).length;
  const summary = pending.length ? `有 ${pending.length} 项整改待提交` : '整改情况已提交，等待书记核验';
  return (
    <View className='card'>
      <Text className='card__title'>整改事项</Text>
      <View role='status'>
        <Text className='text'>{summary}</Text>
        {overdue ? <Text className='text overdue'>{`其中 ${overdue} 项已逾期`}</Text> : null}
      </View>
      <EntryRow label='查看整改事项' spokenLabel={`查看整改事项，${summary}${overdue ? `，${overdue}项已逾期` : ''}`} url={ROUTES.myRectification} />
    </View>
  );
}

export default function Mine() {
  const me = useAction('org.me', {});
  const [rects, setRects] = useState<Rectification[]>([]);
  const isMember = me.status === 'ready';
  const loadRects = () => {
    void safeCall('rectification.mine', {}).then((res) => {
      setRects(res.ok && Array.isArray(res.data?.items) ? res.data.items : []);
    });
  };
  useEffect(() => {
    if (isMember) loadRects();
  }, [isMember]);
  // A reload passes through loading, so the effect fetches the 三单 again once me is back.
  useReloadOnShow(me.reload);
  const notMember = me.status === 'error' && me.error.code === 'UNAUTHENTICATED';

  return (
    <PageShell
      status={me.status}
      errorMessage={me.error?.message}
      onRetry={me.reload}
      errorContent={
        notMember ? (
          <View>
            <NotMember />
            {/* Where a person without a branch finds what to send for the company's first set-up. */}
            <WechatId />
            <LargeFontToggle />
          </View>
        ) : undefined
      }
    >
      {me.data ? (
        <View>
          <View className='card'>
            <Text className='card__title'>{me.data.name}</Text>
            <View className='row'>
              <Text className='row__label'>所在支部</Text>
              <Text className='row__value'>{me.data.branch.name}</Text>
            </View>
            <View className='row'>
              <Text className='row__label'>党小组</Text>
              <Text className='row__value'>{me.data.group ? me.data.group.name : '未编入党小组'}</Text>
            </View>
            {me.data.duty ? (
              <View className='row'>
                <Text className='row__label'>委员分工</Text>
                <Text className='row__value'>{me.data.duty}</Text>
              </View>
            ) : null}
            {me.data.units?.length ? (
              <View className='row'>
                <Text className='row__label'>岗区队</Text>
                <View className='row__value'>
                  {me.data.units.map((u) => (
                    <Text key={u.id} className='text text--small'>
                      {`${UNIT_KIND_LABELS[u.kind] ?? ''}：${u.name}`}
                    </Text>
                  ))}
                </View>
              </View>
            ) : null}
            <View className='row'>
              <Text className='row__label'>身份</Text>
              <View className='row__value'>
                {me.data.roles.map((r) => (
                  <Text key={r} className='tag'>
                    {ROLE_LABELS[r]}
                  </Text>
                ))}
              </View>
            </View>
          </View>
          <RectificationCard items={rects} />
          <View className='card'>
            <Text className='card__title'>身份意识</Text>
            <EntryRow label='徽章打卡' spokenLabel='徽章打卡' url={ROUTES.checkin} />
            <EntryRow label='我的承诺' spokenLabel='我的承诺' url={ROUTES.pledge} />
            <EntryRow label='承诺公开栏' spokenLabel='查看承诺公开栏' url={ROUTES.pledgeBoard} />
            <EntryRow label='主题党日' spokenLabel='主题党日活动' url={ROUTES.activities} />
            {me.data.roles.includes('committeeMember') || me.data.roles.includes('secretary') ? (
              <EntryRow label='践诺评议' spokenLabel='践诺评议' url={ROUTES.pledgeReviews} />
            ) : null}
          </View>
          <View className='card'>
            <Text className='card__title'>支部工作</Text>
            <EntryRow label='支部力量金字塔' spokenLabel='查看支部力量金字塔' url={PYRAMID_PAGE} />
            <EntryRow label='荣誉墙' spokenLabel='查看荣誉墙' url={ROUTES.honourWall} />
            <EntryRow label='计划上墙' spokenLabel='查看计划上墙' url={ROUTES.planWall} />
            <EntryRow label='攻坚项目' spokenLabel='查看攻坚项目' url={ROUTES.projects} />
            <EntryRow label='志愿服务' spokenLabel='志愿服务与服务时长' url={ROUTES.volunteer} />
            <EntryRow label='业务目标' spokenLabel='查看突击队业务目标' url={ROUTES.targets} />
            <EntryRow label='党建和创' spokenLabel='查看党建和创共建协议' url={ROUTES.cobuild} />
            {me.data.roles.includes('groupLeader') ? <EntryRow label='推荐上墙' spokenLabel='推荐本小组党员上荣誉墙' url={ROUTES.nominate} /> : null}
            {me.data.roles.includes('secretary') ? <EntryRow label='书记工作台' spokenLabel='进入书记工作台' url={SECRETARY_PAGE} /> : null}
            {me.data.roles.includes('committeeAdmin') ? <EntryRow label='党委管理' spokenLabel='进入党委管理' url={COMMITTEE_PAGE} /> : null}
          </View>
          <LargeFontToggle />
        </View>
      ) : null}
    </PageShell>
  );
}
