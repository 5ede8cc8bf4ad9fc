import { check, expiresAt, issue, newSecret, parseToken, verify, FUTURE_SLACK_SECONDS } from '../../cloudfunctions/_shared/signin-token';
import { SIGN_IN_TOKEN_SECONDS } from '../../shared/domain/study';

const T0 = new Date('2026-11-26T02:00:00.000Z');
const later = (s: number) => new Date(T0.getTime() + s * 1000);
const secrets: Record<string, string> = { mtAbCdEf0123: newSecret(), 'mt-_zzzzzzzz': newSecret() };
const lookup = (id: string) => secrets[id] ?? null;

describe('sign-in tokens', () => {
  it('verifies a fresh token and names its subject', async () => {
    const token = issue('mtAbCdEf0123', secrets.mtAbCdEf0123, T0);
    await expect(verify(token, lookup, T0)).resolves.toEqual({ ok: true, subjectId: 'mtAbCdEf0123', issuedAt: T0 });
    await expect(verify(token, lookup, later(59))).resolves.toMatchObject({ ok: true });
  });

  it(`expires ${SIGN_IN_TOKEN_SECONDS} s after issue, with no slack for the past`, async () => {
    const token = issue('mtAbCdEf0123', secrets.mtAbCdEf0123, T0);
    await expect(verify(token, lookup, later(59.999))).resolves.toMatchObject({ ok: true });
    await expect(verify(token, lookup, later(60))).resolves.toEqual({ ok: false, reason: 'expired' });
    await expect(verify(token, lookup, later(3600))).resolves.toEqual({ ok: false, reason: 'expired' });
    expect(expiresAt(T0)).toEqual(later(60));
  });

  it('allows a few seconds of clock skew into the future, not more', async () => {
    const token = issue('mtAbCdEf0123', secrets.mtAbCdEf0123, later(FUTURE_SLACK_SECONDS));
    await expect(verify(token, lookup, T0)).resolves.toMatchObject({ ok: true });
    const far = issue('mtAbCdEf0123', secrets.mtAbCdEf0123, later(FUTURE_SLACK_SECONDS + 1));
    await expect(verify(far, lookup, T0)).resolves.toEqual({ ok: false, reason: 'expired' });
  });

  it('a token of one subject does not verify for another', async () => {
    const token = issue('mtAbCdEf0123', secrets.mtAbCdEf0123, T0);
    const [, issued, signature] = token.split('.');
    // The other subject's name with this signature: wrong for the other subject's secret.
    await expect(verify(`mt-_zzzzzzzz.${issued}.${signature}`, lookup, T0)).resolves.toEqual({ ok: false, reason: 'signature' });
    // Same subject id, but signed with another subject's secret.
    await expect(verify(issue('mtAbCdEf0123', secrets['mt-_zzzzzzzz'], T0), lookup, T0)).resolves.toEqual({ ok: false, reason: 'signature' });
    // A subject the caller cannot see.
    await expect(verify(issue('mtUnknown000', newSecret(), T0), lookup, T0)).resolves.toEqual({ ok: false, reason: 'unknown' });
  });

  it('refuses tampering: a changed time, a changed signature, a forged expiry', async () => {
    const token = issue('mtAbCdEf0123', secrets.mtAbCdEf0123, T0);
    const [id, issued, signature] = token.split('.');
    const newer = (parseInt(issued, 36) + 120).toString(36);
    await expect(verify(`${id}.${newer}.${signature}`, lookup, later(120))).resolves.toEqual({ ok: false, reason: 'signature' });
    const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
    await expect(verify(`${id}.${issued}.${flipped}`, lookup, T0)).resolves.toEqual({ ok: false, reason: 'signature' });
    // An expired token with a wrong signature is refused for its signature, never "merely old".
    await expect(verify(`${id}.${issued}.${flipped}`, lookup, later(600))).resolves.toEqual({ ok: false, reason: 'signature' });
  });

  it('refuses malformed tokens before any lookup', async () => {
    const seen: string[] = [];
    const spy = (id: string) => {
      seen.push(id);
      return lookup(id);
    };
    for (const bad of ['', 'abc', 'mtAbCdEf0123', 'mtAbCdEf0123.zz', 'mtAbCdEf0123.zz.short', 'mt Ab.zz.AAAAAAAAAAA', 'a.b.c.d', 'mtAbCdEf0123.ZZ.AAAAAAAAAAA', 'mtAbCdEf0123.zz.AAAAAAAAAA+']) {
      await expect(verify(bad, spy, T0)).resolves.toEqual({ ok: false, reason: 'malformed' });
    }
    expect(seen).toEqual([]);
    expect(parseToken(issue('mtAbCdEf0123', secrets.mtAbCdEf0123, T0))).toMatchObject({ subjectId: 'mtAbCdEf0123', issuedAt: T0 });
  });

  it('fits a mini-program code scene (≤ 32 visible characters of its set) for a meeting id, until well past 2038', () => {
    const scene = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;
    for (const at of [T0, new Date('2037-12-31T00:00:00Z'), new Date('2100-01-01T00:00:00Z')]) {
      const token = issue('mt-_AbCd0123', newSecret(), at);
      expect(token.length).toBeLessThanOrEqual(32);
      expect(token).toMatch(scene);
    }
    expect(issue('mt-_AbCd0123', newSecret(), T0)).toHaveLength(31);
  });

  it('check works on a parsed token with the secret in hand', () => {
    const parsed = parseToken(issue('mtAbCdEf0123', secrets.mtAbCdEf0123, T0));
    expect(parsed && check(parsed, secrets.mtAbCdEf0123, later(30))).toMatchObject({ ok: true });
    expect(() => issue('has.dot', 's', T0)).toThrow();
  });
});
