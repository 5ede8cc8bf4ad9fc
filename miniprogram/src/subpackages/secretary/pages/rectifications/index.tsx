/**
 * 三单整改 tracking (secretary): rectification.list, open first; each 三单 with its member,
 * items and status, overdue highlighted; an answered item shows the answer text and photos,
 * and 核验通过 / 退回 with a note (confirmed first) → rectification.review.
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert, TextField } from '@/components/Field';
import { Photos } from '@/components/Photos';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { ACTION_STATUS_LABELS, type Rectification, type RectificationAction } from '@/domain/quarter';
import { periodLabel } from '@/domain/points';
import { chinaDate, chinaDateTime } from '@/lib/format';
import { confirmChange, toast } from '@/lib/confirm';
import { useSubmit } from '@/lib/submit';

type Verdict = 'verified' | 'returned';
const VERDICT_LABELS: Record<Verdict, string> = { verified: '核验通过', returned: '退回' };

function ReviewForm({ rect, item, onDone }: { rect: Rectification; item: RectificationAction; onDone: () => void }) {
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = useSubmit();
  const review = async (verdict: Verdict) => {
    const text = note.trim();
    // Returning without saying why leaves the member guessing.
    if (verdict === 'returned' && !text) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const ok = await confirmChange(
      `${VERDICT_LABELS[verdict]}：${rect.member.name}`,
      `整改事项：${item.text}${text ? `\n意见：${text}` : ''}`,
      VERDICT_LABELS[verdict],
    );
    if (!ok) return;
    const res = await submit.run('rectification.review', { rectificationId: rect.id, actionId: item.id, verdict, note: text });
    if (res.ok) {
      toast(verdict === 'verified' ? '已核验' : '已退回', 'success');
      onDone();
    }
  };
  return (
    <View className='notice'>
      <TextField
        label='核验意见'
        value={note}
        onChange={setNote}
        multiline
        maxlength={200}
        placeholder='退回时必填，说明还需要做什么'
        error={missing ? '退回时请填写意见' : submit.fieldError('note')}
      />
      <ErrorAlert error={submit.error} />
      <View className='actions'>
        <Button className='btn btn--primary btn--small' aria-label={`核验通过：${item.text}`} disabled={submit.busy || undefined} onClick={() => void review('verified')}>
          核验通过
        </Button>
        <Button className='btn btn--danger btn--small' aria-label={`退回：${item.text}`} disabled={submit.busy || undefined} onClick={() => void review('returned')}>
          退回
        </Button>
      </View>
    </View>
  );
}

function RectCard({ rect, onDone }: { rect: Rectification; onDone: () => void }) {
  const overdue = rect.actions.filter((a) => a.overdue).length;
  return (
    <View className='card'>
      <Text className='card__title'>{`${rect.member.name} · ${periodLabel(rect.period)}`}</Text>
      <Text className='text text--small text--muted'>
        {`${rect.state === 'open' ? '整改中' : '已完成'} · ${rect.reason === 'grade' ? '季度考评较差' : '书记下发'} · ${chinaDate(rect.createdAt)}`}
      </Text>
      {overdue ? <Text className='text overdue'>{`${overdue} 项已逾期`}</Text> : null}
      <Text className='field__label'>责任清单</Text>
      {rect.responsibilities.map((x, i) => (
        <Text key={x.id} className='text text--small'>{`${i + 1}. ${x.text}`}</Text>
      ))}
      <Text className='field__label'>问题清单</Text>
      {rect.problems.map((x, i) => (
        <Text key={x.id} className='text text--small'>{`${i + 1}. ${x.text}`}</Text>
      ))}
      <Text className='field__label'>整改清单</Text>
      <View role='list' aria-label={`${rect.member.name}的整改事项`}>
        {rect.actions.map((a) => (
          <View key={a.id} className='ledger' role='listitem' aria-label={`${a.text}，${ACTION_STATUS_LABELS[a.status]}${a.overdue ? '，已逾期' : ''}`}>
            <Text className='text'>{a.text}</Text>
            <Text className={`text text--small${a.overdue ? ' overdue' : ' text--muted'}`}>{`整改期限 ${a.dueOn}${a.overdue ? ' · 已逾期' : ''}`}</Text>
            <Text className='tag'>{ACTION_STATUS_LABELS[a.status]}</Text>
            {a.answer ? (
              <View>
                <Text className='text text--small'>{`整改情况（${chinaDateTime(a.answer.at)}）：${a.answer.text}`}</Text>
                <Photos urls={a.answer.photoUrls} />
              </View>
            ) : null}
            {a.review ? <Text className='text text--small text--muted'>{`${a.status === 'returned' ? '退回意见' : '核验意见'}：${a.review.note || '（无）'}`}</Text> : null}
            {a.status === 'answered' ? <ReviewForm rect={rect} item={a} onDone={onDone} /> : null}
          </View>
        ))}
      </View>
    </View>
  );
}

export default function Rectifications() {
  const list = useAction('rectification.list', {});
  useReloadOnShow(list.reload);
  const items = [...(list.data?.items ?? [])].sort((a, b) => (a.state === b.state ? 0 : a.state === 'open' ? -1 : 1));
  const status = list.status === 'ready' && items.length === 0 ? 'empty' : list.status;
  const waiting = items.flatMap((r) => r.actions).filter((a) => a.status === 'answered').length;
  return (
    <PageShell status={status} errorMessage={list.error?.message} onRetry={list.reload} emptyText='暂无三单' emptyHint='在季度考评发布结果后，可给较差党员下发三单。'>
      {waiting ? (
        <View className='card' role='status'>
          <Text className='text'>{`有 ${waiting} 项整改待核验`}</Text>
        </View>
      ) : null}
      {items.map((r) => (
        <RectCard key={r.id} rect={r} onDone={() => void list.reload()} />
      ))}
    </PageShell>
  );
}
