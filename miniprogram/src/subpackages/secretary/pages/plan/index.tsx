/**
 * 年度计划 (secretary): the year's plan items (plan.items) and a form to add or edit one —
 * title, owner, the four quarterly targets and results — confirmed → plan.saveItem.
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert, SelectField, TextField } from '@/components/Field';
import { useAction } from '@/hooks/useAction';
import { confirmChange, toast } from '@/lib/confirm';
import { useSubmit } from '@/lib/submit';
import { PlanItemCard, QUARTERS, currentYear, type PlanItem } from '@/components/PlanItem';

interface Draft {
  itemId?: string;
  title: string;
  ownerId: string;
  targets: string[];
  results: string[];
}

const empty = (): Draft => ({ title: '', ownerId: '', targets: ['', '', '', ''], results: ['', '', '', ''] });
const fromItem = (it: PlanItem): Draft => ({ itemId: it.id, title: it.title, ownerId: it.owner.id, targets: [...it.targets], results: [...it.results] });

export default function PlanEdit() {
  const year = currentYear();
  const plan = useAction('plan.items', { year });
  const members = useAction('org.members', {});
  const submit = useSubmit();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [missing, setMissing] = useState<{ title?: string; owner?: string }>({});
  const items = plan.data?.items ?? [];
  const people = members.data?.members ?? [];
  const options = [{ value: '', label: '请选择负责人' }, ...people.map((m) => ({ value: m.id, label: m.name }))];

  const setAt = (key: 'targets' | 'results', i: number, v: string) =>
    setDraft((d) => (d ? { ...d, [key]: d[key].map((x, j) => (j === i ? v : x)) } : d));

  const save = async () => {
    if (!draft) return;
    const title = draft.title.trim();
    const next = { title: title ? undefined : '请填写计划事项', owner: draft.ownerId ? undefined : '请选择负责人' };
    setMissing(next);
    if (next.title || next.owner) return;
    const owner = people.find((m) => m.id === draft.ownerId)?.name ?? '';
    const summary = [`事项：${title}`, `负责人：${owner}`, ...QUARTERS.map((q, i) => `${q}目标：${draft.targets[i]?.trim() || '无'}`)].join('\n');
    if (!(await confirmChange(draft.itemId ? '修改计划' : '新增计划', summary))) return;
    const res = await submit.run('plan.saveItem', {
      ...(draft.itemId ? { itemId: draft.itemId } : {}),
      year,
      title,
      ownerId: draft.ownerId,
      targets: draft.targets.map((t) => t.trim()),
      results: draft.results.map((t) => t.trim()),
    });
    if (res.ok) {
      toast('已保存', 'success');
      setDraft(null);
      void plan.reload();
    }
  };

  return (
    <PageShell status={plan.status} errorMessage={plan.error?.message} onRetry={plan.reload}>
      <View className='card'>
        <Text className='card__title'>{`${year}年支部工作计划`}</Text>
        {draft ? null : (
          <Button className='btn btn--primary' aria-label='新增计划事项' onClick={() => setDraft(empty())}>
            新增计划事项
          </Button>
        )}
      </View>
      {draft ? (
        <View className='card'>
          <Text className='card__title'>{draft.itemId ? '修改计划事项' : '新增计划事项'}</Text>
          <TextField label='计划事项' value={draft.title} maxlength={60} onChange={(v) => setDraft({ ...draft, title: v })} error={missing.title ?? submit.fieldError('title')} />
          <SelectField label='负责人' options={options} value={draft.ownerId} onChange={(v) => setDraft({ ...draft, ownerId: v })} error={missing.owner ?? submit.fieldError('ownerId')} />
          {QUARTERS.map((q, i) => (
            <View key={q}>
              <TextField label={`${q}目标`} value={draft.targets[i] ?? ''} maxlength={100} onChange={(v) => setAt('targets', i, v)} />
              <TextField label={`${q}完成情况`} value={draft.results[i] ?? ''} maxlength={200} multiline onChange={(v) => setAt('results', i, v)} />
            </View>
          ))}
          <ErrorAlert error={submit.error} />
          <Button className='btn btn--primary' aria-label='保存计划事项' disabled={submit.busy || undefined} loading={submit.busy || undefined} onClick={() => void save()}>
            保存
          </Button>
          <Button className='btn btn--plain' aria-label='取消编辑' onClick={() => setDraft(null)}>
            取消
          </Button>
        </View>
      ) : null}
      {items.length === 0 ? <Text className='text text--muted'>还没有计划事项。</Text> : null}
      <View role='list' aria-label='年度计划'>
        {items.map((it) => (
          <PlanItemCard key={it.id} item={it}>
            <Button className='btn btn--plain btn--small' aria-label={`修改${it.title}`} onClick={() => setDraft(fromItem(it))}>
              修改
            </Button>
          </PlanItemCard>
        ))}
      </View>
    </PageShell>
  );
}
