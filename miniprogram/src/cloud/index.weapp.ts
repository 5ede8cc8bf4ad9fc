/**
 * WeChat adapter. Production (TARO_APP_BACKEND=cloud): Taro.cloud.callFunction, identity
 * from the WeChat platform. Local (TARO_APP_BACKEND=local): HTTP to the emulator with the
 * dev sign-in token.
 */
import Taro from '@tarojs/taro';
import { BACKEND } from '../config/env';
import { httpInvoke } from './http';
import { asEnvelope, NETWORK_ERROR, type InvokeFunction } from './types';

export { devPeople, devSignIn, getSessionToken, setSessionToken } from './http';

export const invoke: InvokeFunction = async (name, event) => {
  if (BACKEND !== 'cloud') return httpInvoke(name, event);
  try {
    const res = await Taro.cloud.callFunction({ name, data: event as unknown as Record<string, unknown> });
    return asEnvelope(res.result);
  } catch {
    return NETWORK_ERROR;
  }
};

/** The web sign-in page exists only in H5; the weapp has its own dev sign-in page. */
export const DEV_SIGNIN_URL: string | null = BACKEND === 'local' ? '/subpackages/dev/pages/signin/index' : null;
