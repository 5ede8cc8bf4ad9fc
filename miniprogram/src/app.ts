import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { BACKEND, CLOUD_ENV } from '@/config/env';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp' && BACKEND === 'cloud' && Taro.cloud) {
      // No env id: the environment the mini-program is linked to in WeChat DevTools.
      Taro.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: false } : { traceUser: false });
    }
  });
  // children are the pages
  return children;
}

export default App;
