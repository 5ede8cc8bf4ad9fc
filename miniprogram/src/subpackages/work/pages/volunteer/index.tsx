/**
 * 志愿服务 (社会责任): the branch's volunteer activities (volunteer.list), each with my record —
 * hours claimed in half hours and a note (volunteer.claim; changeable until confirmed) — and,
 * for the activity's organiser, 待确认 claims to 确认 (optionally correcting the hours) or
 * 不予确认 (volunteer.confirm, confirmed first). 我的年度时长 and, for the secretary, every
 * member's confirmed hours of the year (volunteer.hours). The secretary also gets 新建志愿活动.
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert, SelectField, TextField, type Option } from '@/components/Field';
import { NotMember } from '@/components/NotMember';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { VOLUNTEER_RECORD_LABELS } from '@/domain/work';
import { confirmChange, toast } from '@/lib/confirm';
import { chinaDateTime } from '@/lib/format';
import { ROUTES, go } from '@/lib/routes';
import { useSubmit } from '@/lib/submit';
import type { ActionOutput, VolunteerActivityView } from '@/services/api';
import { HALF_HOURS, chinaYear, confirmedText, myRecord, type VolunteerRecord } from '../../lib/volunteer';

type Hours = ActionOutput<'volunteer.hours'>;

const CLAIM_OPTIONS: ReadonlyArray<Option<string>> = [{ value: '', label: '请选择时长' }, ...HALF_HOURS];

function ClaimForm({ a, record, onSaved }: { a: VolunteerActivityView; record: VolunteerRecord | null; onSaved: (a: VolunteerActivityView) => void }) {
  const [hours, setHours] = useState(record ? String(record.hours) : '');
  const [note, setNote] = useState(record?.note ?? '');
  const [local, setLocal] = useState<string | undefined>();
  const submit = useSubmit();
  const send = async () => {
    if (!hours) {
      setLocal('请选择服务时长');
      return;
    }
    setLocal(undefined);
    const res = await submit.run('volunteer.claim', { activityId: a.id, hours: Number(hours), note: note.trim() });
    if (res.ok) {
      toast('已登记，等待组织人确认', 'success');
      onSaved(res.data);
    }
  };
  return (
    <View className='notice'>
      <SelectField label='服务时长' options={CLAIM_OPTIONS} value={hours} onChange={setHours} hint='以半小时为单位' error={local ?? submit.fieldError('hours')} />
      <TextField label='备注（可选）' value={note} onChange={setNote} maxlength={200} placeholder='如：负责现场秩序' error={submit.fieldError('note')} />
      <ErrorAlert error={submit.error} />
      <Button className='btn btn--primary' aria-label={`${record ? '修改' : '登记'}时长：${a.title}`} disabled={submit.busy || undefined} loading={submit.busy || undefined} onClick={() => void send()}>
        {record ? '修改时长' : '登记时长'}
      </Button>
    </View>
  );
}

function PendingRow({ r, onSaved }: { r: VolunteerRecord; onSaved: (a: VolunteerActivityView) => void }) {
  const [hours, setHours] = useState(String(r.hours));
  const submit = useSubmit();
  const corrected = Number(hours) !== r.hours;
  const decide = async (approve: boolean) => {
    const summary = approve ? `${r.member.name}：${hours} 小时${corrected ? `（登记为 ${r.hours} 小时）` : ''}` : `${r.member.name} 登记的 ${r.hours} 小时不予确认`;
    if (!(await confirmChange(approve ? '确认志愿时长' : '不予确认', summary, approve ? '确认' : '不予确认'))) return;
    const res = await submit.run('volunteer.confirm', { recordId: r.id, approve, hours: approve && corrected ? Number(hours) : null });
    if (res.ok) {
      toast(approve ? '已确认' : '已不予确认', 'success');
      onSaved(res.data);
    }
  };
  return (
    <View className='ledger' role='listitem' aria-label={`${r.member.name}，登记 ${r.hours} 小时`}>
      <Text className='text'>{`${r.member.name}：登记 ${r.hours} 小时`}</Text>
      {r.note ? <Text className='text text--small text--muted'>{`备注：${r.note}`}</Text> : null}
      <SelectField label={`确认时长：${r.member.name}`} options={HALF_HOURS} value={hours} onChange={setHours} hint={corrected ? `将更正为 ${hours} 小时` : undefined} />
      <ErrorAlert error={submit.error} />
      <View className='actions'>
        <Button className='btn btn--primary' aria-label={`确认：${r.member.name}`} disabled={submit.busy || undefined} onClick={() => void decide(true)}>
          确认
        </Button>
        <Button className='btn btn--plain' aria-label={`不予确认：${r.member.name}`} disabled={submit.busy || undefined} onClick={() => void decide(false)}>
          不予确认
        </Button>
      </View>
    </View>
  );
}

function ActivityCard({ a, memberId, onSaved }: { a: VolunteerActivityView; memberId: string | null; onSaved: (a: VolunteerActivityView) => void }) {
  const mine = myRecord(a, memberId);
  const organiser = memberId !== null && a.organiser.id === memberId;
  // The organiser's own hours are not theirs to confirm (the server refuses it).
  const pending = a.records.filter((r) => r.status === 'claimed' && r.member.id !== memberId);
  return (
    <View className='card' role='listitem' aria-label={a.title}>
      <Text className='card__title'>{a.title}</Text>
      <Text className='text text--small'>{`时间：${chinaDateTime(a.startsAt)}`}</Text>
      <Text className='text text--small'>{`地点：${a.place}`}</Text>
      <Text className='text text--small'>{`组织人：${a.organiser.name}`}</Text>
      <Text className='text text--small text--muted'>{confirmedText(a)}</Text>
      <View className='row'>
        <Text className='row__label'>我的时长</Text>
        <Text className='row__value'>{mine ? `${mine.hours} 小时 · ${VOLUNTEER_RECORD_LABELS[mine.status]}` : '未登记'}</Text>
      </View>
      {mine?.note ? <Text className='text text--small text--muted'>{`备注：${mine.note}`}</Text> : null}
      {!mine || mine.status !== 'confirmed' ? <ClaimForm key={mine ? `${mine.id}-${mine.hours}-${mine.status}` : 'new'} a={a} record={mine} onSaved={onSaved} /> : null}
      {organiser ? (
        <View>
          <Text className='field__label'>{`待确认（${pending.length}）`}</Text>
          {pending.length === 0 ? <Text className='text text--small text--muted'>没有待确认的时长</Text> : null}
          <View role='list' aria-label={`待确认：${a.title}`}>
            {pending.map((r) => (
              <PendingRow key={r.id} r={r} onSaved={onSaved} />
            ))}
          </View>
        </View>
      ) : null}
    </View>
  );
}

function YearHours({ data, year, setYear, memberId, isSecretary }: { data: Hours | null; year: number; setYear: (y: number) => void; memberId: string | null; isSecretary: boolean }) {
  const thisYear = chinaYear();
  const mine = data?.members.find((m) => m.id === memberId);
  return (
    <View className='card'>
      <Text className='card__title'>{`我的年度时长（${year} 年）`}</Text>
      <View className='actions'>
        <Button className='btn btn--plain btn--small' aria-label='上一年' disabled={year <= 2020 || undefined} onClick={() => setYear(year - 1)}>
          ‹ 上一年
        </Button>
        <Button className='btn btn--plain btn--small' aria-label='下一年' disabled={year >= thisYear || undefined} onClick={() => setYear(year + 1)}>
          下一年 ›
        </Button>
      </View>
      {data ? (
        <View role='status'>
          <Text className='big-number'>{`${mine?.hours ?? 0} 小时 · ${mine?.activities ?? 0} 次活动`}</Text>
        </View>
      ) : (
        <Text className='text text--muted'>正在加载…</Text>
      )}
      {isSecretary && data ? (
        <View>
          <Text className='field__label'>{`支部党员志愿时长（${data.year} 年，已确认）`}</Text>
          {data.members.length === 0 ? <Text className='text text--small text--muted'>本年度还没有确认的志愿时长</Text> : null}
          <View role='table' aria-label='支部志愿时长'>
            {data.members.map((m) => (
              <View key={m.id} className='rank-row' role='row'>
                <View className='rank-row__name' role='cell'>
                  <Text>{m.name}</Text>
                </View>
                <View className='rank-row__score' role='cell'>
                  <Text>{`${m.hours} 小时`}</Text>
                </View>
                <View className='rank-row__grade' role='cell'>
                  <Text>{`${m.activities} 次`}</Text>
                </View>
              </View>
            ))}
          </View>
        </View>
      ) : null}
    </View>
  );
}

export default function Volunteer() {
  const me = useAction('org.me', {});
  const list = useAction('volunteer.list', {});
  const [year, setYear] = useState(chinaYear());
  const hours = useAction('volunteer.hours', { year });
  /** Activities as the latest write returned them; cleared when the page reloads. */
  const [fresh, setFresh] = useState<Record<string, VolunteerActivityView>>({});
  useReloadOnShow(() => {
    setFresh({});
    void list.reload();
    void hours.reload();
  });
  const notMember = list.status === 'error' && list.error.code === 'UNAUTHENTICATED';
  const memberId = me.data?.memberId ?? null;
  const isSecretary = me.data?.roles.includes('secretary') ?? false;
  const items = (list.data?.items ?? []).map((a) => fresh[a.id] ?? a);
  const saved = (a: VolunteerActivityView) => {
    setFresh((f) => ({ ...f, [a.id]: a }));
    void hours.reload();
  };

  return (
    <PageShell status={list.status} errorMessage={list.error?.message} onRetry={list.reload} errorContent={notMember ? <NotMember /> : undefined}>
      {isSecretary ? (
        <Button className='btn btn--primary' aria-label='新建志愿活动' onClick={() => go(ROUTES.volunteerNew)}>
          新建志愿活动
        </Button>
      ) : null}
      <YearHours data={hours.data} year={year} setYear={setYear} memberId={memberId} isSecretary={isSecretary} />
      {hours.status === 'error' ? <ErrorAlert error={hours.error} /> : null}
      <Text className='section-title'>志愿活动</Text>
      {items.length === 0 ? <Text className='notice'>暂无志愿活动</Text> : null}
      <View role='list' aria-label='志愿活动'>
        {items.map((a) => (
          <ActivityCard key={a.id} a={a} memberId={memberId} onSaved={saved} />
        ))}
      </View>
    </PageShell>
  );
}
