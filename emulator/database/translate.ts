/**
 * Translates the SDK's request fields (EJSON strings, see @cloudbase/database serializers)
 * into the plain MongoDB shapes mingo understands. The SDK already emits MongoDB operator
 * names (`$ne` for neq, `$unset` for remove, `$pop: -1` for shift, `$push` + `$position: 0`
 * for unshift), so most of the work is EJSON decoding and validation.
 */
import { isPlainObject, parseEJSON, type Doc } from './ejson';
import { invalidParam } from './errors';

export type SortSpec = Record<string, 1 | -1>;

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export function parseQuery(raw: unknown, now: number): Doc {
  if (raw === undefined || raw === null || raw === '') return {};
  const q = parseEJSON(raw, now, 'query');
  if (!isPlainObject(q)) throw invalidParam('query must be an object');
  refuseUnsupported(q);
  return q;
}

const GEO_OPERATORS = new Set(['$near', '$nearSphere', '$geoWithin', '$geoIntersects', '$geoNear']);

/**
 * Geo queries need a geo index, which CloudBase creates on request and the emulator never has:
 * they are refused as a query on a field without one (MongoDB: "unable to find index for
 * $geoNear query"), with INVALID_PARAM, rather than as an unknown operator. `$text` (no text
 * index either) is refused by name (emulator/README.md lists what differs). `$jsonSchema` is
 * supported (json-schema.ts checks its schema when the query is compiled), so its value, a
 * schema rather than a query, is not walked.
 */
function refuseUnsupported(value: unknown, field = ''): void {
  if (Array.isArray(value)) return value.forEach((item) => refuseUnsupported(item, field));
  if (!isPlainObject(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    if (GEO_OPERATORS.has(key)) throw invalidParam(`unable to find index for ${key} query: no geo index on ${field || 'the field'} (the local emulator keeps no geo indexes)`);
    if (key === '$text') throw invalidParam(`${key} is not supported by the local emulator`);
    if (key === '$jsonSchema') continue;
    refuseUnsupported(inner, key.startsWith('$') ? field : key);
  }
}

const direction = (v: unknown): 1 | -1 => {
  if (v === 1 || v === 'asc') return 1;
  if (v === -1 || v === 'desc') return -1;
  throw invalidParam(`invalid order direction: ${String(v)}`);
};

/** `order` is `{field: 1|-1}` (node-sdk 3) or `[{field, direction}]` (older clients). */
export function parseOrder(raw: unknown, now: number): SortSpec | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const o = parseEJSON(raw, now, 'order');
  const spec: SortSpec = {};
  if (Array.isArray(o)) {
    for (const item of o) {
      if (!isPlainObject(item) || typeof item.field !== 'string') throw invalidParam('invalid order');
      spec[item.field] = direction(item.direction);
    }
  } else if (isPlainObject(o)) {
    for (const [k, v] of Object.entries(o)) spec[k] = direction(v);
  } else {
    throw invalidParam('invalid order');
  }
  return Object.keys(spec).length > 0 ? spec : undefined;
}

export function parseProjection(raw: unknown, now: number): Doc | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const p = parseEJSON(raw, now, 'projection');
  if (!isPlainObject(p)) throw invalidParam('projection must be an object');
  const out: Doc = {};
  for (const [k, v] of Object.entries(p)) out[k] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
  return Object.keys(out).length > 0 ? out : undefined;
}

const intParam = (raw: unknown, name: string): number | undefined => {
  if (raw === undefined || raw === null) return undefined;
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw invalidParam(`${name} must be a non-negative integer`);
  return n;
};

/** Default 100; above 1000 is clamped to 1000 as the service does (the SDK clamps too). */
export function parseLimit(raw: unknown): number {
  const n = intParam(raw, 'limit');
  if (n === undefined || n === 0) return DEFAULT_LIMIT;
  return Math.min(n, MAX_LIMIT);
}

export function parseOffset(raw: unknown): number {
  return intParam(raw, 'offset') ?? 0;
}

export const UPDATE_OPERATORS = new Set([
  '$set', '$unset', '$inc', '$mul', '$push', '$pop', '$pull', '$pullAll', '$addToSet', '$rename', '$min', '$max', '$currentDate', '$bit',
]);

/** merge:true data: an update document made only of update operators. */
export function parseUpdate(raw: unknown, now: number): Doc {
  const u = parseEJSON(raw, now, 'data');
  if (!isPlainObject(u) || Object.keys(u).length === 0) throw invalidParam('update data must be a non-empty object');
  const keys = Object.keys(u);
  const operators = keys.filter((k) => k.startsWith('$'));
  if (operators.length === 0) return { $set: u }; // raw field values: treat as $set, like merge semantics
  if (operators.length !== keys.length) throw invalidParam('update data mixes operators and fields');
  for (const op of operators) {
    if (!UPDATE_OPERATORS.has(op)) throw invalidParam(`unsupported update operator ${op}`);
    const spec = u[op];
    if (!isPlainObject(spec)) throw invalidParam(`${op} needs an object`);
    if (Object.keys(spec).some((f) => f === '_id' || f.startsWith('_id.'))) throw invalidParam('cannot update _id');
  }
  return u;
}

/** merge:false data (doc.set): a whole replacement document without operators. */
export function parseReplacement(raw: unknown, now: number): Doc {
  const d = parseEJSON(raw, now, 'data');
  if (!isPlainObject(d)) throw invalidParam('data must be an object');
  if (Object.keys(d).some((k) => k.startsWith('$'))) throw invalidParam('replacement data cannot contain update operators');
  return d;
}

/** Aggregate stages arrive as `[{stageKey, stageValue: EJSON string}]`. */
export function parseStages(raw: unknown, now: number): Doc[] {
  if (!Array.isArray(raw)) throw invalidParam('stages must be an array');
  return raw.map((stage: unknown) => {
    if (!isPlainObject(stage) || typeof stage.stageKey !== 'string') throw invalidParam('invalid aggregate stage');
    const key = stage.stageKey.startsWith('$') ? stage.stageKey : `$${stage.stageKey}`;
    const value = parseEJSON(stage.stageValue, now, `stage ${key}`);
    refuseUnsupported({ [key]: value });
    return { [key]: value };
  });
}

/** Plain equality fields of a filter: the seed of an upserted document. */
export function equalityFields(query: Doc): Doc {
  const seed: Doc = {};
  for (const [k, v] of Object.entries(query)) {
    if (k.startsWith('$') || k.includes('.')) continue;
    if (isPlainObject(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === '$eq') seed[k] = v.$eq;
      else if (!keys.some((x) => x.startsWith('$'))) seed[k] = v;
      continue;
    }
    if (!(v instanceof RegExp)) seed[k] = v;
  }
  return seed;
}
