/** 攻坚项目 helpers for the board and the project page (plain functions, no I/O). */
import { NEXT_PROJECT_STATUS, PROJECT_STATUSES, PROJECT_STATUS_LABELS, type ProjectStatus } from '@/domain/work';
import type { ActionOutput, ProjectView } from '@/services/api';

/** Milestones done of all: { done: 1, total: 3 }. */
export function milestoneProgress(p: Pick<ProjectView, 'milestones'>): { done: number; total: number } {
  return { done: p.milestones.filter((m) => m.doneAt !== null).length, total: p.milestones.length };
}

/** The board's columns: every status in order, with its projects (empty ones too). */
export function projectsByStatus(items: readonly ProjectView[]): Array<{ status: ProjectStatus; label: string; items: ProjectView[] }> {
  return PROJECT_STATUSES.map((status) => ({ status, label: PROJECT_STATUS_LABELS[status], items: items.filter((p) => p.status === status) }));
}

/** What the secretary's button does from a status: the one next step, or null at the end of the loop. */
export function nextStep(status: ProjectStatus): { status: ProjectStatus; label: string; action: string } | null {
  const next = NEXT_PROJECT_STATUS[status];
  if (!next) return null;
  const action = next === 'inProgress' ? '开始推进' : next === 'done' ? '标记完成' : '验收';
  return { status: next, label: PROJECT_STATUS_LABELS[next], action };
}

type Viewer = Pick<ActionOutput<'org.me'>, 'memberId' | 'roles'>;

/** The milestone's owner, the project's lead or the secretary may mark it done (the server decides). */
export function canCompleteMilestone(me: Viewer | null, project: ProjectView, ownerId: string): boolean {
  if (!me) return false;
  return me.roles.includes('secretary') || me.memberId === project.lead.id || me.memberId === ownerId;
}

/** The team that posts updates: the lead, milestone owners and the secretary. */
export function canPostUpdate(me: Viewer | null, project: ProjectView): boolean {
  if (!me) return false;
  return me.roles.includes('secretary') || me.memberId === project.lead.id || project.milestones.some((m) => m.owner.id === me.memberId);
}

/** One progress update being written, kept on the device until the server confirms it. */
export interface UpdateDraft {
  text: string;
  /** fileIDs already uploaded to projects/<projectId>/… */
  photos: string[];
  /** Made once per draft: a retried update is one update on the server. */
  requestId: string;
}

export const updateDraftKey = (projectId: string) => `tx_project_update_${projectId}`;
export const MAX_UPDATE_PHOTOS = 9;
export const MIN_UPDATE_TEXT = 4;
