import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { BACKEND, CLOUD_ENV } from '@/config/env';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp' && BACKEND === 'cloud' && Taro.cloud) {
      // Always the environment named at build time: WeChat's docs make `env` required.
      Taro.cloud.init({ env: CLOUD_ENV, traceUser: false });
    }
  });
  // children are the pages
  return children;
}

export default App;
