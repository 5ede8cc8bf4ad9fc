/**
 * The award engine (DESIGN §5): used by every feature on the server, never a public action.
 * One award is one transaction of four database operations — read the member's period
 * totals, write them, check the entry does not exist, write the entry — so the cap check, the
 * entry and the total can never disagree, and the same (rule, member, source) is counted
 * once however often it is retried. The ledger is append-only: corrections are new entries.
 */
import { createHash } from 'node:crypto';
import { COLLECTIONS } from '../../../shared/db/collections';
import { grantable, roundPoints } from '../../../shared/points/caps';
import { ledgerEntryDoc, periodTotalsDoc, totalsId, type LedgerEntryDoc, type PeriodTotalsDoc } from '../../../shared/points/ledger';
import { ruleInForce, type PointCategory, type Rule, type RuleCode } from '../../../shared/points/rules';
import { chinaDay, chinaQuarter } from '../../../shared/time/china';
import { AppError } from '../../../shared/api/errors';
import type { MemberDoc } from '../../../shared/domain/org';
import type { Database, Transaction } from '../cloud';
import { inTransaction } from '../transaction';
import { withoutId } from '../repo';

export type Awardee = Pick<MemberDoc, '_id' | 'branchId' | 'committeeId'>;

export interface AwardRequest {
  member: Awardee;
  rule: RuleCode;
  /** Identifies the occurrence: the same source never earns twice. */
  source: string;
  label: string;
  /** Hours of volunteering and the like; 1 otherwise. */
  quantity?: number;
  at: Date;
}

export interface AwardResult {
  status: 'awarded' | 'capped' | 'duplicate';
  entryId: string;
  points: number;
}

/** Deterministic entry id: the idempotency key of (rule or kind, member, source). */
export function entryId(key: string, memberId: string, source: string): string {
  return `pt_${createHash('sha256').update(`${key}\n${memberId}\n${source}`).digest('base64url').slice(0, 32)}`;
}

function emptyTotals(member: Awardee, period: string, at: Date): PeriodTotalsDoc {
  if (!member.branchId) throw new AppError('CONFLICT', '该成员不在任何支部');
  return {
    _id: totalsId(member._id, period),
    committeeId: member.committeeId,
    branchId: member.branchId,
    memberId: member._id,
    period,
    total: 0,
    mandatory: 0,
    optional: 0,
    byRule: {},
    byRuleDay: {},
    entries: 0,
    updatedAt: at,
  };
}

async function readTotals(t: Transaction, member: Awardee, period: string, at: Date): Promise<{ totals: PeriodTotalsDoc; exists: boolean }> {
  const { data } = await t.collection(COLLECTIONS.totals).doc(totalsId(member._id, period)).get();
  return data ? { totals: periodTotalsDoc.parse(data), exists: true } : { totals: emptyTotals(member, period, at), exists: false };
}

/** Adds an entry to the totals (pure). */
export function applyEntry(totals: PeriodTotalsDoc, entry: Pick<LedgerEntryDoc, 'points' | 'category' | 'ruleCode' | 'day' | 'at'>): PeriodTotalsDoc {
  const next: PeriodTotalsDoc = {
    ...totals,
    byRule: { ...totals.byRule },
    byRuleDay: { ...totals.byRuleDay },
    total: roundPoints(totals.total + entry.points),
    entries: totals.entries + 1,
    updatedAt: entry.at,
  };
  next[entry.category] = roundPoints(totals[entry.category] + entry.points);
  if (entry.ruleCode) {
    next.byRule[entry.ruleCode] = roundPoints((totals.byRule[entry.ruleCode] ?? 0) + entry.points);
    const days = { ...(totals.byRuleDay[entry.ruleCode] ?? {}) };
    days[entry.day] = roundPoints((days[entry.day] ?? 0) + entry.points);
    next.byRuleDay[entry.ruleCode] = days;
  }
  return next;
}

class Duplicate extends Error {
  constructor(readonly points: number) {
    super('duplicate ledger entry');
  }
}

/**
 * Writes the totals, then checks the entry does not exist yet and writes it: four database
 * operations with the totals read. A duplicate ends the transaction without writing (the
 * caller's inTransaction rolls it back) and answers with the existing entry.
 */
async function writeOnce(t: Transaction, entry: LedgerEntryDoc, totals: PeriodTotalsDoc, result: () => AwardResult): Promise<AwardResult> {
  await t.collection(COLLECTIONS.totals).doc(totals._id).set(withoutId(totals));
  const existing = await t.collection(COLLECTIONS.ledger).doc(entry._id).get();
  if (existing.data) throw new Duplicate(ledgerEntryDoc.parse(existing.data).points);
  await t.collection(COLLECTIONS.ledger).doc(entry._id).set(withoutId(entry));
  return result();
}

/** Runs an entry-writing transaction, turning a duplicate into its answer. */
async function once(db: Database, id: string, work: (t: Transaction) => Promise<AwardResult>): Promise<AwardResult> {
  try {
    return await inTransaction(db, work);
  } catch (error) {
    if (error instanceof Duplicate) return { status: 'duplicate', entryId: id, points: error.points };
    throw error;
  }
}

/**
 * The award a stored record is owed, for the retry of a call that stored the record and then
 * died before awarding (a crash, a time-out): one read when the entry is there, else the award.
 * A record and its award are two steps; this makes every retry of the first complete the second.
 */
export async function ensureAwarded(db: Database, rules: readonly Rule[], request: AwardRequest): Promise<void> {
  const { data } = await db.collection(COLLECTIONS.ledger).doc(entryId(request.rule, request.member._id, request.source)).get();
  if ((data as unknown[]).length === 0) await award(db, rules, request);
}

export async function award(db: Database, rules: readonly Rule[], request: AwardRequest): Promise<AwardResult> {
  const day = chinaDay(request.at);
  const period = chinaQuarter(request.at);
  const rule = ruleInForce(rules, request.rule, day);
  if (!rule) throw new AppError('INTERNAL', `no rule ${request.rule} in force on ${day}`);
  const id = entryId(request.rule, request.member._id, request.source);

  return once(db, id, async (t) => {
    // Totals first, and written second: the write takes the document's lock early, so
    // concurrent awards for the same member collide after two operations, not four.
    const { totals } = await readTotals(t, request.member, period, request.at);
    const requested = roundPoints(rule.points * (request.quantity ?? 1));
    const points = grantable(rule, { today: totals.byRuleDay[rule.code]?.[day] ?? 0, period: totals.byRule[rule.code] ?? 0 }, request.quantity);
    const entry: LedgerEntryDoc = {
      _id: id,
      committeeId: request.member.committeeId,
      branchId: totals.branchId,
      memberId: request.member._id,
      period,
      day,
      kind: 'award',
      ruleCode: rule.code,
      ruleVersion: rule.version,
      category: rule.category,
      points,
      requested,
      source: request.source,
      label: request.label,
      authorId: null,
      authorName: null,
      reason: null,
      reverses: null,
      at: request.at,
    };
    return writeOnce(t, entry, applyEntry(totals, entry), () => ({ status: points < requested ? 'capped' : 'awarded', entryId: id, points }));
  });
}

export interface Correction {
  member: Awardee;
  author: Pick<MemberDoc, '_id' | 'name'>;
  reason: string;
  at: Date;
}

/** A manual adjustment by the secretary; `requestId` makes a retried request count once. */
export async function adjust(db: Database, correction: Correction & { points: number; category: PointCategory; requestId: string }): Promise<AwardResult> {
  const id = entryId('adjustment', correction.member._id, correction.requestId);
  const period = chinaQuarter(correction.at);
  return once(db, id, async (t) => {
    const { totals } = await readTotals(t, correction.member, period, correction.at);
    const points = roundPoints(correction.points);
    if (totals[correction.category] + points < 0) throw new AppError('CONFLICT', '调整后积分不能为负');
    const entry: LedgerEntryDoc = {
      _id: id,
      committeeId: correction.member.committeeId,
      branchId: totals.branchId,
      memberId: correction.member._id,
      period,
      day: chinaDay(correction.at),
      kind: 'adjustment',
      ruleCode: null,
      ruleVersion: null,
      category: correction.category,
      points,
      requested: points,
      source: `adjustment:${correction.requestId}`,
      label: points >= 0 ? '书记加分' : '书记扣分',
      authorId: correction.author._id,
      authorName: correction.author.name,
      reason: correction.reason,
      reverses: null,
      at: correction.at,
    };
    return writeOnce(t, entry, applyEntry(totals, entry), () => ({ status: 'awarded', entryId: id, points }));
  });
}

/** Reverses an entry with a new, opposite entry in the same period; an entry is reversed at most once. */
export async function reverse(db: Database, original: LedgerEntryDoc, correction: Omit<Correction, 'member'>): Promise<AwardResult> {
  if (original.kind === 'reversal') throw new AppError('CONFLICT', '冲销记录不能再冲销');
  const id = entryId('reversal', original.memberId, original._id);
  return once(db, id, async (t) => {
    const member: Awardee = { _id: original.memberId, branchId: original.branchId, committeeId: original.committeeId };
    const { totals } = await readTotals(t, member, original.period, correction.at);
    const entry: LedgerEntryDoc = {
      ...original,
      _id: id,
      kind: 'reversal',
      points: -original.points,
      requested: -original.points,
      source: `reversal:${original._id}`,
      label: `冲销：${original.label}`,
      authorId: correction.author._id,
      authorName: correction.author.name,
      reason: correction.reason,
      reverses: original._id,
      // Reversal of a rule award also releases its cap room on the original day.
      day: original.day,
      at: correction.at,
    };
    return writeOnce(t, entry, applyEntry(totals, entry), () => ({ status: 'awarded', entryId: id, points: entry.points }));
  });
}
