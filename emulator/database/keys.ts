/**
 * Index keys: how a document's indexed field values are stored in the `idx` table so that
 * equality and range filters run in SQLite. Multikey like MongoDB: a path through arrays
 * yields every element. Only scalars are keyed; each key carries a type tag so a range on
 * numbers never matches strings or dates (MongoDB's type bracketing).
 */
import { isPlainObject, toEJSONString, type Doc } from './ejson';

export type KeyTag = 'n' | 's' | 'b' | 'd';
export interface IndexKey {
  t: KeyTag;
  v: number | string;
}

export function keyOf(value: unknown): IndexKey | undefined {
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : { t: 'n', v: value };
  if (typeof value === 'string') return { t: 's', v: value };
  if (typeof value === 'boolean') return { t: 'b', v: value ? 1 : 0 };
  if (value instanceof Date) return { t: 'd', v: value.getTime() };
  return undefined;
}

/** Every value found at a dotted path, descending into arrays the way MongoDB does. */
export function valuesAtPath(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  const walk = (v: unknown, parts: string[], i: number): void => {
    if (i === parts.length) {
      if (Array.isArray(v)) out.push(...v);
      else out.push(v);
      return;
    }
    if (Array.isArray(v)) {
      const part = parts[i];
      if (/^\d+$/.test(part)) walk(v[Number(part)], parts, i + 1);
      for (const e of v) if (isPlainObject(e)) walk(e, parts, i);
      return;
    }
    if (isPlainObject(v) && parts[i] in v) walk(v[parts[i]], parts, i + 1);
  };
  walk(doc, path.split('.'), 0);
  return out;
}

/** Distinct keys of one document for one indexed field. */
export function keysForField(doc: Doc, field: string): IndexKey[] {
  const seen = new Set<string>();
  const keys: IndexKey[] = [];
  for (const value of valuesAtPath(doc, field)) {
    const key = keyOf(value);
    if (!key) continue;
    const sig = `${key.t}:${String(key.v)}`;
    if (seen.has(sig)) continue;
    seen.add(sig);
    keys.push(key);
  }
  return keys;
}

/** The `id` column: string ids as they are (the usual case), anything else tagged. */
export function idKey(id: unknown): string {
  return typeof id === 'string' ? id : `\u0001${toEJSONString({ v: id })}`;
}
