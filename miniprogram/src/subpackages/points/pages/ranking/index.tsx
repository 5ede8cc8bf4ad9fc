/**
 * 积分排行榜: the live ranking of the quarter in the caller's 支部 or 党小组 (points.ranking).
 * Competition ranks as the server gives them (1, 2, 2, 4), the caller's row highlighted,
 * exempt members (老党员 / 患病 / 流动) listed apart under 不参与排名.
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { RankRow } from '@/components/RankRow';
import { useAction } from '@/hooks/useAction';
import { GRADE_LABELS, periodLabel } from '@/domain/points';

type Scope = 'branch' | 'group';
const SCOPES: ReadonlyArray<{ value: Scope; label: string }> = [
  { value: 'branch', label: '支部' },
  { value: 'group', label: '党小组' },
];

export default function Ranking() {
  const [scope, setScope] = useState<Scope>('branch');
  const ranking = useAction('points.ranking', { scope });
  const me = useAction('org.me', {});
  const myId = me.data?.memberId ?? null;
  // The server ranks ungrouped members together under scope 'group'; that is no 党小组 ranking.
  const noGroup = scope === 'group' && me.data !== null && me.data.group === null;
  const data = noGroup ? null : ranking.data;
  const empty = data ? data.rows.length === 0 && data.exempt.length === 0 : false;
  const iAmExempt = data && myId ? data.exempt.some((e) => e.memberId === myId) : false;

  return (
    <PageShell status={ranking.status} errorMessage={ranking.error?.message} onRetry={ranking.reload}>
      <View className='card'>
        <View className='chips' role='group' aria-label='排名范围'>
          {SCOPES.map((s) => (
            <Button
              key={s.value}
              className={`chip${scope === s.value ? ' chip--on' : ''}`}
              aria-pressed={scope === s.value}
              aria-label={`${s.label}排名`}
              onClick={() => setScope(s.value)}
            >
              {s.label}
            </Button>
          ))}
        </View>
        {data ? <Text className='text text--small text--muted'>{`${periodLabel(data.period)} · 实时排名，以季度公布结果为准`}</Text> : null}
        {data ? (
          <View role='status'>
            <Text className='card__title'>{data.myRank !== null ? `我的排名：第 ${data.myRank} 名` : iAmExempt ? '您不参与本季度排名' : '暂无我的排名'}</Text>
          </View>
        ) : null}
      </View>
      {noGroup ? (
        <View className='shell-state'>
          <Text className='shell-state__title'>您尚未编入党小组</Text>
          <Text className='shell-state__text'>请查看支部排名。</Text>
        </View>
      ) : null}
      {data && empty ? (
        <View className='shell-state'>
          <Text className='shell-state__title'>暂无排名</Text>
          <Text className='shell-state__text'>{scope === 'group' ? '您尚未编入党小组，或党小组内还没有成员。' : '支部内还没有成员的积分。'}</Text>
        </View>
      ) : null}
      {data && data.rows.length > 0 ? (
        <View className='card'>
          <Text className='card__title'>排名</Text>
          <View className='rank-row text--muted' aria-hidden='true'>
            <Text className='rank-row__rank'>名次</Text>
            <Text className='rank-row__name'>姓名</Text>
            <Text className='rank-row__score'>得分</Text>
            <Text className='rank-row__grade'>等次</Text>
          </View>
          <View role='list' aria-label='排名列表'>
            {data.rows.map((r) => {
              const mine = r.memberId === myId;
              return (
                <RankRow key={r.memberId} rank={r.rank} name={r.name} score={r.score} grade={r.grade} mine={mine} />
              );
            })}
          </View>
        </View>
      ) : null}
      {data && data.exempt.length > 0 ? (
        <View className='card'>
          <Text className='card__title'>不参与排名</Text>
          <Text className='text text--small text--muted'>老党员、患病党员和流动党员不参与排名，积分照常记录。</Text>
          <View role='list' aria-label='不参与排名的党员'>
            {data.exempt.map((e) => (
              <View key={e.memberId} role='listitem' className={`row${e.memberId === myId ? ' rank-row--me' : ''}`}>
                <Text className='row__label'>{e.memberId === myId ? `${e.name}（我）` : e.name}</Text>
                <Text className='row__value'>{`${e.points} 分`}</Text>
              </View>
            ))}
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
