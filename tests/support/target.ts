/**
 * Where the emulator and functions suites run: the local emulator (the default), or a real
 * CloudBase environment when `npm run test:cloud` sets TONGXIN_TEST_TARGET=cloud. In the
 * cloud, database and storage are CloudBase's; the functions still run here in the
 * emulator's host (a phone's identity cannot be injected into a deployed function), with
 * the same bundles and the real SDK reaching the environment with the given key.
 */
import type { RemoteDataPlane } from '../../emulator';

export type TestTarget = { kind: 'emulator' } | { kind: 'cloud'; plane: RemoteDataPlane };

/** The variables `npm run test:cloud` needs; the runner names the missing ones. */
export const CLOUD_TEST_VARIABLES = ['TONGXIN_CLOUD_TEST_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'] as const;

export function missingCloudVariables(env: NodeJS.ProcessEnv = process.env): string[] {
  return CLOUD_TEST_VARIABLES.filter((name) => !env[name]);
}

export function cloudPlane(env: NodeJS.ProcessEnv = process.env): RemoteDataPlane {
  const missing = missingCloudVariables(env);
  if (missing.length) throw new Error(`TONGXIN_TEST_TARGET=cloud needs ${missing.join(', ')}`);
  return {
    envId: env.TONGXIN_CLOUD_TEST_ENV_ID as string,
    region: env.TONGXIN_CLOUD_REGION || 'ap-shanghai',
    secretId: env.TENCENTCLOUD_SECRETID as string,
    secretKey: env.TENCENTCLOUD_SECRETKEY as string,
    sessionToken: env.TENCENTCLOUD_SESSIONTOKEN || undefined,
    // Only for checking this machinery against a stand-in (an emulator in another process).
    serviceUrl: env.TONGXIN_CLOUD_SERVICE_URL || undefined,
  };
}

export function testTarget(env: NodeJS.ProcessEnv = process.env): TestTarget {
  return env.TONGXIN_TEST_TARGET === 'cloud' ? { kind: 'cloud', plane: cloudPlane(env) } : { kind: 'emulator' };
}

/** Suites test:cloud leaves out, with why: most test the emulator itself. */
export const EMULATOR_ONLY: Readonly<Record<string, string>> = {
  'tests/emulator/database.emulator.test.ts': "the emulator's own /admin routing",
  'tests/emulator/database.wire.test.ts': 'what the emulator answers below the SDK, and its transaction expiry',
  'tests/emulator/database.storage.test.ts': "the emulator's SQLite storage engine",
  'tests/emulator/functions-host.test.ts': "the emulator's function host",
  'tests/emulator/wechat.test.ts': "the emulator's WeChat open-API fakes",
  'tests/emulator/storage.test.ts': "the emulator's file ids and download URLs",
  'tests/functions/bundles.test.ts': "runs the bundles with SCF's environment against the emulator's URL",
  'tests/functions/metering.test.ts': "the emulator's meter of database operations per call",
  'tests/functions/cloud-target.test.ts': 'checks test:cloud itself, against a stand-in',
  'tests/functions/bootstrap.test.ts': "drives the bootstrap command at the emulator's admin URL",
  'tests/functions/cloud-export.test.ts': "drives the export command at the emulator's admin URL",
  'tests/functions/authority.test.ts': 'restores a whole database snapshot before each of its 1,160 cases',
};
