/**
 * 发起主题党日 (secretary): theme, date and time in China time (sent as an ISO string with
 * +08:00, whatever the phone's zone), place, detail, capacity (0 or empty = 不限) and whether
 * 重温入党誓词 is part of it. Confirmed first → activity.create → the manage page.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Picker, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert, FieldFrame, TextField } from '@/components/Field';
import { chinaToday } from '@/domain/points';
import { confirmChange, toast } from '@/lib/confirm';
import { ROUTES } from '@/lib/routes';
import { useSubmit } from '@/lib/submit';
import './index.css';

export const MAX_CAPACITY = 1000;

/** A China date and time → an ISO instant with its +08:00 offset: ('2026-12-03', '14:30') → '2026-12-03T14:30:00+08:00'. */
export function chinaIso(day: string, time: string): string {
  return `${day}T${time}:00+08:00`;
}

/** The capacity typed: '' → 0 (不限); a whole number 0–1000, else null. */
export function parseCapacity(text: string): number | null {
  const t = text.trim();
  if (!t) return 0;
  if (!/^\d{1,4}$/.test(t)) return null;
  const n = Number(t);
  return n <= MAX_CAPACITY ? n : null;
}

export default function ActivityNew() {
  const [theme, setTheme] = useState('');
  const [day, setDay] = useState(chinaToday());
  const [time, setTime] = useState('14:30');
  const [place, setPlace] = useState('');
  const [detail, setDetail] = useState('');
  const [capacity, setCapacity] = useState('');
  const [oath, setOath] = useState(true);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const submit = useSubmit();
  const fieldError = (name: string) => errors[name] ?? submit.fieldError(name);

  const save = async () => {
    const cap = parseCapacity(capacity);
    const next = {
      theme: theme.trim().length < 2 ? '请填写活动主题（至少 2 个字）' : undefined,
      place: place.trim() ? undefined : '请填写活动地点',
      detail: detail.trim() ? undefined : '请填写活动内容',
      capacity: cap === null ? `名额请填写 0–${MAX_CAPACITY} 的整数，0 或不填表示不限` : undefined,
    };
    setErrors(next);
    if (Object.values(next).some(Boolean) || cap === null) return;
    const summary = `主题：${theme.trim()}\n时间：${day} ${time}\n地点：${place.trim()}\n名额：${cap > 0 ? `${cap} 人` : '不限'}\n${oath ? '包含重温入党誓词' : '不含重温入党誓词'}`;
    if (!(await confirmChange('发起主题党日', summary, '确认发起'))) return;
    const res = await submit.run('activity.create', {
      theme: theme.trim(),
      startsAt: chinaIso(day, time),
      place: place.trim(),
      detail: detail.trim(),
      capacity: cap,
      oath,
    });
    if (res.ok) {
      toast('活动已发起', 'success');
      void Taro.redirectTo({ url: `${ROUTES.activityManage}?id=${encodeURIComponent(res.data.id)}` });
    }
  };

  return (
    <PageShell status='ready'>
      <View className='card'>
        <TextField label='活动主题' value={theme} maxlength={40} onChange={setTheme} placeholder='如：走进红色教育基地' error={fieldError('theme')} />
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
        <TextField label='地点' value={place} maxlength={60} onChange={setPlace} placeholder='如：三楼党员活动室' error={fieldError('place')} />
        <TextField label='活动内容' value={detail} multiline maxlength={2000} onChange={setDetail} placeholder='活动安排、需要准备的事项' error={fieldError('detail')} />
        <TextField label='名额' value={capacity} type='number' maxlength={4} onChange={setCapacity} placeholder='0 或不填表示不限' hint='报名人数达到名额后不能再报名' error={fieldError('capacity')} />
        <View className='row'>
          <Text className='row__label'>包含重温入党誓词</Text>
          <Button className={`chip activity-new__toggle${oath ? ' chip--on' : ''}`} aria-pressed={oath} aria-label='包含重温入党誓词' onClick={() => setOath(!oath)}>
            {oath ? '✓ 包含' : '不包含'}
          </Button>
        </View>
        <Text className='text text--small text--muted'>包含时，现场扫码签到即记录参加重温入党誓词。</Text>
      </View>
      <View className='card'>
        <ErrorAlert error={submit.error} />
        <Button className='btn btn--primary' aria-label='发起活动' disabled={submit.busy || undefined} loading={submit.busy || undefined} onClick={() => void save()}>
          发起活动
        </Button>
      </View>
    </PageShell>
  );
}
