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
type AdminDb = ReturnType<AdminApp['database']>;

/** Creates a collection unless it exists (CloudBase answers an existing one with an *EXIST* code). */
export async function ensureCollection(db: { createCollection(name: string): unknown }, name: string): Promise<void> {
  try {
    await db.createCollection(name);
  } catch (error) {
    if (!/EXIST/.test(String((error as { code?: unknown })?.code ?? ''))) throw error;
  }
}

/** Makes a collection exist and hold nothing. Only ever for a test environment or the emulator. */
export async function emptyCollection(db: AdminDb, name: string): Promise<void> {
  await ensureCollection(db, name);
  // A filter that matches every document (some servers refuse an empty one for remove).
  await db.collection(name).where({ _id: db.command.exists(true) }).remove();
}

/** Creates every declared collection (existing ones are kept) and inserts the documents. */
export async function loadSeed(target: string | AdminApp, data: SeedData): Promise<Record<string, number>> {
  const db = (typeof target === 'string' ? adminApp(target) : target).database();
  const counts: Record<string, number> = {};
  for (const name of new Set([...Object.values(COLLECTIONS), ...Object.keys(data)])) {
    await ensureCollection(db, name);
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
