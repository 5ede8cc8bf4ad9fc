/** The award engine through the function host and emulator, and the points actions. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';
import { chinaQuarter } from '../../shared/time/china';
import { as, data } from './support/org-fixtures';
import { buildPointsProbe } from './support/probe';

/** The one instant this file runs at: its "this quarter" and "today" and the functions' stopped clock (stack.ts). */
const START = new Date();

let stack: LocalStack;
const SECRETARY = demoOpenid('b-netops-m01');
const PERIOD = chinaQuarter(new Date(START));

interface AwardResult { status: string; entryId: string; points: number }

async function probe(s: LocalStack, event: Record<string, unknown>): Promise<AwardResult> {
  const outcome = await s.emulator.functions.invoke('points-probe', event, { openid: null, appid: 'wx' });
  if (!outcome.ok) throw new Error(`probe failed: ${outcome.message}`);
  return outcome.result as AwardResult;
}

async function ledgerOf(s: LocalStack, memberId: string) {
  const db = s.app.database();
  const { data: rows } = await db.collection('points_ledger').where({ memberId, period: PERIOD }).limit(1000).get();
  const { data: totals } = await db.collection('points_totals').doc(`${memberId}_${PERIOD}`).get();
  return { entries: rows as Array<{ points: number; ruleCode: string | null; source: string }>, totals: (totals as Array<{ total: number; byRule: Record<string, number> }>)[0] };
}

beforeAll(async () => {
  stack = await startLocalStack({ frozenAt: START, extraFunctions: [await buildPointsProbe()] });
});
afterAll(() => stack.stop());

describe('the award engine under concurrency', () => {
  it('counts 50 parallel awards of the same source exactly once', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, () => probe(stack, { memberId: 'b-netops-m14', rule: 'meetingAttended', source: 'meeting:m-1' })),
    );
    expect(results.filter((r) => r.status === 'awarded')).toHaveLength(1);
    expect(new Set(results.map((r) => r.entryId)).size).toBe(1);
    const { entries, totals } = await ledgerOf(stack, 'b-netops-m14');
    expect(entries).toHaveLength(1);
    expect(totals.total).toBe(3);
  }, 120_000);

  it('keeps the period total equal to the ledger sum under 200 parallel awards, never over a cap', async () => {
    const rules = ['taskDone', 'noteWritten', 'volunteerHour', 'studyPushRead'];
    await Promise.all(
      Array.from({ length: 200 }, (_, i) => probe(stack, { memberId: 'b-netops-m15', rule: rules[i % rules.length], source: `burst:${i}` })),
    );
    const { entries, totals } = await ledgerOf(stack, 'b-netops-m15');
    expect(entries).toHaveLength(200);
    const sum = entries.reduce((s, e) => s + e.points, 0);
    expect(totals.total).toBe(sum);
    // taskDone cap 10, noteWritten 8, volunteerHour 10, studyPushRead 10: every cap reached, none exceeded.
    expect(totals.byRule).toEqual({ taskDone: 10, noteWritten: 8, volunteerHour: 10, studyPushRead: 10 });
    expect(sum).toBe(38);
  }, 120_000);

  it('gives a badge check-in once per China day however often it is sent', async () => {
    const at = '2026-11-26T15:59:00Z'; // 23:59 in Shanghai
    const first = await probe(stack, { memberId: 'b-netops-m16', rule: 'badgeCheckin', source: 'checkin:a', at });
    const second = await probe(stack, { memberId: 'b-netops-m16', rule: 'badgeCheckin', source: 'checkin:b', at });
    const nextDay = await probe(stack, { memberId: 'b-netops-m16', rule: 'badgeCheckin', source: 'checkin:c', at: '2026-11-26T16:01:00Z' });
    expect([first.points, second.points, nextDay.points]).toEqual([0.5, 0, 0.5]);
    expect(second.status).toBe('capped');
  });
});

describe('积分档案 and corrections', () => {
  it('explains every point: rule, source, time, and today per rule', async () => {
    await probe(stack, { memberId: 'b-netops-m10', rule: 'studyPushRead', source: 'push:p1' });
    const ledger = data<{ total: number; mandatory: number; entries: Array<{ rule: string; label: string; points: number }>; today: Array<{ rule: string; current: number; dailyCap: number | null }> }>(
      await as(stack, demoOpenid('b-netops-m10'), 'points.myLedger', {}),
    );
    expect(ledger.total).toBe(1);
    expect(ledger.mandatory).toBe(1);
    expect(ledger.entries[0]).toMatchObject({ rule: 'studyPushRead', label: '测试：push:p1', points: 1 });
    expect(ledger.today.find((t) => t.rule === 'badgeCheckin')).toMatchObject({ current: 0, dailyCap: 0.5 });
  });

  it('adjusts once per request id, with a reason and an author, and audits it', async () => {
    const input = { memberId: 'b-netops-m17', points: 2, category: 'optional', reason: '抗洪志愿服务', requestId: 'adj-1' };
    const [a, b] = await Promise.all([as(stack, SECRETARY, 'points.adjust', input), as(stack, SECRETARY, 'points.adjust', input)]);
    expect([data<{ duplicate: boolean }>(a).duplicate, data<{ duplicate: boolean }>(b).duplicate].sort()).toEqual([false, true]);
    const ledger = data<{ entries: Array<{ kind: string; author: string; reason: string }>; total: number }>(await as(stack, SECRETARY, 'points.memberLedger', { memberId: 'b-netops-m17' }));
    expect(ledger.total).toBe(2);
    expect(ledger.entries).toHaveLength(1);
    expect(ledger.entries[0]).toMatchObject({ kind: 'adjustment', reason: '抗洪志愿服务' });
  });

  it('reverses an entry once, keeping the original (append-only)', async () => {
    const awarded = await probe(stack, { memberId: 'b-netops-m18', rule: 'taskDone', source: 'task:t1' });
    const first = data<{ points: number; duplicate: boolean }>(await as(stack, SECRETARY, 'points.reverse', { entryId: awarded.entryId, reason: '任务未实际完成' }));
    expect(first).toMatchObject({ points: -2, duplicate: false });
    const again = data<{ duplicate: boolean }>(await as(stack, SECRETARY, 'points.reverse', { entryId: awarded.entryId, reason: '重复提交' }));
    expect(again.duplicate).toBe(true);
    const ledger = data<{ total: number; entries: Array<{ id: string; reversed: boolean; kind: string }> }>(await as(stack, SECRETARY, 'points.memberLedger', { memberId: 'b-netops-m18' }));
    expect(ledger.total).toBe(0);
    expect(ledger.entries.find((e) => e.id === awarded.entryId)?.reversed).toBe(true);
    expect(ledger.entries.map((e) => e.kind).sort()).toEqual(['award', 'reversal']);
  });

  it('refuses an adjustment that would make a category negative, storing nothing', async () => {
    const reply = await as(stack, SECRETARY, 'points.adjust', { memberId: 'b-netops-m19', points: -5, category: 'mandatory', reason: '测试', requestId: 'adj-neg' });
    expect(reply.error?.code).toBe('CONFLICT');
    expect((await ledgerOf(stack, 'b-netops-m19')).entries).toHaveLength(0);
  });

  it("answers another branch's entry with NOT_FOUND", async () => {
    const awarded = await probe(stack, { memberId: 'b-market-m08', rule: 'taskDone', source: 'task:x' });
    expect((await as(stack, SECRETARY, 'points.reverse', { entryId: awarded.entryId, reason: '越权' })).error?.code).toBe('NOT_FOUND');
  });
});

describe('live ranking', () => {
  it('ranks the branch with competition ranks and lists exempt members apart', async () => {
    const ranking = data<{ rows: Array<{ memberId: string; rank: number; score: number }>; exempt: Array<{ memberId: string }>; myRank: number | null }>(
      await as(stack, demoOpenid('b-netops-m15'), 'points.ranking', { scope: 'branch' }),
    );
    expect(ranking.rows[0]).toMatchObject({ memberId: 'b-netops-m15', rank: 1, score: 38 });
    expect(ranking.myRank).toBe(1);
    expect(ranking.exempt.map((e) => e.memberId).sort()).toEqual(['b-netops-m31', 'b-netops-m32']);
    expect(ranking.rows).toHaveLength(30);
    for (let i = 1; i < ranking.rows.length; i++) {
      const [a, b] = [ranking.rows[i - 1], ranking.rows[i]];
      expect(b.rank).toBe(a.score === b.score ? a.rank : i + 1);
    }
    expect(ranking.rows.some((r) => r.memberId.startsWith('b-market'))).toBe(false);
  });
});

describe('branch comparison', () => {
  it('gives the committee admin each branch\'s average counted points and participation per rule', async () => {
    await probe(stack, { memberId: 'b-netops-m22', rule: 'taskDone', source: 'compare:1' });
    const result = data<{ branches: Array<{ id: string; members: number; averageCounted: number; participation: Record<string, number> }> }>(
      await as(stack, demoOpenid('b-market-m06'), 'points.compareBranches', {}),
    );
    const netops = result.branches.find((b) => b.id === 'b-netops')!;
    expect(netops.members).toBe(32);
    expect(netops.averageCounted).toBeGreaterThan(0);
    expect(netops.participation.taskDone).toBeGreaterThan(0);
    expect(netops.participation.taskDone).toBeLessThanOrEqual(1);
    expect(result.branches.map((b) => b.id).sort()).toEqual(['b-market', 'b-netops']);
  });
});

describe('rules', () => {
  it('lets the committee admin add a version from today, never in the past, and keeps history', async () => {
    const admin = demoOpenid('b-market-m06');
    const past = await as(stack, admin, 'points.saveRule', { code: 'taskDone', points: 4, dailyCap: null, periodCap: 12, effectiveFrom: '2020-01-01' });
    expect(past.error?.fields?.effectiveFrom).toBeDefined();
    const future = data<{ version: number }>(await as(stack, admin, 'points.saveRule', { code: 'taskDone', points: 4, dailyCap: null, periodCap: 12, effectiveFrom: '2099-01-01' }));
    expect(future.version).toBe(2);
    const rules = data<{ inForce: Array<{ code: string; points: number }>; versions: Array<{ code: string }> }>(await as(stack, SECRETARY, 'points.rules', {}));
    expect(rules.inForce.find((r) => r.code === 'taskDone')?.points).toBe(2);
    expect(rules.versions.filter((r) => r.code === 'taskDone')).toHaveLength(2);
  });
});

describe('durability of awards', () => {
  it('keeps the total equal to the ledger sum when the emulator restarts in the middle of a burst', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongxin-points-'));
    try {
      const probeFn = await buildPointsProbe();
      const first = await startLocalStack({ frozenAt: START, dataDir: dir, extraFunctions: [probeFn] });
      const burst = Array.from({ length: 60 }, (_, i) =>
        probe(first, { memberId: 'b-netops-m21', rule: i % 2 ? 'taskDone' : 'volunteerHour', source: `r:${i}` }).catch(() => null),
      );
      await new Promise((resolve) => setTimeout(resolve, 40));
      await first.stop(); // in the middle of the burst
      await Promise.all(burst);
      const second = await startLocalStack({ frozenAt: START, dataDir: dir, seed: false, extraFunctions: [probeFn] });
      try {
        // Replay the whole burst: what committed before the restart counts once.
        await Promise.all(Array.from({ length: 60 }, (_, i) => probe(second, { memberId: 'b-netops-m21', rule: i % 2 ? 'taskDone' : 'volunteerHour', source: `r:${i}` })));
        const { entries, totals } = await ledgerOf(second, 'b-netops-m21');
        expect(entries).toHaveLength(60);
        expect(totals.total).toBe(entries.reduce((s, e) => s + e.points, 0));
        expect(totals.total).toBe(20);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
