/**
 * When a planned thing may be (a meeting, a themed activity, a volunteer activity, a task's
 * due time): within a year either side of now. A meeting "in year 9999" or "in 1990" is a
 * typing mistake or an attack on the quarter reports, never a plan.
 */
import { AppError } from '../../shared/api/errors';

export const PLANNING_WINDOW_DAYS = 366;

export function requirePlannedWithin(at: Date, now: Date, field: string): void {
  const window = PLANNING_WINDOW_DAYS * 86_400_000;
  if (Math.abs(at.getTime() - now.getTime()) <= window) return;
  const message = at.getTime() > now.getTime() ? '时间太远，最多安排一年以内的' : '时间太早，最多补记一年以内的';
  throw new AppError('INVALID_INPUT', message, { [field]: message });
}
