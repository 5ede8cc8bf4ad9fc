/**
 * Who is who in the demo branches' finished quarter: a few keen members, most active or
 * steady, a weak one or two, and the exempt (流动, 年老体弱) apart. The previous quarter's points
 * (points.ts) and its 民主评议 ballots (appraisal.ts) both follow these profiles, so a member who
 * did a lot is also rated well by the others. Everything is drawn from a fixed-seed generator:
 * the same demo every time.
 */
import { EXEMPT_CATEGORIES } from '../../shared/domain/vocabulary';
import type { MemberDoc } from '../../shared/domain/org';

export type Profile = 'keen' | 'active' | 'steady' | 'weak' | 'elderly' | 'mobile';

/**
 * The ranked members' profiles by id (the demo layout of demo.ts); a ranked member not named
 * here is steady. 网络运维 (30 ranked): 7 keen, 10 active, 11 steady, 2 weak; 市场经营 (10
 * ranked): 2 keen, 3 active, 4 steady, 1 weak — the one 较差 the quarter loop gives 三单 to.
 */
const PROFILES: Readonly<Record<string, Profile>> = {
  'b-netops-m01': 'keen',
  'b-netops-m02': 'keen',
  'b-netops-m07': 'keen',
  'b-netops-m10': 'keen',
  'b-netops-m14': 'keen',
  'b-netops-m19': 'keen',
  'b-netops-m25': 'keen',
  'b-netops-m03': 'active',
  'b-netops-m04': 'active',
  'b-netops-m05': 'active',
  'b-netops-m08': 'active',
  'b-netops-m11': 'active',
  'b-netops-m13': 'active',
  'b-netops-m16': 'active',
  'b-netops-m20': 'active',
  'b-netops-m22': 'active',
  'b-netops-m27': 'active',
  'b-netops-m23': 'weak',
  'b-netops-m29': 'weak',
  'b-market-m01': 'keen',
  'b-market-m04': 'keen',
  'b-market-m02': 'active',
  'b-market-m06': 'active',
  'b-market-m09': 'active',
  'b-market-m08': 'weak',
};

export function profileOf(member: Pick<MemberDoc, '_id' | 'category'>): Profile {
  if (EXEMPT_CATEGORIES.has(member.category)) return member.category === 'mobile' ? 'mobile' : 'elderly';
  return PROFILES[member._id] ?? 'steady';
}

/** A small fixed-seed generator (mulberry32 over an FNV-1a hash of the key): uniform in [0, 1). */
export function seeded(key: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [min, max] from the generator. */
export function between(random: () => number, [min, max]: readonly [number, number]): number {
  return min + Math.floor(random() * (max - min + 1));
}
