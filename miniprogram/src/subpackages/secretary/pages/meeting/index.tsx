/**
 * 会议详情 (secretary, `?id=`): the meeting; 显示签到二维码 — the code full width, a new one
 * every REFRESH_SECONDS with a visible countdown (each code is valid 60 s, so one scanned just
 * before the change still leaves the phone time to open the page), paused while the page is
 * hidden and stopped when it unloads; the attendance list (已签到 / 未签到 / 请假) with 记为出席
 * and 记为请假 (asks for the reason), each confirmed; and the minutes with photos, stored under
 * `meetings/<meetingId>/`.
 */
import { useCallback, useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { TextField } from '@/components/Field';
import { useAction } from '@/hooks/useAction';
import { MEETING_KIND_LABELS } from '@/domain/study';
import { confirmChange, toast } from '@/lib/confirm';
import { chinaDateTime, decodeParam } from '@/lib/format';
import { safeCall, useSubmit } from '@/lib/submit';
import type { ActionOutput, AttendanceRow, MeetingView } from '@/services/api';
import { RecordEditor } from '../../components/RecordEditor';
import { RotatingSignInCode } from '../../components/RotatingSignInCode';
import './index.css';

export { REFRESH_SECONDS, RETRY_SECONDS } from '../../components/RotatingSignInCode';
export const MIN_MINUTES = 10;
export const MAX_PHOTOS = 9;


export const ROW_STATUS_LABELS: Record<AttendanceRow['status'], string> = { present: '已签到', pending: '未签到', absent: '请假' };

function SignInCode({ meetingId, onRefreshed }: { meetingId: string; onRefreshed: () => void }) {
  return <RotatingSignInCode fetch={() => safeCall('meeting.signInCode', { meetingId })} onRefreshed={onRefreshed} label='会议签到二维码，请用微信扫码签到' className='meeting-qr' />;
}

function AttendanceItem({ row, busy, onMark }: { row: AttendanceRow; busy: boolean; onMark: (row: AttendanceRow, status: 'present' | 'absent', reason: string) => Promise<boolean> }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const label = ROW_STATUS_LABELS[row.status];

  const sendAbsent = async () => {
    const text = reason.trim();
    if (!text) {
      setError('请填写请假或缺席的原因');
      return;
    }
    setError(undefined);
    if (await onMark(row, 'absent', text)) {
      setAsking(false);
      setReason('');
    }
  };

  return (
    <View className='attendance-row' role='listitem' aria-label={`${row.name}，${label}${row.reason ? `，${row.reason}` : ''}`}>
      <View className='row'>
        <Text className='row__label'>{row.name}</Text>
        <Text className={`row__value${row.status === 'pending' ? ' text--muted' : ''}`}>{row.status === 'absent' && row.reason ? `${label}：${row.reason}` : label}</Text>
      </View>
      <View className='actions'>
        {row.status !== 'present' ? (
          <Button className='btn btn--plain btn--small' aria-label={`${row.name}记为出席`} disabled={busy || undefined} onClick={() => void onMark(row, 'present', '')}>
            记为出席
          </Button>
        ) : null}
        {row.status !== 'absent' && !asking ? (
          <Button className='btn btn--plain btn--small' aria-label={`${row.name}记为请假`} disabled={busy || undefined} onClick={() => setAsking(true)}>
            记为请假
          </Button>
        ) : null}
      </View>
      {asking ? (
        <View className='notice'>
          <TextField label={`${row.name}请假/缺席原因`} value={reason} onChange={setReason} maxlength={100} placeholder='如：出差、病假' error={error} />
          <View className='actions'>
            <Button className='btn btn--primary btn--small' aria-label={`确定${row.name}请假`} disabled={busy || undefined} onClick={() => void sendAbsent()}>
              确定
            </Button>
            <Button
              className='btn btn--plain btn--small'
              aria-label='取消'
              onClick={() => {
                setAsking(false);
                setError(undefined);
              }}
            >
              取消
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}

function MinutesEditor({ meeting, onSaved }: { meeting: MeetingView; onSaved: (m: MeetingView) => void }) {
  return (
    <RecordEditor
      noun='会议记录'
      photoNoun='会议照片'
      placeholder='会议内容、决定事项和参会情况'
      minLength={MIN_MINUTES}
      maxLength={5000}
      maxPhotos={MAX_PHOTOS}
      folder={`meetings/${meeting.id}`}
      notYet={new Date(meeting.startsAt).getTime() > Date.now() ? '会议开始后可填写会议记录。' : null}
      saved={meeting.minutes ? { text: meeting.minutes.text, photoUrls: meeting.minutes.photoUrls, footer: `${meeting.minutes.by} 记录于 ${chinaDateTime(meeting.minutes.at)}` } : null}
      send={async (submit, text, photos) => {
        const res = await submit.run('meeting.saveMinutes', { meetingId: meeting.id, text, photos });
        if (res.ok) onSaved(res.data);
        return res.ok;
      }}
    />
  );
}

export default function MeetingDetail() {
  const { params } = useRouter();
  const meetingId = decodeParam(params?.id);
  const loaded = useAction('meeting.get', { meetingId });
  const [detail, setDetail] = useState<ActionOutput<'meeting.get'> | null>(null);
  const [showCode, setShowCode] = useState(false);
  const marking = useSubmit();

  useEffect(() => {
    if (loaded.data) setDetail(loaded.data);
  }, [loaded.data]);

  // With each new code, the counts and the list follow the scans (quietly, no loading state).
  const refreshAttendance = useCallback(() => {
    void safeCall('meeting.get', { meetingId }).then((res) => {
      if (res.ok) setDetail(res.data);
    });
  }, [meetingId]);

  const mark = async (row: AttendanceRow, status: 'present' | 'absent', reason: string): Promise<boolean> => {
    const ok =
      status === 'present'
        ? await confirmChange(`${row.name} 记为出席`, '记录出席，并计入参会积分。', '记为出席')
        : await confirmChange(`${row.name} 记为请假`, `原因：${reason}${row.status === 'present' ? '\n已签到的参会积分将被冲销。' : ''}`, '记为请假');
    if (!ok) return false;
    const res = await marking.run('meeting.markAttendance', { meetingId, memberId: row.id, status, reason });
    if (!res.ok) {
      toast(res.error.fields?.reason ?? res.error.message);
      return false;
    }
    toast('已记录', 'success');
    setDetail((d) => (d ? { ...d, attendance: res.data.attendance } : d));
    return true;
  };

  const m = detail?.meeting ?? null;
  const rows = detail?.attendance ?? [];
  const count = (s: AttendanceRow['status']) => rows.filter((r) => r.status === s).length;
  const status = !meetingId ? 'error' : detail ? 'ready' : loaded.status === 'ready' ? 'loading' : loaded.status;

  return (
    <PageShell status={status} errorMessage={meetingId ? loaded.error?.message : '缺少会议编号，请从三会一课页面进入'} onRetry={meetingId ? loaded.reload : undefined}>
      {m ? (
        <View>
          <View className='card'>
            <Text className='tag'>{MEETING_KIND_LABELS[m.kind]}</Text>
            <Text className='card__title'>{m.title}</Text>
            <View className='row'>
              <Text className='row__label'>时间</Text>
              <Text className='row__value'>{chinaDateTime(m.startsAt)}</Text>
            </View>
            <View className='row'>
              <Text className='row__label'>地点</Text>
              <Text className='row__value'>{m.place}</Text>
            </View>
            {m.group ? (
              <View className='row'>
                <Text className='row__label'>党小组</Text>
                <Text className='row__value'>{m.group.name}</Text>
              </View>
            ) : null}
            <View className='row'>
              <Text className='row__label'>签到情况</Text>
              <Text className='row__value'>{`应到 ${m.attendees} · 已签到 ${count('present')} · 请假 ${count('absent')} · 未签到 ${count('pending')}`}</Text>
            </View>
            <Text className='field__label'>议程</Text>
            <Text className='text'>{m.agenda}</Text>
          </View>

          <View className='card'>
            <Text className='card__title'>会议签到</Text>
            {showCode ? (
              <View>
                <SignInCode meetingId={m.id} onRefreshed={refreshAttendance} />
                <Button className='btn btn--plain' aria-label='收起签到二维码' onClick={() => setShowCode(false)}>
                  收起二维码
                </Button>
              </View>
            ) : (
              <Button className='btn btn--primary' aria-label='显示签到二维码' onClick={() => setShowCode(true)}>
                显示签到二维码
              </Button>
            )}
          </View>

          <View className='card'>
            <Text className='card__title'>{`参会人员（${rows.length}）`}</Text>
            <View role='list' aria-label='参会人员'>
              {rows.map((r) => (
                <AttendanceItem key={r.id} row={r} busy={marking.busy} onMark={mark} />
              ))}
            </View>
          </View>

          <View className='card'>
            <Text className='card__title'>会议记录</Text>
            <MinutesEditor meeting={m} onSaved={(next) => setDetail((d) => (d ? { ...d, meeting: next } : d))} />
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
