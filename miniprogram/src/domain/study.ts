/** Study vocabulary for the pages: plain data from shared/domain/study (no zod). */
export {
  ATTENDANCE_LABELS,
  LESSON_STATUS_LABELS,
  MEETING_KINDS,
  MEETING_KIND_LABELS,
  MEETING_REQUIREMENTS,
  NOTE_RULE,
  SIGN_IN_TOKEN_SECONDS,
  SUBSCRIBE_TEMPLATES,
  WATCH_RULE,
  type AttendanceStatus,
  type LessonStatus,
  type MeetingKind,
  type SubscribeTemplate,
} from '../../../shared/domain/study';
