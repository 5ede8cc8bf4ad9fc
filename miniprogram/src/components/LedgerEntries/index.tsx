/**
 * The entries of a 积分档案, each saying why the point is there: label, rule, points (+/−),
 * China day and time, author and reason of manual entries, 已冲销, 已达上限 when a cap cut it.
 */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { ENTRY_KIND_LABELS, POINT_CATEGORY_LABELS, RULE_LABELS, signedPoints } from '@/domain/points';
import { chinaDateTime } from '@/lib/format';
import type { LedgerEntryView } from '@/services/api';

export interface LedgerEntriesProps {
  entries: readonly LedgerEntryView[];
  /** Extra controls under an entry (the secretary's 冲销). */
  actions?: (entry: LedgerEntryView) => ReactNode;
}

export function LedgerEntries({ entries, actions }: LedgerEntriesProps) {
  return (
    <View role='list' aria-label='积分明细'>
      {entries.map((e) => {
        const ruleLabel = e.rule ? RULE_LABELS[e.rule] : ENTRY_KIND_LABELS[e.kind];
        const capped = e.kind === 'award' && e.points < e.requested;
        return (
          <View key={e.id} role='listitem' className={`ledger${e.reversed ? ' ledger--reversed' : ''}`}>
            <View className='ledger__head'>
              <Text className='ledger__label'>{e.label}</Text>
              <Text className={`ledger__points${e.points < 0 ? ' ledger__points--minus' : ''}`} aria-label={`${signedPoints(e.points)}分`}>
                {signedPoints(e.points)}
              </Text>
            </View>
            <Text className='text text--small text--muted'>{`${ruleLabel} · ${POINT_CATEGORY_LABELS[e.category]} · ${chinaDateTime(e.at)}`}</Text>
            {capped ? <Text className='text text--small ledger__note'>{`已达上限（应得 ${e.requested} 分，计 ${e.points} 分）`}</Text> : null}
            {e.author ? <Text className='text text--small'>{`经办人：${e.author}`}</Text> : null}
            {e.reason ? <Text className='text text--small'>{`原因：${e.reason}`}</Text> : null}
            {e.reversed ? <Text className='tag'>已冲销</Text> : null}
            {actions ? actions(e) : null}
          </View>
        );
      })}
    </View>
  );
}

export default LedgerEntries;
