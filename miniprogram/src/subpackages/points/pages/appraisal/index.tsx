/**
 * 民主评议 ballot: quarter.status for `?period=` (else the current quarter, then the previous
 * one — the round usually runs after a quarter ends); with an open round not yet cast,
 * quarter.ballot lists every other member to rate 优秀 / 合格 / 基本合格 / 不合格 (no default);
 * submit only when all are rated, confirmed first → quarter.castBallot. Ballots are anonymous.
 */
import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert } from '@/components/Field';
import { APPRAISAL_RATINGS, APPRAISAL_RATING_LABELS, currentPeriod, decodePeriod, previousPeriod, type AppraisalRating } from '@/domain/quarter';
import { periodLabel } from '@/domain/points';
import { confirmChange, toast } from '@/lib/confirm';
import { safeCall, useSubmit } from '@/lib/submit';
import type { ActionOutput, ApiError } from '@/services/api';

type Status = ActionOutput<'quarter.status'>;
type Ballot = ActionOutput<'quarter.ballot'>;

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; quarter: Status; ballot: Ballot | null };

/** The round to show: the asked period, else the current quarter's open round, else the previous quarter's. */
async function load(asked: string | null): Promise<Loaded> {
  const periods = asked ? [asked] : [currentPeriod(), previousPeriod(currentPeriod())];
  let first: Status | null = null;
  for (const period of periods) {
    const res = await safeCall('quarter.status', { period });
    if (!res.ok) return { status: 'error', error: res.error };
    first ??= res.data;
    if (res.data.appraisal?.state === 'open') {
      if (res.data.myBallotCast) return { status: 'ready', quarter: res.data, ballot: null };
      const ballot = await safeCall('quarter.ballot', { period: res.data.period });
      if (!ballot.ok) return { status: 'error', error: ballot.error };
      return { status: 'ready', quarter: res.data, ballot: ballot.data };
    }
  }
  return { status: 'ready', quarter: first as Status, ballot: null };
}

export default function Appraisal() {
  const { params } = useRouter();
  const asked = decodePeriod(params?.period);
  const [state, setState] = useState<Loaded>({ status: 'loading' });
  const [ratings, setRatings] = useState<Record<string, AppraisalRating>>({});
  const [castNow, setCastNow] = useState(false);
  const submit = useSubmit();

  const reload = () => {
    setState({ status: 'loading' });
    void load(asked).then(setState);
  };
  useEffect(reload, [asked]);

  const data = state.status === 'ready' ? state : null;
  const candidates = data?.ballot?.candidates ?? [];
  const rated = candidates.filter((c) => ratings[c.memberId]).length;
  const complete = candidates.length > 0 && rated === candidates.length;
  const cast = castNow || Boolean(data?.quarter.myBallotCast) || Boolean(data?.ballot?.cast);

  const send = async () => {
    if (!data?.ballot || !complete) return;
    const counts = APPRAISAL_RATINGS.map((r) => `${APPRAISAL_RATING_LABELS[r]} ${candidates.filter((c) => ratings[c.memberId] === r).length} 人`).join('，');
    const ok = await confirmChange('确认提交评议', `${counts}\n提交后不能修改，评议不记名。`, '确认提交');
    if (!ok) return;
    const res = await submit.run('quarter.castBallot', {
      period: data.ballot.period,
      ratings: candidates.map((c) => ({ memberId: c.memberId, rating: ratings[c.memberId] })),
    });
    if (res.ok) {
      setCastNow(true);
      toast('已投票', 'success');
    }
  };

  return (
    <PageShell status={state.status} errorMessage={state.status === 'error' ? state.error.message : undefined} onRetry={reload}>
      {data ? (
        <View>
          <View className='card'>
            <Text className='card__title'>{`民主评议 · ${periodLabel(data.quarter.period)}`}</Text>
            <View role='status'>
              {cast ? (
                <Text className='text'>已投票。评议不记名，任何人都看不到您对谁的评价。</Text>
              ) : data.quarter.appraisal?.state === 'open' ? (
                <Text className='text'>{`请评价每一位同志（已评 ${rated} / ${candidates.length}），全部评完后提交。评议不记名。`}</Text>
              ) : data.quarter.appraisal?.state === 'closed' ? (
                <Text className='text text--muted'>本轮民主评议已结束。</Text>
              ) : (
                <Text className='text text--muted'>民主评议尚未开始，开始后可在这里投票。</Text>
              )}
            </View>
          </View>
          {!cast && data.ballot ? (
            <View>
              {candidates.map((c) => (
                <View key={c.memberId} className='card'>
                  <Text className='text'>{c.name}</Text>
                  <View className='chips' role='group' aria-label={`评价${c.name}`}>
                    {APPRAISAL_RATINGS.map((r) => {
                      const on = ratings[c.memberId] === r;
                      return (
                        <Button
                          key={r}
                          className={`chip${on ? ' chip--on' : ''}`}
                          aria-pressed={on}
                          aria-label={`${c.name}：${APPRAISAL_RATING_LABELS[r]}`}
                          onClick={() => setRatings({ ...ratings, [c.memberId]: r })}
                        >
                          {on ? `✓ ${APPRAISAL_RATING_LABELS[r]}` : APPRAISAL_RATING_LABELS[r]}
                        </Button>
                      );
                    })}
                  </View>
                </View>
              ))}
              <View className='card'>
                <ErrorAlert error={submit.error} />
                {!complete ? <Text className='text text--small text--muted'>{`还有 ${candidates.length - rated} 人未评价`}</Text> : null}
                <Button
                  className='btn btn--primary'
                  aria-label='提交评议'
                  disabled={!complete || submit.busy || undefined}
                  loading={submit.busy || undefined}
                  onClick={() => void send()}
                >
                  提交评议
                </Button>
              </View>
            </View>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  );
}
