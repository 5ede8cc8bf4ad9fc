/**
 * Fallback adapter, resolved by TypeScript and by platforms without their own file: HTTP to
 * the emulator. Taro picks `index.weapp.ts` / `index.h5.ts` over this file at build time.
 */
import { BACKEND } from '../config/env';
import { httpInvoke } from './http';
import type { InvokeFunction } from './types';

export { devPeople, devSignIn, getSessionToken, setSessionToken } from './http';

export const invoke: InvokeFunction = (name, event) => httpInvoke(name, event);

export const DEV_SIGNIN_URL: string | null = BACKEND === 'local' ? '/subpackages/dev/pages/signin/index' : null;
