/** Actions of the `dashboard` function: the secretary's 首页 — this quarter at a glance. */
import { z } from 'zod';
import { PROJECT_STATUSES } from '../../domain/work';
import { action } from '../action';

const period = z.string().regex(/^\d{4}Q[1-4]$/, '季度格式应为 2026Q4');

export const dashboardActions = {
  'dashboard.quarter': action({
    summary: "The branch's quarter at a glance for the secretary: tasks, 三会一课, check-ins, study, projects, open 三单.",
    input: z.object({ period: period.optional() }).strict(),
    output: z.object({
      period: z.string(),
      members: z.number().int(),
      tasks: z.object({ published: z.number().int(), assigned: z.number().int(), done: z.number().int(), overdue: z.number().int() }),
      meetings: z.object({ required: z.number().int(), held: z.number().int(), gaps: z.array(z.string()) }),
      // Each rate comes with the counts it is made of (domain/rates.ts): pages show both.
      checkins: z.object({ days: z.number().int(), count: z.number().int(), possible: z.number().int(), rate: z.number() }),
      study: z.object({ lessons: z.number().int(), completions: z.number().int(), completionsPossible: z.number().int(), completionRate: z.number(), pushes: z.number().int(), pushReads: z.number().int(), pushTargets: z.number().int(), pushReadRate: z.number(), notes: z.number().int() }),
      projects: z.object({ byStatus: z.object({ open: z.number().int(), inProgress: z.number().int(), done: z.number().int(), reviewed: z.number().int() }) satisfies z.ZodType<Record<(typeof PROJECT_STATUSES)[number], number>>, overdue: z.number().int() }),
      rectifications: z.object({ open: z.number().int(), overdueActions: z.number().int() }),
    }),
  }),
} as const;
