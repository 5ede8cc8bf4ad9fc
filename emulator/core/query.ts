/**
 * Reading the emulator's own database from inside the emulator (the sign-in page lists
 * seeded people), through the same wire actions the SDK sends.
 */
import { EJSON } from 'bson';
import type { DatabaseService } from '../database';

export async function findAll(
  database: DatabaseService,
  collectionName: string,
  query: Record<string, unknown> = {},
): Promise<Record<string, unknown>[]> {
  const reply = await database.handle(
    {
      action: 'database.getDocument',
      collectionName,
      queryType: 'WHERE',
      query: EJSON.stringify(query, { relaxed: false }),
      limit: 1000,
      offset: 0,
    },
    'emulator-internal',
  );
  if (typeof reply.code === 'string') {
    if (reply.code === 'DATABASE_COLLECTION_NOT_EXIST') return [];
    throw new Error(`${reply.code}: ${String(reply.message)}`);
  }
  const data = reply.data as { list?: unknown[] } | undefined;
  return (data?.list ?? []).map((item) =>
    (typeof item === 'string' ? EJSON.parse(item, { relaxed: true }) : item) as Record<string, unknown>,
  );
}
