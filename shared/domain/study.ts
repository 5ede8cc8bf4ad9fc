/**
 * The study vocabulary (理论武装) as plain data, so the mini-program can bundle it: meeting
 * kinds of 三会一课 and what the rules require of each, lesson and push states, and the
 * watch rule of micro-lessons.
 */
export const MEETING_KINDS = ['assembly', 'committee', 'group', 'lecture'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  assembly: '支部党员大会',
  committee: '支委会',
  group: '党小组会',
  lecture: '党课',
};

/**
 * 三会一课 as the rules require it: the assembly and the lecture once a quarter, the
 * committee meeting monthly, and each Party group's meeting monthly.
 */
export const MEETING_REQUIREMENTS: Record<MeetingKind, { every: 'quarter' | 'month'; perGroup: boolean }> = {
  assembly: { every: 'quarter', perGroup: false },
  committee: { every: 'month', perGroup: false },
  group: { every: 'month', perGroup: true },
  lecture: { every: 'quarter', perGroup: false },
};

export const ATTENDANCE_STATUSES = ['present', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_LABELS: Record<AttendanceStatus | 'pending', string> = { present: '已签到', absent: '请假/缺席', pending: '未签到' };

export const LESSON_STATUSES = ['draft', 'published'] as const;
export type LessonStatus = (typeof LESSON_STATUSES)[number];
export const LESSON_STATUS_LABELS: Record<LessonStatus, string> = { draft: '待发布', published: '已发布' };

/** How a micro-lesson's viewing is judged (the server decides, DESIGN §5). */
export const WATCH_RULE = {
  /** Share of the video that must really be watched. */
  completeRatio: 0.8,
  /** WeChat's video player plays at most 2×; anything faster is not watching. */
  maxRate: 2,
  /** Network jitter allowed between two reports, seconds. */
  slackSeconds: 1.5,
  /** The page reports at least this often while playing, seconds of video. */
  reportEverySeconds: 3,
  /** A larger step between two reports is a seek, never credited, seconds of video. */
  maxStepSeconds: 15,
} as const;

/** A sign-in QR for a meeting or activity is valid this long; the screen shows a new one as it expires. */
export const SIGN_IN_TOKEN_SECONDS = 60;

/** Subscribe-message templates a member can accept (WeChat one-time subscriptions). */
export const SUBSCRIBE_TEMPLATES = ['studyPush', 'meeting', 'task'] as const;
export type SubscribeTemplate = (typeof SUBSCRIBE_TEMPLATES)[number];

/** A study note's length bounds and image count. */
export const NOTE_RULE = { minLength: 50, maxLength: 2000, maxImages: 9 } as const;
