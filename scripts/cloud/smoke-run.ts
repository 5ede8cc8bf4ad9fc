/**
 * The command behind `npm run cloud:smoke -- [--openid <openid>] [--emulator <url>]` (entry:
 * smoke.ts): after a deploy, every function that declares WeChat open APIs (config.json
 * `permissions.openapi`) is called with `{Type: 'Smoke'}` and tries each one harmlessly (a text
 * check of a neutral sentence, a code for a test scene, a media check of a pixel, a message to a
 * template id that does not exist). Each permission is reported plainly; any that WeChat
 * answers -604101 for (not registered: CLI deploys do not register them, DevTools uploads do)
 * makes the exit code 1. `--openid`: your own 微信标识 (我的 page); the content checks and
 * messages need a user who opened the mini-program in the last two hours.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../emulator/functions/build';
import { UsageError, connectApp, describeTarget, resolveTarget } from './database-target';
import { readRc } from './rc';

export const USAGE = `Usage: npm run cloud:smoke -- [--openid <openid>] [--emulator <url>]
  --openid <openid>  your 微信标识 (我的 page): content checks and messages need a recent user
  --emulator <url>   a local emulator instead of TONGXIN_ENV_ID / TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY`;

export interface SmokeReport {
  fn: string;
  api: string;
  result: string;
  detail: string;
}

function declaredApis(name: string): string[] {
  try {
    const config = JSON.parse(readFileSync(join(ROOT, 'cloudfunctions', name, 'config.json'), 'utf8')) as { permissions?: { openapi?: string[] } };
    return config.permissions?.openapi ?? [];
  } catch {
    return [];
  }
}

export async function main(argv: readonly string[], env: Record<string, string | undefined> = process.env, log: (line: string) => void = console.log): Promise<number> {
  try {
    let openid: string | null = null;
    let emulator: string | null = null;
    for (let i = 0; i < argv.length; i += 1) {
      const arg = argv[i];
      if (arg === '--help' || arg === '-h') {
        log(USAGE);
        return 0;
      } else if (arg === '--openid') openid = argv[++i] ?? null;
      else if (arg === '--emulator') emulator = argv[++i] ?? null;
      else throw new UsageError(`unknown argument: ${arg}\n\n${USAGE}`);
    }
    const target = resolveTarget({ emulator }, env);
    const app = connectApp(target);
    log(`cloud:smoke: ${describeTarget(target)}${openid ? '' : ' (no --openid: content checks and messages are skipped)'}`);
    const rows: SmokeReport[] = [];
    for (const fn of readRc().functions) {
      if (!declaredApis(fn.name).length) continue;
      try {
        const reply = (await app.callFunction({ name: fn.name, data: { Type: 'Smoke', ...(openid ? { openid } : {}) } })) as { result?: { ok?: boolean; data?: { apis?: Array<{ api: string; result: string; detail: string }> } } };
        const apis = reply.result?.data?.apis;
        if (!apis) rows.push({ fn: fn.name, api: '*', result: 'error', detail: `no smoke answer: ${JSON.stringify(reply.result ?? null).slice(0, 200)} (deploy this version first)` });
        else for (const a of apis) rows.push({ fn: fn.name, ...a });
      } catch (error) {
        rows.push({ fn: fn.name, api: '*', result: 'error', detail: (error as Error)?.message ?? String(error) });
      }
    }
    for (const r of rows) log(`  ${r.result.padEnd(8)} ${r.fn.padEnd(14)} ${r.api.padEnd(26)} ${r.detail}`);
    const missing = rows.filter((r) => r.result === 'missing' || r.result === 'error');
    if (missing.length) {
      log(`\n${missing.length} open API call(s) failed. For -604101, upload the functions once from WeChat DevTools (右键 → 上传并部署), which registers config.json's permissions, then run this again.`);
      return 1;
    }
    log(`\nevery declared open API answered (${rows.filter((r) => r.result === 'ok').length} ok, ${rows.filter((r) => r.result === 'skipped').length} skipped)`);
    return 0;
  } catch (error) {
    log(error instanceof UsageError ? error.message : `cloud:smoke failed: ${(error as Error)?.message ?? String(error)}`);
    return 1;
  }
}
