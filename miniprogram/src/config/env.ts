/** Build-time settings, replaced by Taro's DefinePlugin (see miniprogram/config/index.ts). */
export type Backend = 'cloud' | 'local';

export const BACKEND: Backend = process.env.TARO_APP_BACKEND === 'cloud' ? 'cloud' : 'local';

/** Emulator origin for the local weapp; H5 calls its own origin instead. */
export const EMULATOR_URL: string = process.env.TARO_APP_EMULATOR_URL || 'http://127.0.0.1:9100';

/** CloudBase environment id of the cloud weapp (required at build time, miniprogram/config/index.ts). */
export const CLOUD_ENV: string = process.env.TARO_APP_CLOUD_ENV || '';

/** Storage key of the dev sign-in token (local weapp), sent as `x-tongxin-session`. */
export const SESSION_KEY = 'tx_session';
