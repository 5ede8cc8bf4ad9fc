/**
 * On-site sign-in by a rotating QR code, for meetings and themed activities alike: the code
 * the secretary's screen shows, and turning a scanned token back into its subject or a clear
 * refusal. The token itself is `signin-token.ts`.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import { expiresAt, issue, verify } from './signin-token';
import { wechat } from './wechat';

/**
 * A subject id short enough for its token to fit a mini-program code's 32-character scene:
 * a 2-letter prefix + 10 base64url characters (60 random bits).
 */
export function shortId(prefix: string): string {
  return `${prefix}${randomBytes(8).toString('base64url').slice(0, 10)}`;
}

/** The code to show now: returned as a PNG data URL, so nothing is stored each minute. */
export async function signInCode(subjectId: string, secret: string, page: string, now: Date) {
  const token = issue(subjectId, secret, now);
  const png = await wechat().miniProgramCode({ scene: token, page, width: 430 });
  return {
    token,
    qrUrl: `data:image/png;base64,${png.toString('base64')}`,
    page: `${page}?scene=${encodeURIComponent(token)}`,
    expiresAt: expiresAt(now).toISOString(),
  };
}

export const EXPIRED_MESSAGE = '签到码已过期，请扫描现场最新的二维码';

/**
 * The subject a scanned token is for. `find` answers the subject and its secret when the
 * caller may see it, else null; a subject of another branch (or another kind: a meeting's
 * token used for an activity) looks missing, and nothing is written.
 */
export async function scannedSubject<T>(token: string, find: (subjectId: string) => Promise<{ doc: T; secret: string } | null>, now: Date, messages: { notFound: string; invalid: string }): Promise<T> {
  let found: T | null = null;
  const verdict = await verify(
    token,
    async (subjectId) => {
      const hit = await find(subjectId);
      found = hit?.doc ?? null;
      return hit?.secret ?? null;
    },
    now,
  );
  if (verdict.ok && found !== null) return found;
  const reason = verdict.ok ? 'unknown' : verdict.reason;
  if (reason === 'unknown') throw new AppError('NOT_FOUND', messages.notFound);
  if (reason === 'expired') throw new AppError('INVALID_INPUT', EXPIRED_MESSAGE, { token: EXPIRED_MESSAGE });
  throw new AppError('INVALID_INPUT', messages.invalid, { token: messages.invalid });
}
