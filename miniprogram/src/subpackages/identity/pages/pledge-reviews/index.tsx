/**
 * 践诺评议 (committee members and the secretary): pick a quarter; pledge.reviewQueue lists the
 * signed pledges of the caller's duty area (the groups they are liaison of; the secretary also
 * the groups without one) with that quarter's number of fulfilment updates and whether it is
 * reviewed. 评议 opens a form — 优 / 良 / 中 / 差 and a comment — confirmed, then pledge.review;
 * the server's refusal (another's duty area, already reviewed, …) is shown under the form.
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert, FieldFrame, TextField } from '@/components/Field';
import { PeriodPicker } from '@/components/PeriodPicker';
import { NotMember } from '@/components/NotMember';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { REVIEW_RATINGS, type ReviewRating } from '@/domain/identity';
import { periodLabel } from '@/domain/points';
import { currentPeriod, previousPeriod } from '@/domain/quarter';
import { confirmChange, toast } from '@/lib/confirm';
import { go, ROUTES } from '@/lib/routes';
import { useSubmit } from '@/lib/submit';
import type { ActionOutput } from '@/services/api';
import { Fulfilments } from '../../components/PledgeBlocks';
import { REVIEW_RATING_LABELS, itemCount } from '../../lib/pledge';

type QueueItem = ActionOutput<'pledge.reviewQueue'>['items'][number];

const RATING_HINTS: Record<ReviewRating, string> = {
  excellent: '优：承诺事项推进好，有实效、有佐证',
  good: '良：按计划推进，记录较完整',
  fair: '中：推进一般，记录偏少',
  poor: '差：无实质进展',
};
const COMMENT_MAX = 200;

function ReviewForm({ item, period, onDone, onCancel }: { item: QueueItem; period: string; onDone: () => void; onCancel: () => void }) {
  const [rating, setRating] = useState<ReviewRating | null>(null);
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<{ rating?: string; comment?: string }>({});
  const submit = useSubmit();
  const name = item.member.name;

  const send = async () => {
    const text = comment.trim();
    const p = { rating: rating ? undefined : '请选择评议等次', comment: text ? undefined : '请填写评语' };
    setProblems(p);
    if (!rating || !text) return;
    if (!(await confirmChange('提交践诺评议？', `${name} · ${periodLabel(period)}\n等次：${REVIEW_RATING_LABELS[rating]}\n评语：${text}`, '提交'))) return;
    const res = await submit.run('pledge.review', { pledgeId: item.id, period, rating, comment: text });
    if (res.ok) {
      toast('评议已提交', 'success');
      onDone();
    }
  };

  return (
    <View className='ledger'>
      <FieldFrame label={`${name}的评议等次`} error={problems.rating ?? submit.fieldError('rating')}>
        <View className='chips rating-chips' role='group' aria-label={`${name}的评议等次`}>
          {REVIEW_RATINGS.map((r) => (
            <Button
              key={r}
              className={`chip${rating === r ? ' chip--on' : ''}`}
              aria-pressed={rating === r}
              aria-label={REVIEW_RATING_LABELS[r]}
              onClick={() => {
                setRating(r);
                setProblems((x) => ({ ...x, rating: undefined }));
              }}
            >
              {rating === r ? `✓ ${REVIEW_RATING_LABELS[r]}` : REVIEW_RATING_LABELS[r]}
            </Button>
          ))}
        </View>
        {rating ? <Text className='text text--small text--muted'>{RATING_HINTS[rating]}</Text> : null}
      </FieldFrame>
      <TextField
        label='评语'
        value={comment}
        onChange={setComment}
        multiline
        maxlength={COMMENT_MAX}
        placeholder='结合本季度践诺记录写出评价和建议'
        error={problems.comment ?? submit.fieldError('comment')}
      />
      <ErrorAlert error={submit.error && !submit.error.fields ? submit.error : null} />
      <View className='actions'>
        <Button className='btn btn--primary' aria-label={`提交${name}的评议`} disabled={submit.busy || undefined} loading={submit.busy || undefined} onClick={() => void send()}>
          提交评议
        </Button>
        <Button className='btn btn--plain' aria-label='取消评议' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}

function QueueCard({ item, period, editing, onEdit, onDone }: { item: QueueItem; period: string; editing: boolean; onEdit: (on: boolean) => void; onDone: () => void }) {
  const [showUpdates, setShowUpdates] = useState(false);
  const review = item.reviews.find((r) => r.period === period) ?? null;
  const state = item.reviewed ? `已评议：${review ? REVIEW_RATING_LABELS[review.rating] : ''}` : '待评议';
  return (
    <View className='card' role='listitem' aria-label={`${item.member.name}，${item.member.group ?? '未编入党小组'}，本季度践诺 ${item.updatesThisQuarter} 条，${state}`}>
      <View className='ledger__head'>
        <Text className='card__title'>{item.member.name}</Text>
        <Text className={`tag${item.reviewed ? '' : ' overdue'}`}>{state}</Text>
      </View>
      <Text className='text text--small text--muted'>{`${item.member.group ?? '未编入党小组'} · 承诺 ${itemCount(item)} 项`}</Text>
      <Text className='text text--small'>{`${periodLabel(period)}践诺记录 ${item.updatesThisQuarter} 条`}</Text>
      {review ? (
        <View>
          <Text className='text'>{`评语：${review.comment}`}</Text>
          <Text className='text text--small text--muted'>{`评议人：${review.by}`}</Text>
        </View>
      ) : null}
      <View className='actions'>
        <Button className='btn btn--plain btn--small' aria-label={`查看${item.member.name}的承诺详情`} onClick={() => go(`${ROUTES.pledgeDetail}?id=${encodeURIComponent(item.id)}`)}>
          承诺详情
        </Button>
        <Button
          className='btn btn--plain btn--small'
          aria-expanded={showUpdates}
          aria-label={`${showUpdates ? '收起' : '查看'}${item.member.name}的践诺记录`}
          onClick={() => setShowUpdates(!showUpdates)}
        >
          {showUpdates ? '收起践诺记录' : '践诺记录'}
        </Button>
      </View>
      {showUpdates ? <Fulfilments pledge={item} /> : null}
      {item.reviewed ? null : editing ? (
        <ReviewForm item={item} period={period} onDone={onDone} onCancel={() => onEdit(false)} />
      ) : (
        <Button className='btn btn--primary' aria-label={`评议${item.member.name}`} onClick={() => onEdit(true)}>
          评议
        </Button>
      )}
    </View>
  );
}

export default function PledgeReviews() {
  const now = currentPeriod();
  const choices = [now, previousPeriod(now), previousPeriod(previousPeriod(now))];
  const [period, setPeriod] = useState(now);
  const [editing, setEditing] = useState<string | null>(null);
  const queue = useAction('pledge.reviewQueue', { period });
  useReloadOnShow(queue.reload);
  const notMember = queue.status === 'error' && queue.error.code === 'UNAUTHENTICATED';
  const items = queue.data?.items ?? [];
  const pending = items.filter((i) => !i.reviewed).length;

  return (
    <PageShell status={queue.status} errorMessage={queue.error?.message} onRetry={queue.reload} errorContent={notMember ? <NotMember /> : undefined}>
      <PeriodPicker
        choices={choices}
        value={period}
        onChange={(p) => {
          setEditing(null);
          setPeriod(p);
        }}
      />
      <View className='card'>
        <Text className='card__title'>{`${periodLabel(period)}践诺评议`}</Text>
        <View role='status'>
          <Text className='text'>{`共 ${items.length} 人，待评议 ${pending} 人`}</Text>
        </View>
        <Text className='text text--small text--muted'>评议等次计入积分：优、良、中按比例得分，差不得分。每人每季度评议一次，提交后不能修改。</Text>
        {items.length === 0 ? (
          <Text className='notice'>没有需要您评议的承诺：您联系的党小组中签署了承诺的党员会列在这里（联系委员由书记在“组织架构”中设置）。</Text>
        ) : null}
      </View>
      <View role='list' aria-label='待评议的承诺'>
        {items.map((item) => (
          <QueueCard
            key={item.id}
            item={item}
            period={period}
            editing={editing === item.id}
            onEdit={(on) => setEditing(on ? item.id : null)}
            onDone={() => {
              setEditing(null);
              void queue.reload();
            }}
          />
        ))}
      </View>
    </PageShell>
  );
}
