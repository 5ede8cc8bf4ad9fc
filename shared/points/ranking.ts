/**
 * Scores, competition ranking and grading (DESIGN §5). Pure functions over a branch's
 * members; the publish step and the live ranking use the same code.
 */
import { CATEGORY_CAPS, type PointCategory } from './rules';

export const GRADES = ['excellent', 'good', 'pass', 'poor'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, string> = { excellent: '优秀', good: '良好', pass: '合格', poor: '较差' };

/** Points counted toward the score: each category up to its cap. */
export function cappedPoints(totals: Record<PointCategory, number>, caps: Record<PointCategory, number> = CATEGORY_CAPS): number {
  return Math.min(totals.mandatory, caps.mandatory) + Math.min(totals.optional, caps.optional);
}

/**
 * The final score: capped points (out of 100 by default) blended with the appraisal score
 * (0–100), by default 80/20; without an appraisal the points alone count.
 */
export function blendedScore(points: number, appraisal: number | null, pointsWeight = 0.8): number {
  const score = appraisal === null ? points : points * pointsWeight + appraisal * (1 - pointsWeight);
  return Math.round(score * 100) / 100;
}

export interface Scored {
  memberId: string;
  score: number;
}

/** Competition ranking ("1, 2, 2, 4"): equal scores share a rank; ties keep a stable order by id. */
export function competitionRanks<T extends Scored>(rows: readonly T[]): Array<T & { rank: number }> {
  const sorted = [...rows].sort((a, b) => b.score - a.score || a.memberId.localeCompare(b.memberId));
  let rank = 0;
  return sorted.map((row, i) => {
    if (i === 0 || row.score !== sorted[i - 1].score) rank = i + 1;
    return { ...row, rank };
  });
}

export interface GradeBand {
  grade: Grade;
  /** Share of the ranked members this band may hold at most (cumulative quotas are not used). */
  quota?: number;
  /** Minimum score to be in this band. */
  minScore?: number;
}

/** 优秀 top 20% and ≥ 85, 良好 next 30% and ≥ 70, 合格 ≥ 60, 较差 the rest (no forced quota). */
export const DEFAULT_GRADE_POLICY: readonly GradeBand[] = [
  { grade: 'excellent', quota: 0.2, minScore: 85 },
  { grade: 'good', quota: 0.3, minScore: 70 },
  { grade: 'pass', minScore: 60 },
  { grade: 'poor' },
];

/**
 * Grades ranked members band by band, best first. A band takes members in rank order while
 * they meet its minimum score and its quota (floor of share × count) has room; members who
 * tie at the quota's edge are either all in or all out (all out: a quota is a ceiling), so
 * equal scores always get equal grades. Whoever no band takes is 较差.
 */
export function assignGrades<T extends Scored & { rank: number }>(ranked: readonly T[], policy: readonly GradeBand[] = DEFAULT_GRADE_POLICY): Array<T & { grade: Grade }> {
  const n = ranked.length;
  const out: Array<T & { grade: Grade }> = [];
  let i = 0;
  for (const band of policy) {
    if (band.quota === undefined && band.minScore === undefined) {
      while (i < n) out.push({ ...ranked[i++], grade: band.grade });
      break;
    }
    const room = band.quota === undefined ? n : Math.floor(band.quota * n + 1e-9);
    let taken = 0;
    while (i < n) {
      const row = ranked[i];
      if (band.minScore !== undefined && row.score < band.minScore) break;
      // The whole tie group must fit, or none of it goes in this band.
      let j = i;
      while (j < n && ranked[j].score === row.score) j++;
      if (taken + (j - i) > room) break;
      taken += j - i;
      for (; i < j; i++) out.push({ ...ranked[i], grade: band.grade });
    }
  }
  while (i < n) out.push({ ...ranked[i++], grade: 'poor' });
  return out;
}

export interface MemberTotals {
  memberId: string;
  /** Elderly, ill and 流动 members are listed apart, not ranked. */
  exempt: boolean;
  mandatory: number;
  optional: number;
  /** 民主评议 score 0–100, or null when no appraisal round closed. */
  appraisal: number | null;
}

export interface RankedMember extends Scored {
  rank: number;
  grade: Grade;
  points: number;
  appraisal: number | null;
}

export interface BranchResult {
  ranked: RankedMember[];
  exempt: Array<{ memberId: string; points: number }>;
}

/** One branch's result for a period: scores, competition ranks and grades; exempt members apart. */
export function rankBranch(
  members: readonly MemberTotals[],
  options: { policy?: readonly GradeBand[]; pointsWeight?: number; caps?: Record<PointCategory, number> } = {},
): BranchResult {
  const scored = members
    .filter((m) => !m.exempt)
    .map((m) => {
      const points = cappedPoints({ mandatory: m.mandatory, optional: m.optional }, options.caps);
      return { memberId: m.memberId, points, appraisal: m.appraisal, score: blendedScore(points, m.appraisal, options.pointsWeight) };
    });
  return {
    ranked: assignGrades(competitionRanks(scored), options.policy),
    exempt: members
      .filter((m) => m.exempt)
      .map((m) => ({ memberId: m.memberId, points: cappedPoints({ mandatory: m.mandatory, optional: m.optional }, options.caps) })),
  };
}
