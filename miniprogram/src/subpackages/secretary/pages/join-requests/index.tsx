/**
 * 入支部申请: pending requests first, each with name, full phone, preset group and time.
 * 通过 (optionally binding to a roster member who has no WeChat yet) or 拒绝 (with a reason),
 * each confirmed before org.decideJoin.
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert, SelectField, TextField, type Option } from '@/components/Field';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { JOIN_STATUS_LABELS } from '@/domain/vocabulary';
import { confirmChange, toast } from '@/lib/confirm';
import { chinaDateTime } from '@/lib/format';
import { useSubmit } from '@/lib/submit';
import type { ActionOutput } from '@/services/api';

type JoinRequest = ActionOutput<'org.joinRequests'>['requests'][number];
type Member = ActionOutput<'org.members'>['members'][number];

export default function JoinRequests() {
  const list = useAction('org.joinRequests', {});
  const roster = useAction('org.members', {});
  useReloadOnShow(list.reload);
  const requests = list.data?.requests ?? [];
  const unbound = (roster.data?.members ?? []).filter((m) => !m.bound);
  const pendingCount = requests.filter((r) => r.status === 'pending').length;

  return (
    <PageShell
      status={list.status === 'ready' && requests.length === 0 ? 'empty' : list.status}
      emptyText='暂无入支部申请'
      emptyHint='在“邀请入支部”生成邀请码或二维码，发给要加入的人。'
      errorMessage={list.error?.message}
      onRetry={list.reload}
    >
      <Text className='section-title'>{pendingCount ? `待审核 ${pendingCount} 个` : '没有待审核的申请'}</Text>
      {requests.map((r) => (
        <RequestCard key={r.id} request={r} unbound={unbound} onDone={list.reload} />
      ))}
    </PageShell>
  );
}

function RequestCard({ request: r, unbound, onDone }: { request: JoinRequest; unbound: Member[]; onDone: () => void }) {
  const [bindTo, setBindTo] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const pending = r.status === 'pending';
  const bindOptions: Option<string>[] = [
    { value: '', label: '新建成员记录' },
    ...unbound.map((m) => ({ value: m.id, label: `${m.name}（${m.group?.name ?? '未编入党小组'}）` })),
  ];

  const approve = async () => {
    const target = unbound.find((m) => m.id === bindTo);
    const detail = target ? `将此微信绑定到名册成员“${target.name}”。` : `将新建成员“${r.name}”，编入${r.group?.name ?? '（未指定党小组）'}。`;
    if (!(await confirmChange(`通过${r.name}的申请？`, `手机号 ${r.phone}。${detail}`, '通过'))) return;
    const res = await submit.run('org.decideJoin', { requestId: r.id, approve: true, ...(target ? { bindTo: target.id } : {}) });
    if (res.ok) {
      toast('已通过', 'success');
      onDone();
    }
  };

  const reject = async () => {
    const why = reason.trim();
    if (!(await confirmChange(`拒绝${r.name}的申请？`, why ? `原因：${why}` : '未填写原因。申请人会看到“未通过”。', '拒绝'))) return;
    const res = await submit.run('org.decideJoin', { requestId: r.id, approve: false, ...(why ? { reason: why } : {}) });
    if (res.ok) {
      toast('已拒绝');
      onDone();
    }
  };

  return (
    <View className='card'>
      <Text className='card__title'>{r.name}</Text>
      <View className='row'>
        <Text className='row__label'>手机号</Text>
        <Text className='row__value'>{r.phone}</Text>
      </View>
      <View className='row'>
        <Text className='row__label'>党小组</Text>
        <Text className='row__value'>{r.group?.name ?? '未指定'}</Text>
      </View>
      <View className='row'>
        <Text className='row__label'>申请时间</Text>
        <Text className='row__value'>{chinaDateTime(r.createdAt)}</Text>
      </View>
      <View className='row'>
        <Text className='row__label'>状态</Text>
        <Text className={`row__value${pending ? ' overdue' : ''}`}>{JOIN_STATUS_LABELS[r.status]}</Text>
      </View>
      {r.reason ? <Text className='text text--small text--muted'>{`原因：${r.reason}`}</Text> : null}
      {pending ? (
        <View>
          {unbound.length > 0 ? (
            <SelectField
              label='绑定到名册成员（可选）'
              options={bindOptions}
              value={bindTo}
              onChange={setBindTo}
              error={submit.fieldError('bindTo')}
              hint='已在名册中但尚未绑定微信的成员，可直接绑定，保留其原有记录。'
            />
          ) : null}
          {rejecting ? (
            <TextField label='拒绝原因（可选）' value={reason} onChange={setReason} maxlength={100} error={submit.fieldError('reason')} />
          ) : null}
          <ErrorAlert error={submit.error} />
          <View className='actions'>
            {rejecting ? (
              <>
                <Button className='btn btn--danger' aria-label={`确认拒绝${r.name}`} disabled={submit.busy || undefined} onClick={() => void reject()}>
                  确认拒绝
                </Button>
                <Button className='btn btn--plain' aria-label='取消拒绝' onClick={() => setRejecting(false)}>
                  取消
                </Button>
              </>
            ) : (
              <>
                <Button className='btn btn--primary' aria-label={`通过${r.name}`} disabled={submit.busy || undefined} onClick={() => void approve()}>
                  通过
                </Button>
                <Button className='btn btn--danger' aria-label={`拒绝${r.name}`} disabled={submit.busy || undefined} onClick={() => setRejecting(true)}>
                  拒绝
                </Button>
              </>
            )}
          </View>
        </View>
      ) : null}
    </View>
  );
}
