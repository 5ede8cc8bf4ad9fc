/** 民主评议: each member rates every other member; a rating becomes a score, a member's result the average. */
export const APPRAISAL_RATINGS = ['excellent', 'pass', 'basic', 'fail'] as const;
export type AppraisalRating = (typeof APPRAISAL_RATINGS)[number];

export const APPRAISAL_RATING_LABELS: Record<AppraisalRating, string> = { excellent: '优秀', pass: '合格', basic: '基本合格', fail: '不合格' };
export const APPRAISAL_SCORES: Record<AppraisalRating, number> = { excellent: 100, pass: 80, basic: 60, fail: 0 };

/** Running sums per rated member: ballots are added to it and never stored one by one (anonymity). */
export type Tally = Record<string, { sum: number; n: number }>;

/** Adds one ballot to a tally (pure). */
export function addBallot(tally: Tally, ratings: Record<string, AppraisalRating>): Tally {
  const next: Tally = { ...tally };
  for (const [memberId, rating] of Object.entries(ratings)) {
    const current = next[memberId] ?? { sum: 0, n: 0 };
    next[memberId] = { sum: current.sum + APPRAISAL_SCORES[rating], n: current.n + 1 };
  }
  return next;
}

/** Average score per member (two decimals); members nobody rated are absent. */
export function tallyResults(tally: Tally): Record<string, number> {
  return Object.fromEntries(Object.entries(tally).filter(([, t]) => t.n > 0).map(([id, t]) => [id, Math.round((t.sum / t.n) * 100) / 100]));
}
