/**
 * 新建攻坚项目 (secretary): kind, title, goal; the lead — project.proposeLead shows 轮值建议 with
 * the rotation order; 采用建议, or another committee member, which needs 调整原因; the team
 * (Party groups and 岗区队 from org.pyramid); milestones (title, owner from the branch's people,
 * due date; at least one). A requestId is made once per draft, so a retry after a network error
 * creates one project. Confirmed first → project.create → the project's page.
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Picker, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert, FieldFrame, MultiSelect, SelectField, TextField, type Option } from '@/components/Field';
import { branchPeople, newRequestId, type PersonRef } from '@/components/Work';
import { useAction } from '@/hooks/useAction';
import { PROJECT_KINDS, PROJECT_KIND_LABELS, type ProjectKind } from '@/domain/work';
import { confirmChange, toast } from '@/lib/confirm';
import { ROUTES } from '@/lib/routes';
import { useSubmit } from '@/lib/submit';

const KIND_OPTIONS: ReadonlyArray<Option<ProjectKind>> = PROJECT_KINDS.map((k) => ({ value: k, label: PROJECT_KIND_LABELS[k] }));

export interface MilestoneDraft {
  key: string;
  title: string;
  ownerId: string;
  dueOn: string;
}

export type LeadChoice = { mode: 'proposal' } | { mode: 'other'; leadId: string; reason: string };

type Errors = Record<string, string | undefined>;

const emptyMilestone = (): MilestoneDraft => ({ key: newRequestId('ms'), title: '', ownerId: '', dueOn: '' });

/** What the form checks before sending (the server checks again): per field and per milestone row. */
export function validateProject(v: {
  title: string;
  goal: string;
  proposedId: string | null;
  lead: LeadChoice;
  milestones: readonly MilestoneDraft[];
}): Errors {
  const e: Errors = {};
  if (Array.from(v.title.trim()).length < 2) e.title = '请填写项目名称（至少 2 个字）';
  if (!v.goal.trim()) e.goal = '请填写项目目标';
  if (v.lead.mode === 'proposal') {
    if (!v.proposedId) e.leadId = '没有轮值建议，请另选牵头人';
  } else {
    if (!v.lead.leadId) e.leadId = '请选择牵头人';
    else if (v.proposedId && v.lead.leadId !== v.proposedId && !v.lead.reason.trim()) e.overrideReason = '不采用轮值建议时，请填写调整原因';
  }
  if (v.milestones.length === 0) e.milestones = '请至少设置一个节点';
  v.milestones.forEach((m, i) => {
    if (Array.from(m.title.trim()).length < 2) e[`milestones.${i}.title`] = '请填写节点名称（至少 2 个字）';
    if (!m.ownerId) e[`milestones.${i}.ownerId`] = '请选择负责人';
    if (!m.dueOn) e[`milestones.${i}.dueOn`] = '请选择完成日期';
  });
  return e;
}

function MilestoneRow({
  m,
  index,
  people,
  errors,
  onChange,
  onRemove,
}: {
  m: MilestoneDraft;
  index: number;
  people: readonly PersonRef[];
  errors: Errors;
  onChange: (next: MilestoneDraft) => void;
  onRemove: (() => void) | null;
}) {
  const n = index + 1;
  const ownerOptions: Option<string>[] = [{ value: '', label: '请选择负责人' }, ...people.map((p) => ({ value: p.id, label: p.name }))];
  return (
    <View className='notice' role='group' aria-label={`节点${n}`}>
      <Text className='field__label'>{`节点 ${n}`}</Text>
      <TextField label={`节点${n}名称`} value={m.title} maxlength={40} onChange={(title) => onChange({ ...m, title })} error={errors[`milestones.${index}.title`]} />
      <SelectField label={`节点${n}负责人`} options={ownerOptions} value={m.ownerId} onChange={(ownerId) => onChange({ ...m, ownerId })} error={errors[`milestones.${index}.ownerId`]} />
      <FieldFrame label={`节点${n}完成日期`} error={errors[`milestones.${index}.dueOn`]}>
        <Picker mode='date' value={m.dueOn} aria-label={`节点${n}完成日期`} onChange={(e) => onChange({ ...m, dueOn: String(e.detail.value) })}>
          <View className='input picker' role='button' aria-label={`节点${n}完成日期：${m.dueOn || '未选择'}`}>
            <Text>{m.dueOn || '请选择日期'}</Text>
          </View>
        </Picker>
      </FieldFrame>
      {onRemove ? (
        <Button className='btn btn--plain btn--small' aria-label={`删除节点${n}`} onClick={onRemove}>
          删除此节点
        </Button>
      ) : null}
    </View>
  );
}

export default function ProjectNew() {
  const proposal = useAction('project.proposeLead', {});
  const pyramid = useAction('org.pyramid', {});
  const submit = useSubmit();
  const [kind, setKind] = useState<ProjectKind>('secretary');
  const [title, setTitle] = useState('');
  const [goal, setGoal] = useState('');
  const [lead, setLead] = useState<LeadChoice>({ mode: 'proposal' });
  const [groupIds, setGroupIds] = useState<string[]>([]);
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [milestones, setMilestones] = useState<MilestoneDraft[]>(() => [emptyMilestone()]);
  const [errors, setErrors] = useState<Errors>({});
  /** Made once per draft: a retried creation is one project on the server. */
  const [requestId] = useState(() => newRequestId('prj'));

  const proposed = proposal.data?.proposed ?? null;
  const noProposal = proposal.status === 'ready' && !proposed;
  useEffect(() => {
    if (noProposal) setLead((l) => (l.mode === 'proposal' ? { mode: 'other', leadId: '', reason: '' } : l));
  }, [noProposal]);
  const order = proposal.data?.order ?? [];
  const others: Option<string>[] = [{ value: '', label: '请选择支部委员' }, ...order.filter((p) => p.id !== proposed?.id).map((p) => ({ value: p.id, label: p.name }))];
  const people = branchPeople(pyramid.data);
  const groupOptions: Option<string>[] = (pyramid.data?.groups ?? []).map((g) => ({ value: g.id, label: g.name }));
  const unitOptions: Option<string>[] = (pyramid.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }));
  const fieldError = (name: string) => errors[name] ?? submit.fieldError(name);

  const leadId = lead.mode === 'proposal' ? proposed?.id ?? '' : lead.leadId;
  const leadName = lead.mode === 'proposal' ? proposed?.name ?? '' : order.find((p) => p.id === lead.leadId)?.name ?? '';

  const setMilestone = (i: number, next: MilestoneDraft) => setMilestones((ms) => ms.map((m, j) => (j === i ? next : m)));

  const save = async () => {
    const next = validateProject({ title, goal, proposedId: proposed?.id ?? null, lead, milestones });
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? '';
    const summary = [
      `${PROJECT_KIND_LABELS[kind]}：${title.trim()}`,
      `牵头人：${leadName}${lead.mode === 'other' ? (lead.reason.trim() ? `（调整原因：${lead.reason.trim()}）` : '') : '（轮值）'}`,
      `节点 ${milestones.length} 个：${milestones.map((m) => `${m.title.trim()}（${nameOf(m.ownerId)}，${m.dueOn}）`).join('；')}`,
    ].join('\n');
    if (!(await confirmChange('新建攻坚项目', summary, '确认立项'))) return;
    const res = await submit.run('project.create', {
      requestId,
      kind,
      title: title.trim(),
      goal: goal.trim(),
      leadId,
      overrideReason: lead.mode === 'other' && lead.reason.trim() ? lead.reason.trim() : null,
      groupIds,
      unitIds,
      milestones: milestones.map((m) => ({ title: m.title.trim(), ownerId: m.ownerId, dueOn: m.dueOn })),
    });
    if (res.ok) {
      toast('项目已立项', 'success');
      void Taro.redirectTo({ url: `${ROUTES.project}?id=${encodeURIComponent(res.data.id)}` });
    }
  };

  const status = proposal.status === 'error' ? 'error' : proposal.status === 'loading' ? 'loading' : 'ready';
  return (
    <PageShell status={status} errorMessage={proposal.error?.message} onRetry={proposal.reload}>
      <View className='card'>
        <SelectField label='项目类型' options={KIND_OPTIONS} value={kind} onChange={setKind} />
        <TextField label='项目名称' value={title} maxlength={40} onChange={setTitle} placeholder='如：高价值小区攻坚' error={fieldError('title')} />
        <TextField label='项目目标' value={goal} multiline maxlength={500} onChange={setGoal} placeholder='要解决什么问题，做到什么程度' error={fieldError('goal')} />
      </View>
      <View className='card'>
        <Text className='card__title'>牵头人</Text>
        {proposed ? (
          <View role='status'>
            <Text className='text'>{`轮值建议：${proposed.name}`}</Text>
          </View>
        ) : (
          <Text className='text'>暂无轮值建议</Text>
        )}
        {order.length ? <Text className='text text--small text--muted'>{`轮值顺序：${order.map((p) => p.name).join(' → ')}`}</Text> : <Text className='text text--small'>支部还没有支部委员</Text>}
        <View className='actions' role='group' aria-label='牵头人'>
          <Button
            className={`btn ${lead.mode === 'proposal' ? 'btn--primary' : 'btn--plain'}`}
            aria-pressed={lead.mode === 'proposal'}
            aria-label='采用建议'
            disabled={!proposed || undefined}
            onClick={() => setLead({ mode: 'proposal' })}
          >
            采用建议
          </Button>
          <Button
            className={`btn ${lead.mode === 'other' ? 'btn--primary' : 'btn--plain'}`}
            aria-pressed={lead.mode === 'other'}
            aria-label='另选委员'
            onClick={() => setLead(lead.mode === 'other' ? lead : { mode: 'other', leadId: '', reason: '' })}
          >
            另选委员
          </Button>
        </View>
        {lead.mode === 'other' ? (
          <>
            <SelectField label='牵头委员' options={others} value={lead.leadId} onChange={(leadId) => setLead({ ...lead, leadId })} error={fieldError('leadId')} />
            <TextField
              label='调整原因'
              value={lead.reason}
              maxlength={100}
              onChange={(reason) => setLead({ ...lead, reason })}
              placeholder={proposed ? '为什么不按轮值顺序' : '可不填'}
              error={fieldError('overrideReason')}
            />
          </>
        ) : fieldError('leadId') ? (
          <View role='alert'>
            <Text className='field__error'>{fieldError('leadId')}</Text>
          </View>
        ) : null}
      </View>
      <View className='card'>
        <Text className='card__title'>项目团队</Text>
        <MultiSelect label='参与党小组' options={groupOptions} values={groupIds} onChange={setGroupIds} />
        <MultiSelect label='参与岗区队' options={unitOptions} values={unitIds} onChange={setUnitIds} />
      </View>
      <View className='card'>
        <Text className='card__title'>节点</Text>
        {milestones.map((m, i) => (
          <MilestoneRow
            key={m.key}
            m={m}
            index={i}
            people={people}
            errors={{ ...errors, ...(submit.error?.fields ?? {}) }}
            onChange={(next) => setMilestone(i, next)}
            onRemove={milestones.length > 1 ? () => setMilestones((ms) => ms.filter((x) => x.key !== m.key)) : null}
          />
        ))}
        {fieldError('milestones') ? (
          <View role='alert'>
            <Text className='field__error'>{fieldError('milestones')}</Text>
          </View>
        ) : null}
        {milestones.length < 20 ? (
          <Button className='btn btn--plain' aria-label='添加节点' onClick={() => setMilestones((ms) => [...ms, emptyMilestone()])}>
            添加节点
          </Button>
        ) : null}
      </View>
      <View className='card'>
        <ErrorAlert error={submit.error} />
        <Button className='btn btn--primary' aria-label='确认立项' disabled={submit.busy || undefined} loading={submit.busy || undefined} onClick={() => void save()}>
          确认立项
        </Button>
      </View>
    </PageShell>
  );
}
