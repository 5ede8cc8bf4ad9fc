/** Actions of the `project` function: 攻坚项目 — tackling projects led in rotation, tracked to a closed loop. */
import { z } from 'zod';
import { calendarDay, plainText, recordId, requestId, storedFile } from '../../domain/text';
import { PROJECT_KINDS, PROJECT_STATUSES } from '../../domain/work';
import { action } from '../action';

const person = z.object({ id: z.string(), name: z.string() });

export const projectView = z.object({
  id: z.string(),
  kind: z.enum(PROJECT_KINDS),
  title: z.string(),
  goal: z.string(),
  branchName: z.string(),
  lead: person,
  /** Why the secretary chose another lead than the rotation proposed (null: the rotation's). */
  overrideReason: z.string().nullable(),
  groups: z.array(person),
  units: z.array(person),
  milestones: z.array(z.object({ id: z.string(), title: z.string(), owner: person, dueOn: z.string(), doneAt: z.string().nullable(), overdue: z.boolean() })),
  updates: z.array(z.object({ id: z.string(), text: z.string(), photoUrls: z.array(z.string()), by: z.string(), at: z.string() })),
  status: z.enum(PROJECT_STATUSES),
  overdue: z.boolean(),
  history: z.array(z.object({ status: z.enum(PROJECT_STATUSES), note: z.string(), by: z.string(), at: z.string() })),
  createdAt: z.string(),
});
export type ProjectView = z.infer<typeof projectView>;

const milestoneInput = z.object({ title: plainText(40, { min: 2 }), ownerId: recordId, dueOn: calendarDay }).strict();

export const projectActions = {
  'project.proposeLead': action({
    summary: 'The next lead in rotation among the current committee (after the lead of the latest project), and the order.',
    input: z.object({}).strict(),
    output: z.object({ proposed: person.nullable(), order: z.array(person) }),
  }),
  'project.create': action({
    summary: 'The secretary starts a project: kind, goal, the lead (the rotation\'s proposal, or another with a reason), team, milestones.',
    input: z
      .object({
        requestId,
        kind: z.enum(PROJECT_KINDS),
        title: plainText(40, { min: 2 }),
        goal: plainText(500, { multiline: true }),
        leadId: recordId,
        overrideReason: plainText(100).nullable(),
        groupIds: z.array(recordId).max(20),
        unitIds: z.array(recordId).max(20),
        milestones: z.array(milestoneInput).min(1).max(20),
      })
      .strict(),
    output: projectView,
  }),
  'project.list': action({
    summary: "The branch's project board, by status, with overdue flags.",
    input: z.object({}).strict(),
    output: z.object({ items: z.array(projectView) }),
  }),
  'project.get': action({
    summary: 'One project of the branch with milestones, updates and its status history.',
    input: z.object({ projectId: recordId }).strict(),
    output: projectView,
  }),
  'project.setStatus': action({
    summary: 'The secretary moves a project one step along open → in progress → done → reviewed (reviewed only after done); audited.',
    input: z.object({ projectId: recordId, status: z.enum(PROJECT_STATUSES), note: plainText(200, { multiline: true }).or(z.literal('')) }).strict(),
    output: projectView,
  }),
  'project.completeMilestone': action({
    summary: "The milestone's owner, the lead or the secretary marks it done; the owner earns the milestone points once.",
    input: z.object({ projectId: recordId, milestoneId: recordId }).strict(),
    output: projectView,
  }),
  'project.addUpdate': action({
    summary: 'A progress update with photos by the team (lead, milestone owners, the secretary); a retried update is one.',
    input: z.object({ projectId: recordId, requestId, text: plainText(1000, { min: 4, multiline: true }), photos: z.array(storedFile).max(9) }).strict(),
    output: projectView,
  }),
  'project.overview': action({
    summary: "The committee admin's board of every branch's projects, by status and overdue.",
    input: z.object({}).strict(),
    output: z.object({ items: z.array(projectView) }),
  }),
} as const;
