/** Actions of the `pledge` function: 承诺践诺 — the yearly pledge, signed by hand, fulfilled and reviewed. */
import { z } from 'zod';
import { plainText, recordId, requestId, storedFile } from '../../domain/text';
import { PLEDGE_PARTS, PLEDGE_RULE, REVIEW_RATINGS } from '../../domain/identity';
import { action } from '../action';

const period = z.string().regex(/^\d{4}Q[1-4]$/, '季度格式应为 2026Q4');
const year = z.number().int().min(2020).max(2100);

const itemInput = z.object({ text: plainText(PLEDGE_RULE.itemMax, { min: 4 }), measure: plainText(PLEDGE_RULE.measureMax, { min: 2 }) }).strict();
const itemView = z.object({ id: z.string(), text: z.string(), measure: z.string() });

export const pledgeView = z.object({
  id: z.string(),
  year: z.number().int(),
  member: z.object({ id: z.string(), name: z.string(), group: z.string().nullable() }),
  parts: z.object({ business: z.array(itemView), targets: z.array(itemView), post: z.array(itemView) }),
  status: z.enum(['draft', 'signed']),
  signedAt: z.string().nullable(),
  signatureUrl: z.string().nullable(),
  fulfilments: z.array(z.object({ id: z.string(), itemId: z.string().nullable(), text: z.string(), photoUrls: z.array(z.string()), at: z.string() })),
  reviews: z.array(z.object({ period: z.string(), rating: z.enum(REVIEW_RATINGS), comment: z.string(), by: z.string(), at: z.string() })),
});
export type PledgeView = z.infer<typeof pledgeView>;

export const pledgeActions = {
  'pledge.mine': action({
    summary: "The caller's pledge of a year (default this year), or null before they start one.",
    input: z.object({ year: year.optional() }).strict(),
    output: z.object({ year: z.number().int(), pledge: pledgeView.nullable() }),
  }),
  'pledge.save': action({
    summary: "Save the caller's draft pledge of this year (the three parts); a signed pledge can no longer change.",
    input: z
      .object({
        business: z.array(itemInput).max(PLEDGE_RULE.maxItemsPerPart),
        targets: z.array(itemInput).max(PLEDGE_RULE.maxItemsPerPart),
        post: z.array(itemInput).max(PLEDGE_RULE.maxItemsPerPart),
      })
      .strict(),
    output: pledgeView,
  }),
  'pledge.sign': action({
    summary: 'Sign the draft with a handwritten signature image: all three parts must have items; points once a year.',
    input: z.object({ signature: storedFile }).strict(),
    output: pledgeView,
  }),
  'pledge.board': action({
    summary: "The branch's public pledge board (公开栏): every signed pledge of the year.",
    input: z.object({ year: year.optional() }).strict(),
    output: z.object({ year: z.number().int(), items: z.array(pledgeView) }),
  }),
  'pledge.get': action({
    summary: 'One pledge of the branch, with its fulfilment updates and reviews.',
    input: z.object({ pledgeId: recordId }).strict(),
    output: pledgeView,
  }),
  'pledge.addFulfilment': action({
    summary: 'The member adds a fulfilment update (践诺) to their signed pledge, with photos; a retried update counts once.',
    input: z
      .object({ requestId, itemId: recordId.nullable(), text: plainText(500, { min: 10, multiline: true }), photos: z.array(storedFile).max(9) })
      .strict(),
    output: pledgeView,
  }),
  'pledge.review': action({
    summary: "The committee member of the member's duty area rates a quarter's fulfilment (优/良/中/差); points through the engine; once per quarter.",
    input: z.object({ pledgeId: recordId, period, rating: z.enum(REVIEW_RATINGS), comment: plainText(200, { multiline: true }) }).strict(),
    output: pledgeView,
  }),
  'pledge.reviewQueue': action({
    summary: "The signed pledges the caller reviews (their duty area; the secretary: groups without a liaison), with this quarter's review if done.",
    input: z.object({ period: period.optional() }).strict(),
    output: z.object({ period: z.string(), items: z.array(pledgeView.extend({ reviewed: z.boolean(), updatesThisQuarter: z.number().int() })) }),
  }),
  'pledge.status': action({
    summary: 'Who has not pledged this year and who has no fulfilment update this quarter (secretary).',
    input: z.object({ period: period.optional() }).strict(),
    output: z.object({
      period: z.string(),
      members: z.number().int(),
      signed: z.number().int(),
      notPledged: z.array(z.object({ id: z.string(), name: z.string(), group: z.string().nullable(), draft: z.boolean() })),
      noUpdate: z.array(z.object({ id: z.string(), name: z.string(), group: z.string().nullable() })),
    }),
  }),
} as const;
