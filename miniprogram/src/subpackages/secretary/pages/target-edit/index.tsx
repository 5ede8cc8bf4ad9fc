/**
 * 设置目标 (secretary; ?id= edits one): a 党员突击队 (squad units from org.pyramid), the metric
 * (e.g. 新增宽带), its measure (e.g. 户), the goal and the period. Confirmed first → target.save →
 * back to 突击队目标.
 */
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell, type ShellStatus } from '@/components/PageShell';
import { DateField, ErrorAlert, SelectField, TextField, type Option } from '@/components/Field';
import { useAction } from '@/hooks/useAction';
import { chinaToday } from '@/domain/points';
import { confirmChange, toast } from '@/lib/confirm';
import { decodeParam } from '@/lib/format';
import { ROUTES } from '@/lib/routes';
import { useSubmit } from '@/lib/submit';

type Errors = Partial<Record<'unitId' | 'metric' | 'measure' | 'goal' | 'startOn' | 'endOn', string>>;

export interface TargetForm {
  unitId: string;
  metric: string;
  measure: string;
  goal: string;
  startOn: string | null;
  endOn: string | null;
}

export function validateTarget(v: TargetForm): Errors {
  const e: Errors = {};
  if (!v.unitId) e.unitId = '请选择党员突击队';
  if (Array.from(v.metric.trim()).length < 2) e.metric = '请填写目标指标（至少 2 个字）';
  if (!v.measure.trim()) e.measure = '请填写计量单位，如：户';
  else if (Array.from(v.measure.trim()).length > 8) e.measure = '计量单位不超过 8 个字';
  const goal = v.goal.trim();
  if (!/^\d+(\.\d+)?$/.test(goal) || Number(goal) <= 0) e.goal = '目标值应为大于 0 的数字';
  if (!v.startOn) e.startOn = '请选择开始日期';
  if (!v.endOn) e.endOn = '请选择结束日期';
  else if (v.startOn && v.endOn < v.startOn) e.endOn = '结束日期不能早于开始日期';
  return e;
}

export default function TargetEdit() {
  const { params } = useRouter();
  const id = decodeParam(params?.id);
  const pyramid = useAction('org.pyramid', {});
  const list = useAction('target.list', {});
  const submit = useSubmit();
  const today = chinaToday();
  const [form, setForm] = useState<TargetForm>({ unitId: '', metric: '', measure: '户', goal: '', startOn: today, endOn: `${today.slice(0, 4)}-12-31` });
  const [loaded, setLoaded] = useState(!id);
  const [errors, setErrors] = useState<Errors>({});
  const existing = id ? (list.data?.items.find((t) => t.id === id) ?? null) : null;

  useEffect(() => {
    if (loaded || !existing) return;
    setForm({ unitId: existing.unit.id, metric: existing.metric, measure: existing.measure, goal: String(existing.goal), startOn: existing.startOn, endOn: existing.endOn });
    setLoaded(true);
  }, [existing, loaded]);

  const squads = (pyramid.data?.units ?? []).filter((u) => u.kind === 'squad');
  const options: Option<string>[] = [{ value: '', label: '请选择党员突击队' }, ...squads.map((u) => ({ value: u.id, label: u.name }))];
  const set = (next: Partial<TargetForm>) => setForm((f) => ({ ...f, ...next }));
  const fieldError = (name: keyof Errors) => errors[name] ?? submit.fieldError(name);

  const save = async () => {
    const next = validateTarget(form);
    setErrors(next);
    if (Object.values(next).some(Boolean) || !form.startOn || !form.endOn) return;
    const unit = squads.find((u) => u.id === form.unitId)?.name ?? '';
    const summary = `${unit}：${form.metric.trim()} ${form.goal.trim()} ${form.measure.trim()}\n${form.startOn} 至 ${form.endOn}`;
    if (!(await confirmChange(id ? '修改目标' : '设置目标', summary, '确认保存'))) return;
    const res = await submit.run('target.save', {
      ...(id ? { targetId: id } : {}),
      unitId: form.unitId,
      metric: form.metric.trim(),
      measure: form.measure.trim(),
      goal: Number(form.goal.trim()),
      startOn: form.startOn,
      endOn: form.endOn,
    });
    if (res.ok) {
      toast('目标已保存', 'success');
      void Taro.navigateBack().catch(() => Taro.redirectTo({ url: ROUTES.targets }));
    }
  };

  const missing = Boolean(id) && list.status === 'ready' && !existing;
  const failed = pyramid.status === 'error' || (Boolean(id) && list.status === 'error');
  const status: ShellStatus = missing || failed ? 'error' : pyramid.status === 'loading' || (id && !loaded) ? 'loading' : 'ready';
  const retry = () => {
    void pyramid.reload();
    void list.reload();
  };
  return (
    <PageShell status={status} errorMessage={missing ? '目标不存在或已被删除' : (pyramid.error ?? list.error)?.message} onRetry={retry}>
      <View className='card'>
        {squads.length === 0 ? <Text className='notice'>支部还没有党员突击队，请先在“支部架构”中添加</Text> : null}
        <SelectField label='党员突击队' options={options} value={form.unitId} onChange={(unitId) => set({ unitId })} error={fieldError('unitId')} />
        <TextField label='目标指标' value={form.metric} maxlength={30} onChange={(metric) => set({ metric })} placeholder='如：新增宽带' error={fieldError('metric')} />
        <TextField label='计量单位' value={form.measure} maxlength={8} onChange={(measure) => set({ measure })} placeholder='如：户' error={fieldError('measure')} />
        <TextField label='目标值' value={form.goal} type='digit' onChange={(goal) => set({ goal })} placeholder='如：200' error={fieldError('goal')} />
        <DateField label='开始日期' value={form.startOn} onChange={(startOn) => set({ startOn })} error={fieldError('startOn')} />
        <DateField label='结束日期' value={form.endOn} onChange={(endOn) => set({ endOn })} error={fieldError('endOn')} />
      </View>
      <View className='card'>
        <ErrorAlert error={submit.error} />
        <Button className='btn btn--primary' aria-label='保存目标' disabled={submit.busy || undefined} loading={submit.busy || undefined} onClick={() => void save()}>
          保存目标
        </Button>
      </View>
    </PageShell>
  );
}
