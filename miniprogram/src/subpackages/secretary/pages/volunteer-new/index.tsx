/**
 * 新建志愿活动 (secretary): title, date and time in China time (sent with +08:00), place, and the
 * organiser — a member of the branch (org.pyramid) who confirms the hours members claim.
 * Confirmed first → volunteer.create → back to 志愿服务.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Picker, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert, FieldFrame, SelectField, TextField, type Option } from '@/components/Field';
import { branchPeople } from '@/components/Work';
import { useAction } from '@/hooks/useAction';
import { chinaToday } from '@/domain/points';
import { confirmChange, toast } from '@/lib/confirm';
import { ROUTES } from '@/lib/routes';
import { useSubmit } from '@/lib/submit';

type Errors = Partial<Record<'title' | 'place' | 'organiserId', string>>;

export function validateVolunteer(v: { title: string; place: string; organiserId: string }): Errors {
  const e: Errors = {};
  if (Array.from(v.title.trim()).length < 2) e.title = '请填写活动名称（至少 2 个字）';
  if (!v.place.trim()) e.place = '请填写活动地点';
  if (!v.organiserId) e.organiserId = '请选择组织人';
  return e;
}

export default function VolunteerNew() {
  const pyramid = useAction('org.pyramid', {});
  const submit = useSubmit();
  const [title, setTitle] = useState('');
  const [day, setDay] = useState(chinaToday());
  const [time, setTime] = useState('09:00');
  const [place, setPlace] = useState('');
  const [organiserId, setOrganiserId] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const people = branchPeople(pyramid.data);
  const options: Option<string>[] = [{ value: '', label: '请选择组织人' }, ...people.map((p) => ({ value: p.id, label: p.name }))];
  const fieldError = (name: keyof Errors | 'startsAt') => (name === 'startsAt' ? undefined : errors[name]) ?? submit.fieldError(name);

  const save = async () => {
    const next = validateVolunteer({ title, place, organiserId });
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    const organiser = people.find((p) => p.id === organiserId)?.name ?? '';
    const summary = `${title.trim()}\n时间：${day} ${time}\n地点：${place.trim()}\n组织人：${organiser}（负责确认时长）`;
    if (!(await confirmChange('新建志愿活动', summary, '确认新建'))) return;
    const res = await submit.run('volunteer.create', { title: title.trim(), startsAt: `${day}T${time}:00+08:00`, place: place.trim(), organiserId });
    if (res.ok) {
      toast('志愿活动已发布', 'success');
      void Taro.navigateBack().catch(() => Taro.redirectTo({ url: ROUTES.volunteer }));
    }
  };

  return (
    <PageShell status={pyramid.status} errorMessage={pyramid.error?.message} onRetry={pyramid.reload}>
      <View className='card'>
        <TextField label='活动名称' value={title} maxlength={40} onChange={setTitle} placeholder='如：社区助老志愿服务' error={fieldError('title')} />
        <FieldFrame label='日期' error={fieldError('startsAt')}>
          <Picker mode='date' value={day} aria-label='日期' onChange={(e) => setDay(String(e.detail.value))}>
            <View className='input picker' role='button' aria-label={`日期：${day}`}>
              <Text>{day}</Text>
            </View>
          </Picker>
        </FieldFrame>
        <FieldFrame label='时间（北京时间）'>
          <Picker mode='time' value={time} aria-label='时间' onChange={(e) => setTime(String(e.detail.value))}>
            <View className='input picker' role='button' aria-label={`时间：${time}`}>
              <Text>{time}</Text>
            </View>
          </Picker>
        </FieldFrame>
        <TextField label='地点' value={place} maxlength={60} onChange={setPlace} placeholder='如：幸福里社区服务中心' error={fieldError('place')} />
        <SelectField label='组织人' options={options} value={organiserId} onChange={setOrganiserId} hint='由组织人确认大家登记的时长' error={fieldError('organiserId')} />
      </View>
      <View className='card'>
        <ErrorAlert error={submit.error} />
        <Button className='btn btn--primary' aria-label='发布志愿活动' disabled={submit.busy || undefined} loading={submit.busy || undefined} onClick={() => void save()}>
          发布志愿活动
        </Button>
      </View>
    </PageShell>
  );
}
