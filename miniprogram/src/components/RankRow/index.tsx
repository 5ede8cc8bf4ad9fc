/** One row of a ranking table (live ranking and published result): rank, name, score, grade; the caller's own row marked. */
import { Text, View } from '@tarojs/components';
import { GRADE_LABELS, type Grade } from '../../../../shared/points/ranking';

export function RankRow({ rank, name, score, grade, mine }: { rank: number; name: string; score: number; grade: Grade; mine: boolean }) {
  return (
    <View
      role='listitem'
      className={`rank-row${mine ? ' rank-row--me' : ''}`}
      aria-current={mine ? 'true' : undefined}
      aria-label={`第${rank}名 ${name}${mine ? '（我）' : ''} ${score}分 ${GRADE_LABELS[grade]}`}
    >
      <Text className='rank-row__rank'>{rank}</Text>
      <Text className='rank-row__name'>{mine ? `${name}（我）` : name}</Text>
      <Text className='rank-row__score'>{score}</Text>
      <Text className='rank-row__grade'>{GRADE_LABELS[grade]}</Text>
    </View>
  );
}
