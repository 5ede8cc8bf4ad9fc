/**
 * 积分: the member's 积分档案 for a quarter (points.myLedger): total, counted score against the
 * category caps, today per rule, a weekly chart and every entry ("why do I have this point");
 * earlier quarters by a switcher; entries to 排行榜 and 积分规则.
 */
import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { PeriodPicker } from '@/components/PeriodPicker';
import { NotMember } from '@/components/NotMember';
import { LedgerEntries } from '@/components/LedgerEntries';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { POINT_CATEGORY_LABELS, RULE_LABELS, chinaToday, percent, periodLabel, signedPoints, weeklyPoints } from '@/domain/points';
import { ROUTES } from '@/lib/routes';
import { safeCall } from '@/lib/submit';
import { currentPeriod, previousPeriod } from '@/domain/quarter';
import type { ActionOutput } from '@/services/api';

type Ledger = ActionOutput<'points.myLedger'>;

function Meter({ label, value, cap }: { label: string; value: number; cap: number }) {
  const pct = percent(value, cap);
  return (
    <View className='meter' role='progressbar' aria-label={`${label} ${value} / ${cap} 分`} aria-valuenow={Math.min(value, cap)} aria-valuemin={0} aria-valuemax={cap}>
      <View className='meter__head'>
        <Text>{label}</Text>
        <Text>{`${value} / ${cap}`}</Text>
      </View>
      <View className='meter__track'>
        <View className='meter__fill' style={{ width: `${pct}%` }} />
      </View>
    </View>
  );
}

function WeeklyChart({ data, today }: { data: Ledger; today: string }) {
  const weeks = weeklyPoints(data.period, data.entries, today);
  if (weeks.length === 0) return null;
  const max = Math.max(1, ...weeks.map((w) => Math.abs(w.points)));
  return (
    <View className='card'>
      <Text className='card__title'>我的积分走势</Text>
      <Text className='text text--small text--muted'>本季度每周所得积分（按周统计）</Text>
      <View className='chart' role='list' aria-label='每周积分'>
        {weeks.map((w) => (
          <View key={w.week} className='chart__col' role='listitem' aria-label={`第${w.week}周 ${signedPoints(w.points)}分`}>
            <Text className='chart__value'>{w.points === 0 ? '0' : signedPoints(w.points)}</Text>
            <View className={`chart__bar${w.points < 0 ? ' chart__bar--minus' : ''}`} style={{ height: `${Math.round((Math.abs(w.points) / max) * 200)}px` }} />
            <Text className='chart__label'>{`${w.week}周`}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

interface QuarterLinks {
  /** The period whose 民主评议 round is open and not yet cast by me. */
  appraisal: string | null;
  /** The previous quarter, when its result is published. */
  result: string | null;
}

/** 民主评议 and 季度结果 entries: the current and the previous quarter's quarter.status. */
async function loadQuarterLinks(): Promise<QuarterLinks> {
  const now = currentPeriod();
  const prev = previousPeriod(now);
  const [cur, last] = await Promise.all([safeCall('quarter.status', { period: now }), safeCall('quarter.status', { period: prev })]);
  const openRound = [cur, last].find((r) => r.ok && r.data?.appraisal?.state === 'open' && !r.data.myBallotCast);
  return {
    appraisal: openRound && openRound.ok ? openRound.data.period : null,
    result: last.ok && last.data?.publishedVersion ? prev : null,
  };
}

export default function Points() {
  const [links, setLinks] = useState<QuarterLinks>({ appraisal: null, result: null });
  const [selected, setSelected] = useState<string | null>(null);
  const ledger = useAction('points.myLedger', selected ? { period: selected } : {});
  const ready = ledger.status === 'ready';
  const linksLoaded = useRef(false);
  const refreshLinks = () => void loadQuarterLinks().then(setLinks);
  useEffect(() => {
    // Once, when the member's ledger first loads (a non-member has no quarter to show).
    if (ready && !linksLoaded.current) {
      linksLoaded.current = true;
      refreshLinks();
    }
  }, [ready]);
  useReloadOnShow(() => {
    ledger.reload();
    if (linksLoaded.current) refreshLinks();
  });
  const [current, setCurrent] = useState<string | null>(null);
  useEffect(() => {
    if (ledger.data && !selected && !current) setCurrent(ledger.data.period);
  }, [ledger.data, selected, current]);

  const notMember = ledger.status === 'error' && ledger.error.code === 'UNAUTHENTICATED';
  const data = ledger.data;
  const today = chinaToday();
  const isCurrent = !selected;
  const periods = data ? Array.from(new Set([...(current ? [current] : []), data.period, ...data.periods.map((p) => p.period)])).sort().reverse() : [];
  const todayRows = data ? data.today.filter((r) => r.dailyCap !== null || r.period > 0) : [];
  const empty = data ? data.entries.length === 0 && data.total === 0 : false;

  return (
    <PageShell status={ledger.status} errorMessage={ledger.error?.message} onRetry={ledger.reload} errorContent={notMember ? <NotMember /> : undefined}>
      {data ? (
        <View>
          {periods.length > 1 ? (
            <PeriodPicker choices={periods} value={data.period} onChange={(p) => setSelected(p === current ? null : p)} />
          ) : null}

          <View className='card'>
            <Text className='card__title'>{`积分档案 · ${periodLabel(data.period)}`}</Text>
            <Text className='text text--muted'>本季度累计积分</Text>
            <Text className='big-number' aria-label={`累计 ${data.total} 分`}>
              {data.total}
            </Text>
            <Text className='text'>{`计入考评 ${data.counted} / ${data.caps.mandatory + data.caps.optional} 分`}</Text>
            <Meter label={POINT_CATEGORY_LABELS.mandatory} value={data.mandatory} cap={data.caps.mandatory} />
            <Meter label={POINT_CATEGORY_LABELS.optional} value={data.optional} cap={data.caps.optional} />
            <Text className='text text--small text--muted'>每类积分超过上限的部分不计入考评。</Text>
          </View>

          <View className='actions'>
            <Button className='btn btn--plain' aria-label='查看积分排行榜' onClick={() => void Taro.navigateTo({ url: ROUTES.ranking })}>
              排行榜
            </Button>
            <Button className='btn btn--plain' aria-label='查看积分规则' onClick={() => void Taro.navigateTo({ url: ROUTES.pointsRules })}>
              积分规则
            </Button>
            {links.appraisal ? (
              <Button
                className='btn btn--primary'
                aria-label={`参加${periodLabel(links.appraisal)}民主评议`}
                onClick={() => void Taro.navigateTo({ url: `${ROUTES.appraisal}?period=${links.appraisal}` })}
              >
                民主评议
              </Button>
            ) : null}
            {links.result ? (
              <Button
                className='btn btn--plain'
                aria-label={`查看${periodLabel(links.result)}考评结果`}
                onClick={() => void Taro.navigateTo({ url: `${ROUTES.quarterResult}?period=${links.result}` })}
              >
                季度结果
              </Button>
            ) : null}
          </View>

          {empty ? (
            <View className='shell-state'>
              <Text className='shell-state__title'>{isCurrent ? '本季度暂无积分记录' : '该季度没有积分记录'}</Text>
              <Text className='shell-state__text'>参加组织生活、学习和践诺获得的积分会记录在这里。</Text>
            </View>
          ) : (
            <View>
              {isCurrent && todayRows.length > 0 ? (
                <View className='card'>
                  <Text className='card__title'>今日进度</Text>
                  {todayRows.map((r) => (
                    <View key={r.rule} className='row'>
                      <Text className='row__label'>{RULE_LABELS[r.rule]}</Text>
                      <Text className='row__value'>
                        {`${r.dailyCap !== null ? `今日 ${r.current} / ${r.dailyCap}` : `今日 ${r.current}`}${r.periodCap !== null ? ` · 本季 ${r.period} / ${r.periodCap}` : ` · 本季 ${r.period}`}`}
                      </Text>
                    </View>
                  ))}
                </View>
              ) : null}
              <WeeklyChart data={data} today={today} />
              <View className='card'>
                <Text className='card__title'>积分明细</Text>
                <LedgerEntries entries={data.entries} />
              </View>
            </View>
          )}
        </View>
      ) : null}
    </PageShell>
  );
}
