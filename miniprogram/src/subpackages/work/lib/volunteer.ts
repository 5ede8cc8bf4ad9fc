/** 志愿服务 helpers (plain functions, no I/O). */
import type { Option } from '@/components/Field';
import type { VolunteerActivityView } from '@/services/api';

/** 0.5 to 24 hours in half hours, as picker options ('0.5' → 0.5 小时). */
export const HALF_HOURS: ReadonlyArray<Option<string>> = Array.from({ length: 48 }, (_, i) => {
  const h = (i + 1) / 2;
  return { value: String(h), label: `${h} 小时` };
});

export type VolunteerRecord = VolunteerActivityView['records'][number];

/** The caller's own record at an activity, if any. */
export function myRecord(a: VolunteerActivityView, memberId: string | null): VolunteerRecord | null {
  if (!memberId) return null;
  return a.records.find((r) => r.member.id === memberId) ?? null;
}

/** Confirmed hours and people at an activity: "已确认 3 人，共 7.5 小时". */
export function confirmedText(a: VolunteerActivityView): string {
  const confirmed = a.records.filter((r) => r.status === 'confirmed');
  const hours = confirmed.reduce((sum, r) => sum + r.hours, 0);
  return `已确认 ${confirmed.length} 人，共 ${hours} 小时`;
}

/** The year in China time (UTC+8). */
export function chinaYear(now = new Date()): number {
  return new Date(now.getTime() + 8 * 3600 * 1000).getUTCFullYear();
}
