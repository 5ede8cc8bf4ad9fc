/**
 * 微型党课 (one lesson): opened from the list (`?id=`) or a scanned code (`?scene=`, maybe
 * URL-encoded). `lesson.view` gives the lesson and the video URL; playing reports the position
 * (`lesson.progress`) so the server can judge the watching and award the points — the page
 * never decides either. Someone not yet a member sees where to join and may watch, unreported.
 */
import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, Video, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { useAction } from '@/hooks/useAction';
import { LESSON_STATUS_LABELS, WATCH_RULE } from '@/domain/study';
import { chinaDate, decodeParam } from '@/lib/format';
import { ROUTES } from '@/lib/routes';
import { toast } from '@/lib/confirm';
import { safeCall, type SubmitResult } from '@/lib/submit';
import type { ActionInput, ActionOutput, LessonView } from '@/services/api';
import './index.css';

export type ProgressReport = ActionInput<'lesson.progress'>;
export type ProgressReply = ActionOutput<'lesson.progress'>;

/** A playback session id: [A-Za-z0-9_-], 6–40 characters (the contract's rule). */
export function newSessionId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`.replace(/[^A-Za-z0-9]/g, '').slice(0, 40);
}

/**
 * Turns player events into `lesson.progress` reports: a new session each time playback starts
 * (reported at once), then whenever the position has moved ≥ WATCH_RULE.reportEverySeconds
 * since the last report, on pause, and on ended (the duration). One request at a time: while
 * one is in flight only the latest report waits.
 */
export class ProgressReporter {
  private sessionId: string | null = null;
  private lastPosition = 0;
  private inFlight = false;
  private pending: ProgressReport | null = null;

  constructor(
    private readonly lessonId: string,
    private readonly send: (report: ProgressReport) => Promise<SubmitResult<ProgressReply>>,
    private readonly onReply: (reply: ProgressReply) => void,
    private readonly newId: () => string = newSessionId,
  ) {}

  get active(): boolean {
    return this.sessionId !== null;
  }

  /** Playback started (or resumed): a new session from this position. */
  play(position: number): void {
    this.sessionId = this.newId();
    this.report(position);
  }

  /** The player's position moved (timeupdate); a late one after pause or ended starts nothing. */
  time(position: number): void {
    if (this.sessionId && position - this.lastPosition >= WATCH_RULE.reportEverySeconds) this.report(position);
  }

  pause(position: number): void {
    if (this.sessionId) this.report(position);
  }

  /** Played to the end: the position is the duration; the session is over. */
  ended(duration: number): void {
    if (!this.sessionId) return;
    this.report(duration);
    this.sessionId = null;
  }

  private report(position: number): void {
    if (!this.sessionId) return;
    const p = Math.max(0, Math.round(position * 100) / 100);
    this.lastPosition = p;
    this.enqueue({ lessonId: this.lessonId, sessionId: this.sessionId, position: p });
  }

  private enqueue(report: ProgressReport): void {
    if (this.inFlight) {
      this.pending = report;
      return;
    }
    this.inFlight = true;
    void this.send(report)
      .then((res) => {
        if (res.ok) this.onReply(res.data);
      })
      .catch(() => undefined)
      .finally(() => {
        this.inFlight = false;
        const next = this.pending;
        this.pending = null;
        if (next) this.enqueue(next);
      });
  }
}

function durationLabel(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}秒`;
  if (s < 3600) return `${Math.floor(s / 60)}分${String(s % 60).padStart(2, '0')}秒`;
  return `${Math.floor(s / 3600)}小时${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}分`;
}

type Mine = NonNullable<LessonView['mine']>;

function LessonBody({ lessonId }: { lessonId: string }) {
  const view = useAction('lesson.view', { lessonId });
  const data = view.data;
  const invite = data?.invite ?? null;
  const [mine, setMine] = useState<Mine | null>(null);
  const positionRef = useRef(0);
  const durationRef = useRef(0);
  const reporterRef = useRef<ProgressReporter | null>(null);
  const completedRef = useRef(false);

  useEffect(() => {
    if (!data) return;
    setMine(data.lesson.mine);
    completedRef.current = Boolean(data.lesson.mine?.completed);
    durationRef.current = data.lesson.durationSeconds;
    // Only members report, and only on a published lesson (a draft is being previewed).
    const reports = !data.invite && data.lesson.status === 'published';
    const onReply = (reply: ProgressReply) => {
      setMine({ watchedRatio: reply.watchedRatio, completed: reply.completed });
      if (reply.completed && !completedRef.current) {
        completedRef.current = true;
        toast('已学完本课', 'success');
      }
    };
    reporterRef.current = reports ? new ProgressReporter(lessonId, (r) => safeCall('lesson.progress', r), onReply) : null;
  }, [data, lessonId]);

  // Leaving the page mid-play: report where the member got to.
  useEffect(
    () => () => {
      const r = reporterRef.current;
      if (r?.active) r.pause(positionRef.current);
    },
    [],
  );

  if (!data) {
    return <PageShell status={view.status === 'error' ? 'error' : 'loading'} errorMessage={view.error?.message} onRetry={view.reload} />;
  }
  const { lesson, videoUrl } = data;
  const published = lesson.status === 'published';
  const progress = mine?.completed ? '已学完' : mine && mine.watchedRatio > 0 ? `已学 ${Math.floor(mine.watchedRatio * 100)}%` : '未学';

  return (
    <PageShell status='ready'>
      <View className='lesson-player'>
        <Video
          id='lesson-video'
          className='lesson-video'
          src={videoUrl}
          poster={lesson.coverUrl ?? undefined}
          controls
          showCenterPlayBtn
          objectFit='contain'
          aria-label={`视频：${lesson.title}`}
          onPlay={() => reporterRef.current?.play(positionRef.current)}
          onPause={() => reporterRef.current?.pause(positionRef.current)}
          onEnded={() => {
            const end = durationRef.current || positionRef.current;
            positionRef.current = end;
            reporterRef.current?.ended(end);
          }}
          onTimeUpdate={(e) => {
            const { currentTime, duration } = e.detail;
            if (duration > 0) durationRef.current = duration;
            positionRef.current = currentTime;
            reporterRef.current?.time(currentTime);
          }}
          onLoadedMetaData={(e) => {
            if (e.detail.duration > 0) durationRef.current = e.detail.duration;
          }}
          onError={() => toast('视频加载失败，请检查网络后重试')}
        />
      </View>

      {invite ? (
        <View className='card' role='alert'>
          <Text className='card__title'>{`欢迎学习${invite.branchName}的微型党课`}</Text>
          <Text className='text'>{invite.message}</Text>
          <Text className='text text--small text--muted'>现在可以观看；加入支部后观看才计入学习记录和积分。</Text>
          <Button className='btn btn--primary' aria-label='去加入支部' onClick={() => void Taro.switchTab({ url: '/pages/mine/index' })}>
            去加入支部
          </Button>
        </View>
      ) : null}

      <View className='card'>
        <Text className='card__title'>{lesson.title}</Text>
        {!published ? <Text className='tag'>{LESSON_STATUS_LABELS.draft}</Text> : null}
        <View className='row'>
          <Text className='row__label'>主讲人</Text>
          <Text className='row__value'>{lesson.speaker.name}</Text>
        </View>
        <View className='row'>
          <Text className='row__label'>所属支部</Text>
          <Text className='row__value'>{lesson.branchName}</Text>
        </View>
        {lesson.unit ? (
          <View className='row'>
            <Text className='row__label'>岗区队</Text>
            <Text className='row__value'>{lesson.unit.name}</Text>
          </View>
        ) : null}
        <View className='row'>
          <Text className='row__label'>时长</Text>
          <Text className='row__value'>{durationLabel(lesson.durationSeconds)}</Text>
        </View>
        {lesson.publishedAt ? (
          <View className='row'>
            <Text className='row__label'>发布日期</Text>
            <Text className='row__value'>{chinaDate(lesson.publishedAt)}</Text>
          </View>
        ) : null}
        {lesson.summary ? (
          <View>
            <Text className='field__label'>内容简介</Text>
            <Text className='text'>{lesson.summary}</Text>
          </View>
        ) : null}
      </View>

      {!invite ? (
        <View className='card'>
          <Text className='card__title'>我的学习</Text>
          <View role='status' aria-live='polite'>
            <Text className={`lesson-progress${mine?.completed ? ' lesson-progress--done' : ''}`}>{progress}</Text>
          </View>
          {mine && !mine.completed ? (
            <View className='meter__track' aria-hidden='true'>
              <View className='meter__fill' style={{ width: `${Math.min(100, Math.round(mine.watchedRatio * 100))}%` }} />
            </View>
          ) : null}
          <Text className='text text--small text--muted'>
            {mine?.completed ? '学习记录已保存，积分以“我的积分”为准。' : `认真观看满 ${Math.round(WATCH_RULE.completeRatio * 100)}% 即为学完；快进跳过的部分不计入。`}
          </Text>
          {published ? (
            <View className='actions'>
              <Button className='btn btn--plain' aria-label='写学习心得' onClick={() => void Taro.navigateTo({ url: `${ROUTES.noteNew}?lessonId=${encodeURIComponent(lesson.id)}` })}>
                写学习心得
              </Button>
              <Button className='btn btn--plain' aria-label='生成海报' onClick={() => void Taro.navigateTo({ url: `${ROUTES.lessonPoster}?id=${encodeURIComponent(lesson.id)}` })}>
                生成海报
              </Button>
            </View>
          ) : (
            <Text className='text text--small text--muted'>这节党课还未发布，发布后观看才计入学习记录。</Text>
          )}
        </View>
      ) : null}
    </PageShell>
  );
}

/** The lesson id from `id` (list) or `scene` (scanned code; URL-encoded by WeChat). */
export function lessonIdFrom(params: Record<string, string | undefined>): string {
  return decodeParam(params.id) || decodeParam(params.scene);
}

export default function Lesson() {
  const { params } = useRouter();
  const lessonId = lessonIdFrom(params);
  if (!lessonId) return <PageShell status='error' errorMessage='没有找到这节微型党课，请重新扫码或从学习页进入。' />;
  return <LessonBody lessonId={lessonId} />;
}
