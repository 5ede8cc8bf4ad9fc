/**
 * The previous quarter's 民主评议 in every demo branch, held through the quarter function as
 * the demo people would: the secretary opens the round, most members cast their ballot (each
 * rating every other member, mostly 合格, 优秀 for those who did the most), and the secretary
 * closes it, which stores each member's result. The quarter itself is left open, for the
 * secretary to close and publish.
 */
import type { MemberDoc } from '../../shared/domain/org';
import type { AppraisalRating } from '../../shared/points/appraisal';
import { chinaQuarter, shiftQuarter } from '../../shared/time/china';
import { demoOpenid } from './demo';
import { profileOf, seeded, type Profile } from './profiles';
import { demoCaller } from './study';

/** How the others rate a member of each profile: the chances of 优秀, 合格, 基本合格 (the rest 不合格). */
const RATED: Record<Profile, readonly [number, number, number]> = {
  keen: [0.78, 0.22, 0],
  active: [0.5, 0.48, 0.02],
  steady: [0.22, 0.72, 0.06],
  weak: [0.04, 0.58, 0.34],
  elderly: [0.55, 0.45, 0],
  mobile: [0.15, 0.8, 0.05],
};

function rating(random: () => number, profile: Profile): AppraisalRating {
  const [excellent, pass, basic] = RATED[profile];
  const r = random();
  if (r < excellent) return 'excellent';
  if (r < excellent + pass) return 'pass';
  if (r < excellent + pass + basic) return 'basic';
  return 'fail';
}

/** Who does not vote: the 流动 members (away) and, in a larger branch, one weak member. */
function abstains(member: MemberDoc, branch: readonly MemberDoc[]): boolean {
  if (member.category === 'mobile') return true;
  return branch.length >= 20 && branch.filter((m) => profileOf(m) === 'weak').at(-1)?._id === member._id;
}

export async function seedDemoAppraisal(origin: string, members: readonly MemberDoc[], now = new Date()): Promise<{ rounds: number; ballots: number }> {
  const call = demoCaller(origin);
  const period = shiftQuarter(chinaQuarter(now), -1);
  const branches = new Map<string, MemberDoc[]>();
  for (const m of members) if (m.branchId) branches.set(m.branchId, [...(branches.get(m.branchId) ?? []), m]);
  let ballots = 0;
  for (const branch of branches.values()) {
    const secretary = branch.find((m) => m.roles.includes('secretary'));
    if (!secretary) continue;
    await call(demoOpenid(secretary._id), 'quarter.openAppraisal', { period });
    for (const voter of branch.filter((m) => !abstains(m, branch))) {
      const random = seeded(`ballot:${voter._id}`);
      const ratings = branch.filter((m) => m._id !== voter._id).map((m) => ({ memberId: m._id, rating: rating(random, profileOf(m)) }));
      await call(demoOpenid(voter._id), 'quarter.castBallot', { period, ratings });
      ballots += 1;
    }
    await call(demoOpenid(secretary._id), 'quarter.closeAppraisal', { period });
  }
  return { rounds: branches.size, ballots };
}
