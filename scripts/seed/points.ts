/**
 * Demo points for the current quarter, awarded through the real engine (so totals, caps and
 * the ledger agree): meetings, study pushes, badge check-ins, tasks and notes, different for
 * each member so rankings and grades have something to show.
 */
import { COLLECTIONS } from '../../shared/db/collections';
import type { MemberDoc } from '../../shared/domain/org';
import { DEFAULT_RULES, RULE_LABELS, type RuleCode } from '../../shared/points/rules';
import { chinaQuarter, startOfChinaDay, chinaDay } from '../../shared/time/china';
import type { Database } from '../../cloudfunctions/_shared/cloud';
import { award } from '../../cloudfunctions/_shared/points/engine';
import { adminApp } from './load';

const PLAN: Array<{ rule: RuleCode; times: (i: number) => number }> = [
  { rule: 'meetingAttended', times: (i) => 1 + (i % 4) },
  { rule: 'studyPushRead', times: (i) => (i * 3) % 9 },
  { rule: 'badgeCheckin', times: (i) => (i * 7) % 20 },
  { rule: 'taskDone', times: (i) => i % 5 },
  { rule: 'noteWritten', times: (i) => (i % 3 === 0 ? 2 : 0) },
  { rule: 'volunteerHour', times: (i) => (i % 4 === 1 ? 3 : 0) },
];

/** Demo points for the current quarter so far and the whole previous quarter (ready to close and publish). */
export async function seedDemoPoints(adminUrl: string, members: readonly MemberDoc[], checkinPhoto: string, now = new Date()): Promise<number> {
  const previousEnd = new Date(startOfQuarter(chinaQuarter(now)).getTime() - 1);
  return (await seedQuarter(adminUrl, members, previousEnd, 3, checkinPhoto)) + (await seedQuarter(adminUrl, members, now, 0, checkinPhoto));
}

function startOfQuarter(period: string): Date {
  const [year, quarter] = period.split('Q').map(Number);
  return startOfChinaDay(`${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`);
}

/** Awards spread over the quarter of `now` up to `now`; `offset` varies who earns what between quarters. */
async function seedQuarter(adminUrl: string, members: readonly MemberDoc[], now: Date, offset: number, checkinPhoto: string): Promise<number> {
  const db = adminApp(adminUrl).database() as unknown as Database;
  const period = chinaQuarter(now);
  const first = startOfQuarter(period).getTime();
  const span = Math.max(1, now.getTime() - first);
  let count = 0;
  for (const [index, member] of members.entries()) {
    const i = index + offset;
    if (!member.branchId) continue;
    for (const { rule, times } of PLAN) {
      for (let k = 0; k < times(i); k++) {
        // Spread over the quarter so far; check-ins one a day going back from yesterday, so
        // today's is left for the member to do.
        const at = rule === 'badgeCheckin' ? new Date(now.getTime() - (k + 1) * 86_400_000) : new Date(first + ((k + 1) * span) / (times(i) + 1));
        if (chinaQuarter(at) !== period) continue;
        if (rule === 'badgeCheckin') {
          // A real check-in: its document (calendar, streak, wall) and the award the function would make.
          const day = chinaDay(at);
          await db.collection(COLLECTIONS.badgeCheckins).doc(`${member._id}:${day}`).set({ committeeId: member.committeeId, branchId: member.branchId, memberId: member._id, memberName: member.name, groupId: member.groupId, day, at, photo: checkinPhoto, location: null });
          await award(db, DEFAULT_RULES, { member, rule, source: `checkin:${day}`, label: `${day} 佩戴党徽打卡（示例数据）`, at });
        } else {
          await award(db, DEFAULT_RULES, { member, rule, source: `demo:${rule}:${chinaDay(at)}:${k}`, label: `${RULE_LABELS[rule]}（示例数据）`, at });
        }
        count += 1;
      }
    }
  }
  return count;
}

export const DEMO_POINT_COLLECTIONS = [COLLECTIONS.ledger, COLLECTIONS.totals];
