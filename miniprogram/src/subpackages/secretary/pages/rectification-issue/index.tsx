/**
 * 下发三单 (`?memberId=&period=&name=`): lists of 责任 / 问题 / 整改事项 (each item a text;
 * 整改事项 with a due date), rows added and removed, confirmed first → rectification.issue.
 */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { DateField, ErrorAlert, TextField } from '@/components/Field';
import { currentPeriod, decodePeriod, previousPeriod } from '@/domain/quarter';
import { chinaToday, periodLabel } from '@/domain/points';
import { decodeParam } from '@/lib/format';
import { confirmChange, toast } from '@/lib/confirm';
import { useSubmit } from '@/lib/submit';

const MAX_ROWS = 10;

interface ActionRow {
  text: string;
  dueOn: string | null;
}

function TextList({ title, label, rows, onChange, error }: { title: string; label: string; rows: string[]; onChange: (rows: string[]) => void; error?: string }) {
  return (
    <View className='card'>
      <Text className='card__title'>{title}</Text>
      {rows.map((r, i) => (
        <View key={i}>
          <TextField label={`${label}${i + 1}`} value={r} multiline maxlength={200} onChange={(v) => onChange(rows.map((x, j) => (j === i ? v : x)))} />
          {rows.length > 1 ? (
            <Button className='btn btn--plain btn--small' aria-label={`删除${label}${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              删除
            </Button>
          ) : null}
        </View>
      ))}
      {error ? (
        <View role='alert'>
          <Text className='field__error'>{error}</Text>
        </View>
      ) : null}
      {rows.length < MAX_ROWS ? (
        <Button className='btn btn--plain btn--small' aria-label={`添加${label}`} onClick={() => onChange([...rows, ''])}>
          {`添加${label}`}
        </Button>
      ) : null}
    </View>
  );
}

export default function RectificationIssue() {
  const { params } = useRouter();
  const memberId = decodeParam(params?.memberId);
  const name = decodeParam(params?.name) || '该党员';
  const period = decodePeriod(params?.period) ?? previousPeriod(currentPeriod());
  const [responsibilities, setResponsibilities] = useState<string[]>(['']);
  const [problems, setProblems] = useState<string[]>(['']);
  const [actions, setActions] = useState<ActionRow[]>([{ text: '', dueOn: null }]);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [done, setDone] = useState(false);
  const submit = useSubmit();

  const send = async () => {
    const r = responsibilities.map((x) => x.trim()).filter(Boolean);
    const p = problems.map((x) => x.trim()).filter(Boolean);
    const a = actions.map((x) => ({ text: x.text.trim(), dueOn: x.dueOn })).filter((x) => x.text || x.dueOn);
    const next = {
      responsibilities: r.length ? undefined : '请至少填写一条责任',
      problems: p.length ? undefined : '请至少填写一个问题',
      actions:
        a.length === 0
          ? '请至少填写一项整改事项'
          : a.some((x) => !x.text || !x.dueOn)
            ? '每项整改事项都要填写内容和整改期限'
            : a.some((x) => (x.dueOn as string) < chinaToday())
              ? '整改期限不能早于今天'
              : undefined,
    };
    setErrors(next);
    if (next.responsibilities || next.problems || next.actions) return;
    const summary = `责任 ${r.length} 条，问题 ${p.length} 个，整改事项 ${a.length} 项\n${a.map((x, i) => `${i + 1}. ${x.text}（${x.dueOn} 前）`).join('\n')}`;
    if (!(await confirmChange(`给${name}下发三单`, `${periodLabel(period)}\n${summary}`, '确认下发'))) return;
    const res = await submit.run('rectification.issue', {
      memberId,
      period,
      responsibilities: r,
      problems: p,
      actions: a.map((x) => ({ text: x.text, dueOn: x.dueOn as string })),
    });
    if (res.ok) {
      setDone(true);
      toast('已下发三单', 'success');
      void Taro.navigateBack();
    }
  };

  return (
    <PageShell status={memberId ? 'ready' : 'error'} errorMessage='缺少党员信息，请从成员或季度考评页面进入'>
      <View className='card'>
        <Text className='card__title'>{`给${name}下发三单`}</Text>
        <Text className='text text--muted'>{`${periodLabel(period)} · 责任清单、问题清单、整改清单，党员在“我的”中查看并逐项提交整改情况。`}</Text>
      </View>
      <TextList title='责任清单' label='责任' rows={responsibilities} onChange={setResponsibilities} error={errors.responsibilities} />
      <TextList title='问题清单' label='问题' rows={problems} onChange={setProblems} error={errors.problems} />
      <View className='card'>
        <Text className='card__title'>整改清单</Text>
        {actions.map((row, i) => (
          <View key={i} className='ledger'>
            <TextField
              label={`整改事项${i + 1}`}
              value={row.text}
              multiline
              maxlength={200}
              onChange={(text) => setActions(actions.map((x, j) => (j === i ? { ...x, text } : x)))}
            />
            <DateField label={`整改期限${i + 1}`} value={row.dueOn} onChange={(dueOn) => setActions(actions.map((x, j) => (j === i ? { ...x, dueOn } : x)))} />
            {actions.length > 1 ? (
              <Button className='btn btn--plain btn--small' aria-label={`删除整改事项${i + 1}`} onClick={() => setActions(actions.filter((_, j) => j !== i))}>
                删除
              </Button>
            ) : null}
          </View>
        ))}
        {errors.actions ? (
          <View role='alert'>
            <Text className='field__error'>{errors.actions}</Text>
          </View>
        ) : null}
        {actions.length < MAX_ROWS ? (
          <Button className='btn btn--plain btn--small' aria-label='添加整改事项' onClick={() => setActions([...actions, { text: '', dueOn: null }])}>
            添加整改事项
          </Button>
        ) : null}
      </View>
      <View className='card'>
        <ErrorAlert error={submit.error} />
        <Button
          className='btn btn--primary'
          aria-label='确认下发三单'
          disabled={submit.busy || done || undefined}
          loading={submit.busy || undefined}
          onClick={() => void send()}
        >
          下发三单
        </Button>
      </View>
    </PageShell>
  );
}
