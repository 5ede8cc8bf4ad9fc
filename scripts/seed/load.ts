/** Loads seed data into a running emulator through the real SDK, as a deploy script would. */
import tcb from '@cloudbase/node-sdk';
import { COLLECTIONS } from '../../shared/db/collections';
import type { SeedData } from './demo';

export function adminApp(adminUrl: string) {
  // Without this the SDK probes Tencent's metadata host on every call (two 30 ms timeouts);
  // this process talks to the emulator on loopback only.
  process.env.TENCENTCLOUD ??= 'true';
  return tcb.init({ env: 'local', secretId: 'local-emulator', secretKey: 'local-emulator', serviceUrl: adminUrl, keepalive: false });
}

export type AdminApp = ReturnType<typeof adminApp>;

/** Creates every declared collection (existing ones are kept) and inserts the documents. */
export async function loadSeed(target: string | AdminApp, data: SeedData): Promise<Record<string, number>> {
  const db = (typeof target === 'string' ? adminApp(target) : target).database();
  const counts: Record<string, number> = {};
  for (const name of new Set([...Object.values(COLLECTIONS), ...Object.keys(data)])) {
    try {
      await db.createCollection(name);
    } catch (error) {
      // An existing collection is fine; anything else is not.
      const code = (error as { code?: string }).code ?? '';
      if (!/EXIST/.test(code)) throw error;
    }
    const docs = data[name] ?? [];
    for (let i = 0; i < docs.length; i += 100) {
      await db.collection(name).add(docs.slice(i, i + 100));
    }
    counts[name] = docs.length;
  }
  return counts;
}

/** True when the emulator holds no members yet (then `npm start` seeds it). */
export async function isEmpty(adminUrl: string): Promise<boolean> {
  const db = adminApp(adminUrl).database();
  try {
    const { total } = await db.collection(COLLECTIONS.members).count();
    return total === 0;
  } catch {
    return true;
  }
}
