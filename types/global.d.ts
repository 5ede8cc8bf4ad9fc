/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony' | 'rn';
    /** `cloud` (production weapp) or `local` (HTTP to the emulator). */
    TARO_APP_BACKEND?: 'cloud' | 'local';
    TARO_APP_EMULATOR_URL?: string;
    TARO_APP_CLOUD_ENV?: string;
  }
}
