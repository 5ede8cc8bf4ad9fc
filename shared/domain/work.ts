/**
 * The vocabulary of the branch's work (tasks and the N integrations) as plain data, so the
 * mini-program can bundle it: task kinds and what counts as done, project kinds and states.
 */
export const TASK_KINDS = ['study', 'activity', 'project', 'other'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_KIND_LABELS: Record<TaskKind, string> = { study: '学习', activity: '活动', project: '项目', other: '其他' };

/** What counts as done: read it, submit a note, upload a photo, or confirm. */
export const TASK_DONE_BY = ['read', 'note', 'photo', 'confirm'] as const;
export type TaskDoneBy = (typeof TASK_DONE_BY)[number];
export const TASK_DONE_BY_LABELS: Record<TaskDoneBy, string> = { read: '阅读即完成', note: '提交学习心得', photo: '上传照片', confirm: '确认完成' };

export const TASK_STATES = ['done', 'open', 'overdue'] as const;
export type TaskState = (typeof TASK_STATES)[number];
export const TASK_STATE_LABELS: Record<TaskState, string> = { done: '已完成', open: '未完成', overdue: '已逾期' };

export const PROJECT_KINDS = ['secretary', 'social', 'business', 'cobuild', 'other'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];
export const PROJECT_KIND_LABELS: Record<ProjectKind, string> = { secretary: '书记工程', social: '社会责任', business: '业务发展', cobuild: '党建和创', other: '其他' };

/** The closed loop: open → in progress → done → reviewed. */
export const PROJECT_STATUSES = ['open', 'inProgress', 'done', 'reviewed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = { open: '已立项', inProgress: '推进中', done: '已完成', reviewed: '已验收' };
/** The one next status each status may move to. */
export const NEXT_PROJECT_STATUS: Record<ProjectStatus, ProjectStatus | null> = { open: 'inProgress', inProgress: 'done', done: 'reviewed', reviewed: null };

/** A task reminder goes out at most this often per task. */
export const TASK_REMINDER_EVERY_HOURS = 24;

export const COBUILD_STATUSES = ['negotiating', 'active', 'ended'] as const;
export type CobuildStatus = (typeof COBUILD_STATUSES)[number];
export const COBUILD_STATUS_LABELS: Record<CobuildStatus, string> = { negotiating: '洽谈中', active: '共建中', ended: '已结束' };

export const PARTNER_KINDS = ['enterprise', 'bank', 'government', 'community', 'school', 'other'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export const PARTNER_KIND_LABELS: Record<PartnerKind, string> = { enterprise: '企业党组织', bank: '金融机构', government: '机关单位', community: '社区', school: '学校', other: '其他' };

export const VOLUNTEER_RECORD_STATUSES = ['claimed', 'confirmed', 'rejected'] as const;
export type VolunteerRecordStatus = (typeof VOLUNTEER_RECORD_STATUSES)[number];
export const VOLUNTEER_RECORD_LABELS: Record<VolunteerRecordStatus, string> = { claimed: '待确认', confirmed: '已确认', rejected: '未确认' };
