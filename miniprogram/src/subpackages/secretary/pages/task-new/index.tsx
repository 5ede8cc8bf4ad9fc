/**
 * 发布任务 (secretary or committee member): kind, title, detail, due date and time in China
 * time (sent as an ISO instant with +08:00), what counts as done, and the target — 全支部, Party
 * groups, 岗区队 or chosen members (from org.pyramid). The draft, with a requestId made once per
 * draft, stays on the device until the server confirms, so a retry publishes one task.
 * Confirmed first → task.publish → the task's board.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Picker, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert, FieldFrame, MultiSelect, TextField, type Option } from '@/components/Field';
import { NotMember } from '@/components/NotMember';
import { branchPeople } from '@/components/Work';
import { useAction } from '@/hooks/useAction';
import { TASK_DONE_BY, TASK_DONE_BY_LABELS, TASK_KINDS, TASK_KIND_LABELS, type TaskDoneBy, type TaskKind } from '@/domain/work';
import { chinaDate } from '@/lib/format';
import { confirmChange, toast } from '@/lib/confirm';
import { ROUTES } from '@/lib/routes';
import { useSubmit } from '@/lib/submit';
import {
  TARGET_KINDS,
  TARGET_KIND_LABELS,
  TASK_DETAIL_MAX,
  TASK_TITLE,
  publishInput,
  readTaskDraft,
  targetText,
  taskProblems,
  writeTaskDraft,
  type TargetKind,
  type TaskDraft,
  type TaskErrors,
} from '../../lib/task';

/** One-of-several choice as toggle chips (aria-pressed says which). */
function Chips<V extends string>({ label, options, value, onChange }: { label: string; options: ReadonlyArray<Option<V>>; value: V; onChange: (v: V) => void }) {
  return (
    <FieldFrame label={label}>
      <View className='chips' role='group' aria-label={label}>
        {options.map((o) => {
          const on = o.value === value;
          return (
            <Button key={o.value} className={`chip${on ? ' chip--on' : ''}`} aria-pressed={on} aria-label={o.label} onClick={() => onChange(o.value)}>
              {on ? `✓ ${o.label}` : o.label}
            </Button>
          );
        })}
      </View>
    </FieldFrame>
  );
}

const KIND_OPTIONS: ReadonlyArray<Option<TaskKind>> = TASK_KINDS.map((k) => ({ value: k, label: TASK_KIND_LABELS[k] }));
const DONE_BY_OPTIONS: ReadonlyArray<Option<TaskDoneBy>> = TASK_DONE_BY.map((k) => ({ value: k, label: TASK_DONE_BY_LABELS[k] }));
const TARGET_OPTIONS: ReadonlyArray<Option<TargetKind>> = TARGET_KINDS.map((k) => ({ value: k, label: TARGET_KIND_LABELS[k] }));
/** Fields whose server messages are shown under their control. */
const FORM_FIELDS = ['title', 'detail', 'dueAt', 'target'];

export default function TaskNew() {
  const me = useAction('org.me', {});
  const pyramid = useAction('org.pyramid', {});
  const [draft, setDraft] = useState<TaskDraft>(readTaskDraft);
  const [errors, setErrors] = useState<TaskErrors>({});
  const submit = useSubmit();

  const change = (next: Partial<TaskDraft>) => {
    setDraft((d) => {
      const merged = { ...d, ...next };
      writeTaskDraft(merged);
      return merged;
    });
  };

  const people = branchPeople(pyramid.data);
  const groupOptions: Option<string>[] = (pyramid.data?.groups ?? []).map((g) => ({ value: g.id, label: `${g.name}（${g.members.length} 人）` }));
  const unitOptions: Option<string>[] = (pyramid.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }));
  const memberOptions: Option<string>[] = people.map((p) => ({ value: p.id, label: p.name }));
  const fieldError = (name: keyof TaskErrors) => errors[name] ?? submit.fieldError(name);
  const today = chinaDate(new Date().toISOString());

  const publish = async () => {
    const problems = taskProblems(draft);
    setErrors(problems);
    if (Object.values(problems).some(Boolean)) return;
    const summary = [
      `${TASK_KIND_LABELS[draft.kind]}：${draft.title.trim()}`,
      `截止：${draft.date} ${draft.time}（北京时间）`,
      `完成方式：${TASK_DONE_BY_LABELS[draft.doneBy]}`,
      `范围：${targetText(draft, pyramid.data, people)}`,
    ].join('\n');
    if (!(await confirmChange('确认发布任务', summary, '发布'))) return;
    // Saved before sending: if the app is closed mid-request, the retry still has this requestId.
    writeTaskDraft(draft);
    const res = await submit.run('task.publish', publishInput(draft));
    if (!res.ok) return; // the draft and its requestId stay for the retry
    writeTaskDraft(null);
    toast('任务已发布', 'success');
    void Taro.redirectTo({ url: `${ROUTES.taskBoard}?id=${encodeURIComponent(res.data.id)}` });
  };

  const notMember = me.status === 'error' && me.error.code === 'UNAUTHENTICATED';
  const mayPublish = Boolean(me.data?.roles.some((r) => r === 'secretary' || r === 'committeeMember'));
  const general = submit.error && !FORM_FIELDS.some((f) => submit.fieldError(f)) ? submit.error : null;
  const status = me.status === 'ready' ? pyramid.status : me.status;

  return (
    <PageShell
      status={status}
      errorMessage={(me.error ?? pyramid.error)?.message}
      onRetry={() => {
        void me.reload();
        void pyramid.reload();
      }}
      errorContent={notMember ? <NotMember /> : undefined}
    >
      {!mayPublish ? (
        <View className='card' role='alert'>
          <Text className='text'>仅支部书记和支部委员可以发布任务</Text>
        </View>
      ) : (
        <View>
          <View className='card'>
            <Chips label='任务类型' options={KIND_OPTIONS} value={draft.kind} onChange={(kind) => change({ kind })} />
            <TextField
              label='任务标题'
              value={draft.title}
              onChange={(title) => change({ title })}
              maxlength={TASK_TITLE.max}
              placeholder='例如 学习《中国共产党章程》第一章'
              error={fieldError('title')}
            />
            <TextField
              label='任务内容'
              value={draft.detail}
              onChange={(detail) => change({ detail })}
              multiline
              maxlength={TASK_DETAIL_MAX}
              placeholder='要做什么、怎么做、注意事项'
              hint='未发布的内容会保存在本机。'
              error={fieldError('detail')}
            />
            <FieldFrame label='截止日期' hint='北京时间'>
              <Picker mode='date' value={draft.date} start={today} aria-label='截止日期' onChange={(e) => change({ date: String(e.detail.value) })}>
                <View className='input picker' role='button' aria-label={`截止日期：${draft.date}`}>
                  <Text>{draft.date}</Text>
                </View>
              </Picker>
            </FieldFrame>
            <FieldFrame label='截止时刻' error={fieldError('dueAt')}>
              <Picker mode='time' value={draft.time} aria-label='截止时刻' onChange={(e) => change({ time: String(e.detail.value) })}>
                <View className='input picker' role='button' aria-label={`截止时刻：${draft.time}`}>
                  <Text>{draft.time}</Text>
                </View>
              </Picker>
            </FieldFrame>
            <Chips label='完成方式' options={DONE_BY_OPTIONS} value={draft.doneBy} onChange={(doneBy) => change({ doneBy })} />
          </View>

          <View className='card'>
            <Chips label='发送范围' options={TARGET_OPTIONS} value={draft.target} onChange={(target) => change({ target })} />
            {draft.target === 'groups' ? (
              <MultiSelect label='选择党小组' options={groupOptions} values={draft.groupIds} onChange={(groupIds) => change({ groupIds })} error={fieldError('target')} />
            ) : null}
            {draft.target === 'units' ? (
              <MultiSelect label='选择岗区队' options={unitOptions} values={draft.unitIds} onChange={(unitIds) => change({ unitIds })} error={fieldError('target')} />
            ) : null}
            {draft.target === 'members' ? (
              <MultiSelect
                label='选择党员'
                options={memberOptions}
                values={draft.memberIds}
                onChange={(memberIds) => change({ memberIds })}
                hint={`已选 ${draft.memberIds.length} 人`}
                error={fieldError('target')}
              />
            ) : null}
            {draft.target === 'branch' ? <Text className='text text--small text--muted'>支部全体党员都会收到这项任务。</Text> : null}
          </View>

          <ErrorAlert error={general} />
          <Button className='btn btn--primary' aria-label='发布任务' disabled={submit.busy || undefined} loading={submit.busy || undefined} onClick={() => void publish()}>
            发布任务
          </Button>
        </View>
      )}
    </PageShell>
  );
}
