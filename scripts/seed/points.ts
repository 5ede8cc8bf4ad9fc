/**
 * Demo points, awarded through the real engine (so totals, caps and the ledger agree), with a
 * badge check-in document beside each check-in award as the check-in function writes it.
 *
 * The previous quarter is a finished branch quarter (profiles.ts): most members at most
 * meetings, most study pushes read, check-ins on most working days, lessons, tasks and 主题党日;
 * a few keen ones with notes, volunteer hours, project milestones and co-building besides; a
 * weak one or two; the exempt doing what they can. Its 民主评议 is appraisal.ts. The current
 * quarter so far gets a lighter, evenly varied share, so mid-quarter totals are lower.
 */
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { COLLECTIONS } from '../../shared/db/collections';
import type { MemberDoc } from '../../shared/domain/org';
import { RULE_LABELS, type RuleCode } from '../../shared/points/rules';
import { chinaQuarter, chinaDay, quarterBounds, shiftQuarter } from '../../shared/time/china';
import type { Database } from '../../cloudfunctions/_shared/cloud';
import type { AwardRequest } from '../../cloudfunctions/_shared/points/engine';
import { awardPlans, type MemberPlan } from './award-plans';
import { type AdminApp } from './load';
import { between, profileOf, seeded, type Profile } from './profiles';
import { ROOT } from '../lib';

/** One award to make, and for a check-in the day of its document. */
interface Planned {
  request: AwardRequest;
  checkinDay?: string;
}

/** Demo points for the current quarter so far and the whole previous quarter (ready to close and publish). */
export async function seedDemoPoints(admin: string | AdminApp, members: readonly MemberDoc[], checkinPhoto: string, now = new Date()): Promise<number> {
  // The index of a member in the list varies the current quarter's share.
  const plans = [...members.entries()].flatMap(([index, member]): MemberPlan[] => {
    if (!member.branchId) return [];
    const placed = { ...member, branchId: member.branchId };
    const plan = [...previousQuarter(placed, now), ...currentQuarter(placed, index, now)];
    // Real check-ins: their documents (calendar, streak, wall) as the check-in function writes
    // them, and the award the function makes for each.
    const checkins = plan.flatMap(({ request, checkinDay }) => (checkinDay ? [{ _id: `${member._id}:${checkinDay}`, committeeId: member.committeeId, branchId: member.branchId, memberId: member._id, memberName: member.name, groupId: member.groupId, day: checkinDay, at: request.at, photo: checkinPhoto, location: null }] : []));
    return [{ checkins, awards: plan.map((p) => p.request) }];
  });
  // The engine's work is CPU on the client's side as much as on the emulator's, which runs in
  // this process under `npm start`: a worker thread makes the awards, so both cores work.
  return typeof admin === 'string' ? awardInWorker(admin, plans) : awardPlans(admin.database() as unknown as Database, plans);
}

/** Runs awardPlans in a worker thread (award-worker.ts, bundled on the spot so it runs under tsx and Jest alike). */
async function awardInWorker(adminUrl: string, plans: readonly MemberPlan[]): Promise<number> {
  const outfile = join(ROOT, 'dist', 'seed', `award-worker-${process.pid}.js`);
  await build({ entryPoints: [join(__dirname, 'award-worker.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'error' });
  try {
    return await new Promise<number>((resolve, reject) => {
      const worker = new Worker(outfile, { workerData: { adminUrl, plans } });
      worker.once('message', (m: { count?: number; error?: string }) => {
        if (m.error === undefined) resolve(m.count ?? 0);
        else reject(new Error(`seed: demo points: ${m.error}`));
        // Its work is done (every award committed): nothing it still holds open may keep this process up.
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`seed: the demo points worker exited with ${code}`)));
    });
  } finally {
    rmSync(outfile, { force: true });
  }
}

// ---- The previous quarter: a finished quarter, by profile -------------------------------

type Range = readonly [number, number];

/**
 * How many of each a member of each profile did in the quarter (volunteerHour: outings of 2–4
 * hours; meetings, lessons, pushes and tasks within their rules' quarterly caps). 规定动作 reach
 * the 70 cap for the keen and most of the active, around 60 for the steady; 自选动作 tell the keen
 * apart. With the 民主评议 blend (appraisal.ts) a 30-member branch comes out about 6 优秀, 9 良好
 * (both bands full: more members qualify), 13 合格 and 2 较差.
 */
const FINISHED_QUARTER: Record<Profile, Partial<Record<RuleCode, Range>>> = {
  keen: { meetingAttended: [4, 4], lessonCompleted: [4, 5], studyPushRead: [9, 10], badgeCheckin: [58, 68], taskDone: [5, 5], themedActivity: [3, 3], noteWritten: [2, 4], noteFeatured: [0, 2], volunteerHour: [2, 3], projectMilestone: [0, 2], lessonGiven: [0, 1], cobuildActivity: [0, 1] },
  active: { meetingAttended: [4, 4], lessonCompleted: [3, 5], studyPushRead: [8, 10], badgeCheckin: [48, 60], taskDone: [4, 5], themedActivity: [2, 3], noteWritten: [1, 3], noteFeatured: [0, 1], volunteerHour: [1, 2], projectMilestone: [0, 1], cobuildActivity: [0, 1] },
  steady: { meetingAttended: [3, 4], lessonCompleted: [3, 4], studyPushRead: [7, 9], badgeCheckin: [44, 54], taskDone: [3, 4], themedActivity: [2, 3], noteWritten: [1, 2], volunteerHour: [0, 1] },
  weak: { meetingAttended: [2, 3], lessonCompleted: [2, 3], studyPushRead: [4, 7], badgeCheckin: [30, 42], taskDone: [2, 3], themedActivity: [1, 1], noteWritten: [0, 1] },
  elderly: { meetingAttended: [3, 4], lessonCompleted: [1, 2], studyPushRead: [4, 6], badgeCheckin: [8, 15], themedActivity: [1, 1] },
  mobile: { meetingAttended: [1, 1], lessonCompleted: [3, 5], studyPushRead: [8, 10], badgeCheckin: [3, 8], taskDone: [1, 2], noteWritten: [1, 1] },
};

const MEETING_TITLES = ['支部党员大会', '党小组会', '支部主题党课', '党小组会'];
const TITLES: Partial<Record<RuleCode, string[]>> = {
  lessonCompleted: ['学完微型党课《党章第一课》', '学完微型党课《安全生产责任制》', '学完微型党课《网络强国建设》', '学完微型党课《作风建设》', '学完微型党课《服务群众》'],
  studyPushRead: ['阅读本周学习要点'],
  taskDone: ['完成支部任务《学习党章并确认》', '完成支部任务《参加应急演练》', '完成支部任务《上报岗位承诺进展》', '完成支部任务《安全隐患自查》', '完成支部任务《走访困难群众》'],
  themedActivity: ['主题党日：重温入党誓词', '主题党日：红色教育基地参观', '主题党日：志愿服务进社区'],
  volunteerHour: ['社区智能手机课堂', '反诈宣传进社区', '营业厅便民服务'],
  projectMilestone: ['书记工程：高价值小区千兆覆盖', '攻坚项目：5G 基站建设'],
  lessonGiven: ['讲授微型党课'],
  cobuildActivity: ['与工商银行城东支行联合主题党日'],
};

function label(rule: RuleCode, k: number, day: string): string {
  const month = Number(day.slice(5, 7));
  const title = rule === 'meetingAttended' ? `${month}月${MEETING_TITLES[k % MEETING_TITLES.length]}` : (TITLES[rule]?.[k % (TITLES[rule]?.length ?? 1)] ?? RULE_LABELS[rule]);
  return `${title}（示例数据）`;
}

/** China has one offset all year (no summer time): a China day's midnight is `T00:00+08:00`. */
const chinaMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`).getTime();

const isWeekday = (day: string) => {
  const weekday = new Date(chinaMidnight(day) + 12 * 3_600_000).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/** An instant on a China day, `from`–`to` hours local time, at a drawn minute. */
function atOn(day: string, random: () => number, [from, to]: Range): Date {
  return new Date(chinaMidnight(day) + (from * 60 + Math.floor(random() * (to - from) * 60)) * 60_000);
}

/**
 * The member's finished quarter. How much they did is drawn from their id alone, so the
 * quarter's result is the same whichever quarter it is; when in it they did it, from the period.
 */
function previousQuarter(member: MemberDoc & { branchId: string }, now: Date): Planned[] {
  const period = shiftQuarter(chinaQuarter(now), -1);
  const { start, end } = quarterBounds(period);
  // The quarter's China days ('YYYY-MM-DD' of each day's midnight read at +08:00).
  const days = Array.from({ length: Math.round((end.getTime() - start.getTime()) / 86_400_000) }, (_, i) => new Date(start.getTime() + i * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10));
  const howMuch = seeded(`${member._id}:finished quarter`);
  const when = seeded(`${member._id}:${period}`);
  const plan: Planned[] = [];
  for (const [rule, range] of Object.entries(FINISHED_QUARTER[profileOf(member)]) as Array<[RuleCode, Range]>) {
    const times = between(howMuch, range);
    if (rule === 'badgeCheckin') {
      // Working days first, in a drawn order; weekends only past them.
      const weekdays = days.filter(isWeekday).map((day) => ({ day, key: when() })).sort((a, b) => a.key - b.key).map((d) => d.day);
      const chosen = [...weekdays, ...days.filter((d) => !isWeekday(d))].slice(0, times).sort();
      for (const day of chosen) plan.push({ checkinDay: day, request: { member, rule, source: `checkin:${day}`, label: `${day} 佩戴党徽打卡（示例数据）`, at: atOn(day, when, [7.5, 9.5]) } });
      continue;
    }
    const hours = rule === 'volunteerHour' ? Array.from({ length: times }, () => between(howMuch, [2, 4])) : [];
    // Spread over the quarter: one occurrence in each of `times` equal stretches of it.
    for (let k = 0; k < times; k++) {
      const stretch = days.length / times;
      const day = days[Math.min(days.length - 1, Math.floor(k * stretch + when() * stretch))];
      plan.push({ request: { member, rule, source: `demo:${period}:${rule}:${k}`, label: label(rule, k, day), at: atOn(day, when, [9, 18]), ...(hours.length ? { quantity: hours[k] } : {}) } });
    }
  }
  return plan.sort((a, b) => a.request.at.getTime() - b.request.at.getTime());
}

// ---- The current quarter so far: a lighter share, varied by the member's place ----------

const PLAN: Array<{ rule: RuleCode; times: (i: number) => number }> = [
  { rule: 'meetingAttended', times: (i) => 1 + (i % 4) },
  { rule: 'studyPushRead', times: (i) => (i * 3) % 9 },
  { rule: 'badgeCheckin', times: (i) => (i * 7) % 20 },
  { rule: 'taskDone', times: (i) => i % 5 },
  { rule: 'noteWritten', times: (i) => (i % 3 === 0 ? 2 : 0) },
  { rule: 'volunteerHour', times: (i) => (i % 4 === 1 ? 3 : 0) },
];

/** Awards spread over the quarter of `now` up to `now`; check-ins one a day going back from yesterday. */
function currentQuarter(member: MemberDoc & { branchId: string }, i: number, now: Date): Planned[] {
  const period = chinaQuarter(now);
  const first = quarterBounds(period).start.getTime();
  const span = Math.max(1, now.getTime() - first);
  const plan: Planned[] = [];
  for (const { rule, times } of PLAN) {
    for (let k = 0; k < times(i); k++) {
      // Check-ins going back from yesterday, so today's is left for the member to do.
      const at = rule === 'badgeCheckin' ? new Date(now.getTime() - (k + 1) * 86_400_000) : new Date(first + ((k + 1) * span) / (times(i) + 1));
      if (chinaQuarter(at) !== period) continue;
      const day = chinaDay(at);
      if (rule === 'badgeCheckin') plan.push({ checkinDay: day, request: { member, rule, source: `checkin:${day}`, label: `${day} 佩戴党徽打卡（示例数据）`, at } });
      else plan.push({ request: { member, rule, source: `demo:${rule}:${day}:${k}`, label: `${RULE_LABELS[rule]}（示例数据）`, at } });
    }
  }
  return plan;
}

export const DEMO_POINT_COLLECTIONS = [COLLECTIONS.ledger, COLLECTIONS.totals];
