/**
 * Dev sign-in, like the Firebase Auth emulator: a person picks a seeded WeChat identity
 * (or a fresh, unbound one) and gets a session token. The function endpoint takes the
 * caller's identity only from this session — never from the request body.
 */
import { randomBytes } from 'node:crypto';

export interface Session {
  token: string;
  openid: string;
  createdAt: number;
}

export const SESSION_COOKIE = 'tx_session';
export const SESSION_HEADER = 'x-tongxin-session';

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  create(openid: string): Session {
    const session = { token: randomBytes(24).toString('base64url'), openid, createdAt: Date.now() };
    this.sessions.set(session.token, session);
    return session;
  }

  get(token: string | undefined): Session | null {
    return token ? (this.sessions.get(token) ?? null) : null;
  }

  delete(token: string | undefined): void {
    if (token) this.sessions.delete(token);
  }

  clear(): void {
    this.sessions.clear();
  }
}

/** Reads the session token from the header (weapp local builds) or the cookie (H5, same origin). */
export function sessionToken(headers: Record<string, string | string[] | undefined>): string | undefined {
  const header = headers[SESSION_HEADER];
  if (typeof header === 'string' && header) return header;
  const cookie = headers.cookie;
  if (typeof cookie !== 'string') return undefined;
  for (const part of cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}
