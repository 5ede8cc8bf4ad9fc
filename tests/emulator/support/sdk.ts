/** The real @cloudbase/node-sdk pointed at a test database server. */
import tcb from '@cloudbase/node-sdk';
import { startDbServer, type DbServer } from './dbServer';
import type { DatabaseServiceOptions } from '../../../emulator/database';

export type SdkDb = ReturnType<ReturnType<typeof tcb.init>['database']>;

export interface SdkHarness {
  server: DbServer;
  db: SdkDb;
}

/**
 * Outside Tencent Cloud the SDK probes the metadata service (30 ms timeout, not cached on
 * failure) twice per request. Functions run in SCF, so say so: no probe, fast tests.
 */
export function markScfRuntime(): void {
  process.env.TENCENTCLOUD_RUNENV = 'SCF';
  process.env.TENCENTCLOUD_REGION ??= 'ap-shanghai'; // the SDK logs an error without these in SCF
  process.env.SCF_NAMESPACE ??= 'local';
}

export async function startSdk(options: Partial<DatabaseServiceOptions> = {}): Promise<SdkHarness> {
  markScfRuntime();
  const server = await startDbServer(options);
  const app = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y', serviceUrl: server.url });
  return { server, db: app.database() };
}

/** The code of an error the SDK threw. */
export async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return String((e as { code?: unknown }).code);
  }
  throw new Error('expected the call to fail');
}
