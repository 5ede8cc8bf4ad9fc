/**
 * 积分记录 of one member for the secretary (points.memberLedger): every entry, 冲销 of an
 * entry (reason required, confirmed first) and the 加减分 form (points.adjust). The adjust
 * form keeps its requestId until the server confirms, so a retry after a network error never
 * counts twice; a changed form (different points, category or reason) is a new request.
 */
import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert, SelectField, TextField, type Option } from '@/components/Field';
import { LedgerEntries } from '@/components/LedgerEntries';
import { useAction } from '@/hooks/useAction';
import { POINT_CATEGORIES, POINT_CATEGORY_LABELS, newRequestId, periodLabel, signedPoints, type PointCategory } from '@/domain/points';
import { confirmChange, toast } from '@/lib/confirm';
import { useSubmit } from '@/lib/submit';
import type { LedgerEntryView } from '@/services/api';

/** Parses the points field: a non-zero multiple of 0.5 within ±20, or an error message. */
function parsePoints(text: string): { value: number } | { error: string } {
  const t = text.trim().replace('−', '-').replace(/^\+/, '');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return { error: '请填写分值，例如 2 或 -1.5' };
  const n = Number(t);
  if (n === 0 || !Number.isInteger(n * 2)) return { error: '请填写非零的 0.5 的整数倍' };
  if (Math.abs(n) > 20) return { error: '单次加减分不超过 20 分' };
  return { value: n };
}

const categoryOptions: Option<PointCategory>[] = POINT_CATEGORIES.map((c) => ({ value: c, label: POINT_CATEGORY_LABELS[c] }));

function ReverseForm({ entry, onDone, onCancel }: { entry: LedgerEntryView; onDone: () => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = useSubmit();
  const go = async () => {
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const ok = await confirmChange('确认冲销', `冲销「${entry.label}」${signedPoints(entry.points)} 分\n原因：${reason.trim()}`, '确认冲销');
    if (!ok) return;
    const res = await submit.run('points.reverse', { entryId: entry.id, reason: reason.trim() });
    if (res.ok) {
      toast(res.data.duplicate ? '该记录已冲销' : '已冲销', 'success');
      onDone();
    }
  };
  return (
    <View className='notice'>
      <TextField
        label='冲销原因'
        value={reason}
        onChange={setReason}
        multiline
        maxlength={100}
        placeholder='必填，例如 重复登记'
        error={missing ? '请填写冲销原因' : submit.fieldError('reason')}
      />
      <ErrorAlert error={submit.error} />
      <View className='actions'>
        <Button className='btn btn--danger btn--small' aria-label='确认冲销' disabled={submit.busy || undefined} loading={submit.busy || undefined} onClick={() => void go()}>
          确认冲销
        </Button>
        <Button className='btn btn--plain btn--small' aria-label='取消冲销' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}

interface AdjustForm {
  points: string;
  category: PointCategory;
  reason: string;
}

function AdjustPanel({ memberId, name, onDone }: { memberId: string; name: string; onDone: () => void }) {
  const [form, setForm] = useState<AdjustForm>({ points: '', category: 'mandatory', reason: '' });
  const [local, setLocal] = useState<{ points?: string; reason?: string }>({});
  // The pending request: its id is reused while the same form is retried, dropped on success.
  const [pending, setPending] = useState<{ requestId: string; key: string } | null>(null);
  const submit = useSubmit();

  const go = async () => {
    const parsed = parsePoints(form.points);
    const reason = form.reason.trim();
    const errors = { points: 'error' in parsed ? parsed.error : undefined, reason: reason ? undefined : '请填写加减分原因' };
    setLocal(errors);
    if ('error' in parsed || !reason) return;
    const ok = await confirmChange(
      `确认给${name}${parsed.value > 0 ? '加分' : '减分'}`,
      `${POINT_CATEGORY_LABELS[form.category]} ${signedPoints(parsed.value)} 分\n原因：${reason}`,
      '确认',
    );
    if (!ok) return;
    const key = JSON.stringify([parsed.value, form.category, reason]);
    const requestId = pending && pending.key === key ? pending.requestId : newRequestId();
    setPending({ requestId, key });
    const res = await submit.run('points.adjust', { memberId, points: parsed.value, category: form.category, reason, requestId });
    if (res.ok) {
      setPending(null);
      setForm({ points: '', category: form.category, reason: '' });
      toast(res.data.duplicate ? '已记录（未重复计分）' : '已记录', 'success');
      onDone();
    }
  };

  return (
    <View className='card'>
      <Text className='card__title'>加减分</Text>
      <TextField
        label='分值'
        value={form.points}
        onChange={(points) => setForm({ ...form, points })}
        placeholder='加分填正数，减分填负数，如 -1.5'
        hint='0.5 的整数倍，单次不超过 ±20 分。'
        maxlength={6}
        error={local.points ?? submit.fieldError('points')}
      />
      <SelectField label='类别' options={categoryOptions} value={form.category} onChange={(category) => setForm({ ...form, category })} error={submit.fieldError('category')} />
      <TextField
        label='原因'
        value={form.reason}
        onChange={(reason) => setForm({ ...form, reason })}
        multiline
        maxlength={100}
        placeholder='必填，党员可在积分档案中看到'
        error={local.reason ?? submit.fieldError('reason')}
      />
      <ErrorAlert error={submit.error} />
      {pending && submit.error ? <Text className='text text--small text--muted'>重试时使用同一请求编号，不会重复计分。</Text> : null}
      <Button className='btn btn--primary' aria-label='提交加减分' disabled={submit.busy || undefined} loading={submit.busy || undefined} onClick={() => void go()}>
        提交加减分
      </Button>
    </View>
  );
}

export default function MemberPoints() {
  const { params } = useRouter();
  const memberId = params?.id ?? '';
  const ledger = useAction('points.memberLedger', { memberId });
  const [reversing, setReversing] = useState<string | null>(null);
  const data = ledger.data;

  return (
    <PageShell status={ledger.status} errorMessage={ledger.error?.message} onRetry={ledger.reload}>
      {data ? (
        <View>
          <View className='card'>
            <Text className='card__title'>{`${data.name} · ${periodLabel(data.period)}`}</Text>
            <View className='row'>
              <Text className='row__label'>本季度累计</Text>
              <Text className='row__value'>{`${data.total} 分`}</Text>
            </View>
          </View>
          <AdjustPanel memberId={memberId} name={data.name} onDone={() => void ledger.reload()} />
          <View className='card'>
            <Text className='card__title'>积分明细</Text>
            {data.entries.length === 0 ? <Text className='text text--muted'>本季度暂无积分记录</Text> : null}
            <LedgerEntries
              entries={data.entries}
              actions={(e) =>
                e.reversed || e.kind === 'reversal' ? null : reversing === e.id ? (
                  <ReverseForm
                    entry={e}
                    onCancel={() => setReversing(null)}
                    onDone={() => {
                      setReversing(null);
                      void ledger.reload();
                    }}
                  />
                ) : (
                  <Button className='btn btn--danger btn--small' aria-label={`冲销${e.label}`} onClick={() => setReversing(e.id)}>
                    冲销
                  </Button>
                )
              }
            />
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
