/** Stored shapes of the `project` function. */
import { z } from 'zod';
import { PROJECT_KINDS, PROJECT_STATUSES } from '../../shared/domain/work';

export const projectDoc = z.object({
  _id: z.string(),
  committeeId: z.string(),
  branchId: z.string(),
  branchName: z.string(),
  kind: z.enum(PROJECT_KINDS),
  title: z.string(),
  goal: z.string(),
  leadId: z.string(),
  leadName: z.string(),
  /** Who the rotation proposed; equal to the lead unless the secretary overrode it. */
  proposedLeadId: z.string().nullable(),
  overrideReason: z.string().nullable(),
  groupIds: z.array(z.string()),
  unitIds: z.array(z.string()),
  milestones: z.array(z.object({ id: z.string(), title: z.string(), ownerId: z.string(), ownerName: z.string(), dueOn: z.string(), doneAt: z.date().nullable() })),
  status: z.enum(PROJECT_STATUSES),
  history: z.array(z.object({ status: z.enum(PROJECT_STATUSES), note: z.string(), by: z.string(), at: z.date() })),
  createdAt: z.date(),
});
export type ProjectDoc = z.infer<typeof projectDoc>;

export const updateDoc = z.object({ _id: z.string(), projectId: z.string(), branchId: z.string(), text: z.string(), photos: z.array(z.string()), by: z.string(), at: z.date() });
export type UpdateDoc = z.infer<typeof updateDoc>;
