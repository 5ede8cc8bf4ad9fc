/**
 * 三会一课 (secretary): pick a quarter; the quarter's count per kind as 已开 / 应开 with what is
 * missing so far (each gap marked 缺, in red text — never colour alone), the quarter's meetings
 * (tap → 会议详情) and 安排会议.
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { PeriodPicker } from '@/components/PeriodPicker';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { MEETING_KIND_LABELS } from '@/domain/study';
import { periodLabel } from '@/domain/points';
import { currentPeriod, previousPeriod } from '@/domain/quarter';
import { chinaDateTime } from '@/lib/format';
import { go, ROUTES } from '@/lib/routes';
import type { ActionOutput, MeetingView } from '@/services/api';

type KindRow = ActionOutput<'meeting.quarterReport'>['kinds'][number];

/** "2026Q4" → "2027Q1". */
export function nextPeriod(period: string): string {
  const m = /^(\d{4})Q([1-4])$/.exec(period);
  if (!m) return period;
  const y = Number(m[1]);
  const q = Number(m[2]);
  return q === 4 ? `${y + 1}Q1` : `${y}Q${q + 1}`;
}

/** 已召开 / 待召开 / 未召开 (start passed, no minutes and nobody present). */
export function heldLabel(m: Pick<MeetingView, 'held' | 'startsAt'>, now = Date.now()): string {
  if (m.held) return '已召开';
  return new Date(m.startsAt).getTime() > now ? '待召开' : '未记录召开';
}

function KindReport({ row }: { row: KindRow }) {
  const label = MEETING_KIND_LABELS[row.kind];
  return (
    <View className='ledger' role='listitem' aria-label={`${label} 已开 ${row.held} 次，应开 ${row.required} 次${row.gaps.length ? `，缺 ${row.gaps.length} 项` : ''}`}>
      <View className='row'>
        <Text className='row__label'>{label}</Text>
        <Text className={`row__value${row.gaps.length ? ' overdue' : ''}`}>{`已开 ${row.held} / 应开 ${row.required}`}</Text>
      </View>
      {row.gaps.map((gap) => (
        <View key={gap} className='row'>
          <Text className='tag overdue'>缺</Text>
          <Text className='text overdue'>{gap}</Text>
        </View>
      ))}
      {row.required > 0 && row.gaps.length === 0 && row.held >= row.required ? <Text className='text text--small text--muted'>✓ 已达到要求</Text> : null}
    </View>
  );
}

function MeetingRow({ m }: { m: MeetingView }) {
  return (
    <View
      className='entry'
      role='button'
      aria-label={`${MEETING_KIND_LABELS[m.kind]} ${m.title}，${chinaDateTime(m.startsAt)}，${heldLabel(m)}，签到 ${m.present} / ${m.attendees}`}
      onClick={() => go(`${ROUTES.meeting}?id=${encodeURIComponent(m.id)}`)}
    >
      <View>
        <Text className='tag'>{MEETING_KIND_LABELS[m.kind]}</Text>
        <Text className='text'>{m.title}</Text>
        <Text className='text text--small text--muted'>{`${chinaDateTime(m.startsAt)} · ${m.place}${m.group ? ` · ${m.group.name}` : ''}`}</Text>
        <Text className='text text--small'>{`${heldLabel(m)} · 签到 ${m.present} / ${m.attendees}${m.minutes ? ' · 有会议记录' : ''}`}</Text>
      </View>
      <Text className='entry__arrow'>›</Text>
    </View>
  );
}

export default function SecretaryMeetings() {
  const now = currentPeriod();
  const choices = [nextPeriod(now), now, previousPeriod(now), previousPeriod(previousPeriod(now))];
  const [period, setPeriod] = useState(now);
  const report = useAction('meeting.quarterReport', { period });
  const list = useAction('meeting.list', { period });
  useReloadOnShow(() => {
    void report.reload();
    void list.reload();
  });
  const error = report.status === 'error' ? report : list.status === 'error' ? list : null;
  const status = report.status === 'loading' || list.status === 'loading' ? 'loading' : error ? 'error' : 'ready';
  const gaps = report.data?.kinds.reduce((n, k) => n + k.gaps.length, 0) ?? 0;

  return (
    <PageShell
      status={status}
      errorMessage={error?.error?.message}
      onRetry={() => {
        void report.reload();
        void list.reload();
      }}
    >
      <PeriodPicker choices={choices} value={period} onChange={setPeriod} />
      <View className='card'>
        <Text className='card__title'>{`${periodLabel(period)} 三会一课`}</Text>
        <Text className='text text--small text--muted'>支部党员大会、党课每季度至少一次；支委会、党小组会每月至少一次。只统计已开始的月份。</Text>
        {gaps ? (
          <View role='status'>
            <Text className='text overdue'>{`缺 ${gaps} 项，请尽快安排`}</Text>
          </View>
        ) : null}
        <View role='list' aria-label='三会一课完成情况'>
          {(report.data?.kinds ?? []).map((row) => (
            <KindReport key={row.kind} row={row} />
          ))}
        </View>
      </View>
      <Button className='btn btn--primary' aria-label='安排会议' onClick={() => go(ROUTES.meetingNew)}>
        安排会议
      </Button>
      <Text className='section-title'>本季度会议</Text>
      {list.data && list.data.items.length === 0 ? <Text className='notice'>本季度还没有安排会议</Text> : null}
      {list.data && list.data.items.length ? (
        <View className='card'>
          {list.data.items.map((m) => (
            <MeetingRow key={m.id} m={m} />
          ))}
        </View>
      ) : null}
    </PageShell>
  );
}
