/**
 * A cloud weapp is built for one named CloudBase environment: `wx.cloud.init` gets `env`
 * (required in WeChat's current docs), and the build stops with a message when it is missing.
 */
import config from '../../miniprogram/config/index';

type ConfigFn = (merge: (...parts: object[]) => object, env: { mode: string; command: string }) => Promise<{ env: Record<string, string> }>;
const build = config as unknown as ConfigFn;
const merge = (...parts: object[]) => Object.assign({}, ...parts);
const saved = { ...process.env };

afterEach(() => {
  process.env = { ...saved };
});

it('refuses a cloud weapp build without TARO_APP_CLOUD_ENV, naming the variable', async () => {
  process.env.TARO_ENV = 'weapp';
  process.env.TARO_APP_BACKEND = 'cloud';
  delete process.env.TARO_APP_CLOUD_ENV;
  await expect(build(merge, { mode: 'production', command: 'build' })).rejects.toThrow(/TARO_APP_CLOUD_ENV is required/);
  process.env.TARO_APP_CLOUD_ENV = 'not an id!';
  await expect(build(merge, { mode: 'production', command: 'build' })).rejects.toThrow(/TARO_APP_CLOUD_ENV/);
});

it('builds with the environment id given, and the local backend needs none', async () => {
  process.env.TARO_ENV = 'weapp';
  process.env.TARO_APP_BACKEND = 'cloud';
  process.env.TARO_APP_CLOUD_ENV = 'tongxin-1a2b3c';
  expect((await build(merge, { mode: 'production', command: 'build' })).env.TARO_APP_CLOUD_ENV).toBe('"tongxin-1a2b3c"');
  process.env.TARO_APP_BACKEND = 'local';
  delete process.env.TARO_APP_CLOUD_ENV;
  expect((await build(merge, { mode: 'production', command: 'build' })).env.TARO_APP_BACKEND).toBe('"local"');
});
