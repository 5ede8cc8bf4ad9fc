/**
 * Points at tenant scale: one committee, 2,500 branches, 50,000 members, a quarter's
 * totals per member. Reports award latency and database operations per award, the live
 * branch ranking read, and publishing the quarter for every branch from the period totals,
 * against the usual way (summing each member's ledger entries) measured on a sample of
 * branches that carry a full ledger (about 40 entries per member).
 */
import { EJSON } from 'bson';
import { createHash } from 'node:crypto';
import { COLLECTIONS } from '../shared/db/collections';
import { rankBranch } from '../shared/points/ranking';
import { DEFAULT_RULES } from '../shared/points/rules';
import { chinaQuarter } from '../shared/time/china';
import { adminApp } from '../scripts/seed/load';
import { computeBranchResult } from '../cloudfunctions/quarter/compute';
import type { Database } from '../cloudfunctions/_shared/cloud';
import { buildPointsProbe } from '../tests/functions/support/probe';
import { startLocalStack } from '../tests/support/stack';
import { measure } from './stats';

const BRANCHES = 2500;
const PER_BRANCH = 20;
const LEDGER_SAMPLE_BRANCHES = 50; // branches that also carry a full ledger (50 × 20 × 40 = 40,000 entries)
const ENTRIES_PER_MEMBER = 40;

const ejson = (doc: Record<string, unknown>) => EJSON.serialize(doc, { relaxed: false }) as Record<string, unknown>;

function tenant(period: string) {
  const at = new Date();
  const branches: Record<string, unknown>[] = [];
  const members: Record<string, unknown>[] = [];
  const totals: Record<string, unknown>[] = [];
  const ledger: Record<string, unknown>[] = [];
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let b = 0; b < BRANCHES; b++) {
    const branchId = `br${b}`;
    branches.push(ejson({ _id: branchId, committeeId: 'c1', name: `第${b + 1}党支部` }));
    for (let m = 0; m < PER_BRANCH; m++) {
      const memberId = `${branchId}-m${m}`;
      members.push(ejson({
        _id: memberId, committeeId: 'c1', branchId, name: `党员${b}-${m}`, phone: '13800000000', joinedOn: '2000-01-01',
        category: m === PER_BRANCH - 1 ? 'elderly' : 'regular', groupId: null, unitIds: [], roles: m === 0 ? ['member', 'secretary'] : ['member'],
        duty: null, openid: b === 0 && m === 1 ? 'o_bench_member' : null,
      }));
      let mandatory = 0;
      let optional = 0;
      for (let e = 0; e < ENTRIES_PER_MEMBER; e++) {
        const rule = DEFAULT_RULES[Math.floor(rand() * DEFAULT_RULES.length)];
        const points = rand() < 0.85 ? rule.points : 0;
        if (rule.category === 'mandatory') mandatory += points;
        else optional += points;
        if (b < LEDGER_SAMPLE_BRANCHES) {
          ledger.push(ejson({
            _id: `pt_${createHash('md5').update(`${memberId}${e}`).digest('hex')}`, committeeId: 'c1', branchId, memberId, period, day: '2026-11-01',
            kind: 'award', ruleCode: rule.code, ruleVersion: 1, category: rule.category, points, requested: rule.points, source: `bench:${e}`,
            label: rule.code, authorId: null, authorName: null, reason: null, reverses: null, at,
          }));
        }
      }
      totals.push(ejson({
        _id: `${memberId}_${period}`, committeeId: 'c1', branchId, memberId, period, total: mandatory + optional, mandatory, optional,
        byRule: {}, byRuleDay: {}, entries: ENTRIES_PER_MEMBER, updatedAt: at,
      }));
    }
  }
  return { branches, members, totals, ledger };
}

/** The usual way: sum each member's ledger entries for the period, then rank. */
async function publishFromLedger(db: Database, branchId: string, period: string) {
  const $ = db.command.aggregate;
  const [{ data: sums }, { data: members }] = await Promise.all([
    db.collection(COLLECTIONS.ledger).aggregate().match({ branchId, period })
      .group({ _id: { memberId: '$memberId', category: '$category' }, points: $.sum('$points') }).limit(10000).end(),
    db.collection(COLLECTIONS.members).where({ branchId }).limit(1000).get(),
  ]);
  const byMember = new Map<string, { mandatory: number; optional: number }>();
  for (const row of sums as Array<{ _id: { memberId: string; category: 'mandatory' | 'optional' }; points: number }>) {
    const t = byMember.get(row._id.memberId) ?? { mandatory: 0, optional: 0 };
    t[row._id.category] += row.points;
    byMember.set(row._id.memberId, t);
  }
  return rankBranch((members as Array<{ _id: string; category: string }>).map((m) => ({
    memberId: m._id, exempt: m.category !== 'regular', mandatory: byMember.get(m._id)?.mandatory ?? 0, optional: byMember.get(m._id)?.optional ?? 0, appraisal: null,
  })));
}

export async function pointsBench(): Promise<string> {
  const period = chinaQuarter(new Date());
  const lines: string[] = [];
  const built = Date.now();
  const data = tenant(period);
  const stack = await startLocalStack({ seed: false, extraFunctions: [await buildPointsProbe()] });
  try {
    stack.emulator.database.importState({
      committees: [ejson({ _id: 'c1', name: '基准党委' })],
      [COLLECTIONS.branches]: data.branches,
      [COLLECTIONS.members]: data.members,
      [COLLECTIONS.totals]: data.totals,
      [COLLECTIONS.ledger]: data.ledger,
      [COLLECTIONS.pointsRules]: [],
      [COLLECTIONS.auditLog]: [],
      [COLLECTIONS.snapshots]: [],
    });
    lines.push(`tenant: ${BRANCHES} branches, ${data.members.length} members, ${data.totals.length} period totals, ledger ${data.ledger.length} entries on ${LEDGER_SAMPLE_BRANCHES} sample branches (loaded in ${((Date.now() - built) / 1000).toFixed(1)} s)`);
    const db = adminApp(stack.adminUrl).database() as unknown as Database;

    // Awards through the function host, each its own source (so each writes).
    let ops = { reads: 0, writes: 0, n: 0 };
    const award = await measure('award (function host → engine → 1 transaction)', 200, async (i) => {
      const id = stack.emulator.functions.nextId();
      const out = await stack.emulator.functions.invoke('points-probe', { memberId: `br${i % 100}-m3`, rule: 'studyPushRead', source: `bench-award:${i}:${Math.random()}` }, { openid: null, appid: 'wx' }, id);
      if (!out.ok) throw new Error(out.message);
      const usage = stack.emulator.meter.take(id);
      ops = { reads: ops.reads + usage.reads, writes: ops.writes + usage.writes, n: ops.n + 1 };
    });
    // The probe itself reads the member once; the engine's own operations are the rest.
    const engineOps = (ops.reads + ops.writes) / ops.n - 1;
    lines.push(`${award.name}: p50 ${award.p50.toFixed(1)} ms, p95 ${award.p95.toFixed(1)} ms; database operations per award: ${engineOps.toFixed(2)} (budget 4) + 1 member read by the caller`);

    const token = await stack.signIn('o_bench_member');
    let rankingReads = 0;
    const ranking = await measure('branch ranking read (points.ranking over HTTP)', 100, async () => {
      const reply = await stack.call('points.ranking', { scope: 'branch' }, token);
      rankingReads = Number(reply.headers.get('x-tongxin-db-reads'));
    });
    lines.push(`${ranking.name}: p50 ${ranking.p50.toFixed(1)} ms, p95 ${ranking.p95.toFixed(1)} ms; database reads: ${rankingReads} (1 to identify the caller + 1 ranking query)`);

    // Publish: every branch from the period totals (what the quarter function does).
    const started = Date.now();
    for (let b = 0; b < BRANCHES; b++) await computeBranchResult(db, `br${b}`, period, null);
    const totalsSeconds = (Date.now() - started) / 1000;
    const sampleStart = Date.now();
    for (let b = 0; b < LEDGER_SAMPLE_BRANCHES; b++) await computeBranchResult(db, `br${b}`, period, null);
    const totalsSample = (Date.now() - sampleStart) / 1000;
    const ledgerStart = Date.now();
    for (let b = 0; b < LEDGER_SAMPLE_BRANCHES; b++) await publishFromLedger(db, `br${b}`, period);
    const ledgerSample = (Date.now() - ledgerStart) / 1000;
    lines.push(`publish the quarter for ${BRANCHES} branches / ${data.members.length} members from period totals: ${totalsSeconds.toFixed(1)} s (${((totalsSeconds / BRANCHES) * 1000).toFixed(1)} ms a branch)`);
    lines.push(`on the ${LEDGER_SAMPLE_BRANCHES} ledger branches: from totals ${totalsSample.toFixed(2)} s vs summing the ledger ${ledgerSample.toFixed(2)} s → ledger/totals ${(ledgerSample / totalsSample).toFixed(1)}×; summing the ledger for the whole tenant would take about ${((ledgerSample / LEDGER_SAMPLE_BRANCHES) * BRANCHES).toFixed(0)} s`);
  } finally {
    await stack.stop();
  }
  return lines.join('\n');
}
