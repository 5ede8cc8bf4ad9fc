/**
 * 微型党课 (secretary): submitted lessons to preview and 发布 (confirmed first), published
 * lessons with how many have completed them (→ 学习情况) and their 海报, and 允许录制党课的党员:
 * members outside the committee whom the secretary allows to record (`lesson.setRecorder`).
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, Video, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert } from '@/components/Field';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { LESSON_STATUS_LABELS } from '@/domain/study';
import { confirmChange, toast } from '@/lib/confirm';
import { chinaDate, chinaDateTime } from '@/lib/format';
import { ROUTES } from '@/lib/routes';
import { safeCall, useSubmit } from '@/lib/submit';
import type { ActionOutput, ApiError, LessonView } from '@/services/api';
import './index.css';

type Member = ActionOutput<'org.members'>['members'][number];

function durationLabel(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s}秒` : `${Math.floor(s / 60)}分${String(s % 60).padStart(2, '0')}秒`;
}

/** Committee members (and the secretary) may always record; the others need permission. */
export function recordsByRole(m: Pick<Member, 'roles'>): boolean {
  return m.roles.includes('committeeMember') || m.roles.includes('secretary');
}

/** The video of a submitted lesson, loaded on demand (`lesson.view` gives a temporary URL). */
function Preview({ lesson }: { lesson: LessonView }) {
  const [state, setState] = useState<{ status: 'idle' | 'loading' } | { status: 'ready'; url: string } | { status: 'error'; error: ApiError }>({ status: 'idle' });
  const load = async () => {
    setState({ status: 'loading' });
    const res = await safeCall('lesson.view', { lessonId: lesson.id });
    setState(res.ok ? { status: 'ready', url: res.data.videoUrl } : { status: 'error', error: res.error });
  };
  if (state.status === 'ready') {
    return (
      <View className='lesson-preview'>
        <Video className='lesson-preview__video' src={state.url} poster={lesson.coverUrl ?? undefined} controls objectFit='contain' aria-label={`预览视频：${lesson.title}`} />
      </View>
    );
  }
  return (
    <View>
      {state.status === 'error' ? <ErrorAlert error={state.error} /> : null}
      <Button
        className='btn btn--plain btn--small'
        aria-label={`预览视频：${lesson.title}`}
        disabled={state.status === 'loading' || undefined}
        loading={state.status === 'loading' || undefined}
        onClick={() => void load()}
      >
        预览视频
      </Button>
    </View>
  );
}

/** 已学完 x 人 from `lesson.completion`, one small call per published lesson. */
function CompletionCount({ lessonId }: { lessonId: string }) {
  const c = useAction('lesson.completion', { lessonId });
  if (!c.data) return <Text className='text text--small text--muted'>{c.status === 'error' ? '学习情况暂不可用' : '正在统计…'}</Text>;
  const { completed, inProgress, notStarted } = c.data;
  return <Text className='text text--small'>{`已学完 ${completed.length} 人 · 学习中 ${inProgress.length} 人 · 未学 ${notStarted.length} 人`}</Text>;
}

function LessonRows({ lesson }: { lesson: LessonView }) {
  return (
    <View>
      <View className='row'>
        <Text className='row__label'>主讲人</Text>
        <Text className='row__value'>{lesson.speaker.name}</Text>
      </View>
      <View className='row'>
        <Text className='row__label'>时长</Text>
        <Text className='row__value'>{durationLabel(lesson.durationSeconds)}</Text>
      </View>
      {lesson.unit ? (
        <View className='row'>
          <Text className='row__label'>岗区队</Text>
          <Text className='row__value'>{lesson.unit.name}</Text>
        </View>
      ) : null}
      <View className='row'>
        <Text className='row__label'>{lesson.publishedAt ? '发布时间' : '提交时间'}</Text>
        <Text className='row__value'>{chinaDateTime(lesson.publishedAt ?? lesson.createdAt)}</Text>
      </View>
    </View>
  );
}

export default function SecretaryLessons() {
  const list = useAction('lesson.list', {});
  const members = useAction('org.members', {});
  useReloadOnShow(list.reload);
  const submit = useSubmit();
  const [recorderIds, setRecorderIds] = useState<string[] | null>(null);

  const items = list.data?.items ?? [];
  const drafts = items.filter((l) => l.status === 'draft');
  const published = items.filter((l) => l.status === 'published');
  const allowed = new Set(recorderIds ?? list.data?.recorderIds ?? []);
  const others = (members.data?.members ?? []).filter((m) => !recordsByRole(m));

  const publish = async (l: LessonView) => {
    const ok = await confirmChange('发布微型党课', `发布《${l.title}》（主讲：${l.speaker.name}）？发布后全支部党员可以观看，并生成学习二维码。`, '发布');
    if (!ok) return;
    const res = await submit.run('lesson.publish', { lessonId: l.id });
    if (res.ok) {
      toast('已发布', 'success');
      void list.reload();
    }
  };

  const toggleRecorder = async (m: Member) => {
    const on = allowed.has(m.id);
    const ok = await confirmChange(on ? '取消录制权限' : '允许录制党课', on ? `不再允许${m.name}录制微型党课？` : `允许${m.name}录制微型党课？提交后仍需您发布。`);
    if (!ok) return;
    const res = await submit.run('lesson.setRecorder', { memberId: m.id, allowed: !on });
    if (res.ok) {
      setRecorderIds(res.data.recorderIds);
      toast(on ? '已取消' : '已允许', 'success');
    }
  };

  const go = (url: string) => void Taro.navigateTo({ url });

  return (
    <PageShell status={list.status} errorMessage={list.error?.message} onRetry={list.reload}>
      <ErrorAlert error={submit.error} />

      <Text className='section-title'>{`待发布（${drafts.length}）`}</Text>
      {drafts.length === 0 ? (
        <View className='notice'>
          <Text className='text text--muted'>暂无待发布的党课。支委和获准的党员在“学习 → 录制党课”中提交。</Text>
        </View>
      ) : null}
      <View role='list' aria-label='待发布的党课'>
        {drafts.map((l) => (
          <View key={l.id} role='listitem' className='card' aria-label={`${l.title}，${LESSON_STATUS_LABELS.draft}`}>
            <Text className='card__title'>{l.title}</Text>
            <LessonRows lesson={l} />
            {l.summary ? <Text className='text text--small text--muted'>{l.summary}</Text> : null}
            <Preview lesson={l} />
            <Button className='btn btn--primary' aria-label={`发布：${l.title}`} disabled={submit.busy || undefined} onClick={() => void publish(l)}>
              发布
            </Button>
          </View>
        ))}
      </View>

      <Text className='section-title'>{`已发布（${published.length}）`}</Text>
      {published.length === 0 ? (
        <View className='notice'>
          <Text className='text text--muted'>还没有发布的党课。</Text>
        </View>
      ) : null}
      <View role='list' aria-label='已发布的党课'>
        {published.map((l) => (
          <View key={l.id} role='listitem' className='card' aria-label={`${l.title}，${LESSON_STATUS_LABELS.published}`}>
            <Text className='card__title'>{l.title}</Text>
            <Text className='text text--small text--muted'>{`${l.speaker.name} · ${durationLabel(l.durationSeconds)} · ${l.publishedAt ? chinaDate(l.publishedAt) : ''}`}</Text>
            <CompletionCount lessonId={l.id} />
            <View className='actions'>
              <Button className='btn btn--plain btn--small' aria-label={`学习情况：${l.title}`} onClick={() => go(`${ROUTES.lessonCompletion}?id=${encodeURIComponent(l.id)}`)}>
                学习情况
              </Button>
              <Button className='btn btn--plain btn--small' aria-label={`海报：${l.title}`} onClick={() => go(`${ROUTES.lessonPoster}?id=${encodeURIComponent(l.id)}`)}>
                海报
              </Button>
              <Button className='btn btn--plain btn--small' aria-label={`观看：${l.title}`} onClick={() => go(`${ROUTES.lesson}?id=${encodeURIComponent(l.id)}`)}>
                观看
              </Button>
            </View>
          </View>
        ))}
      </View>

      <Text className='section-title'>允许录制党课的党员</Text>
      <View className='card'>
        <Text className='text text--small text--muted'>支部委员可以直接录制；其他党员需要您在这里允许。</Text>
        {members.status === 'error' ? <ErrorAlert error={members.error} /> : null}
        {members.status === 'loading' ? <Text className='text text--small text--muted'>正在加载…</Text> : null}
        <View className='chips' role='group' aria-label='允许录制党课的党员'>
          {others.map((m) => {
            const on = allowed.has(m.id);
            return (
              <Button
                key={m.id}
                className={`chip${on ? ' chip--on' : ''}`}
                aria-pressed={on}
                aria-label={`${m.name}${on ? '，已允许录制' : '，未允许录制'}`}
                disabled={submit.busy || undefined}
                onClick={() => void toggleRecorder(m)}
              >
                {on ? `✓ ${m.name}` : m.name}
              </Button>
            );
          })}
        </View>
      </View>
    </PageShell>
  );
}
