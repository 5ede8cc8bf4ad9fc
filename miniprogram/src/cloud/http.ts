/**
 * HTTP transport to the local emulator (`POST /functions/<name>`, body = the event).
 * Used by the local weapp build and by other non-H5 platforms; H5 has its own fetch-based
 * transport (same origin, cookie session).
 */
import Taro from '@tarojs/taro';
import { EMULATOR_URL, SESSION_KEY } from '../config/env';
import { asEnvelope, NETWORK_ERROR, type CallEvent, type RawEnvelope } from './types';

export function getSessionToken(): string {
  try {
    return (Taro.getStorageSync(SESSION_KEY) as string) || '';
  } catch {
    return '';
  }
}

export function setSessionToken(token: string): void {
  if (token) Taro.setStorageSync(SESSION_KEY, token);
  else Taro.removeStorageSync(SESSION_KEY);
}

export async function httpInvoke(name: string, event: CallEvent): Promise<RawEnvelope> {
  const token = getSessionToken();
  try {
    const res = await Taro.request({
      url: `${EMULATOR_URL}/functions/${encodeURIComponent(name)}`,
      method: 'POST',
      data: event,
      header: { 'content-type': 'application/json', ...(token ? { 'x-tongxin-session': token } : {}) },
      dataType: 'json',
    });
    return asEnvelope(res.data);
  } catch {
    return NETWORK_ERROR;
  }
}

/** Dev sign-in helpers (local builds only): list the seeded people and sign in as one. */
export interface DevPerson {
  openid: string;
  name: string;
  branchName?: string;
  roles: string[];
}

export async function devPeople(): Promise<DevPerson[]> {
  const res = await Taro.request({ url: `${EMULATOR_URL}/__/auth/people`, method: 'GET', dataType: 'json' });
  if (res.statusCode !== 200 || !Array.isArray(res.data)) throw new Error(`HTTP ${res.statusCode}`);
  return res.data as DevPerson[];
}

export async function devSignIn(openid: string): Promise<string> {
  const res = await Taro.request({
    url: `${EMULATOR_URL}/__/auth/signin`,
    method: 'POST',
    data: { openid },
    header: { 'content-type': 'application/json' },
    dataType: 'json',
  });
  const token = (res.data as { token?: string } | undefined)?.token;
  if (res.statusCode !== 200 || !token) throw new Error(`HTTP ${res.statusCode}`);
  setSessionToken(token);
  return token;
}
