/**
 * 组织架构: the secretary edits Party groups (name, leader, and the 联系委员 — the committee
 * member whose duty area the group is, who reviews its members' pledges; picked from the
 * committee on each group's card and saved with org.saveGroup's liaisonId, name and leader kept),
 * 岗区队 units (kind, name, goal, leader, members) and committee members' 权责清单 (title, detail,
 * status, due date). Every save and delete is confirmed first. Data from org.pyramid (+
 * org.members for the pickers).
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { DateField, ErrorAlert, MultiSelect, SelectField, TextField, type Option } from '@/components/Field';
import { useAction } from '@/hooks/useAction';
import { DUTY_STATUSES, DUTY_STATUS_LABELS, UNIT_KINDS, UNIT_KIND_LABELS, type DutyStatus, type UnitKind } from '@/domain/vocabulary';
import { confirmChange, toast } from '@/lib/confirm';
import { useSubmit } from '@/lib/submit';
import type { ActionOutput } from '@/services/api';

type Pyramid = ActionOutput<'org.pyramid'>;
type Group = Pyramid['groups'][number];
type Unit = Pyramid['units'][number];
type DutyItem = Pyramid['committee'][number]['dutyItems'][number];

type Editing =
  | { kind: 'group'; group: Group | null }
  | { kind: 'unit'; unit: Unit | null }
  | { kind: 'duty'; memberId: string; memberName: string; item: DutyItem | null }
  | null;

export default function Structure() {
  const pyramid = useAction('org.pyramid', {});
  const roster = useAction('org.members', {});
  const [editing, setEditing] = useState<Editing>(null);
  const del = useSubmit();
  const people: Option<string>[] = (roster.data?.members ?? []).map((m) => ({ value: m.id, label: m.name }));
  const data = pyramid.data;
  const committee: Option<string>[] = (data?.committee ?? []).map((c) => ({ value: c.member.id, label: `${c.member.name}${c.duty ? `（${c.duty}）` : ''}` }));

  const done = () => {
    setEditing(null);
    void pyramid.reload();
  };

  const removeItem = async (item: DutyItem, owner: string) => {
    if (!(await confirmChange('删除权责清单事项？', `${owner}：${item.title}`, '删除'))) return;
    const res = await del.run('org.deleteDutyItem', { itemId: item.id });
    if (res.ok) {
      toast('已删除');
      void pyramid.reload();
    } else toast(res.error.message);
  };

  return (
    <PageShell status={pyramid.status} errorMessage={pyramid.error?.message} onRetry={pyramid.reload}>
      {data ? (
        <View>
          <Text className='section-title'>党小组</Text>
          {editing?.kind === 'group' && !editing.group ? <GroupForm group={null} people={people} onCancel={() => setEditing(null)} onDone={done} /> : null}
          {data.groups.map((g) =>
            editing?.kind === 'group' && editing.group?.id === g.id ? (
              <GroupForm key={g.id} group={g} people={people} onCancel={() => setEditing(null)} onDone={done} />
            ) : (
              <View key={g.id} className='card'>
                <Text className='card__title'>{g.name}</Text>
                <Text className='text text--small text--muted'>{`党小组长：${g.leader?.name ?? '未设置'} · ${g.members.length} 人`}</Text>
                <LiaisonPicker group={g} committee={committee} onSaved={() => void pyramid.reload()} />
                <Button className='btn btn--plain btn--small' aria-label={`编辑${g.name}`} onClick={() => setEditing({ kind: 'group', group: g })}>
                  编辑
                </Button>
              </View>
            ),
          )}
          <Button className='btn btn--plain' aria-label='新建党小组' onClick={() => setEditing({ kind: 'group', group: null })}>
            新建党小组
          </Button>

          <Text className='section-title'>岗区队</Text>
          {editing?.kind === 'unit' && !editing.unit ? <UnitForm unit={null} people={people} onCancel={() => setEditing(null)} onDone={done} /> : null}
          {data.units.map((u) =>
            editing?.kind === 'unit' && editing.unit?.id === u.id ? (
              <UnitForm key={u.id} unit={u} people={people} onCancel={() => setEditing(null)} onDone={done} />
            ) : (
              <View key={u.id} className='card'>
                <Text className='tag'>{UNIT_KIND_LABELS[u.kind]}</Text>
                <Text className='card__title'>{u.name}</Text>
                <Text className='text text--small text--muted'>{`目标：${u.goal}`}</Text>
                <Text className='text text--small text--muted'>{`负责人：${u.leader?.name ?? '未设置'} · ${u.members.length} 人`}</Text>
                <Button className='btn btn--plain btn--small' aria-label={`编辑${u.name}`} onClick={() => setEditing({ kind: 'unit', unit: u })}>
                  编辑
                </Button>
              </View>
            ),
          )}
          <Button className='btn btn--plain' aria-label='新建岗区队' onClick={() => setEditing({ kind: 'unit', unit: null })}>
            新建岗区队
          </Button>

          <Text className='section-title'>委员权责清单</Text>
          {data.committee.length === 0 ? <Text className='notice'>还没有支部委员：在“成员管理”中为成员设置支部委员身份。</Text> : null}
          {data.committee.map((c) => (
            <View key={c.member.id} className='card'>
              <Text className='card__title'>{`${c.member.name}${c.duty ? `（${c.duty}）` : ''}`}</Text>
              {c.dutyItems.length === 0 ? <Text className='text text--small text--muted'>暂无事项</Text> : null}
              {c.dutyItems.map((item) =>
                editing?.kind === 'duty' && editing.item?.id === item.id ? (
                  <DutyForm key={item.id} memberId={c.member.id} memberName={c.member.name} item={item} onCancel={() => setEditing(null)} onDone={done} />
                ) : (
                  <View key={item.id} className='row'>
                    <View>
                      <Text className='text'>{item.title}</Text>
                      <Text className={`text text--small${item.overdue ? ' overdue' : ' text--muted'}`}>
                        {`${DUTY_STATUS_LABELS[item.status]}${item.dueOn ? ` · ${item.overdue ? '已逾期' : '截止'} ${item.dueOn}` : ''}`}
                      </Text>
                    </View>
                    <View>
                      <Button
                        className='btn btn--plain btn--small'
                        aria-label={`编辑事项${item.title}`}
                        onClick={() => setEditing({ kind: 'duty', memberId: c.member.id, memberName: c.member.name, item })}
                      >
                        编辑
                      </Button>
                      <Button className='btn btn--danger btn--small' aria-label={`删除事项${item.title}`} onClick={() => void removeItem(item, c.member.name)}>
                        删除
                      </Button>
                    </View>
                  </View>
                ),
              )}
              {editing?.kind === 'duty' && editing.memberId === c.member.id && !editing.item ? (
                <DutyForm memberId={c.member.id} memberName={c.member.name} item={null} onCancel={() => setEditing(null)} onDone={done} />
              ) : (
                <Button
                  className='btn btn--plain btn--small'
                  aria-label={`为${c.member.name}添加事项`}
                  onClick={() => setEditing({ kind: 'duty', memberId: c.member.id, memberName: c.member.name, item: null })}
                >
                  添加事项
                </Button>
              )}
            </View>
          ))}
        </View>
      ) : null}
    </PageShell>
  );
}

interface FormProps {
  onCancel: () => void;
  onDone: () => void;
}

function FormButtons({ busy, onSave, onCancel, what }: { busy: boolean; onSave: () => void; onCancel: () => void; what: string }) {
  return (
    <View className='actions'>
      <Button className='btn btn--primary' aria-label={`保存${what}`} disabled={busy || undefined} loading={busy || undefined} onClick={onSave}>
        保存
      </Button>
      <Button className='btn btn--plain' aria-label='取消编辑' onClick={onCancel}>
        取消
      </Button>
    </View>
  );
}

const nameOf = (people: Option<string>[], id: string) => (id ? (people.find((p) => p.value === id)?.label ?? id) : '不设置');

/**
 * 联系委员 of one group: a committee member (or none: the secretary reviews). A pick is confirmed,
 * then saved with the group's name and leader as they are.
 */
function LiaisonPicker({ group, committee, onSaved }: { group: Group; committee: Option<string>[]; onSaved: () => void }) {
  const submit = useSubmit();
  const current = group.liaison?.id ?? '';
  // A liaison who has left the committee still shows as chosen (and can be replaced).
  const options: Option<string>[] = [
    { value: '', label: '不设置（由支部书记评议）' },
    ...committee,
    ...(group.liaison && !committee.some((c) => c.value === group.liaison?.id) ? [{ value: group.liaison.id, label: `${group.liaison.name}（已不在支委）` }] : []),
  ];
  const choose = async (liaisonId: string) => {
    if (liaisonId === current) return;
    const who = liaisonId ? nameOf(options, liaisonId) : '不设置（由支部书记评议）';
    const summary = `联系委员：${who}\n党小组名称、党小组长不变。\n联系委员每季度评议本小组党员的践诺情况。`;
    if (!(await confirmChange(`设置“${group.name}”的联系委员？`, summary, '保存'))) return;
    const res = await submit.run('org.saveGroup', { groupId: group.id, name: group.name, leaderId: group.leader?.id ?? null, liaisonId: liaisonId || null });
    if (res.ok) {
      toast('已保存', 'success');
      onSaved();
    }
  };
  return (
    <View>
      <SelectField
        label={`联系委员（${group.name}）`}
        options={options}
        value={current}
        onChange={(v) => void choose(v)}
        error={submit.fieldError('liaisonId')}
        hint={committee.length ? undefined : '还没有支部委员：在“成员管理”中为成员设置支部委员身份。'}
      />
      <ErrorAlert error={submit.error && !submit.error.fields ? submit.error : null} />
    </View>
  );
}

function GroupForm({ group, people, onCancel, onDone }: FormProps & { group: Group | null; people: Option<string>[] }) {
  const [name, setName] = useState(group?.name ?? '');
  const [leaderId, setLeaderId] = useState(group?.leader?.id ?? '');
  const submit = useSubmit();
  const save = async () => {
    const title = group ? `保存党小组“${group.name}”？` : '新建党小组？';
    if (!(await confirmChange(title, `名称：${name.trim()}\n党小组长：${nameOf(people, leaderId)}`, '保存'))) return;
    const res = await submit.run('org.saveGroup', { ...(group ? { groupId: group.id } : {}), name: name.trim(), leaderId: leaderId || null });
    if (res.ok) {
      toast('已保存', 'success');
      onDone();
    }
  };
  return (
    <View className='card'>
      <Text className='card__title'>{group ? `编辑${group.name}` : '新建党小组'}</Text>
      <TextField label='党小组名称' value={name} onChange={setName} maxlength={30} error={submit.fieldError('name')} />
      <SelectField label='党小组长' options={[{ value: '', label: '不设置' }, ...people]} value={leaderId} onChange={setLeaderId} error={submit.fieldError('leaderId')} />
      <ErrorAlert error={submit.error && !submit.error.fields ? submit.error : null} />
      <FormButtons busy={submit.busy} onSave={() => void save()} onCancel={onCancel} what='党小组' />
    </View>
  );
}

function UnitForm({ unit, people, onCancel, onDone }: FormProps & { unit: Unit | null; people: Option<string>[] }) {
  const [kind, setKind] = useState<UnitKind>(unit?.kind ?? 'post');
  const [name, setName] = useState(unit?.name ?? '');
  const [goal, setGoal] = useState(unit?.goal ?? '');
  const [leaderId, setLeaderId] = useState(unit?.leader?.id ?? '');
  const [memberIds, setMemberIds] = useState<string[]>(unit?.members.map((m) => m.id) ?? []);
  const submit = useSubmit();
  const save = async () => {
    const summary = [
      `类型：${UNIT_KIND_LABELS[kind]}`,
      `名称：${name.trim()}`,
      `目标：${goal.trim()}`,
      `负责人：${nameOf(people, leaderId)}`,
      `成员：${memberIds.length} 人`,
    ].join('\n');
    if (!(await confirmChange(unit ? `保存“${unit.name}”？` : '新建岗区队？', summary, '保存'))) return;
    const res = await submit.run('org.saveUnit', {
      ...(unit ? { unitId: unit.id } : {}),
      kind,
      name: name.trim(),
      goal: goal.trim(),
      leaderId: leaderId || null,
      memberIds,
    });
    if (res.ok) {
      toast('已保存', 'success');
      onDone();
    }
  };
  return (
    <View className='card'>
      <Text className='card__title'>{unit ? `编辑${unit.name}` : '新建岗区队'}</Text>
      <SelectField label='类型' options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))} value={kind} onChange={setKind} error={submit.fieldError('kind')} />
      <TextField label='名称' value={name} onChange={setName} maxlength={30} error={submit.fieldError('name')} />
      <TextField label='目标' value={goal} onChange={setGoal} maxlength={100} error={submit.fieldError('goal')} />
      <SelectField label='负责人' options={[{ value: '', label: '不设置' }, ...people]} value={leaderId} onChange={setLeaderId} error={submit.fieldError('leaderId')} />
      <MultiSelect label='成员（可多选）' options={people} values={memberIds} onChange={setMemberIds} error={submit.fieldError('memberIds')} />
      <ErrorAlert error={submit.error && !submit.error.fields ? submit.error : null} />
      <FormButtons busy={submit.busy} onSave={() => void save()} onCancel={onCancel} what='岗区队' />
    </View>
  );
}

function DutyForm({ memberId, memberName, item, onCancel, onDone }: FormProps & { memberId: string; memberName: string; item: DutyItem | null }) {
  const [title, setTitle] = useState(item?.title ?? '');
  const [detail, setDetail] = useState(item?.detail ?? '');
  const [status, setStatus] = useState<DutyStatus>(item?.status ?? 'todo');
  const [dueOn, setDueOn] = useState<string | null>(item?.dueOn ?? null);
  const submit = useSubmit();
  const save = async () => {
    const summary = `${memberName}：${title.trim()}\n状态：${DUTY_STATUS_LABELS[status]}\n截止日期：${dueOn ?? '未设置'}`;
    if (!(await confirmChange(item ? '保存事项修改？' : '添加权责清单事项？', summary, '保存'))) return;
    const res = await submit.run('org.saveDutyItem', {
      ...(item ? { itemId: item.id } : {}),
      memberId,
      title: title.trim(),
      detail: detail.trim(),
      status,
      dueOn,
    });
    if (res.ok) {
      toast('已保存', 'success');
      onDone();
    }
  };
  return (
    <View className='card'>
      <Text className='card__title'>{item ? '编辑事项' : `为${memberName}添加事项`}</Text>
      <TextField label='事项' value={title} onChange={setTitle} maxlength={40} error={submit.fieldError('title')} />
      <TextField label='说明' value={detail} onChange={setDetail} maxlength={500} multiline error={submit.fieldError('detail')} />
      <SelectField label='状态' options={DUTY_STATUSES.map((s) => ({ value: s, label: DUTY_STATUS_LABELS[s] }))} value={status} onChange={setStatus} error={submit.fieldError('status')} />
      <DateField label='截止日期' value={dueOn} onChange={setDueOn} error={submit.fieldError('dueOn')} />
      <ErrorAlert error={submit.error && !submit.error.fields ? submit.error : null} />
      <FormButtons busy={submit.busy} onSave={() => void save()} onCancel={onCancel} what='事项' />
    </View>
  );
}
