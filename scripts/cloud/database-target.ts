/**
 * The database a command-line tool (cloud:bootstrap, cloud:export) works on: a CloudBase
 * environment with the same variables as deploy and set-up (credentials.ts), or a local
 * emulator named with `--emulator <url>` or TONGXIN_ADMIN_URL.
 */
import tcb from '@cloudbase/node-sdk';
import type { Database } from '../../cloudfunctions/_shared/cloud';
import { adminApp } from '../seed/load';
import { readTarget, type CloudTarget } from './credentials';

/** A problem of the command line or the environment: printed as is, exit code 1. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type Target = { kind: 'emulator'; adminUrl: string } | ({ kind: 'cloudbase' } & CloudTarget);

/** `http://127.0.0.1:9100` or `http://127.0.0.1:9100/admin` → the emulator's admin URL (as load.ts `adminApp` takes it). */
export function emulatorAdminUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new UsageError(`--emulator / TONGXIN_ADMIN_URL: "${input}" is not a URL (e.g. http://127.0.0.1:9100)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--emulator / TONGXIN_ADMIN_URL: "${input}" is not an http(s) URL`);
  const path = url.pathname.replace(/\/+$/, '');
  return path.endsWith('/admin') ? `${url.origin}${path}` : `${url.origin}${path}/admin`;
}

/** The target: a local emulator when named, else the same variables as deploy and set-up (credentials.ts). */
export function resolveTarget(args: { emulator: string | null }, env: Record<string, string | undefined>): Target {
  const emulator = args.emulator ?? (env.TONGXIN_ADMIN_URL?.trim() || null);
  if (emulator) return { kind: 'emulator', adminUrl: emulatorAdminUrl(emulator) };
  const reading = readTarget(env);
  if (!reading.target) {
    throw new UsageError(
      `missing credentials: set ${reading.missing.join(', ')} (the CloudBase environment id and an API key of the Tencent Cloud account that owns it), or pass --emulator <url> for a local emulator`,
    );
  }
  return { kind: 'cloudbase', ...reading.target };
}

export function describeTarget(target: Target): string {
  return target.kind === 'emulator' ? `local emulator ${target.adminUrl}` : `CloudBase environment ${target.envId}`;
}

/** The database of the target, through the real node-sdk. */
/** The admin app itself (callFunction and the rest), for the emulator or CloudBase. */
export function connectApp(target: Target): ReturnType<typeof tcb.init> {
  if (target.kind === 'emulator') return adminApp(target.adminUrl) as unknown as ReturnType<typeof tcb.init>;
  return tcb.init({
    env: target.envId,
    secretId: target.secretId,
    secretKey: target.secretKey,
    ...(target.sessionToken ? { sessionToken: target.sessionToken } : {}),
    ...(target.region ? { region: target.region } : {}),
  });
}

export function connect(target: Target): Database {
  if (target.kind === 'emulator') return adminApp(target.adminUrl).database() as unknown as Database;
  const app = tcb.init({
    env: target.envId,
    secretId: target.secretId,
    secretKey: target.secretKey,
    ...(target.sessionToken ? { sessionToken: target.sessionToken } : {}),
    ...(target.region ? { region: target.region } : {}),
  });
  return app.database() as unknown as Database;
}
