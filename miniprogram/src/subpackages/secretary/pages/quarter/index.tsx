/**
 * 季度考评 (secretary): pick a quarter (the previous one by default, or `?period=`), see its
 * quarter.status and run it, each step confirmed first: 开启民主评议 → 结束民主评议 → 关闭季度
 * (with the preview) → 发布结果 (a correction of a published result needs a 更正原因 and
 * publishes a new version). After publishing: members graded 较差 without 三单 → 下发三单, the
 * 季度通报 workbook, and a 海报 (grade counts + top 5) to save and send to the WeChat group.
 */
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { PeriodPicker } from '@/components/PeriodPicker';
import { Poster, type PosterContent } from '@/components/Poster';
import { ErrorAlert, TextField } from '@/components/Field';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { GRADES, GRADE_LABELS, PERIOD_STATE_LABELS, currentPeriod, decodePeriod, previousPeriod } from '@/domain/quarter';
import { chinaToday, periodLabel } from '@/domain/points';
import { chinaDate } from '@/lib/format';
import { confirmChange, toast } from '@/lib/confirm';
import { ROUTES } from '@/lib/routes';
import { safeCall, useSubmit } from '@/lib/submit';
import type { ActionOutput } from '@/services/api';

type Row = ActionOutput<'quarter.close'>['preview'][number];
type Candidate = ActionOutput<'rectification.candidates'>['members'][number];

function ResultTable({ title, rows }: { title: string; rows: readonly Row[] }) {
  return (
    <View className='card'>
      <Text className='card__title'>{title}</Text>
      {rows.length === 0 ? <Text className='text text--muted'>没有参与排名的党员</Text> : null}
      <View role='list' aria-label={title}>
        {rows.map((r) => (
          <View key={r.memberId} role='listitem' className='rank-row' aria-label={`第${r.rank}名 ${r.name} ${r.score}分 ${GRADE_LABELS[r.grade]}`}>
            <Text className='rank-row__rank'>{r.rank}</Text>
            <Text className='rank-row__name'>{r.name}</Text>
            <Text className='rank-row__score'>{r.score}</Text>
            <Text className='rank-row__grade'>{GRADE_LABELS[r.grade]}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

type Bulletin = ActionOutput<'bulletin.export'>;

/**
 * 导出季度通报: bulletin.export → the workbook's name and a way to open it. H5 (and Jest) get a
 * plain download link; weapp downloads the file and opens it with Taro.openDocument.
 */
export function BulletinExport({ period }: { period: string }) {
  const submit = useSubmit();
  const [file, setFile] = useState<Bulletin | null>(null);
  const [opening, setOpening] = useState(false);
  useEffect(() => setFile(null), [period]);

  const exportIt = async () => {
    const res = await submit.run('bulletin.export', { period });
    if (res.ok) setFile(res.data);
  };
  const openInWeapp = async (f: Bulletin) => {
    setOpening(true);
    try {
      const dl = await Taro.downloadFile({ url: f.url });
      if (dl.statusCode !== 200) throw new Error(String(dl.statusCode));
      await Taro.openDocument({ filePath: dl.tempFilePath, fileType: 'xlsx', showMenu: true });
    } catch {
      toast('文件打开失败，请重试');
    } finally {
      setOpening(false);
    }
  };

  return (
    <View className='card'>
      <Text className='card__title'>季度通报</Text>
      <ErrorAlert error={submit.error} />
      <Button
        className='btn btn--primary'
        aria-label='导出季度通报'
        disabled={submit.busy || undefined}
        loading={submit.busy || undefined}
        onClick={() => void exportIt()}
      >
        导出季度通报
      </Button>
      {file ? (
        <View role='status'>
          <Text className='text'>{`已生成：${file.fileName}（第 ${file.version} 版）`}</Text>
          {process.env.TARO_ENV === 'weapp' ? (
            <Button
              className='btn btn--plain'
              aria-label={`打开季度通报 ${file.fileName}`}
              disabled={opening || undefined}
              loading={opening || undefined}
              onClick={() => void openInWeapp(file)}
            >
              打开季度通报
            </Button>
          ) : (
            <a className='btn btn--plain link-download' href={file.url} download={file.fileName} aria-label={`下载季度通报 ${file.fileName}`}>
              下载季度通报
            </a>
          )}
        </View>
      ) : null}
    </View>
  );
}

type QuarterResult = ActionOutput<'quarter.result'>;

/** The quarter poster: grade distribution (people per grade) and the top 5 with their scores. */
export function quarterPosterContent(result: QuarterResult, branchName: string, today: string): PosterContent {
  const total = GRADES.reduce((n, g) => n + (result.gradeCounts[g] ?? 0), 0);
  const top = [...result.rows].sort((a, b) => a.rank - b.rank).slice(0, 5);
  return {
    branchName,
    title: `${periodLabel(result.period)}考评结果`,
    subtitle: `参与排名 ${total} 人 · 公布于 ${chinaDate(result.publishedAt)}${result.version > 1 ? ` · 第 ${result.version} 版` : ''}`,
    rows: [
      ...GRADES.map((g) => [GRADE_LABELS[g], `${result.gradeCounts[g] ?? 0} 人`] as const),
      ...top.map((r) => [`第 ${r.rank} 名`, `${r.name}　${r.score} 分`] as const),
    ],
    footer: '同心 · 党支部工作平台',
    date: today,
  };
}

/** 季度海报: on request, quarter.result (+ the branch's name from org.me) → a Poster. */
export function QuarterPoster({ period }: { period: string }) {
  const [content, setContent] = useState<PosterContent | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setContent(null);
    setError(null);
  }, [period]);
  const make = async () => {
    setBusy(true);
    setError(null);
    try {
      const [result, me] = await Promise.all([safeCall('quarter.result', { period }), safeCall('org.me', {})]);
      if (!result.ok) return setError(result.error.message);
      const branchName = me.ok ? (me.data.branch?.name ?? '党支部') : '党支部';
      setContent(quarterPosterContent(result.data, branchName, chinaToday()));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='card'>
      <Text className='card__title'>季度海报</Text>
      {error ? (
        <View className='alert' role='alert'>
          <Text className='text'>{error}</Text>
        </View>
      ) : null}
      {content ? (
        <Poster canvasId='quarter-poster' content={content} fileName={`${periodLabel(period)}考评结果海报.png`} />
      ) : (
        <Button className='btn btn--plain' aria-label='生成季度海报' disabled={busy || undefined} loading={busy || undefined} onClick={() => void make()}>
          生成季度海报
        </Button>
      )}
    </View>
  );
}

export default function QuarterAdmin() {
  const { params } = useRouter();
  const now = currentPeriod();
  const choices = [previousPeriod(now), now, previousPeriod(previousPeriod(now))];
  const [period, setPeriod] = useState(decodePeriod(params?.period) ?? choices[0]);
  const status = useAction('quarter.status', { period });
  useReloadOnShow(status.reload);
  const submit = useSubmit();
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [closedRound, setClosedRound] = useState<ActionOutput<'quarter.closeAppraisal'> | null>(null);
  const [preview, setPreview] = useState<Row[] | null>(null);
  const [published, setPublished] = useState<ActionOutput<'quarter.publish'> | null>(null);
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);

  const data = status.data;
  const isPublished = data?.state === 'published';
  useEffect(() => {
    setClosedRound(null);
    setPreview(null);
    setPublished(null);
    setReason('');
    submit.setError(null);
  }, [period]);
  useEffect(() => {
    setCandidates(null);
    if (!isPublished) return;
    void safeCall('rectification.candidates', { period }).then((res) => setCandidates(res.ok ? res.data.members : null));
  }, [isPublished, period, data?.publishedVersion]);

  const step = async (title: string, content: string, run: () => Promise<boolean>) => {
    if (!(await confirmChange(title, content, '确定'))) return;
    if (await run()) void status.reload();
  };

  const openRound = () =>
    step('开启民主评议', `开启${periodLabel(period)}的民主评议？开启后支部党员可以投票。`, async () => {
      const res = await submit.run('quarter.openAppraisal', { period });
      if (res.ok) toast('已开启民主评议', 'success');
      return res.ok;
    });
  const closeRound = () =>
    step('结束民主评议', `结束${periodLabel(period)}的民主评议？结束后不能再投票，每人的评议得分按收到的评价平均计算。`, async () => {
      const res = await submit.run('quarter.closeAppraisal', { period });
      if (res.ok) {
        setClosedRound(res.data);
        toast('已结束民主评议', 'success');
      }
      return res.ok;
    });
  const closeQuarter = () =>
    step('关闭季度', `关闭${periodLabel(period)}？关闭后本季度积分不再变动，可预览结果后发布。`, async () => {
      const res = await submit.run('quarter.close', { period });
      if (res.ok) {
        setPreview(res.data.preview);
        toast('已关闭季度', 'success');
      }
      return res.ok;
    });
  const publish = async () => {
    const why = reason.trim();
    if (isPublished && !why) {
      setReasonMissing(true);
      return;
    }
    setReasonMissing(false);
    const content = isPublished
      ? `发布${periodLabel(period)}结果的第 ${(data?.publishedVersion ?? 1) + 1} 版？\n更正原因：${why}`
      : `发布${periodLabel(period)}的考评结果？发布后全支部党员可以查看。`;
    await step(isPublished ? '发布更正' : '发布结果', content, async () => {
      const res = await submit.run('quarter.publish', isPublished ? { period, reason: why } : { period });
      if (res.ok) {
        setPublished(res.data);
        setPreview(null);
        setReason('');
        toast(`已发布第 ${res.data.version} 版`, 'success');
      }
      return res.ok;
    });
  };

  const round = data?.appraisal ?? null;
  return (
    <PageShell status={status.status} errorMessage={status.error?.message} onRetry={status.reload}>
      <PeriodPicker choices={choices} value={period} onChange={setPeriod} />
      {data ? (
        <View>
          <View className='card'>
            <Text className='card__title'>{periodLabel(data.period)}</Text>
            <View className='row'>
              <Text className='row__label'>季度状态</Text>
              <Text className='row__value'>{PERIOD_STATE_LABELS[data.state]}</Text>
            </View>
            {data.publishedVersion ? (
              <View className='row'>
                <Text className='row__label'>已发布版本</Text>
                <Text className='row__value'>{`第 ${data.publishedVersion} 版`}</Text>
              </View>
            ) : null}
            <View className='row'>
              <Text className='row__label'>民主评议</Text>
              <Text className='row__value'>
                {round ? `${round.state === 'open' ? '进行中' : '已结束'} · ${round.ballots} 张选票 / ${round.voters} 人应投` : '未开启'}
              </Text>
            </View>
            {closedRound ? (
              <View role='status'>
                <Text className='text'>{`民主评议已结束：共 ${closedRound.ballots} 张选票，${closedRound.results} 人获得评议得分。`}</Text>
              </View>
            ) : null}
          </View>

          <View className='card'>
            <Text className='card__title'>操作</Text>
            <ErrorAlert error={submit.error} />
            {data.state === 'open' && !round ? (
              <Button className='btn btn--primary' aria-label='开启民主评议' disabled={submit.busy || undefined} onClick={() => void openRound()}>
                开启民主评议
              </Button>
            ) : null}
            {round?.state === 'open' ? (
              <Button className='btn btn--primary' aria-label='结束民主评议' disabled={submit.busy || undefined} onClick={() => void closeRound()}>
                结束民主评议
              </Button>
            ) : null}
            {data.state === 'open' && round?.state !== 'open' ? (
              <Button className='btn btn--danger' aria-label='关闭季度' disabled={submit.busy || undefined} onClick={() => void closeQuarter()}>
                关闭季度
              </Button>
            ) : null}
            {data.state !== 'open' ? (
              <View>
                {isPublished ? (
                  <TextField
                    label='更正原因'
                    value={reason}
                    onChange={setReason}
                    multiline
                    maxlength={200}
                    placeholder='结果已发布，再次发布须写明更正原因'
                    error={reasonMissing ? '请填写更正原因' : submit.fieldError('reason')}
                  />
                ) : null}
                <Button
                  className='btn btn--primary'
                  aria-label={isPublished ? '发布更正版本' : '发布结果'}
                  disabled={submit.busy || undefined}
                  loading={submit.busy || undefined}
                  onClick={() => void publish()}
                >
                  {isPublished ? '发布更正版本' : '发布结果'}
                </Button>
              </View>
            ) : null}
            {data.state === 'open' ? <Text className='text text--small text--muted'>季度结束后才能关闭；关闭前请先结束民主评议。</Text> : null}
          </View>

          {preview ? <ResultTable title='结果预览' rows={preview} /> : null}
          {published ? <ResultTable title={`已发布（第 ${published.version} 版）`} rows={published.rows} /> : null}
          {isPublished ? <BulletinExport period={period} /> : null}
          {isPublished ? <QuarterPoster key={`${period}-${data?.publishedVersion ?? 0}`} period={period} /> : null}
          {isPublished ? (
            <View className='card'>
              <Text className='card__title'>三单</Text>
              <Button className='btn btn--plain' aria-label='查看考评结果' onClick={() => void Taro.navigateTo({ url: `${ROUTES.quarterResult}?period=${period}` })}>
                查看考评结果
              </Button>
              {candidates === null ? null : candidates.length === 0 ? (
                <Text className='text text--muted'>没有待下发三单的较差党员。</Text>
              ) : (
                <View role='list' aria-label='待下发三单'>
                  <Text className='text text--small text--muted'>以下党员本季度等次为较差，尚未下发三单：</Text>
                  {candidates.map((c) => (
                    <View key={c.id} role='listitem' className='row'>
                      <Text className='row__label'>{`${c.name} · ${c.score} 分`}</Text>
                      <Button
                        className='btn btn--primary btn--small'
                        aria-label={`给${c.name}下发三单`}
                        onClick={() =>
                          void Taro.navigateTo({
                            url: `${ROUTES.rectificationIssue}?memberId=${encodeURIComponent(c.id)}&period=${period}&name=${encodeURIComponent(c.name)}`,
                          })
                        }
                      >
                        下发三单
                      </Button>
                    </View>
                  ))}
                </View>
              )}
            </View>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  );
}
