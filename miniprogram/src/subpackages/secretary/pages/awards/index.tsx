/**
 * 年终评优 (secretary): the year's table from the published quarters (award.year: Q1–Q4 scores,
 * year score, rank); select members and a title (default 优秀共产党员), confirm → award.confirm;
 * below, the awards confirmed so far (award.list).
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert, TextField } from '@/components/Field';
import { currentYear } from '@/components/PlanItem';
import { useAction } from '@/hooks/useAction';
import { confirmChange, toast } from '@/lib/confirm';
import { useSubmit } from '@/lib/submit';

export const DEFAULT_AWARD_TITLE = '优秀共产党员';
export const MAX_AWARDED = 20;

export default function Awards() {
  const [year, setYear] = useState(currentYear());
  const table = useAction('award.year', { year });
  const list = useAction('award.list', { year });
  const submit = useSubmit();
  const [picked, setPicked] = useState<string[]>([]);
  const [title, setTitle] = useState(DEFAULT_AWARD_TITLE);
  const [problem, setProblem] = useState<string | null>(null);
  const rows = table.data?.rows ?? [];

  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  const confirm = async () => {
    const t = title.trim();
    if (!t) return setProblem('请填写荣誉称号');
    if (picked.length === 0) return setProblem('请至少选择一名党员');
    if (picked.length > MAX_AWARDED) return setProblem(`一次最多评选 ${MAX_AWARDED} 人`);
    setProblem(null);
    const names = rows.filter((r) => picked.includes(r.memberId)).map((r) => r.name);
    if (!(await confirmChange('确认年终评优', `${year}年“${t}”：${names.join('、')}（共 ${names.length} 人）`))) return;
    const res = await submit.run('award.confirm', { year, title: t, memberIds: picked });
    if (res.ok) {
      toast('已确认', 'success');
      setPicked([]);
      void list.reload();
    }
  };

  const fmt = (n: number | null) => (n === null ? '—' : String(n));
  return (
    <PageShell status={table.status} errorMessage={table.error?.message} onRetry={table.reload}>
      <View className='card'>
        <Text className='field__label'>选择年度</Text>
        <View className='chips' role='group' aria-label='选择年度'>
          {[currentYear(), currentYear() - 1].map((y) => (
            <Button key={y} className={`chip${y === year ? ' chip--on' : ''}`} aria-pressed={y === year} aria-label={`${y}年`} onClick={() => { setYear(y); setPicked([]); }}>
              {`${y}年`}
            </Button>
          ))}
        </View>
      </View>
      {table.data ? (
        <View className='card'>
          <Text className='card__title'>{`${year}年度积分 · 已发布 ${table.data.publishedQuarters} 个季度`}</Text>
          {rows.length === 0 ? <Text className='text text--muted'>本年度还没有发布的季度结果。</Text> : null}
          <View className='rank-row' aria-hidden='true'>
            <Text className='rank-row__rank'>名次</Text>
            <Text className='rank-row__name'>姓名</Text>
            <Text className='text text--small'>一季度 / 二季度 / 三季度 / 四季度</Text>
            <Text className='rank-row__score'>年度</Text>
          </View>
          <View role='list' aria-label='年度积分'>
            {rows.map((r) => {
              const on = picked.includes(r.memberId);
              return (
                <View
                  key={r.memberId}
                  role='listitem'
                  className={`rank-row${on ? ' rank-row--me' : ''}`}
                  aria-label={`第${r.rank}名 ${r.name} 一季度${fmt(r.quarters[0])} 二季度${fmt(r.quarters[1])} 三季度${fmt(r.quarters[2])} 四季度${fmt(r.quarters[3])} 年度${r.score}分`}
                >
                  <Text className='rank-row__rank'>{r.rank}</Text>
                  <Text className='rank-row__name'>{r.name}</Text>
                  <Text className='text text--small'>{r.quarters.map(fmt).join(' / ')}</Text>
                  <Text className='rank-row__score'>{r.score}</Text>
                  <Button className={`chip${on ? ' chip--on' : ''}`} aria-pressed={on} aria-label={`选择${r.name}`} onClick={() => toggle(r.memberId)}>
                    {on ? '已选' : '选择'}
                  </Button>
                </View>
              );
            })}
          </View>
          <TextField label='荣誉称号' value={title} maxlength={20} onChange={setTitle} error={submit.fieldError('title')} />
          <Text className='text text--small text--muted'>{`已选 ${picked.length} 人`}</Text>
          {problem ? (
            <View role='alert'>
              <Text className='field__error'>{problem}</Text>
            </View>
          ) : null}
          <ErrorAlert error={submit.error} />
          <Button className='btn btn--primary' aria-label='确认评优' disabled={submit.busy || undefined} loading={submit.busy || undefined} onClick={() => void confirm()}>
            确认评优
          </Button>
        </View>
      ) : null}
      <View className='card'>
        <Text className='card__title'>已确认的评优</Text>
        {list.status === 'error' ? <Text className='text text--muted'>{list.error.message}</Text> : null}
        {list.data && list.data.awards.length === 0 ? <Text className='text text--muted'>本年度还没有确认评优。</Text> : null}
        <View role='list' aria-label='已确认的评优'>
          {(list.data?.awards ?? []).map((a, i) => (
            <View key={`${a.title}-${i}`} role='listitem' className='row'>
              <Text className='row__label'>{a.title}</Text>
              <Text className='row__value'>{a.members.map((m) => m.name).join('、')}</Text>
            </View>
          ))}
        </View>
      </View>
    </PageShell>
  );
}
