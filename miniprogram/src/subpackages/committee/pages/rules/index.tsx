/**
 * 积分规则管理 (committee admin): every rule with all its versions (points.rules) and a form
 * to set a new version from an effective day ≥ today (points.saveRule), confirmed first.
 * A new version never re-scores history.
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { DateField, ErrorAlert, TextField } from '@/components/Field';
import { useAction } from '@/hooks/useAction';
import { POINT_CATEGORY_LABELS, RULE_CODES, RULE_LABELS, capText, chinaToday, type RuleCode } from '@/domain/points';
import { confirmChange, toast } from '@/lib/confirm';
import { useSubmit } from '@/lib/submit';
import type { RuleView } from '@/services/api';

interface Form {
  points: string;
  dailyCap: string;
  periodCap: string;
  effectiveFrom: string | null;
}
type FormErrors = Partial<Record<keyof Form, string>>;

const num = (s: string) => (/^\d+(\.\d+)?$/.test(s.trim()) ? Number(s.trim()) : NaN);

function RuleForm({ rule, onDone, onCancel }: { rule: RuleView; onDone: () => void; onCancel: () => void }) {
  const today = chinaToday();
  const [form, setForm] = useState<Form>({
    points: String(rule.points),
    dailyCap: rule.dailyCap === null ? '' : String(rule.dailyCap),
    periodCap: rule.periodCap === null ? '' : String(rule.periodCap),
    effectiveFrom: today,
  });
  const [local, setLocal] = useState<FormErrors>({});
  const submit = useSubmit();
  const label = RULE_LABELS[rule.code];

  const save = async () => {
    const errors: FormErrors = {};
    const points = num(form.points);
    if (Number.isNaN(points) || points > 20) errors.points = '请填写 0–20 的分值';
    const cap = (s: string, key: 'dailyCap' | 'periodCap') => {
      if (!s.trim()) return null;
      const n = num(s);
      if (Number.isNaN(n) || n > 100) errors[key] = '请填写 0–100 的分值，不设上限请留空';
      return n;
    };
    const dailyCap = cap(form.dailyCap, 'dailyCap');
    const periodCap = cap(form.periodCap, 'periodCap');
    if (!form.effectiveFrom) errors.effectiveFrom = '请选择生效日期';
    else if (form.effectiveFrom < today) errors.effectiveFrom = '生效日期不能早于今天';
    setLocal(errors);
    if (Object.keys(errors).length > 0 || !form.effectiveFrom) return;
    const summary = [
      `每次 ${rule.points} → ${points} 分`,
      `上限：${capText(rule.dailyCap, rule.periodCap)} → ${capText(dailyCap, periodCap)}`,
      `自 ${form.effectiveFrom} 起生效，此前的积分不重新计算`,
    ].join('\n');
    const ok = await confirmChange(`确认修改「${label}」`, summary, '确认修改');
    if (!ok) return;
    const res = await submit.run('points.saveRule', { code: rule.code, points, dailyCap, periodCap, effectiveFrom: form.effectiveFrom });
    if (res.ok) {
      toast('已保存新版本', 'success');
      onDone();
    }
  };

  const err = (k: keyof Form) => local[k] ?? submit.fieldError(k);
  return (
    <View className='notice'>
      <Text className='field__label'>{`设置「${label}」的新版本`}</Text>
      <TextField label='每次分值' type='digit' value={form.points} onChange={(points) => setForm({ ...form, points })} error={err('points')} maxlength={5} />
      <TextField label='每日上限' type='digit' value={form.dailyCap} onChange={(dailyCap) => setForm({ ...form, dailyCap })} error={err('dailyCap')} hint='留空表示不设上限' maxlength={5} />
      <TextField label='每季度上限' type='digit' value={form.periodCap} onChange={(periodCap) => setForm({ ...form, periodCap })} error={err('periodCap')} hint='留空表示不设上限' maxlength={5} />
      <DateField label='生效日期' value={form.effectiveFrom} onChange={(effectiveFrom) => setForm({ ...form, effectiveFrom })} error={err('effectiveFrom')} />
      <ErrorAlert error={submit.error} />
      <View className='actions'>
        <Button className='btn btn--primary btn--small' aria-label={`保存${label}的新版本`} disabled={submit.busy || undefined} loading={submit.busy || undefined} onClick={() => void save()}>
          保存
        </Button>
        <Button className='btn btn--plain btn--small' aria-label='取消' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}

export default function CommitteeRules() {
  const rules = useAction('points.rules', {});
  const [editing, setEditing] = useState<RuleCode | null>(null);
  const data = rules.data;
  const inForce = new Map((data?.inForce ?? []).map((r) => [r.code, r] as const));
  const codes = RULE_CODES.filter((c) => inForce.has(c) || data?.versions.some((v) => v.code === c));

  return (
    <PageShell status={data && codes.length === 0 ? 'empty' : rules.status} emptyText='暂无积分规则' errorMessage={rules.error?.message} onRetry={rules.reload}>
      <View className='notice'>
        <Text>修改规则会生成新版本，从生效日期起适用；已记录的积分不会重新计算。</Text>
      </View>
      {codes.map((code) => {
        const current = inForce.get(code);
        const versions = (data?.versions ?? []).filter((v) => v.code === code).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version);
        const base = current ?? versions[0];
        return (
          <View key={code} className='card'>
            <Text className='card__title'>{RULE_LABELS[code]}</Text>
            {current ? (
              <Text className='text'>{`现行：${POINT_CATEGORY_LABELS[current.category]} · 每次 ${current.points} 分 · ${capText(current.dailyCap, current.periodCap)}`}</Text>
            ) : (
              <Text className='text text--muted'>尚未生效</Text>
            )}
            <View role='list' aria-label={`${RULE_LABELS[code]}的版本`}>
              {versions.map((v) => (
                <View key={`${v.version}-${v.effectiveFrom}`} role='listitem' className='row'>
                  <Text className='row__label'>{`第 ${v.version} 版 · ${v.effectiveFrom} 起${current && v.version === current.version ? '（现行）' : ''}`}</Text>
                  <Text className='text text--small'>{`${v.points} 分 · ${capText(v.dailyCap, v.periodCap)}`}</Text>
                </View>
              ))}
            </View>
            {editing === code && base ? (
              <RuleForm
                rule={base}
                onCancel={() => setEditing(null)}
                onDone={() => {
                  setEditing(null);
                  void rules.reload();
                }}
              />
            ) : (
              <Button className='btn btn--plain btn--small' aria-label={`修改${RULE_LABELS[code]}`} onClick={() => setEditing(code)}>
                设置新版本
              </Button>
            )}
          </View>
        );
      })}
    </PageShell>
  );
}
