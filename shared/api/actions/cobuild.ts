/** Actions of the `cobuild` function: 党建和创 — co-building agreements with outside organisations and their joint activities. */
import { z } from 'zod';
import { calendarDay, plainText, recordId, storedFile } from '../../domain/text';
import { COBUILD_STATUSES, PARTNER_KINDS } from '../../domain/work';
import { action } from '../action';

export const agreementView = z.object({
  id: z.string(),
  branchName: z.string(),
  partner: z.object({ name: z.string(), kind: z.enum(PARTNER_KINDS), contact: z.string() }),
  terms: z.string(),
  signedOn: z.string().nullable(),
  status: z.enum(COBUILD_STATUSES),
  /** The stored signed file (keep it when editing) and a temporary URL to open it. */
  fileId: z.string().nullable(),
  fileUrl: z.string().nullable(),
  activities: z.array(z.object({ id: z.string(), title: z.string(), on: z.string(), summary: z.string(), participants: z.number().int() })),
});
export type AgreementView = z.infer<typeof agreementView>;

export const cobuildActions = {
  'cobuild.save': action({
    summary: 'The secretary records or edits a co-building agreement: partner, terms, the signed file, status.',
    input: z
      .object({
        agreementId: recordId.optional(),
        partner: z.object({ name: plainText(40, { min: 2 }), kind: z.enum(PARTNER_KINDS), contact: plainText(40) }).strict(),
        terms: plainText(3000, { multiline: true }),
        signedOn: calendarDay.nullable(),
        status: z.enum(COBUILD_STATUSES),
        file: storedFile.nullable(),
      })
      .strict(),
    output: agreementView,
  }),
  'cobuild.list': action({
    summary: "The branch's agreements with their joint activities.",
    input: z.object({}).strict(),
    output: z.object({ items: z.array(agreementView) }),
  }),
  'cobuild.addActivity': action({
    summary: 'A joint activity under an active agreement, with the members who took part (each earns the co-building points once).',
    input: z.object({ agreementId: recordId, title: plainText(40, { min: 2 }), on: calendarDay, summary: plainText(1000, { multiline: true }), participantIds: z.array(recordId).max(500) }).strict(),
    output: agreementView,
  }),
  'cobuild.overview': action({
    summary: "The committee admin's overview of every branch's agreements.",
    input: z.object({}).strict(),
    output: z.object({ items: z.array(agreementView) }),
  }),
} as const;
