import type { LedgerEntryView, RuleView } from '../../shared/api/contract';
import type { LedgerEntryDoc } from '../../shared/points/ledger';
import type { Rule } from '../../shared/points/rules';

export function entryView(entry: LedgerEntryDoc, reversed: ReadonlySet<string>): LedgerEntryView {
  return {
    id: entry._id,
    kind: entry.kind,
    rule: entry.ruleCode,
    category: entry.category,
    points: entry.points,
    requested: entry.requested,
    label: entry.label,
    source: entry.source,
    day: entry.day,
    at: entry.at.toISOString(),
    author: entry.authorName,
    reason: entry.reason,
    reverses: entry.reverses,
    reversed: reversed.has(entry._id),
  };
}

export function ruleView(rule: Rule): RuleView {
  return {
    code: rule.code,
    category: rule.category,
    points: rule.points,
    dailyCap: rule.dailyCap ?? null,
    periodCap: rule.periodCap ?? null,
    version: rule.version,
    effectiveFrom: rule.effectiveFrom,
  };
}
