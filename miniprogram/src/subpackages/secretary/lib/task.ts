/**
 * 发布任务 helpers (plain functions, no rendering): the draft kept on the device with its
 * requestId, China date + time → ISO +08:00, the checks made before sending, the target in
 * words and the publish input.
 */
import Taro from '@tarojs/taro';
import { newRequestId } from '@/components/Work';
import { TASK_DONE_BY, TASK_KINDS, type TaskDoneBy, type TaskKind } from '@/domain/work';
import { chinaDate } from '@/lib/format';
import type { ActionInput, ActionOutput } from '@/services/api';

export const TASK_DRAFT_KEY = 'tx_task_draft';
export const TASK_TITLE = { min: 2, max: 40 };
export const TASK_DETAIL_MAX = 2000;
const DAY_MS = 24 * 3600 * 1000;

export const TARGET_KINDS = ['branch', 'groups', 'units', 'members'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const TARGET_KIND_LABELS: Record<TargetKind, string> = { branch: '全支部', groups: '党小组', units: '岗区队', members: '指定党员' };

export interface TaskDraft {
  kind: TaskKind;
  title: string;
  detail: string;
  /** China calendar day and HH:mm of the due time. */
  date: string;
  time: string;
  doneBy: TaskDoneBy;
  target: TargetKind;
  groupIds: string[];
  unitIds: string[];
  memberIds: string[];
  /** Made once per draft: a retried publish is the same task on the server. */
  requestId: string;
}

/** A China-time day and HH:mm as an ISO instant with the +08:00 offset. */
export function chinaInstant(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

export function emptyTaskDraft(now = Date.now()): TaskDraft {
  return {
    kind: 'study',
    title: '',
    detail: '',
    date: chinaDate(new Date(now + 7 * DAY_MS).toISOString()),
    time: '18:00',
    doneBy: 'read',
    target: 'branch',
    groupIds: [],
    unitIds: [],
    memberIds: [],
    requestId: newRequestId('task'),
  };
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const oneOf = <T extends string>(values: readonly T[], v: unknown, fallback: T): T => (values.includes(v as T) ? (v as T) : fallback);

export function readTaskDraft(): TaskDraft {
  const fresh = emptyTaskDraft();
  try {
    const raw = Taro.getStorageSync(TASK_DRAFT_KEY) as Partial<TaskDraft> | '';
    if (raw && typeof raw === 'object' && typeof raw.requestId === 'string' && raw.requestId) {
      return {
        kind: oneOf(TASK_KINDS, raw.kind, fresh.kind),
        title: typeof raw.title === 'string' ? raw.title : '',
        detail: typeof raw.detail === 'string' ? raw.detail : '',
        date: typeof raw.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.date) ? raw.date : fresh.date,
        time: typeof raw.time === 'string' && /^\d{2}:\d{2}$/.test(raw.time) ? raw.time : fresh.time,
        doneBy: oneOf(TASK_DONE_BY, raw.doneBy, fresh.doneBy),
        target: oneOf(TARGET_KINDS, raw.target, fresh.target),
        groupIds: strings(raw.groupIds),
        unitIds: strings(raw.unitIds),
        memberIds: strings(raw.memberIds),
        requestId: raw.requestId,
      };
    }
  } catch {
    // unreadable storage: a new draft
  }
  return fresh;
}

export function writeTaskDraft(draft: TaskDraft | null): void {
  try {
    if (draft) Taro.setStorageSync(TASK_DRAFT_KEY, draft);
    else Taro.removeStorageSync(TASK_DRAFT_KEY);
  } catch {
    // storage full: the draft lives on in the form for this session
  }
}

/** The ids chosen for the draft's target kind (empty for the whole branch). */
export function targetIds(d: TaskDraft): string[] {
  if (d.target === 'groups') return d.groupIds;
  if (d.target === 'units') return d.unitIds;
  if (d.target === 'members') return d.memberIds;
  return [];
}

export function publishTarget(d: TaskDraft): ActionInput<'task.publish'>['target'] {
  if (d.target === 'branch') return { kind: 'branch' };
  return { kind: d.target, ids: targetIds(d) };
}

export function publishInput(d: TaskDraft): ActionInput<'task.publish'> {
  return {
    requestId: d.requestId,
    kind: d.kind,
    title: d.title.trim(),
    detail: d.detail.trim(),
    dueAt: chinaInstant(d.date, d.time),
    doneBy: d.doneBy,
    target: publishTarget(d),
  };
}

export type TaskErrors = Partial<Record<'title' | 'detail' | 'dueAt' | 'target', string>>;

/** What is wrong with the form before it goes to the server (the server checks again). */
export function taskProblems(d: TaskDraft, now = Date.now()): TaskErrors {
  const e: TaskErrors = {};
  const title = Array.from(d.title.trim()).length;
  if (title < TASK_TITLE.min) e.title = `请填写任务标题（至少 ${TASK_TITLE.min} 个字）`;
  else if (title > TASK_TITLE.max) e.title = `任务标题不能超过 ${TASK_TITLE.max} 个字`;
  if (!d.detail.trim()) e.detail = '请填写任务内容';
  else if (Array.from(d.detail.trim()).length > TASK_DETAIL_MAX) e.detail = `任务内容不能超过 ${TASK_DETAIL_MAX} 个字`;
  const due = Date.parse(chinaInstant(d.date, d.time));
  if (Number.isNaN(due)) e.dueAt = '请选择截止日期和时间';
  else if (due <= now) e.dueAt = '截止时间须晚于现在';
  if (d.target !== 'branch' && targetIds(d).length === 0) e.target = `请选择${TARGET_KIND_LABELS[d.target]}，或改为全支部`;
  return e;
}

/** The target in words for the confirmation: "全支部", "第一党小组、第二党小组", "指定党员 3 人：…". */
export function targetText(d: TaskDraft, pyramid: ActionOutput<'org.pyramid'> | null, people: ReadonlyArray<{ id: string; name: string }>): string {
  if (d.target === 'branch') return '全支部';
  const named = (list: ReadonlyArray<{ id: string; name: string }>, ids: readonly string[]) => ids.map((id) => list.find((x) => x.id === id)?.name ?? id);
  if (d.target === 'groups') return named(pyramid?.groups ?? [], d.groupIds).join('、');
  if (d.target === 'units') return named(pyramid?.units ?? [], d.unitIds).join('、');
  return `指定党员 ${d.memberIds.length} 人：${named(people, d.memberIds).join('、')}`;
}
