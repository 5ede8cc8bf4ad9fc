/** Identity vocabulary for the pages: plain data from shared/domain/identity (no zod). */
export {
  CHECKIN_HISTORY_DAYS,
  OATH_TEXT,
  PLEDGE_PARTS,
  PLEDGE_PART_LABELS,
  PLEDGE_RULE,
  REVIEW_RATINGS,
  REVIEW_RATING_LABELS,
  type PledgePart,
  type ReviewRating,
} from '../../../shared/domain/identity';
