/**
 * The real @cloudbase/node-sdk pointed at a test database server, or, under
 * `npm run test:cloud`, at the CloudBase test environment (see tests/support/target.ts).
 */
import tcb from '@cloudbase/node-sdk';
import { startDbServer, type DbServer } from './dbServer';
import type { DatabaseServiceOptions } from '../../../emulator/database';
import { emptyCollection } from '../../../scripts/seed/load';
import { remoteApp } from '../../support/data-plane';
import { testTarget } from '../../support/target';

export type SdkDb = ReturnType<ReturnType<typeof tcb.init>['database']>;

export interface SdkHarness {
  db: SdkDb;
  stop(): Promise<void>;
}

export interface WireHarness extends SdkHarness {
  server: DbServer;
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

/** The SDK on an emulator database server of its own; for tests of the emulator itself. */
export async function startWireSdk(options: Partial<DatabaseServiceOptions> = {}): Promise<WireHarness> {
  markScfRuntime();
  const server = await startDbServer(options);
  const app = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y', serviceUrl: server.url });
  return { server, db: app.database(), stop: () => server.stop() };
}

/**
 * The SDK with `collections` existing and empty: on a fresh emulator database, or in the
 * CloudBase test environment (created when missing, emptied when present).
 */
export async function startSdk(options: { collections?: readonly string[] } = {}): Promise<SdkHarness> {
  const target = testTarget();
  const harness: SdkHarness =
    target.kind === 'cloud' ? { db: remoteApp(target.plane).database(), stop: async () => undefined } : await startWireSdk();
  for (const name of options.collections ?? []) await emptyCollection(harness.db, name);
  return harness;
}

/** A collection name no earlier run has used (a real environment keeps its collections). */
export function freshName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
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
