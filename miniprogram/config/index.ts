/**
 * Taro build configuration (DESIGN §7). Run Taro with cwd `miniprogram/` (the npm scripts
 * do): Taro reads `config/index` relative to its working directory.
 *
 * Build-time environment:
 * - TARO_APP_BACKEND: `cloud` (Taro.cloud.callFunction, the production weapp) or `local`
 *   (HTTP to the emulator). Default: `cloud` for a production weapp build, `local` for a
 *   watch build (`npm run dev:weapp`) and always `local` for H5.
 * - TARO_APP_EMULATOR_URL: the emulator origin for the local weapp (default
 *   http://127.0.0.1:9100). H5 ignores it and calls its own origin.
 * - TARO_APP_CLOUD_ENV: the CloudBase environment id for the cloud weapp. Required: current
 *   WeChat docs make `env` required in `wx.cloud.init`, and with a second (test) environment an
 *   init without it can send calls to the wrong one. `npm test` builds with `local`.
 */
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const root = path.resolve(__dirname, '..');
const sharedDir = path.resolve(root, '..', 'shared');

export default defineConfig<'webpack5'>(async (merge, { mode }) => {
  const platform = process.env.TARO_ENV ?? 'weapp';
  const watching = process.argv.includes('--watch') || process.argv.includes('-w');
  const backend =
    platform === 'h5' ? 'local' : (process.env.TARO_APP_BACKEND ?? (watching ? 'local' : 'cloud'));
  if (backend !== 'local' && backend !== 'cloud') {
    throw new Error(`TARO_APP_BACKEND must be "local" or "cloud", got "${backend}"`);
  }
  // app.config.ts reads this at build time to decide whether the dev sign-in page ships.
  process.env.TARO_APP_BACKEND = backend;
  const emulatorUrl = (process.env.TARO_APP_EMULATOR_URL ?? 'http://127.0.0.1:9100').replace(/\/+$/, '');
  const cloudEnv = (process.env.TARO_APP_CLOUD_ENV ?? '').trim();
  if (platform === 'weapp' && backend === 'cloud' && !/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(cloudEnv)) {
    throw new Error(
      'TARO_APP_CLOUD_ENV is required for a cloud weapp build: the CloudBase environment id (云开发控制台 → 环境 → 环境 ID), e.g. TARO_APP_CLOUD_ENV=tongxin-1a2b3c npm run build:weapp. See DEPLOY.md.',
    );
  }

  const alias = { '@': path.resolve(root, 'src') };

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'tongxin',
    date: '2025-11-26',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: [],
    env: {
      TARO_APP_BACKEND: JSON.stringify(backend),
      TARO_APP_EMULATOR_URL: JSON.stringify(emulatorUrl),
      TARO_APP_CLOUD_ENV: JSON.stringify(cloudEnv),
      // Subscribe-message template ids of the WeChat account (empty: pages skip WeChat's prompt).
      TARO_APP_TPL_STUDY_PUSH: JSON.stringify(process.env.TARO_APP_TPL_STUDY_PUSH ?? ''),
      TARO_APP_TPL_MEETING: JSON.stringify(process.env.TARO_APP_TPL_MEETING ?? ''),
      TARO_APP_TPL_TASK: JSON.stringify(process.env.TARO_APP_TPL_TASK ?? ''),
    },
    defineConstants: {},
    alias,
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedDir] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      // Small images (the tab icons) stay files; nothing is inlined as base64 into JS.
      imageUrlLoaderOption: { limit: 0 },
    },
    h5: {
      compile: { include: [sharedDir] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (mode === 'development' || process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
