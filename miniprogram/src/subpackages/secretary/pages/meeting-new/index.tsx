/**
 * 安排会议 (secretary): kind, title (follows the kind until edited), date and time in China
 * time (sent as an ISO string with +08:00, whatever the phone's zone), place, agenda, the group
 * for a 党小组会 (from org.pyramid), and who must attend by default — everyone, the committee or
 * the group. Confirmed first → meeting.schedule → 会议详情. A past time records a meeting already held.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Picker, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert, FieldFrame, SelectField, TextField, type Option } from '@/components/Field';
import { useAction } from '@/hooks/useAction';
import { MEETING_KINDS, MEETING_KIND_LABELS, type MeetingKind } from '@/domain/study';
import { chinaToday } from '@/domain/points';
import { confirmChange, toast } from '@/lib/confirm';
import { ROUTES } from '@/lib/routes';
import { useSubmit } from '@/lib/submit';
import type { ActionOutput } from '@/services/api';

const KIND_OPTIONS: ReadonlyArray<Option<MeetingKind>> = MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }));

/** A China date and time → an ISO instant with its +08:00 offset: ('2026-12-03', '14:30') → '2026-12-03T14:30:00+08:00'. */
export function chinaIso(day: string, time: string): string {
  return `${day}T${time}:00+08:00`;
}

/** Who attends by default, in words (with a count when the pyramid knows it). */
export function defaultAttendeesText(kind: MeetingKind, pyramid: ActionOutput<'org.pyramid'> | null, groupId: string): string {
  if (kind === 'committee') return `支部委员会成员（书记和支部委员${pyramid ? `，${pyramid.committee.length} 人` : ''}）`;
  if (kind === 'group') {
    const group = pyramid?.groups.find((g) => g.id === groupId);
    return group ? `${group.name}全体成员（${group.members.length} 人）` : '所选党小组的全体成员';
  }
  return '支部全体党员';
}

export default function MeetingNew() {
  const pyramid = useAction('org.pyramid', {});
  const [kind, setKind] = useState<MeetingKind>('assembly');
  const [title, setTitle] = useState(MEETING_KIND_LABELS.assembly);
  const [titleEdited, setTitleEdited] = useState(false);
  const [day, setDay] = useState(chinaToday());
  const [time, setTime] = useState('14:30');
  const [place, setPlace] = useState('');
  const [agenda, setAgenda] = useState('');
  const [groupId, setGroupId] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const submit = useSubmit();

  const chooseKind = (next: MeetingKind) => {
    setKind(next);
    if (!titleEdited) setTitle(MEETING_KIND_LABELS[next]);
  };
  const groups = pyramid.data?.groups ?? [];
  const groupOptions: Option<string>[] = [{ value: '', label: '请选择党小组' }, ...groups.map((g) => ({ value: g.id, label: g.name }))];
  const who = defaultAttendeesText(kind, pyramid.data, groupId);
  const fieldError = (name: string) => errors[name] ?? submit.fieldError(name);

  const save = async () => {
    const next = {
      title: title.trim().length < 2 ? '请填写会议名称（至少 2 个字）' : undefined,
      place: place.trim() ? undefined : '请填写会议地点',
      agenda: agenda.trim() ? undefined : '请填写会议议程',
      groupId: kind === 'group' && !groupId ? '请选择党小组' : undefined,
    };
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    const summary = `${MEETING_KIND_LABELS[kind]}：${title.trim()}\n时间：${day} ${time}\n地点：${place.trim()}\n应到：${who}`;
    if (!(await confirmChange('安排会议', summary, '确认安排'))) return;
    const res = await submit.run('meeting.schedule', {
      kind,
      title: title.trim(),
      startsAt: chinaIso(day, time),
      place: place.trim(),
      agenda: agenda.trim(),
      groupId: kind === 'group' ? groupId : null,
      attendeeIds: null,
    });
    if (res.ok) {
      toast('会议已安排', 'success');
      void Taro.redirectTo({ url: `${ROUTES.meeting}?id=${encodeURIComponent(res.data.id)}` });
    }
  };

  return (
    <PageShell status='ready'>
      <View className='card'>
        <SelectField label='会议类型' options={KIND_OPTIONS} value={kind} onChange={chooseKind} />
        <TextField
          label='会议名称'
          value={title}
          maxlength={40}
          onChange={(v) => {
            setTitle(v);
            setTitleEdited(true);
          }}
          error={fieldError('title')}
        />
        {kind === 'group' ? <SelectField label='党小组' options={groupOptions} value={groupId} onChange={setGroupId} error={fieldError('groupId')} /> : null}
        <FieldFrame label='日期' error={fieldError('startsAt')}>
          <Picker mode='date' value={day} aria-label='日期' onChange={(e) => setDay(String(e.detail.value))}>
            <View className='input picker' role='button' aria-label={`日期：${day}`}>
              <Text>{day}</Text>
            </View>
          </Picker>
        </FieldFrame>
        <FieldFrame label='时间（北京时间）' hint='可补录已经召开的会议'>
          <Picker mode='time' value={time} aria-label='时间' onChange={(e) => setTime(String(e.detail.value))}>
            <View className='input picker' role='button' aria-label={`时间：${time}`}>
              <Text>{time}</Text>
            </View>
          </Picker>
        </FieldFrame>
        <TextField label='地点' value={place} maxlength={60} onChange={setPlace} placeholder='如：三楼党员活动室' error={fieldError('place')} />
        <TextField label='议程' value={agenda} multiline maxlength={2000} onChange={setAgenda} placeholder='每项议程一行' error={fieldError('agenda')} />
        <View className='row'>
          <Text className='row__label'>应到人员</Text>
          <Text className='row__value'>{who}</Text>
        </View>
      </View>
      <View className='card'>
        <ErrorAlert error={submit.error} />
        <Button className='btn btn--primary' aria-label='安排会议' disabled={submit.busy || undefined} loading={submit.busy || undefined} onClick={() => void save()}>
          安排会议
        </Button>
      </View>
    </PageShell>
  );
}
