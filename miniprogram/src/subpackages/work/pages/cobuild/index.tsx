/**
 * 党建和创 (cobuild.list): the branch's co-building agreements — partner, kind, contact, status,
 * signed date, terms, 查看协议 (the signed file) and the joint activities under each. The
 * secretary also gets 新增协议 / 编辑 (→ 共建协议) and, under an agreement in force, 记录联合活动
 * (title, date, summary, participants from org.pyramid → cobuild.addActivity, confirmed first).
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { DateField, ErrorAlert, MultiSelect, TextField, type Option } from '@/components/Field';
import { NotMember } from '@/components/NotMember';
import { branchPeople } from '@/components/Work';
import { AgreementFile } from '@/components/Work/AgreementFile';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { COBUILD_STATUS_LABELS, PARTNER_KIND_LABELS } from '@/domain/work';
import { chinaToday } from '@/domain/points';
import { confirmChange, toast } from '@/lib/confirm';
import { ROUTES, go } from '@/lib/routes';
import { useSubmit } from '@/lib/submit';
import type { AgreementView } from '@/services/api';

type Errors = Partial<Record<'title' | 'on' | 'summary', string>>;

export function validateActivity(v: { title: string; on: string | null; summary: string }): Errors {
  const e: Errors = {};
  if (Array.from(v.title.trim()).length < 2) e.title = '请填写活动名称（至少 2 个字）';
  if (!v.on) e.on = '请选择活动日期';
  if (!v.summary.trim()) e.summary = '请填写活动内容';
  return e;
}

function ActivityForm({ a, onSaved }: { a: AgreementView; onSaved: (a: AgreementView) => void }) {
  const pyramid = useAction('org.pyramid', {});
  const [title, setTitle] = useState('');
  const [on, setOn] = useState<string | null>(chinaToday());
  const [summary, setSummary] = useState('');
  const [participantIds, setParticipantIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const submit = useSubmit();
  const people = branchPeople(pyramid.data);
  const options: Option<string>[] = people.map((p) => ({ value: p.id, label: p.name }));
  const fieldError = (name: keyof Errors) => errors[name] ?? submit.fieldError(name);

  const send = async () => {
    const next = validateActivity({ title, on, summary });
    setErrors(next);
    if (Object.values(next).some(Boolean) || !on) return;
    const text = `与${a.partner.name}：${title.trim()}\n日期：${on}\n参加党员 ${participantIds.length} 人（每人计共建积分一次）`;
    if (!(await confirmChange('记录联合活动', text, '确认记录'))) return;
    const res = await submit.run('cobuild.addActivity', { agreementId: a.id, title: title.trim(), on, summary: summary.trim(), participantIds });
    if (res.ok) {
      toast('联合活动已记录', 'success');
      onSaved(res.data);
    }
  };

  return (
    <View className='notice' role='group' aria-label={`记录联合活动：${a.partner.name}`}>
      <TextField label='活动名称' value={title} maxlength={40} onChange={setTitle} placeholder='如：联合主题党日' error={fieldError('title')} />
      <DateField label='活动日期' value={on} onChange={setOn} error={fieldError('on')} />
      <TextField label='活动内容' value={summary} multiline maxlength={1000} onChange={setSummary} error={fieldError('summary')} />
      <MultiSelect label='参加党员' options={options} values={participantIds} onChange={setParticipantIds} hint={`已选 ${participantIds.length} 人`} error={submit.fieldError('participantIds')} />
      {options.length ? (
        <Button
          className='btn btn--plain btn--small'
          aria-label={participantIds.length === options.length ? '全部取消' : '全选'}
          onClick={() => setParticipantIds(participantIds.length === options.length ? [] : options.map((o) => o.value))}
        >
          {participantIds.length === options.length ? '全部取消' : '全选'}
        </Button>
      ) : null}
      <ErrorAlert error={submit.error} />
      <Button className='btn btn--primary' aria-label='保存联合活动' disabled={submit.busy || undefined} loading={submit.busy || undefined} onClick={() => void send()}>
        保存联合活动
      </Button>
    </View>
  );
}

function AgreementCard({ a, isSecretary, onSaved }: { a: AgreementView; isSecretary: boolean; onSaved: (a: AgreementView) => void }) {
  const [adding, setAdding] = useState(false);
  return (
    <View className='card' role='listitem' aria-label={`${a.partner.name}，${COBUILD_STATUS_LABELS[a.status]}`}>
      <Text className='tag'>{COBUILD_STATUS_LABELS[a.status]}</Text>
      <Text className='tag'>{PARTNER_KIND_LABELS[a.partner.kind]}</Text>
      <Text className='card__title'>{a.partner.name}</Text>
      <View className='row'>
        <Text className='row__label'>联系人</Text>
        <Text className='row__value'>{a.partner.contact || '未填写'}</Text>
      </View>
      <View className='row'>
        <Text className='row__label'>签约日期</Text>
        <Text className='row__value'>{a.signedOn ?? '未签约'}</Text>
      </View>
      {a.terms ? <Text className='text text--small'>{`共建内容：${a.terms}`}</Text> : null}
      {a.fileUrl ? <AgreementFile url={a.fileUrl} partner={a.partner.name} /> : <Text className='text text--small text--muted'>尚未上传协议文件</Text>}
      <Text className='field__label'>{`联合活动（${a.activities.length}）`}</Text>
      {a.activities.length === 0 ? <Text className='text text--small text--muted'>暂无联合活动</Text> : null}
      <View role='list' aria-label={`联合活动：${a.partner.name}`}>
        {a.activities.map((x) => (
          <View key={x.id} className='ledger' role='listitem'>
            <Text className='text'>{x.title}</Text>
            <Text className='text text--small text--muted'>{`${x.on} · ${x.participants} 人参加`}</Text>
            {x.summary ? <Text className='text text--small'>{x.summary}</Text> : null}
          </View>
        ))}
      </View>
      {isSecretary ? (
        <View className='actions'>
          <Button className='btn btn--plain' aria-label={`编辑协议：${a.partner.name}`} onClick={() => go(`${ROUTES.cobuildEdit}?id=${encodeURIComponent(a.id)}`)}>
            编辑
          </Button>
          {a.status === 'active' ? (
            <Button className='btn btn--plain' aria-label={`记录联合活动：${a.partner.name}`} onClick={() => setAdding(!adding)}>
              {adding ? '收起' : '记录联合活动'}
            </Button>
          ) : null}
        </View>
      ) : null}
      {isSecretary && a.status !== 'active' ? <Text className='text text--small text--muted'>协议共建中时可记录联合活动</Text> : null}
      {isSecretary && adding && a.status === 'active' ? (
        <ActivityForm
          a={a}
          onSaved={(next) => {
            setAdding(false);
            onSaved(next);
          }}
        />
      ) : null}
    </View>
  );
}

export default function Cobuild() {
  const me = useAction('org.me', {});
  const list = useAction('cobuild.list', {});
  const [fresh, setFresh] = useState<Record<string, AgreementView>>({});
  useReloadOnShow(() => {
    setFresh({});
    void list.reload();
  });
  const notMember = list.status === 'error' && list.error.code === 'UNAUTHENTICATED';
  const isSecretary = me.data?.roles.includes('secretary') ?? false;
  const items = (list.data?.items ?? []).map((a) => fresh[a.id] ?? a);

  return (
    <PageShell status={list.status} errorMessage={list.error?.message} onRetry={list.reload} errorContent={notMember ? <NotMember /> : undefined}>
      {isSecretary ? (
        <Button className='btn btn--primary' aria-label='新增协议' onClick={() => go(ROUTES.cobuildEdit)}>
          新增协议
        </Button>
      ) : null}
      {items.length === 0 ? <Text className='notice'>支部还没有党建和创协议</Text> : null}
      <View role='list' aria-label='共建协议'>
        {items.map((a) => (
          <AgreementCard key={a.id} a={a} isSecretary={isSecretary} onSaved={(next) => setFresh((f) => ({ ...f, [next.id]: next }))} />
        ))}
      </View>
    </PageShell>
  );
}
