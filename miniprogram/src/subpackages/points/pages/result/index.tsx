/**
 * 季度结果 (quarter.result, `?period=`, default the previous quarter): my row on top, the
 * branch table, the grade distribution as bars, exempt members apart, and the version with its
 * correction reason when the result was corrected.
 */
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PageShell } from '@/components/PageShell';
import { RankRow } from '@/components/RankRow';
import { useAction } from '@/hooks/useAction';
import { GRADES, GRADE_LABELS, currentPeriod, decodePeriod, previousPeriod } from '@/domain/quarter';
import { percent, periodLabel } from '@/domain/points';
import { chinaDateTime } from '@/lib/format';

export default function QuarterResultPage() {
  const { params } = useRouter();
  const period = decodePeriod(params?.period) ?? previousPeriod(currentPeriod());
  const result = useAction('quarter.result', { period });
  const data = result.data;
  const notPublished = result.status === 'error' && result.error.code === 'NOT_FOUND';
  const total = data ? GRADES.reduce((n, g) => n + (data.gradeCounts[g] ?? 0), 0) : 0;
  const mine = data?.mine ?? null;

  return (
    <PageShell
      status={result.status}
      errorMessage={result.error?.message}
      onRetry={result.reload}
      errorContent={
        notPublished ? (
          <View className='shell-state'>
            <Text className='shell-state__title'>{`${periodLabel(period)}考评结果尚未公布`}</Text>
            <Text className='shell-state__text'>支部书记发布后可在这里查看。</Text>
          </View>
        ) : undefined
      }
    >
      {data ? (
        <View>
          <View className='card'>
            <Text className='card__title'>{`${periodLabel(data.period)}考评结果`}</Text>
            <Text className='text text--small text--muted'>{`公布于 ${chinaDateTime(data.publishedAt)}${data.version > 1 ? ` · 第 ${data.version} 版` : ''}`}</Text>
            {data.version > 1 && data.reason ? (
              <View className='notice' role='note'>
                <Text className='text'>{`更正原因：${data.reason}`}</Text>
              </View>
            ) : null}
          </View>
          {mine ? (
            <View className='card' role='region' aria-label='我的结果'>
              <Text className='card__title'>我的结果</Text>
              <View className='row'>
                <Text className='row__label'>名次</Text>
                <Text className='row__value'>{`第 ${mine.rank} 名`}</Text>
              </View>
              <View className='row'>
                <Text className='row__label'>积分</Text>
                <Text className='row__value'>{`${mine.points} 分`}</Text>
              </View>
              <View className='row'>
                <Text className='row__label'>民主评议</Text>
                <Text className='row__value'>{mine.appraisal === null ? '无' : `${mine.appraisal} 分`}</Text>
              </View>
              <View className='row'>
                <Text className='row__label'>综合得分</Text>
                <Text className='row__value'>{`${mine.score} 分`}</Text>
              </View>
              <View className='row'>
                <Text className='row__label'>等次</Text>
                <Text className='row__value'>{GRADE_LABELS[mine.grade]}</Text>
              </View>
            </View>
          ) : null}
          <View className='card'>
            <Text className='card__title'>等次分布</Text>
            <View role='list' aria-label='等次分布'>
              {GRADES.map((g) => {
                const n = data.gradeCounts[g] ?? 0;
                return (
                  <View key={g} className='bar-row' role='listitem' aria-label={`${GRADE_LABELS[g]} ${n} 人`}>
                    <Text className='bar-row__label'>{GRADE_LABELS[g]}</Text>
                    <View className='bar-row__track'>
                      <View className='bar-row__fill' style={{ width: `${percent(n, total)}%` }} />
                    </View>
                    <Text className='bar-row__count'>{`${n} 人`}</Text>
                  </View>
                );
              })}
            </View>
          </View>
          <View className='card'>
            <Text className='card__title'>支部排名</Text>
            <View className='rank-row text--muted' aria-hidden='true'>
              <Text className='rank-row__rank'>名次</Text>
              <Text className='rank-row__name'>姓名</Text>
              <Text className='rank-row__score'>得分</Text>
              <Text className='rank-row__grade'>等次</Text>
            </View>
            <View role='list' aria-label='支部排名'>
              {data.rows.map((r) => {
                const me = r.memberId === mine?.memberId;
                return (
                  <RankRow key={r.memberId} rank={r.rank} name={r.name} score={r.score} grade={r.grade} mine={me} />
                );
              })}
            </View>
          </View>
          {data.exempt.length ? (
            <View className='card'>
              <Text className='card__title'>不参与排名</Text>
              <View role='list' aria-label='不参与排名的党员'>
                {data.exempt.map((e) => (
                  <View key={e.memberId} role='listitem' className='row'>
                    <Text className='row__label'>{e.name}</Text>
                    <Text className='row__value'>{`${e.points} 分`}</Text>
                  </View>
                ))}
              </View>
            </View>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  );
}
