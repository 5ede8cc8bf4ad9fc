/**
 * Points rules (DESIGN §5). A rule is versioned: a new version applies from its
 * effective day and never re-scores history (each ledger entry keeps the version it used).
 */
export const POINT_CATEGORIES = ['mandatory', 'optional'] as const;
export type PointCategory = (typeof POINT_CATEGORIES)[number];

export const RULE_CODES = [
  'meetingAttended',
  'lessonCompleted',
  'studyPushRead',
  'badgeCheckin',
  'pledgeSigned',
  'pledgeReviewed',
  'taskDone',
  'themedActivity',
  'noteWritten',
  'noteFeatured',
  'volunteerHour',
  'projectMilestone',
  'lessonGiven',
  'cobuildActivity',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export interface Rule {
  code: RuleCode;
  /** 规定动作 or 自选动作. */
  category: PointCategory;
  /** Points per occurrence (per hour for volunteering: the source gives the quantity). */
  points: number;
  /** At most this many points from this rule per China day. */
  dailyCap?: number;
  /** At most this many points from this rule per quarter. */
  periodCap?: number;
  /** For watched content: the share that must really be watched (0–1). */
  minWatchedRatio?: number;
  version: number;
  /** China day from which this version applies. */
  effectiveFrom: string;
}

export const RULE_LABELS: Record<RuleCode, string> = {
  meetingAttended: '参加三会一课',
  lessonCompleted: '学完微型党课',
  studyPushRead: '阅读学习要点',
  badgeCheckin: '佩戴党徽打卡',
  pledgeSigned: '签订承诺书',
  pledgeReviewed: '践诺评议',
  taskDone: '完成支部任务',
  themedActivity: '参加主题党日',
  noteWritten: '发表学习心得',
  noteFeatured: '心得被评为优秀',
  volunteerHour: '志愿服务（每小时）',
  projectMilestone: '攻坚项目节点',
  lessonGiven: '讲授微型党课',
  cobuildActivity: '党建和创活动',
};

/** The category caps of the default quarterly scheme: the score counts at most this much of each. */
export const CATEGORY_CAPS: Record<PointCategory, number> = { mandatory: 70, optional: 30 };

const SCHEME_START = '2020-01-01';
const rule = (code: RuleCode, category: PointCategory, points: number, caps: Partial<Pick<Rule, 'dailyCap' | 'periodCap' | 'minWatchedRatio'>> = {}): Rule => ({
  code,
  category,
  points,
  ...caps,
  version: 1,
  effectiveFrom: SCHEME_START,
});

/** The default quarterly scheme (mandatory cap 70, optional cap 30). */
export const DEFAULT_RULES: readonly Rule[] = [
  rule('meetingAttended', 'mandatory', 3, { periodCap: 12 }),
  rule('lessonCompleted', 'mandatory', 2, { periodCap: 10, minWatchedRatio: 0.8 }),
  rule('studyPushRead', 'mandatory', 1, { periodCap: 10 }),
  rule('badgeCheckin', 'mandatory', 0.5, { dailyCap: 0.5 }),
  // Once a year: the pledge of the year is the source, so idempotency gives one award a year.
  rule('pledgeSigned', 'mandatory', 5),
  rule('pledgeReviewed', 'mandatory', 5),
  rule('taskDone', 'mandatory', 2, { periodCap: 10 }),
  rule('themedActivity', 'mandatory', 3, { periodCap: 9 }),
  rule('noteWritten', 'optional', 2, { periodCap: 8 }),
  rule('noteFeatured', 'optional', 3, { periodCap: 6 }),
  rule('volunteerHour', 'optional', 1, { periodCap: 10 }),
  rule('projectMilestone', 'optional', 3, { periodCap: 9 }),
  rule('lessonGiven', 'optional', 5, { periodCap: 10 }),
  rule('cobuildActivity', 'optional', 3, { periodCap: 6 }),
];

/** The version of a rule in force on a China day: the latest whose effective day has come. */
export function ruleInForce(rules: readonly Rule[], code: RuleCode, day: string): Rule | null {
  let best: Rule | null = null;
  for (const r of rules) {
    if (r.code !== code || r.effectiveFrom > day) continue;
    if (!best || r.effectiveFrom > best.effectiveFrom || (r.effectiveFrom === best.effectiveFrom && r.version > best.version)) best = r;
  }
  return best;
}
