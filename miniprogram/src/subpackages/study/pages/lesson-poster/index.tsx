/**
 * 党课海报 for the WeChat study group (`lesson.poster`): red header band with the branch and
 * the title, speaker, duration and the start of the summary, the lesson's QR code large
 * (mini-program code in production, a QR of the H5 URL locally) and 扫码学习微型党课.
 * Saved like the other posters (album on weapp, download on H5).
 */
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { Poster, type PosterContent } from '@/components/Poster';
import { useAction } from '@/hooks/useAction';
import { chinaToday } from '@/domain/points';
import { decodeParam } from '@/lib/format';
import type { ActionOutput } from '@/services/api';

/** The QR's side on the poster, logical px (750 wide); with minScale 1 it is ≥ this many pixels. */
export const QR_SIZE = 440;
export const SCAN_CAPTION = '扫码学习微型党课';

/** The first `n` characters of a summary, with … when cut. */
export function summaryExcerpt(summary: string, n = 60): string {
  const chars = Array.from(summary.replace(/\s+/g, ' ').trim());
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : chars.join('');
}

function durationLabel(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s}秒` : `${Math.floor(s / 60)}分${String(s % 60).padStart(2, '0')}秒`;
}

export function lessonPosterContent(p: ActionOutput<'lesson.poster'>, today: string): PosterContent {
  const { lesson } = p;
  const rows: Array<readonly [string, string]> = [
    ['主讲人', lesson.speaker.name],
    ['时长', durationLabel(lesson.durationSeconds)],
  ];
  if (lesson.unit) rows.push(['岗区队', lesson.unit.name]);
  if (lesson.summary.trim()) rows.push(['内容简介', summaryExcerpt(lesson.summary)]);
  return {
    branchName: lesson.branchName,
    title: lesson.title,
    subtitle: '微型党课',
    rows,
    image: { src: p.qrUrl, size: QR_SIZE, caption: SCAN_CAPTION, label: '二维码' },
    footer: '同心 · 党支部工作平台',
    date: today,
  };
}

/** A file name without characters that file systems refuse. */
export function posterFileName(title: string): string {
  return `微型党课-${title.replace(/[\\/:*?"<>|\s]+/g, '_')}.png`;
}

export default function LessonPoster() {
  const { params } = useRouter();
  const lessonId = decodeParam(params.id) || decodeParam(params.scene);
  const poster = useAction('lesson.poster', { lessonId });
  const data = poster.data;
  if (!lessonId) return <PageShell status='error' errorMessage='没有找到这节微型党课。' />;
  return (
    <PageShell status={poster.status} errorMessage={poster.error?.message} onRetry={poster.reload}>
      {data ? (
        <View>
          <View className='card'>
            <Text className='card__title'>{data.lesson.title}</Text>
            <Text className='text text--small text--muted'>保存海报后发到支部学习群，党员扫码即可观看学习。</Text>
          </View>
          <View className='card'>
            <Poster canvasId='lesson-poster' content={lessonPosterContent(data, chinaToday())} fileName={posterFileName(data.lesson.title)} minScale={1} />
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
