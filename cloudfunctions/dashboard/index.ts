/**
 * Cloud function `dashboard`: the secretary's 首页 — the branch's quarter at a glance, each
 * figure read from the collection its own page reads, mostly by counting: tasks, 三会一课
 * against the rules, check-ins, study, projects and open 三单.
 */
import type { ActionInput, ActionOutput } from '../../shared/api/contract';
import { COLLECTIONS } from '../../shared/db/collections';
import { countedDays } from '../../shared/identity/checkins';
import { rate } from '../../shared/domain/rates';
import { chinaDay, chinaQuarter, quarterBounds, quarterMonths, shiftDay } from '../../shared/time/china';
import type { Database } from '../_shared/cloud';
import { asMember, defineFunction, type ActionContext } from '../_shared/define';
import { rectificationDoc } from '../_shared/rectifications';
import { findAll } from '../_shared/repo';
import { meetingReport } from '../meeting/report';
import { projectDoc } from '../project/docs';
import { pushDoc } from '../studyPush/docs';
import { taskDoc } from '../task/docs';

async function count(db: Database, collection: string, filter: Record<string, unknown>): Promise<number> {
  return (await db.collection(collection).where(filter).count()).total ?? 0;
}

async function quarter(input: ActionInput<'dashboard.quarter'>, ctx: ActionContext): Promise<ActionOutput<'dashboard.quarter'>> {
  const { db, member, now } = asMember(ctx);
  const period = input.period ?? chinaQuarter(now);
  const { start, end } = quarterBounds(period);
  const firstDay = `${quarterMonths(period)[0]}-01`;
  const lastDay = shiftDay(chinaDay(end), -1);
  const today = chinaDay(now);
  const _ = db.command;
  const branchId = member.branchId;
  const inQuarter = _.gte(start).and(_.lt(end));

  const [members, tasks, meetings, checkins, lessons, completions, pushes, notes, projects, rectifications] = await Promise.all([
    count(db, COLLECTIONS.members, { branchId }),
    findAll(db, COLLECTIONS.tasks, { branchId, createdAt: inQuarter }, taskDoc),
    meetingReport(db, branchId, period, now),
    count(db, COLLECTIONS.badgeCheckins, { branchId, day: _.gte(firstDay).and(_.lte(lastDay)) }),
    count(db, COLLECTIONS.lessons, { branchId, status: 'published' }),
    count(db, COLLECTIONS.lessonWatches, { branchId, completedAt: _.neq(null) }),
    findAll(db, COLLECTIONS.studyPushes, { branchId, status: 'sent', sendAt: inQuarter }, pushDoc),
    count(db, COLLECTIONS.notes, { branchId, createdAt: inQuarter }),
    findAll(db, COLLECTIONS.projects, { branchId }, projectDoc),
    findAll(db, COLLECTIONS.rectifications, { branchId, state: 'open' }, rectificationDoc),
  ]);

  const assigned = tasks.reduce((s, t) => s + t.targetIds.length, 0);
  const done = tasks.reduce((s, t) => s + t.doneCount, 0);
  const overdueTasks = tasks.filter((t) => t.dueAt.getTime() < now.getTime()).reduce((s, t) => s + Math.max(0, t.targetIds.length - t.doneCount), 0);
  const days = countedDays(firstDay, lastDay, today);
  const pushTargets = pushes.reduce((s, p) => s + p.targetIds.length, 0);
  const pushReads = pushes.reduce((s, p) => s + p.readCount, 0);
  const possibleCheckins = members * days;
  const byStatus = { open: 0, inProgress: 0, done: 0, reviewed: 0 };
  for (const p of projects) byStatus[p.status] += 1;
  const overdueProjects = projects.filter((p) => (p.status === 'open' || p.status === 'inProgress') && p.milestones.some((m) => !m.doneAt && m.dueOn < today)).length;

  return {
    period,
    members,
    tasks: { published: tasks.length, assigned, done, overdue: overdueTasks },
    meetings: { required: meetings.reduce((s, k) => s + k.required, 0), held: meetings.reduce((s, k) => s + Math.min(k.held, k.required), 0), gaps: meetings.flatMap((k) => k.gaps) },
    checkins: { days, count: checkins, possible: possibleCheckins, rate: rate(checkins, possibleCheckins) },
    study: {
      lessons,
      completions,
      completionsPossible: lessons * members,
      completionRate: rate(completions, lessons * members),
      pushes: pushes.length,
      pushReads,
      pushTargets,
      pushReadRate: rate(pushReads, pushTargets),
      notes,
    },
    projects: { byStatus, overdue: overdueProjects },
    rectifications: {
      open: rectifications.length,
      overdueActions: rectifications.reduce((s, r) => s + r.actions.filter((a) => (a.status === 'open' || a.status === 'returned') && a.dueOn < today).length, 0),
    },
  };
}

export const main = defineFunction('dashboard')({ quarter });
