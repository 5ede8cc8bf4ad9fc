/**
 * How many points an occurrence earns under a rule's caps, given what the member already
 * has: the engine grants what is left under the daily and the period cap, never more.
 * Pure, so it is property-tested; the award engine calls it inside its transaction.
 */
import type { Rule } from './rules';

export interface RuleProgress {
  /** Points already earned from this rule today (China day). */
  today: number;
  /** Points already earned from this rule this quarter. */
  period: number;
}

/** Points are multiples of 0.5; round so that sums stay exact. */
export function roundPoints(value: number): number {
  return Math.round(value * 2) / 2;
}

export function grantable(rule: Rule, progress: RuleProgress, quantity = 1): number {
  let points = roundPoints(rule.points * quantity);
  if (rule.dailyCap !== undefined) points = Math.min(points, rule.dailyCap - progress.today);
  if (rule.periodCap !== undefined) points = Math.min(points, rule.periodCap - progress.period);
  return Math.max(0, roundPoints(points));
}
