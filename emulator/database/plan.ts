/**
 * Query planning: find one predicate in a (plain JS) MongoDB filter that an index can serve,
 * so SQLite returns only candidate rows. mingo re-checks every candidate, so a plan only has
 * to select a superset of the matches.
 */
import { isPlainObject, type Doc } from './ejson';
import { keyOf, idKey, type IndexKey, type KeyTag } from './keys';

export type Plan =
  | { kind: 'scan' }
  | { kind: 'ids'; ids: string[] }
  | { kind: 'keys'; field: string; keys: IndexKey[] }
  | { kind: 'range'; field: string; t: KeyTag; gt?: { v: number | string; inclusive: boolean }; lt?: { v: number | string; inclusive: boolean } };

const RANGE_OPS = new Set(['$gt', '$gte', '$lt', '$lte']);

function planField(field: string, cond: unknown, indexed: ReadonlySet<string>): Plan | undefined {
  const isId = field === '_id';
  if (!isId && !indexed.has(field)) return undefined;
  const eq = (values: unknown[]): Plan | undefined => {
    if (isId) {
      // _id equality: any value works, it is the primary key
      if (values.some((v) => v === null || v instanceof RegExp || isPlainObject(v) || Array.isArray(v))) return undefined;
      return { kind: 'ids', ids: values.map(idKey) };
    }
    const keys: IndexKey[] = [];
    for (const v of values) {
      const k = keyOf(v);
      if (!k) return undefined; // null/regex/array/object equality: not served by keys
      keys.push(k);
    }
    return { kind: 'keys', field, keys };
  };
  if (!isPlainObject(cond)) return eq([cond]);
  const ops = Object.keys(cond);
  if (ops.length === 0 || !ops.every((o) => o.startsWith('$'))) return eq([cond]);
  if ('$eq' in cond) {
    const p = eq([cond.$eq]);
    if (p) return p;
  }
  if (Array.isArray(cond.$in)) {
    const p = eq(cond.$in);
    if (p) return p;
  }
  if (isId) return undefined;
  let tag: KeyTag | undefined;
  let gt: { v: number | string; inclusive: boolean } | undefined;
  let lt: { v: number | string; inclusive: boolean } | undefined;
  for (const op of ops) {
    if (!RANGE_OPS.has(op)) continue;
    const k = keyOf(cond[op]);
    if (!k || k.t === 'b' || (tag && tag !== k.t)) return undefined;
    tag = k.t;
    if (op === '$gt' || op === '$gte') gt = { v: k.v, inclusive: op === '$gte' };
    else lt = { v: k.v, inclusive: op === '$lte' };
  }
  return tag ? { kind: 'range', field, t: tag, gt, lt } : undefined;
}

const rank = (p: Plan): number => (p.kind === 'ids' ? 0 : p.kind === 'keys' ? 1 : p.kind === 'range' ? 2 : 3);

/** Best plan for `query` given the indexed fields of its collection. */
export function planQuery(query: Doc, indexed: ReadonlySet<string>): Plan {
  const candidates: Plan[] = [];
  const visit = (q: Doc): void => {
    for (const [field, cond] of Object.entries(q)) {
      if (field === '$and' && Array.isArray(cond)) {
        for (const sub of cond) if (isPlainObject(sub)) visit(sub);
        continue;
      }
      if (field.startsWith('$')) continue; // $or/$nor/$expr/...: cannot narrow safely
      const p = planField(field, cond, indexed);
      if (p) candidates.push(p);
    }
  };
  visit(query);
  if (candidates.length === 0) return { kind: 'scan' };
  return candidates.sort((a, b) => rank(a) - rank(b))[0];
}
