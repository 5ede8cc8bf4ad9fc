/**
 * 三会一课 counting (pure): whether a meeting was held, and a quarter's meetings per kind
 * against what the rules require (MEETING_REQUIREMENTS) — the assembly and the lecture once a
 * quarter, the committee monthly, each Party group monthly — with the gaps as sentences a
 * secretary reads. Only months that have already begun (China time) can have a gap.
 */
import { MEETING_KINDS, MEETING_KIND_LABELS, MEETING_REQUIREMENTS, type MeetingKind } from '../domain/study';

/**
 * A meeting counts as held once its start time has passed and there is evidence of it: the
 * minutes, or at least one member present.
 */
export function isHeld(meeting: { startsAt: Date; hasMinutes: boolean; present: number }, now: Date): boolean {
  return meeting.startsAt.getTime() <= now.getTime() && (meeting.hasMinutes || meeting.present > 0);
}

/** A held meeting as the report needs it: its kind, China month ('2026-11') and group. */
export interface HeldMeeting {
  kind: MeetingKind;
  month: string;
  groupId: string | null;
}

export interface KindReport {
  kind: MeetingKind;
  /** Meetings the rules require this quarter (group meetings: three per group). */
  required: number;
  /** Meetings of this kind actually held this quarter (more than required is fine). */
  held: number;
  gaps: string[];
}

export interface QuarterReportInput {
  /** The quarter's three China months, in order: quarterMonths('2026Q4'). */
  months: readonly string[];
  /** The current China month; later months of the quarter have not begun and have no gaps. */
  currentMonth: string;
  /** The branch's Party groups, in display order. */
  groups: ReadonlyArray<{ id: string; name: string }>;
  /** Held meetings of the quarter (see isHeld). */
  held: readonly HeldMeeting[];
}

/** '2026-11' → '11月'. */
export function monthLabel(month: string): string {
  return `${Number(month.slice(5, 7))}月`;
}

export function quarterReport({ months, currentMonth, groups, held }: QuarterReportInput): KindReport[] {
  const begun = months.filter((m) => m <= currentMonth);
  const has = (kind: MeetingKind, month?: string, groupId?: string) =>
    held.some((h) => h.kind === kind && (month === undefined || h.month === month) && (groupId === undefined || h.groupId === groupId));

  return MEETING_KINDS.map((kind) => {
    const rule = MEETING_REQUIREMENTS[kind];
    const label = MEETING_KIND_LABELS[kind];
    const count = held.filter((h) => h.kind === kind).length;
    const gaps: string[] = [];
    if (rule.every === 'quarter') {
      if (begun.length > 0 && !has(kind)) gaps.push(`本季度 ${label}未召开`);
      return { kind, required: 1, held: count, gaps };
    }
    if (rule.perGroup) {
      for (const month of begun) for (const g of groups) if (!has(kind, month, g.id)) gaps.push(`${monthLabel(month)} ${g.name} ${label}未召开`);
      return { kind, required: months.length * groups.length, held: count, gaps };
    }
    for (const month of begun) if (!has(kind, month)) gaps.push(`${monthLabel(month)} ${label}未召开`);
    return { kind, required: months.length, held: count, gaps };
  });
}
