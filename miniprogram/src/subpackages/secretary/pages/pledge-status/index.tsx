/**
 * 承诺践诺情况 (secretary, pledge.status): this year's pledges signed out of the branch's members,
 * who has not pledged (草稿中 when a draft exists) and who has no fulfilment update in the chosen
 * quarter — the people to remind. Links to 承诺公开栏 and 践诺评议.
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { PeriodPicker } from '@/components/PeriodPicker';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { periodLabel } from '@/domain/points';
import { currentPeriod, previousPeriod } from '@/domain/quarter';
import { go, ROUTES } from '@/lib/routes';
import { percentOf, percentText, rate } from '../../../../../../shared/domain/rates';

export default function PledgeStatus() {
  const now = currentPeriod();
  const choices = [now, previousPeriod(now), previousPeriod(previousPeriod(now))];
  const [period, setPeriod] = useState(now);
  const status = useAction('pledge.status', { period });
  useReloadOnShow(status.reload);
  const d = status.data;
  const signed = d ? rate(d.signed, d.members) : 0;

  return (
    <PageShell status={status.status} errorMessage={status.error?.message} onRetry={status.reload}>
      <PeriodPicker choices={choices} value={period} onChange={setPeriod} />
      {d ? (
        <View>
          <View className='card'>
            <Text className='card__title'>承诺签署</Text>
            <View role='status' aria-label={`已签署 ${d.signed} / ${d.members} 人，${percentText(signed)}`}>
              <Text className='big-number'>{`${d.signed} / ${d.members}`}</Text>
              <Text className='text text--small text--muted'>{`已签署 / 党员人数（${percentText(signed)}）`}</Text>
            </View>
            <View className='meter__track' aria-hidden='true'>
              <View className='meter__fill' style={{ width: `${percentOf(signed)}%` }} />
            </View>
            <View className='actions'>
              <Button className='btn btn--plain btn--small' aria-label='查看承诺公开栏' onClick={() => go(ROUTES.pledgeBoard)}>
                承诺公开栏
              </Button>
              <Button className='btn btn--plain btn--small' aria-label='进入践诺评议' onClick={() => go(ROUTES.pledgeReviews)}>
                践诺评议
              </Button>
            </View>
          </View>

          <View className='card'>
            <Text className='card__title'>{`未承诺（${d.notPledged.length}）`}</Text>
            {d.notPledged.length === 0 ? <Text className='text text--small text--muted'>全体党员都已签署承诺。</Text> : null}
            <View role='list' aria-label='未承诺的党员'>
              {d.notPledged.map((m) => (
                <View key={m.id} className='row' role='listitem' aria-label={`${m.name}，${m.group ?? '未编入党小组'}${m.draft ? '，草稿中' : '，未开始'}`}>
                  <Text className='row__label'>{m.name}</Text>
                  <View className='row__value'>
                    <Text className='text text--small text--muted'>{m.group ?? '未编入党小组'}</Text>
                    {m.draft ? <Text className='tag'>草稿中</Text> : <Text className='tag overdue'>未开始</Text>}
                  </View>
                </View>
              ))}
            </View>
          </View>

          <View className='card'>
            <Text className='card__title'>{`本季度无践诺记录（${d.noUpdate.length}）`}</Text>
            <Text className='text text--small text--muted'>{`${periodLabel(d.period)}：已签署承诺、但还没有记录践诺情况的党员。`}</Text>
            {d.noUpdate.length === 0 ? <Text className='text text--small text--muted'>已签署的党员本季度都有践诺记录。</Text> : null}
            <View role='list' aria-label='本季度无践诺记录的党员'>
              {d.noUpdate.map((m) => (
                <View key={m.id} className='row' role='listitem' aria-label={`${m.name}，${m.group ?? '未编入党小组'}，本季度无践诺记录`}>
                  <Text className='row__label'>{m.name}</Text>
                  <Text className='row__value text--muted'>{m.group ?? '未编入党小组'}</Text>
                </View>
              ))}
            </View>
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
