/**
 * H5 adapter: the emulator serves the H5 build at its origin root, so functions are
 * same-origin `POST /functions/<name>` and the dev session is the `tx_session` cookie.
 */
import { asEnvelope, NETWORK_ERROR, type InvokeFunction } from './types';

export const invoke: InvokeFunction = async (name, event) => {
  let res: Response;
  try {
    res = await fetch(`/functions/${encodeURIComponent(name)}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
    });
  } catch {
    return NETWORK_ERROR;
  }
  try {
    return asEnvelope(await res.json());
  } catch {
    return NETWORK_ERROR;
  }
};

export async function devPeople(): Promise<never> {
  throw new Error('H5 uses the emulator sign-in page at /__/auth');
}
export async function devSignIn(): Promise<never> {
  throw new Error('H5 uses the emulator sign-in page at /__/auth');
}
export function getSessionToken(): string {
  return '';
}
export function setSessionToken(): void {}

/** The emulator's HTML sign-in page (same origin). */
export const DEV_SIGNIN_URL: string | null = '/__/auth';
