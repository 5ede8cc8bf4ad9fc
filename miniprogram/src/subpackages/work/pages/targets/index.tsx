/**
 * 业务目标 (target.list): each 党员突击队's target — metric, goal, current value, a progress bar
 * with its percent, and the cumulative values over time as plain View bars, each with its value
 * and date written out (and a list of the readings). The unit's leader (org.pyramid) or the
 * secretary records progress (date, cumulative value, note → target.addProgress); the
 * secretary also sets or edits targets (→ 设置目标).
 */
import { useState } from 'react';
import { Button, Picker, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert, FieldFrame, TextField } from '@/components/Field';
import { NotMember } from '@/components/NotMember';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { chinaToday } from '@/domain/points';
import { toast } from '@/lib/confirm';
import { ROUTES, go } from '@/lib/routes';
import { useSubmit } from '@/lib/submit';
import type { ActionOutput, TargetView } from '@/services/api';
import { CHART_HEIGHT, chartPoints, clampDay, parseAmount, progressPercent } from '../../lib/target';

type Pyramid = ActionOutput<'org.pyramid'>;

function ProgressChart({ t }: { t: TargetView }) {
  const points = chartPoints(t);
  if (points.length === 0) return <Text className='text text--small text--muted'>还没有进度记录</Text>;
  return (
    <View>
      <Text className='field__label'>{`累计进度（目标 ${t.goal} ${t.measure}）`}</Text>
      <View className='chart' role='list' aria-label={`${t.unit.name}进度走势`} style={{ height: `${CHART_HEIGHT + 80}px` }}>
        {points.map((p) => (
          <View key={p.id} className='chart__col' role='listitem' aria-label={`${p.on} 累计 ${p.value} ${t.measure}`}>
            <Text className='chart__value'>{String(p.value)}</Text>
            <View className='chart__bar' style={{ height: `${p.height}px` }} />
            <Text className='chart__label'>{p.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

function ProgressForm({ t, onSaved }: { t: TargetView; onSaved: (t: TargetView) => void }) {
  const [on, setOn] = useState(() => clampDay(chinaToday(), t.startOn, t.endOn));
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const submit = useSubmit();
  const send = async () => {
    const n = parseAmount(value);
    if (n === null) {
      setLocal('请填写累计完成数（数字）');
      return;
    }
    setLocal(undefined);
    const res = await submit.run('target.addProgress', { targetId: t.id, on, value: n, note: note.trim() });
    if (res.ok) {
      setValue('');
      setNote('');
      toast('进度已录入', 'success');
      onSaved(res.data);
    }
  };
  return (
    <View className='notice' role='group' aria-label={`录入进度：${t.unit.name}`}>
      <FieldFrame label='日期' hint={`目标期 ${t.startOn} 至 ${t.endOn}；同一天再次录入会覆盖`} error={submit.fieldError('on')}>
        <Picker mode='date' value={on} start={t.startOn} end={t.endOn} aria-label='进度日期' onChange={(e) => setOn(String(e.detail.value))}>
          <View className='input picker' role='button' aria-label={`进度日期：${on}`}>
            <Text>{on}</Text>
          </View>
        </Picker>
      </FieldFrame>
      <TextField label={`累计完成（${t.measure}）`} value={value} type='digit' onChange={setValue} hint={`截至当天的累计数，当前 ${t.current} ${t.measure}`} error={local ?? submit.fieldError('value')} />
      <TextField label='说明（可选）' value={note} maxlength={100} onChange={setNote} error={submit.fieldError('note')} />
      <ErrorAlert error={submit.error} />
      <Button className='btn btn--primary' aria-label={`保存进度：${t.unit.name}`} disabled={submit.busy || undefined} loading={submit.busy || undefined} onClick={() => void send()}>
        保存进度
      </Button>
    </View>
  );
}

function TargetCard({ t, canRecord, canEdit, onSaved }: { t: TargetView; canRecord: boolean; canEdit: boolean; onSaved: (t: TargetView) => void }) {
  const [recording, setRecording] = useState(false);
  const pct = progressPercent(t.progress);
  const entries = [...t.entries].sort((a, b) => (a.on < b.on ? 1 : -1));
  return (
    <View className='card' role='listitem' aria-label={`${t.unit.name}：${t.metric}`}>
      <Text className='tag'>{t.unit.name}</Text>
      <Text className='card__title'>{t.metric}</Text>
      <Text className='text text--small text--muted'>{`${t.startOn} 至 ${t.endOn}`}</Text>
      <View className='meter' role='progressbar' aria-label={`${t.metric} 完成 ${pct}%`} aria-valuenow={Math.min(pct, 100)} aria-valuemin={0} aria-valuemax={100}>
        <View className='meter__head'>
          <Text>{`当前 ${t.current} / 目标 ${t.goal} ${t.measure}`}</Text>
          <Text>{`${pct}%`}</Text>
        </View>
        <View className='meter__track'>
          <View className='meter__fill' style={{ width: `${Math.min(pct, 100)}%` }} />
        </View>
      </View>
      <ProgressChart t={t} />
      {entries.length ? (
        <View role='list' aria-label={`${t.unit.name}进度记录`}>
          {entries.map((e) => (
            <View key={e.id} className='ledger' role='listitem'>
              <Text className='text text--small'>{`${e.on}：累计 ${e.value} ${t.measure}`}</Text>
              <Text className='text text--small text--muted'>{`${e.by}${e.note ? ` · ${e.note}` : ''}`}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <View className='actions'>
        {canRecord ? (
          <Button className='btn btn--plain' aria-label={`录入进度：${t.unit.name}`} onClick={() => setRecording(!recording)}>
            {recording ? '收起' : '录入进度'}
          </Button>
        ) : null}
        {canEdit ? (
          <Button className='btn btn--plain' aria-label={`编辑目标：${t.unit.name}`} onClick={() => go(`${ROUTES.targetEdit}?id=${encodeURIComponent(t.id)}`)}>
            编辑目标
          </Button>
        ) : null}
      </View>
      {canRecord && recording ? (
        <ProgressForm
          t={t}
          onSaved={(next) => {
            setRecording(false);
            onSaved(next);
          }}
        />
      ) : null}
    </View>
  );
}

/** The unit's leader per unit id, from the pyramid. */
function leaders(p: Pyramid | null): Map<string, string> {
  return new Map((p?.units ?? []).flatMap((u) => (u.leader ? [[u.id, u.leader.id] as [string, string]] : [])));
}

export default function Targets() {
  const me = useAction('org.me', {});
  const pyramid = useAction('org.pyramid', {});
  const list = useAction('target.list', {});
  const [fresh, setFresh] = useState<Record<string, TargetView>>({});
  useReloadOnShow(() => {
    setFresh({});
    void list.reload();
  });
  const notMember = list.status === 'error' && list.error.code === 'UNAUTHENTICATED';
  const isSecretary = me.data?.roles.includes('secretary') ?? false;
  const leaderOf = leaders(pyramid.data);
  const memberId = me.data?.memberId ?? null;
  const items = (list.data?.items ?? []).map((t) => fresh[t.id] ?? t);

  return (
    <PageShell status={list.status} errorMessage={list.error?.message} onRetry={list.reload} errorContent={notMember ? <NotMember /> : undefined}>
      {isSecretary ? (
        <Button className='btn btn--primary' aria-label='设置目标' onClick={() => go(ROUTES.targetEdit)}>
          设置目标
        </Button>
      ) : null}
      {items.length === 0 ? <Text className='notice'>还没有业务目标</Text> : null}
      <View role='list' aria-label='业务目标'>
        {items.map((t) => (
          <TargetCard
            key={t.id}
            t={t}
            canRecord={isSecretary || (memberId !== null && leaderOf.get(t.unit.id) === memberId)}
            canEdit={isSecretary}
            onSaved={(next) => setFresh((f) => ({ ...f, [next.id]: next }))}
          />
        ))}
      </View>
    </PageShell>
  );
}
