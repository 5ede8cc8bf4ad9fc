/** Small data-access helpers: typed reads, branch scoping, ids. */
import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../shared/api/errors';
import type { Database } from './cloud';

/** Reads one document by id, parsed by its schema; null when missing. */
export async function getById<S extends z.ZodType>(db: Database, collection: string, id: string, schema: S): Promise<z.output<S> | null> {
  const { data } = await db.collection(collection).doc(id).get();
  const row = (data as unknown[])[0];
  return row ? schema.parse(row) : null;
}

/**
 * Reads a document that must belong to `branchId`. Another branch's id answers exactly
 * like a missing one (NOT_FOUND), so ids never leak whether they exist.
 */
export async function getInBranch<S extends z.ZodType>(
  db: Database,
  collection: string,
  id: string,
  schema: S,
  branchId: string,
  notFound = '内容不存在或已被删除',
): Promise<z.output<S>> {
  const doc = await getById(db, collection, id, schema);
  if (!doc || (doc as { branchId?: unknown }).branchId !== branchId) throw new AppError('NOT_FOUND', notFound);
  return doc;
}

/** All documents matching a filter (CloudBase returns at most 1000 a query; a branch is ≤ 50 members). */
export async function findAll<S extends z.ZodType>(
  db: Database,
  collection: string,
  filter: Record<string, unknown>,
  schema: S,
  limit = 1000,
): Promise<Array<z.output<S>>> {
  const { data } = await db.collection(collection).where(filter).limit(limit).get();
  return (data as unknown[]).map((row) => schema.parse(row));
}

/** A new record id: prefix + 16 random url-safe characters. */
export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(12).toString('base64url')}`;
}

/** Strips `_id` so a document can be written with `set` / `update`. */
export function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}

/** A record id derived from a key, so a retried request (same key) writes the same record. */
export function idFor(prefix: string, ...parts: string[]): string {
  return `${prefix}-${createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 22)}`;
}

/** Every document matching a filter, 1000 a query (CloudBase's most), for reports over many documents. */
export async function findEvery<S extends z.ZodType>(db: Database, collection: string, filter: Record<string, unknown>, schema: S): Promise<Array<z.output<S>>> {
  const page = 1000;
  const rows: Array<z.output<S>> = [];
  for (let skip = 0; ; skip += page) {
    const { data } = await db.collection(collection).where(filter).orderBy('_id', 'asc').skip(skip).limit(page).get();
    for (const row of data as unknown[]) rows.push(schema.parse(row));
    if ((data as unknown[]).length < page) return rows;
  }
}
