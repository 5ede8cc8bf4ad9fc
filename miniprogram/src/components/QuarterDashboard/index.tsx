/**
 * The secretary's 首页: this quarter at a glance (dashboard.quarter) — task completion, 三会一课
 * held against required with the gaps, check-in rate, study (lesson completion, push read rate,
 * notes), projects by status and open 三单. "Charts" are plain View bars, each with its figure
 * in text (no chart library: this sits in the main package), and every card opens the list
 * behind it.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useAction } from '@/hooks/useAction';
import { PROJECT_STATUSES, PROJECT_STATUS_LABELS } from '@/domain/work';
import { periodLabel } from '@/domain/points';
import { ROUTES, go } from '@/lib/routes';
import type { ActionOutput } from '@/services/api';
import { percentOf, percentText, rate } from '../../../../shared/domain/rates';

export type Quarter = ActionOutput<'dashboard.quarter'>;

/** One labelled bar: the label and the figure in text above, the bar below. */
/** `share` is 0–1; the bar is at least a sliver once anything counts (domain/rates.ts). */
function Meter({ label, value, share }: { label: string; value: string; share: number }) {
  return (
    <View className='meter'>
      <View className='meter__head'>
        <Text>{label}</Text>
        <Text className='row__value'>{value}</Text>
      </View>
      <View className='meter__track' aria-hidden='true'>
        <View className='meter__fill' style={{ width: `${percentOf(share)}%` }} />
      </View>
    </View>
  );
}

/** A card that opens the list behind its figures. */
function Tile({ title, label, url, children }: { title: string; label: string; url: string; children: ReactNode }) {
  return (
    <View className='card' role='button' aria-label={label} onClick={() => go(url)}>
      <View className='entry'>
        <Text className='card__title'>{title}</Text>
        <Text className='entry__arrow'>查看 ›</Text>
      </View>
      {children}
    </View>
  );
}

export function QuarterFigures({ q }: { q: Quarter }) {
  const tasks = rate(q.tasks.done, q.tasks.assigned);
  const meetings = rate(q.meetings.held, q.meetings.required);
  const gaps = q.meetings.gaps.length;
  // Counts beside every percentage: 不足1% says little without "3 / 2,016".
  const checkin = `${percentText(q.checkins.rate)}（${q.checkins.count} / ${q.checkins.possible} 人次）`;
  const lessons = `${percentText(q.study.completionRate)}（${q.study.completions} / ${q.study.completionsPossible} 人次）`;
  const reads = `${percentText(q.study.pushReadRate)}（${q.study.pushReads} / ${q.study.pushTargets} 人次）`;
  const projectTotal = PROJECT_STATUSES.reduce((s, st) => s + q.projects.byStatus[st], 0);
  const most = Math.max(1, ...PROJECT_STATUSES.map((st) => q.projects.byStatus[st]));

  return (
    <View role='list' aria-label='本季度支部工作概览'>
      <View role='listitem'>
        <Tile
          title='支部任务'
          url={ROUTES.secretaryTasks}
          label={`支部任务：本季度发布 ${q.tasks.published} 项，完成 ${q.tasks.done} / ${q.tasks.assigned} 人次（${percentText(tasks)}），逾期未完成 ${q.tasks.overdue} 人次，查看任务`}
        >
          <Meter label='完成率' value={`${q.tasks.done} / ${q.tasks.assigned}（${percentText(tasks)}）`} share={tasks} />
          <Text className='text text--small text--muted'>{`本季度发布 ${q.tasks.published} 项`}</Text>
          {q.tasks.overdue > 0 ? <Text className='text text--small overdue'>{`逾期未完成 ${q.tasks.overdue} 人次`}</Text> : null}
        </Tile>
      </View>

      <View role='listitem'>
        <Tile
          title='三会一课'
          url={ROUTES.secretaryMeetings}
          label={`三会一课：已开 ${q.meetings.held} / 应开 ${q.meetings.required}，${gaps ? `缺 ${gaps} 项` : '无缺项'}，查看会议`}
        >
          <Meter label='已开 / 应开' value={`${q.meetings.held} / ${q.meetings.required}`} share={meetings} />
          {gaps ? <Text className='text text--small overdue'>{`缺 ${gaps} 项，请尽快安排`}</Text> : <Text className='text text--small text--muted'>本季度无缺项</Text>}
        </Tile>
      </View>

      <View role='listitem'>
        <Tile title='徽章打卡' url={ROUTES.checkinRates} label={`徽章打卡：本季度打卡率 ${checkin}，已过 ${q.checkins.days} 天，查看打卡率`}>
          <Meter label='打卡率' value={checkin} share={q.checkins.rate} />
          <Text className='text text--small text--muted'>{`本季度已过 ${q.checkins.days} 天 · 党员 ${q.members} 人`}</Text>
        </Tile>
      </View>

      <View role='listitem'>
        <View className='card'>
          <Text className='card__title'>理论学习</Text>
          <View role='button' aria-label={`微党课完成率 ${lessons}，已发布 ${q.study.lessons} 课，查看微型党课`} onClick={() => go(ROUTES.secretaryLessons)}>
            <Meter label='微党课完成率' value={lessons} share={q.study.completionRate} />
            <Text className='text text--small text--muted'>{`已发布 ${q.study.lessons} 课 · 完成 ${q.study.completions} 人次 ›`}</Text>
          </View>
          <View role='button' aria-label={`学习要点阅读率 ${reads}，本季度推送 ${q.study.pushes} 条，查看学习要点`} onClick={() => go(ROUTES.secretaryPushes)}>
            <Meter label='学习要点阅读率' value={reads} share={q.study.pushReadRate} />
            <Text className='text text--small text--muted'>{`本季度推送 ${q.study.pushes} 条 ›`}</Text>
          </View>
          <View className='entry' role='button' aria-label={`学习心得 ${q.study.notes} 篇，查看学习心得`} onClick={() => go(ROUTES.notes)}>
            <Text>学习心得</Text>
            <Text className='entry__arrow'>{`${q.study.notes} 篇 ›`}</Text>
          </View>
        </View>
      </View>

      <View role='listitem'>
        <Tile
          title='攻坚项目'
          url={ROUTES.projects}
          label={`攻坚项目 ${projectTotal} 个：${PROJECT_STATUSES.map((st) => `${PROJECT_STATUS_LABELS[st]} ${q.projects.byStatus[st]}`).join('，')}${q.projects.overdue ? `，节点逾期 ${q.projects.overdue} 个` : ''}，查看项目`}
        >
          {PROJECT_STATUSES.map((st) => (
            <Meter key={st} label={PROJECT_STATUS_LABELS[st]} value={`${q.projects.byStatus[st]} 个`} share={rate(q.projects.byStatus[st], most)} />
          ))}
          {q.projects.overdue > 0 ? <Text className='text text--small overdue'>{`节点逾期的项目 ${q.projects.overdue} 个`}</Text> : null}
        </Tile>
      </View>

      <View role='listitem'>
        <Tile
          title='三单整改'
          url={ROUTES.rectifications}
          label={`三单整改：未完成 ${q.rectifications.open} 份${q.rectifications.overdueActions ? `，逾期事项 ${q.rectifications.overdueActions} 项` : ''}，查看三单`}
        >
          <View className='row'>
            <Text className='row__label'>未完成的三单</Text>
            <Text className='row__value'>{`${q.rectifications.open} 份`}</Text>
          </View>
          {q.rectifications.overdueActions > 0 ? <Text className='text text--small overdue'>{`逾期未整改事项 ${q.rectifications.overdueActions} 项`}</Text> : null}
        </Tile>
      </View>
    </View>
  );
}

/**
 * The dashboard for the current quarter (the server's default). `refresh` changes when 首页
 * shows again, which reloads it.
 */
export function QuarterDashboard({ refresh }: { refresh: number }) {
  const q = useAction('dashboard.quarter', {});
  const first = useRef(true);
  const { reload } = q;
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void reload();
  }, [refresh, reload]);

  return (
    <View>
      <Text className='section-title'>{q.data ? `${periodLabel(q.data.period)} · 支部工作概览` : '本季度支部工作概览'}</Text>
      {q.status === 'loading' ? (
        <View className='card' role='status'>
          <Text className='text text--muted'>正在加载本季度概览…</Text>
        </View>
      ) : null}
      {q.status === 'error' ? (
        <View className='card' role='alert'>
          <Text className='text'>{q.error.message}</Text>
          <Button className='btn btn--plain btn--small' aria-label='重新加载本季度概览' onClick={() => void reload()}>
            重试
          </Button>
        </View>
      ) : null}
      {q.data ? <QuarterFigures q={q.data} /> : null}
    </View>
  );
}
