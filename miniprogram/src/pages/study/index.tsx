/**
 * 学习 (tab): the branch's 微型党课 from `lesson.list` — filters by speaker and unit (from
 * `org.pyramid`) and 已学 / 未学, each lesson with cover, title, speaker, duration and the
 * caller's progress — a 录制党课 button for those allowed to record, and entries to 学习要点,
 * 学习心得 and 三会一课.
 */
import { useEffect, useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { NotMember } from '@/components/NotMember';
import { SelectField, type Option } from '@/components/Field';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { LESSON_STATUS_LABELS } from '@/domain/study';
import { ROUTES } from '@/lib/routes';
import type { ActionInput, ActionOutput, LessonView } from '@/services/api';
import './index.css';

export type WatchedFilter = 'all' | 'watched' | 'unwatched';
const WATCHED_OPTIONS: ReadonlyArray<Option<WatchedFilter>> = [
  { value: 'all', label: '全部' },
  { value: 'watched', label: '已学' },
  { value: 'unwatched', label: '未学' },
];

/** 6 → "6秒", 605 → "10分05秒", 3720 → "1小时02分". */
export function durationLabel(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  if (s < 60) return `${s}秒`;
  if (s < 3600) return `${Math.floor(s / 60)}分${pad(s % 60)}秒`;
  return `${Math.floor(s / 3600)}小时${pad(Math.floor((s % 3600) / 60))}分`;
}

/** 已学完 / 已学 xx% / 未学, from the server's view of the caller's watching. */
export function progressLabel(mine: LessonView['mine']): string {
  if (!mine) return '未学';
  if (mine.completed) return '已学完';
  const pct = Math.floor(mine.watchedRatio * 100);
  return pct > 0 ? `已学 ${pct}%` : '未学';
}

type Pyramid = ActionOutput<'org.pyramid'>;

/** Every member the pyramid names (committee, groups, units), once, in order of appearance. */
export function branchPeople(p: Pyramid | null): Array<{ id: string; name: string }> {
  if (!p) return [];
  const seen = new Map<string, string>();
  const add = (m: { id: string; name: string } | null) => {
    if (m && !seen.has(m.id)) seen.set(m.id, m.name);
  };
  p.committee.forEach((c) => add(c.member));
  p.groups.forEach((g) => {
    add(g.leader);
    g.members.forEach(add);
  });
  p.units.forEach((u) => {
    add(u.leader);
    u.members.forEach(add);
  });
  return [...seen].map(([id, name]) => ({ id, name }));
}

function LessonItem({ lesson }: { lesson: LessonView }) {
  const progress = progressLabel(lesson.mine);
  const draft = lesson.status === 'draft';
  const spoken = `${lesson.title}，主讲${lesson.speaker.name}，时长${durationLabel(lesson.durationSeconds)}，${draft ? `${LESSON_STATUS_LABELS.draft}，` : ''}${progress}`;
  return (
    <View
      role='listitem'
      className='lesson-item'
      aria-label={spoken}
      onClick={() => void Taro.navigateTo({ url: `${ROUTES.lesson}?id=${encodeURIComponent(lesson.id)}` })}
    >
      {lesson.coverUrl ? (
        <Image className='lesson-item__cover' src={lesson.coverUrl} mode='aspectFill' aria-label={`${lesson.title}的封面`} />
      ) : (
        <View className='lesson-item__cover lesson-item__cover--blank'>
          <Text>微型党课</Text>
        </View>
      )}
      <View className='lesson-item__body'>
        <Text className='lesson-item__title'>{lesson.title}</Text>
        <Text className='text text--small text--muted'>{`主讲：${lesson.speaker.name}`}</Text>
        <Text className='text text--small text--muted'>{`时长：${durationLabel(lesson.durationSeconds)}${lesson.unit ? ` · ${lesson.unit.name}` : ''}`}</Text>
        <View className='lesson-item__tags'>
          {draft ? <Text className='tag'>{LESSON_STATUS_LABELS.draft}</Text> : null}
          <Text className={`tag${lesson.mine?.completed ? ' tag--done' : ''}`}>{progress}</Text>
        </View>
      </View>
    </View>
  );
}

const ENTRIES = [
  { label: '学习要点', hint: '支部推送的学习内容', url: ROUTES.pushes },
  { label: '学习心得', hint: '写心得、看大家的心得', url: ROUTES.notes },
  { label: '三会一课', hint: '会议安排、签到和记录', url: ROUTES.meetings },
] as const;

export default function Study() {
  const [speakerId, setSpeakerId] = useState('');
  const [unitId, setUnitId] = useState('');
  const [watched, setWatched] = useState<WatchedFilter>('all');
  const input: ActionInput<'lesson.list'> = {
    ...(speakerId ? { speakerId } : {}),
    ...(unitId ? { unitId } : {}),
    ...(watched !== 'all' ? { watched } : {}),
  };
  const list = useAction('lesson.list', input);
  const pyramid = useAction('org.pyramid', {});
  useReloadOnShow(list.reload);

  // A filter change reloads: keep showing the last list (and the filters) meanwhile.
  const [last, setLast] = useState<ActionOutput<'lesson.list'> | null>(null);
  useEffect(() => {
    if (list.data) setLast(list.data);
  }, [list.data]);
  const shown = list.data ?? last;

  const people = useMemo(() => branchPeople(pyramid.data), [pyramid.data]);
  const speakerOptions: Option<string>[] = [{ value: '', label: '全部主讲人' }, ...people.map((p) => ({ value: p.id, label: p.name }))];
  const unitOptions: Option<string>[] = [{ value: '', label: '全部岗区队' }, ...(pyramid.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))];
  const filtered = Boolean(speakerId || unitId || watched !== 'all');

  const notMember = list.status === 'error' && list.error.code === 'UNAUTHENTICATED';
  const status = list.status === 'error' ? 'error' : shown ? 'ready' : 'loading';
  const items = shown?.items ?? [];

  return (
    <PageShell status={status} errorMessage={list.error?.message} onRetry={list.reload} errorContent={notMember ? <NotMember /> : undefined}>
      <View className='card'>
        <Text className='card__title'>理论学习</Text>
        <View className='study-entries'>
          {ENTRIES.map((e) => (
            <View key={e.label} className='study-entry' role='button' aria-label={`${e.label}，${e.hint}`} onClick={() => void Taro.navigateTo({ url: e.url })}>
              <Text className='study-entry__label'>{e.label}</Text>
              <Text className='text text--small text--muted'>{e.hint}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className='card'>
        <View className='study-head'>
          <Text className='card__title'>微型党课</Text>
          {shown?.mayRecord ? (
            <Button className='btn btn--primary btn--small' aria-label='录制党课' onClick={() => void Taro.navigateTo({ url: ROUTES.lessonNew })}>
              录制党课
            </Button>
          ) : null}
        </View>
        <View className='chips study-filter' role='group' aria-label='学习情况'>
          {WATCHED_OPTIONS.map((o) => (
            <Button key={o.value} className={`chip${watched === o.value ? ' chip--on' : ''}`} aria-pressed={watched === o.value} aria-label={o.label} onClick={() => setWatched(o.value)}>
              {o.label}
            </Button>
          ))}
        </View>
        {pyramid.data ? (
          <View>
            <SelectField label='主讲人' options={speakerOptions} value={speakerId} onChange={setSpeakerId} />
            {unitOptions.length > 1 ? <SelectField label='岗区队' options={unitOptions} value={unitId} onChange={setUnitId} /> : null}
          </View>
        ) : null}
        {list.status === 'loading' ? (
          <View role='status'>
            <Text className='text text--small text--muted'>正在加载…</Text>
          </View>
        ) : null}
        {items.length === 0 && list.status === 'ready' ? (
          <View className='shell-state'>
            <Text className='shell-state__title'>{filtered ? '没有符合条件的微型党课' : '暂无微型党课'}</Text>
            <Text className='shell-state__text'>{filtered ? '换个筛选条件试试。' : '支部发布的微型党课会显示在这里。'}</Text>
          </View>
        ) : null}
        <View role='list' aria-label='微型党课'>
          {items.map((l) => (
            <LessonItem key={l.id} lesson={l} />
          ))}
        </View>
      </View>
    </PageShell>
  );
}
