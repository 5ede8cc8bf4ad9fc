/**
 * 编辑成员: group, units, roles, category and duty area of one member. Every change is
 * confirmed (a summary of what changes) before org.updateMember is called.
 */
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert, MultiSelect, SelectField, TextField, type Option } from '@/components/Field';
import { useAction } from '@/hooks/useAction';
import { ROLE_LABELS } from '@/domain/roles';
import { BRANCH_ROLES, CATEGORY_LABELS, EXEMPT_CATEGORIES, MEMBER_CATEGORIES, UNIT_KIND_LABELS, type BranchRole, type MemberCategory } from '@/domain/vocabulary';
import { confirmChange, toast } from '@/lib/confirm';
import { useSubmit } from '@/lib/submit';
import { ROUTES } from '@/lib/routes';
import type { ActionInput, ActionOutput } from '@/services/api';

type Member = ActionOutput<'org.member'>;
type Update = ActionInput<'org.updateMember'>;

interface Form {
  groupId: string;
  unitIds: string[];
  roles: BranchRole[];
  category: MemberCategory;
  duty: string;
}

/** Roles the secretary toggles; 党员 is always kept. */
const EXTRA_ROLES = BRANCH_ROLES.filter((r) => r !== 'member');

function formOf(m: Member): Form {
  return {
    groupId: m.group?.id ?? '',
    unitIds: m.units.map((u) => u.id),
    roles: m.roles.filter((r): r is BranchRole => (BRANCH_ROLES as readonly string[]).includes(r) && r !== 'member'),
    category: m.category,
    duty: m.duty ?? '',
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

export default function MemberEdit() {
  const { params } = useRouter();
  const memberId = params?.id ?? '';
  const member = useAction('org.member', { memberId });
  const pyramid = useAction('org.pyramid', {});
  const [saved, setSaved] = useState<Member | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const submit = useSubmit();

  const current = saved ?? member.data;
  useEffect(() => {
    if (member.data) {
      setSaved(null);
      setForm(formOf(member.data));
    }
  }, [member.data]);

  const groups = pyramid.data?.groups ?? [];
  const units = pyramid.data?.units ?? [];
  const groupName = (id: string) => (id ? (groups.find((g) => g.id === id)?.name ?? id) : '不编入党小组');
  const unitName = (id: string) => {
    const u = units.find((x) => x.id === id) ?? current?.units.find((x) => x.id === id);
    return u ? u.name : id;
  };

  const save = async () => {
    if (!current || !form) return;
    const was = formOf(current);
    const input: Update = { memberId: current.id };
    const lines: string[] = [];
    if (form.groupId !== was.groupId) {
      input.groupId = form.groupId || null;
      lines.push(`党小组：${groupName(was.groupId)} → ${groupName(form.groupId)}`);
    }
    if (!sameSet(form.unitIds, was.unitIds)) {
      input.unitIds = form.unitIds;
      const names = (ids: string[]) => (ids.length ? ids.map(unitName).join('、') : '无');
      lines.push(`岗区队：${names(was.unitIds)} → ${names(form.unitIds)}`);
    }
    if (!sameSet(form.roles, was.roles)) {
      input.roles = ['member', ...form.roles];
      const names = (rs: BranchRole[]) => ['member' as const, ...rs].map((r) => ROLE_LABELS[r]).join('、');
      lines.push(`身份：${names(was.roles)} → ${names(form.roles)}`);
    }
    if (form.category !== was.category) {
      input.category = form.category;
      const exempt = EXEMPT_CATEGORIES.has(form.category) ? '（不参加积分排名）' : '';
      lines.push(`类别：${CATEGORY_LABELS[was.category]} → ${CATEGORY_LABELS[form.category]}${exempt}`);
    }
    if (form.duty.trim() !== was.duty) {
      input.duty = form.duty.trim() || null;
      lines.push(`分工：${was.duty || '无'} → ${form.duty.trim() || '无'}`);
    }
    if (lines.length === 0) {
      toast('没有修改');
      return;
    }
    const ok = await confirmChange(`确认修改${current.name}的信息`, lines.join('\n'), '确认修改');
    if (!ok) return;
    const res = await submit.run('org.updateMember', input);
    if (res.ok) {
      setSaved(res.data);
      setForm(formOf(res.data));
      toast('已保存', 'success');
    }
  };

  const groupOptions: Option<string>[] = [{ value: '', label: '不编入党小组' }, ...groups.map((g) => ({ value: g.id, label: g.name }))];
  const unitOptions: Option<string>[] = units.map((u) => ({ value: u.id, label: `${UNIT_KIND_LABELS[u.kind]}：${u.name}` }));
  const roleOptions: Option<BranchRole>[] = EXTRA_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
  const categoryOptions: Option<MemberCategory>[] = MEMBER_CATEGORIES.map((c) => ({
    value: c,
    label: EXEMPT_CATEGORIES.has(c) ? `${CATEGORY_LABELS[c]}（不参加排名）` : CATEGORY_LABELS[c],
  }));
  const status = member.status === 'ready' && pyramid.status === 'loading' ? 'loading' : member.status;

  return (
    <PageShell status={status} errorMessage={member.error?.message} onRetry={member.reload}>
      {current && form ? (
        <View>
          <View className='card'>
            <Text className='card__title'>{current.name}</Text>
            <View className='row'>
              <Text className='row__label'>手机号</Text>
              <Text className='row__value'>{current.phone}</Text>
            </View>
            <View className='row'>
              <Text className='row__label'>微信</Text>
              <Text className='row__value'>{current.bound ? '已绑定' : '未绑定'}</Text>
            </View>
            <Button
              className='btn btn--plain btn--small'
              aria-label={`查看${current.name}的积分记录`}
              onClick={() => void Taro.navigateTo({ url: `${ROUTES.memberPoints}?id=${encodeURIComponent(current.id)}` })}
            >
              积分记录
            </Button>
            <Button
              className='btn btn--plain btn--small'
              aria-label={`给${current.name}下发三单`}
              onClick={() =>
                void Taro.navigateTo({ url: `${ROUTES.rectificationIssue}?memberId=${encodeURIComponent(current.id)}&name=${encodeURIComponent(current.name)}` })
              }
            >
              下发三单
            </Button>
          </View>
          <View className='card'>
            <SelectField
              label='党小组'
              options={groupOptions}
              value={form.groupId}
              onChange={(groupId) => setForm({ ...form, groupId })}
              error={submit.fieldError('groupId')}
            />
            <MultiSelect
              label='岗区队（可多选）'
              options={unitOptions}
              values={form.unitIds}
              onChange={(unitIds) => setForm({ ...form, unitIds })}
              error={submit.fieldError('unitIds')}
            />
            <MultiSelect
              label='身份（可多选）'
              options={roleOptions}
              values={form.roles}
              onChange={(roles) => setForm({ ...form, roles })}
              error={submit.fieldError('roles')}
              hint='党员身份始终保留。'
            />
            <SelectField
              label='党员类别'
              options={categoryOptions}
              value={form.category}
              onChange={(category) => setForm({ ...form, category })}
              error={submit.fieldError('category')}
              hint='老党员、患病党员和流动党员不参加积分排名，单独列出。'
            />
            <TextField
              label='委员分工'
              value={form.duty}
              onChange={(duty) => setForm({ ...form, duty })}
              error={submit.fieldError('duty')}
              placeholder='例如 组织委员（非委员留空）'
              maxlength={20}
            />
            <ErrorAlert error={submit.error} />
            <Button className='btn btn--primary' aria-label='保存修改' disabled={submit.busy || undefined} loading={submit.busy || undefined} onClick={() => void save()}>
              保存修改
            </Button>
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
