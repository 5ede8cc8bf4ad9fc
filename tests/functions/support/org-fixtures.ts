/** Demo identities and helpers for the org function tests. */
import type { LocalStack } from '../../support/stack';
import { demoOpenid } from '../../../scripts/seed/demo';

export type BranchKey = 'netops' | 'market';
export const BRANCH_IDS: Record<BranchKey, string> = { netops: 'b-netops', market: 'b-market' };
export const OTHER: Record<BranchKey, BranchKey> = { netops: 'market', market: 'netops' };

/** One demo person per caller kind, with their home branch (from the seed's layout). */
export const CALLERS = {
  member: { openid: demoOpenid('b-netops-m10'), home: 'netops' },
  groupLeader: { openid: demoOpenid('b-netops-m07'), home: 'netops' },
  committeeMember: { openid: demoOpenid('b-netops-m02'), home: 'netops' },
  secretary: { openid: demoOpenid('b-netops-m01'), home: 'netops' },
  committeeAdmin: { openid: demoOpenid('b-market-m06'), home: 'market' },
  unbound: { openid: 'o_matrix_unbound', home: 'netops' },
} as const satisfies Record<string, { openid: string; home: BranchKey }>;

export type CallerKind = keyof typeof CALLERS;

export interface Envelope {
  ok: boolean;
  data?: unknown;
  error?: { code: string; message: string; fields?: Record<string, string> };
}

/** Calls as a person; returns the envelope. */
export async function as(stack: LocalStack, openid: string, action: string, input: unknown): Promise<Envelope> {
  const token = await stack.signIn(openid);
  return (await stack.call(action, input, token)).body as Envelope;
}

export function data<T>(envelope: Envelope): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${JSON.stringify(envelope.error)}`);
  return envelope.data as T;
}
