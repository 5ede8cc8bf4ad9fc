/**
 * The identity vocabulary (身份意识) as plain data, so the mini-program can bundle it: the
 * oath, pledge parts and review ratings, and what a themed activity is.
 */

/** 中国共产党入党誓词 (Party Constitution, Article 6). */
export const OATH_TEXT =
  '我志愿加入中国共产党，拥护党的纲领，遵守党的章程，履行党员义务，执行党的决定，严守党的纪律，保守党的秘密，对党忠诚，积极工作，为共产主义奋斗终身，随时准备为党和人民牺牲一切，永不叛党。';

/** The three parts of a pledge (承诺书). */
export const PLEDGE_PARTS = ['business', 'targets', 'post'] as const;
export type PledgePart = (typeof PLEDGE_PARTS)[number];
export const PLEDGE_PART_LABELS: Record<PledgePart, string> = {
  business: '业务发展承诺',
  targets: '目标任务承诺',
  post: '岗位履职承诺',
};

/** Quarterly review of fulfilment (践诺评议) and the share of the rule's points each earns. */
export const REVIEW_RATINGS = ['excellent', 'good', 'fair', 'poor'] as const;
export type ReviewRating = (typeof REVIEW_RATINGS)[number];
export const REVIEW_RATING_LABELS: Record<ReviewRating, string> = { excellent: '优', good: '良', fair: '中', poor: '差' };
export const REVIEW_POINT_SHARE: Record<ReviewRating, number> = { excellent: 1, good: 0.8, fair: 0.6, poor: 0 };

export const PLEDGE_RULE = { maxItemsPerPart: 5, itemMax: 100, measureMax: 60 } as const;

/** How many days back a member's check-in calendar and streak look. */
export const CHECKIN_HISTORY_DAYS = 400;
