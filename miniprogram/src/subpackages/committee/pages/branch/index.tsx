/**
 * One branch's members for the committee admin (phones masked), each with 转移: pick the
 * target branch and a reason, confirm, then org.transferMember.
 */
import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert, SelectField, TextField, type Option } from '@/components/Field';
import { useAction } from '@/hooks/useAction';
import { ROLE_LABELS } from '@/domain/roles';
import { CATEGORY_LABELS } from '@/domain/vocabulary';
import { confirmChange, toast } from '@/lib/confirm';
import { decodeParam } from '@/lib/format';
import { useSubmit } from '@/lib/submit';
import type { ActionOutput } from '@/services/api';

type Member = ActionOutput<'org.branchMembers'>['members'][number];
type Branch = ActionOutput<'org.branches'>['branches'][number];

export default function BranchMembers() {
  const { params } = useRouter();
  const branchId = params?.id ?? '';
  const branchName = decodeParam(params?.name);
  const members = useAction('org.branchMembers', { branchId });
  const branches = useAction('org.branches', {});
  const [moving, setMoving] = useState<string | null>(null);
  const list = members.data?.members ?? [];
  const targets = (branches.data?.branches ?? []).filter((b) => b.id !== branchId);

  return (
    <PageShell
      status={members.status === 'ready' && list.length === 0 ? 'empty' : members.status}
      emptyText='该支部暂无成员'
      errorMessage={members.error?.message}
      onRetry={members.reload}
    >
      <Text className='section-title'>{`${branchName || '支部'}（${list.length}人）`}</Text>
      {list.map((m) => (
        <View key={m.id} className='card'>
          <Text className='card__title'>{m.name}</Text>
          <Text className='text text--small text--muted'>
            {[m.phone, m.group?.name ?? '未编入党小组', CATEGORY_LABELS[m.category], m.roles.map((r) => ROLE_LABELS[r]).join('、')].join(' · ')}
          </Text>
          {moving === m.id ? (
            <TransferForm
              member={m}
              targets={targets}
              onCancel={() => setMoving(null)}
              onDone={() => {
                setMoving(null);
                void members.reload();
                void branches.reload();
              }}
            />
          ) : (
            <Button className='btn btn--plain btn--small' aria-label={`转移${m.name}`} onClick={() => setMoving(m.id)}>
              转移
            </Button>
          )}
        </View>
      ))}
    </PageShell>
  );
}

function TransferForm({ member, targets, onCancel, onDone }: { member: Member; targets: Branch[]; onCancel: () => void; onDone: () => void }) {
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const options: Option<string>[] = [{ value: '', label: '请选择目标支部' }, ...targets.map((b) => ({ value: b.id, label: b.name }))];

  const transfer = async () => {
    const target = targets.find((b) => b.id === to);
    const fields: Record<string, string> = {};
    if (!target) fields.toBranchId = '请选择目标支部';
    if (!reason.trim()) fields.reason = '请填写转移原因';
    if (!target || Object.keys(fields).length) {
      submit.setError({ code: 'INVALID_INPUT', message: '请检查填写的内容', fields });
      return;
    }
    const ok = await confirmChange(
      `转移${member.name}？`,
      `转到：${target.name}\n原因：${reason.trim()}\n转移后其党小组、岗区队和支部内身份将清空，积分和记录保留。`,
      '确认转移',
    );
    if (!ok) return;
    const res = await submit.run('org.transferMember', { memberId: member.id, toBranchId: target.id, reason: reason.trim() });
    if (res.ok) {
      toast('已转移', 'success');
      onDone();
    }
  };

  return (
    <View>
      <SelectField label='目标支部' options={options} value={to} onChange={setTo} error={submit.fieldError('toBranchId')} />
      <TextField label='转移原因' value={reason} onChange={setReason} maxlength={100} error={submit.fieldError('reason')} />
      <ErrorAlert error={submit.error && !submit.error.fields ? submit.error : null} />
      <View className='actions'>
        <Button className='btn btn--primary' aria-label={`确认转移${member.name}`} disabled={submit.busy || undefined} onClick={() => void transfer()}>
          转移
        </Button>
        <Button className='btn btn--plain' aria-label='取消转移' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}
