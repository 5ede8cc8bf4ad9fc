/**
 * Rotating sign-in tokens for a QR code shown on site (a meeting now, a themed activity
 * later). A token names its subject and the second it was issued, signed with the
 * subject's own secret:
 *
 *     <subjectId>.<issuedAt, seconds, base36>.<HMAC-SHA256(secret, "<subjectId>.<issuedAt>"), first 11 base64url chars>
 *
 * It is valid for SIGN_IN_TOKEN_SECONDS after it was issued, so a photo of the code sent to
 * someone at home stops working within a minute. With a 12-character meeting id the token is
 * 31 characters (32 after 2038), inside the 32-character `scene` of a mini-program code; every
 * character is one `scene` accepts. Tokens are stateless: nothing is written per token.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { SIGN_IN_TOKEN_SECONDS } from '../../shared/domain/study';

/** 11 base64url characters = 66 bits: out of reach of guessing within a minute. */
export const SIGNATURE_LENGTH = 11;
/** A token issued up to this far in the future still verifies (clocks of two servers differ). */
export const FUTURE_SLACK_SECONDS = 5;

const SUBJECT = /^[A-Za-z0-9_-]{1,40}$/;
const ISSUED = /^[0-9a-z]{1,8}$/;
const SIGNATURE = new RegExp(`^[A-Za-z0-9_-]{${SIGNATURE_LENGTH}}$`);

/** A fresh per-subject secret; keep it with the subject, never in any output. */
export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url').slice(0, SIGNATURE_LENGTH);
}

const seconds = (at: Date) => Math.floor(at.getTime() / 1000);

/** A token for `subjectId`, issued at `now` (synchronous: tests can craft one from a stored secret). */
export function issue(subjectId: string, secret: string, now: Date): string {
  if (!SUBJECT.test(subjectId)) throw new Error(`sign-in subject id not usable in a token: ${subjectId}`);
  const payload = `${subjectId}.${seconds(now).toString(36)}`;
  return `${payload}.${sign(secret, payload)}`;
}

/** When a token issued at `now` stops verifying. */
export function expiresAt(now: Date): Date {
  return new Date((seconds(now) + SIGN_IN_TOKEN_SECONDS) * 1000);
}

export interface ParsedToken {
  subjectId: string;
  issuedAt: Date;
  payload: string;
  signature: string;
}

/** The parts of a well-formed token, or null. Says nothing about validity. */
export function parseToken(token: string): ParsedToken | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [subjectId, issued, signature] = parts;
  if (!SUBJECT.test(subjectId) || !ISSUED.test(issued) || !SIGNATURE.test(signature)) return null;
  return { subjectId, issuedAt: new Date(parseInt(issued, 36) * 1000), payload: `${subjectId}.${issued}`, signature };
}

export type Refusal = 'malformed' | 'unknown' | 'signature' | 'expired';
export type Verified = { ok: true; subjectId: string; issuedAt: Date } | { ok: false; reason: Refusal };

/**
 * Checks a parsed token against its subject's secret: the signature first (a forged token is
 * never told it is merely old), then its age — valid from FUTURE_SLACK_SECONDS before it was
 * issued until SIGN_IN_TOKEN_SECONDS after, no slack past that.
 */
export function check(parsed: ParsedToken, secret: string, now: Date): Verified {
  const expected = Buffer.from(sign(secret, parsed.payload));
  const given = Buffer.from(parsed.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'signature' };
  const age = (now.getTime() - parsed.issuedAt.getTime()) / 1000;
  if (age < -FUTURE_SLACK_SECONDS || age >= SIGN_IN_TOKEN_SECONDS) return { ok: false, reason: 'expired' };
  return { ok: true, subjectId: parsed.subjectId, issuedAt: parsed.issuedAt };
}

/**
 * Verifies a token: `lookupSecret` gives the secret of a subject the caller may see, or null
 * (missing, or another branch's: the caller cannot tell which) → 'unknown'.
 */
export async function verify(
  token: string,
  lookupSecret: (subjectId: string) => string | null | Promise<string | null>,
  now: Date,
): Promise<Verified> {
  const parsed = parseToken(token);
  if (!parsed) return { ok: false, reason: 'malformed' };
  const secret = await lookupSecret(parsed.subjectId);
  if (secret === null) return { ok: false, reason: 'unknown' };
  return check(parsed, secret, now);
}
