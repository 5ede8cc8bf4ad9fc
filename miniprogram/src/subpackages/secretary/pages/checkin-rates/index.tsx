/**
 * 徽章打卡率 (secretary): badgeCheckin.rates over a period of China days — 本周 (Monday to
 * today), 本月, 本季度 (each from its first day to today) or any from/to picked. The branch
 * rate, each group's rate as a bar with its % in text, and every member (name, group, days
 * checked in, rate), the lowest rate first by default so those to remind come first.
 */
import { useState } from 'react';
import { Button, Picker, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { FieldFrame } from '@/components/Field';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { chinaToday } from '@/domain/points';
import type { ActionOutput } from '@/services/api';
import './index.css';
import { percentOf, percentText } from '../../../../../../shared/domain/rates';

export type QuickPeriod = 'week' | 'month' | 'quarter';
export const QUICK_LABELS: Record<QuickPeriod, string> = { week: '本周', month: '本月', quarter: '本季度' };
const QUICK: readonly QuickPeriod[] = ['week', 'month', 'quarter'];

type Rates = ActionOutput<'badgeCheckin.rates'>;
type Row = Rates['members'][number];

/** The China days of a quick period, from its first day to `today` (`YYYY-MM-DD`). */
export function periodRange(kind: QuickPeriod, today: string): { from: string; to: string } {
  const [y, m, d] = today.split('-').map(Number);
  if (kind === 'month') return { from: `${today.slice(0, 7)}-01`, to: today };
  if (kind === 'quarter') return { from: `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`, to: today };
  const date = new Date(Date.UTC(y, m - 1, d));
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return { from: new Date(date.getTime() - sinceMonday * 86400000).toISOString().slice(0, 10), to: today };
}

/** A rate (0–1) as the page shows it (domain/rates.ts): 0.857 → "86%", 1 of 2,016 → "不足1%". */
export const ratePercent = percentText;

/** Lowest rate first (then fewer days, then name), or highest first. */
export function sortMembers(rows: readonly Row[], order: 'asc' | 'desc'): Row[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * (a.rate - b.rate) || sign * (a.checkins - b.checkins) || a.name.localeCompare(b.name, 'zh-CN'));
}

function DatePick({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  return (
    <FieldFrame label={label}>
      <Picker mode='date' value={value} aria-label={label} onChange={(e) => onChange(String(e.detail.value))}>
        <View className='input picker' role='button' aria-label={`${label}：${value}`}>
          <Text>{value}</Text>
        </View>
      </Picker>
    </FieldFrame>
  );
}

export default function CheckinRates() {
  const today = chinaToday();
  const [quick, setQuick] = useState<QuickPeriod | null>('month');
  const [range, setRange] = useState(() => periodRange('month', today));
  // The period asked for: the last valid range (an inverted one is only flagged, not sent).
  const [asked, setAsked] = useState(range);
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const valid = range.from <= range.to;
  const rates = useAction('badgeCheckin.rates', asked);
  useReloadOnShow(rates.reload);

  const choose = (next: { from: string; to: string }, kind: QuickPeriod | null) => {
    setQuick(kind);
    setRange(next);
    if (next.from <= next.to) setAsked(next);
  };
  const chooseQuick = (kind: QuickPeriod) => choose(periodRange(kind, chinaToday()), kind);
  const setFrom = (from: string) => choose({ ...range, from }, null);
  const setTo = (to: string) => choose({ ...range, to }, null);

  const data = rates.data;
  const members = data ? sortMembers(data.members, order) : [];

  return (
    <PageShell status='ready'>
      <View className='card'>
        <Text className='field__label'>统计时段</Text>
        <View className='chips rates-chips' role='group' aria-label='统计时段'>
          {QUICK.map((k) => (
            <Button key={k} className={`chip${quick === k ? ' chip--on' : ''}`} aria-pressed={quick === k} aria-label={QUICK_LABELS[k]} onClick={() => chooseQuick(k)}>
              {QUICK_LABELS[k]}
            </Button>
          ))}
        </View>
        <DatePick label='开始日期' value={range.from} onChange={setFrom} />
        <DatePick label='结束日期' value={range.to} onChange={setTo} />
        {!valid ? (
          <View role='alert'>
            <Text className='field__error'>开始日期不能晚于结束日期</Text>
          </View>
        ) : null}
      </View>
      {valid && rates.status === 'loading' ? (
        <View className='notice' role='status'>
          <Text>正在加载…</Text>
        </View>
      ) : null}
      {valid && rates.status === 'error' ? (
        <View className='alert' role='alert'>
          <Text>{rates.error?.message ?? '加载失败'}</Text>
          <Button className='btn btn--plain btn--small' aria-label='重试' onClick={() => void rates.reload()}>
            重试
          </Button>
        </View>
      ) : null}
      {data && valid ? (
        <View>
          <View className='card' role='status' aria-label={`支部打卡率 ${ratePercent(data.branch.rate)}`}>
            <Text className='row__label'>{`支部打卡率（${data.from} 至 ${data.to}，共 ${data.days} 天）`}</Text>
            <Text className='big-number'>{ratePercent(data.branch.rate)}</Text>
          </View>

          <View className='card'>
            <Text className='card__title'>各党小组</Text>
            {data.groups.length === 0 ? <Text className='text text--muted'>暂无党小组</Text> : null}
            <View role='list' aria-label='各党小组打卡率'>
              {data.groups.map((g) => (
                <View key={g.id ?? 'none'} className='bar-row' role='listitem' aria-label={`${g.name}，${g.members} 人，打卡率 ${ratePercent(g.rate)}`}>
                  <Text className='bar-row__label rates__bar-label'>{g.name}</Text>
                  <View className='bar-row__track'>
                    <View className='bar-row__fill' style={{ width: `${percentOf(g.rate)}%` }} />
                  </View>
                  <Text className='bar-row__count'>{ratePercent(g.rate)}</Text>
                </View>
              ))}
            </View>
          </View>

          <View className='card'>
            <Text className='card__title'>{`每位党员（${members.length}）`}</Text>
            <View className='chips rates-chips' role='group' aria-label='排序'>
              <Button className={`chip${order === 'asc' ? ' chip--on' : ''}`} aria-pressed={order === 'asc'} aria-label='打卡率从低到高' onClick={() => setOrder('asc')}>
                打卡率从低到高
              </Button>
              <Button className={`chip${order === 'desc' ? ' chip--on' : ''}`} aria-pressed={order === 'desc'} aria-label='打卡率从高到低' onClick={() => setOrder('desc')}>
                打卡率从高到低
              </Button>
            </View>
            <View role='table' aria-label='每位党员的打卡率'>
              <View className='rank-row' role='row'>
                <View className='rank-row__name' role='columnheader'>
                  <Text>姓名</Text>
                </View>
                <View className='rates__group' role='columnheader'>
                  <Text>党小组</Text>
                </View>
                <View className='rates__days' role='columnheader'>
                  <Text>天数</Text>
                </View>
                <View className='rank-row__grade' role='columnheader'>
                  <Text>打卡率</Text>
                </View>
              </View>
              {members.map((r) => (
                <View key={r.id} className='rank-row' role='row' aria-label={`${r.name}，${r.group ?? '未分组'}，打卡 ${r.checkins} 天，打卡率 ${ratePercent(r.rate)}`}>
                  <View className='rank-row__name' role='cell'>
                    <Text>{r.name}</Text>
                  </View>
                  <View className='rates__group' role='cell'>
                    <Text>{r.group ?? '未分组'}</Text>
                  </View>
                  <View className='rates__days' role='cell'>
                    <Text>{`${r.checkins} 天`}</Text>
                  </View>
                  <View className='rank-row__grade' role='cell'>
                    <Text>{ratePercent(r.rate)}</Text>
                  </View>
                </View>
              ))}
            </View>
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
