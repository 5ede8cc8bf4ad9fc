/**
 * Canonical EJSON (bson 4, relaxed:false) <-> plain JS values.
 *
 * Internally documents are plain JS (numbers, strings, booleans, null, Date, RegExp, arrays,
 * objects) so mingo can compare them; the wire and the SQLite rows use canonical EJSON text.
 * The int/double distinction is not kept: JS has one number type, like the SDK after parsing.
 */
import { EJSON } from 'bson';
import { invalidParam } from './errors';

export type Doc = Record<string, unknown>;

export const isPlainObject = (v: unknown): v is Doc =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp);

/** JS RegExp accepts a subset of Mongo's options (imsx): drop what it cannot take. */
const toRegExp = (pattern: string, options: string): RegExp =>
  new RegExp(pattern, [...new Set(options.split(''))].filter((f) => 'imsu'.includes(f)).join(''));

const parseNumber = (s: unknown): number => {
  if (typeof s === 'number') return s;
  if (typeof s !== 'string') throw invalidParam('bad EJSON number');
  const n = Number(s);
  if (Number.isNaN(n) && s !== 'NaN') throw invalidParam(`bad EJSON number: ${s}`);
  return n;
};

const parseDate = (v: unknown): Date => {
  if (typeof v === 'string') return new Date(v);
  if (typeof v === 'number') return new Date(v);
  if (isPlainObject(v) && '$numberLong' in v) return new Date(parseNumber(v.$numberLong));
  throw invalidParam('bad EJSON $date');
};

/**
 * Turns a parsed-JSON EJSON value into plain JS. `now` fills `db.serverDate()` markers
 * (`{"$tcb_server_date":{"offset":ms}}`) so one request uses one clock reading.
 */
export function fromEJSON(value: unknown, now: number): unknown {
  if (Array.isArray(value)) return value.map((v) => fromEJSON(v, now));
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const [k] = keys;
    const v = value[k];
    switch (k) {
      case '$numberInt':
      case '$numberDouble':
      case '$numberLong':
      case '$numberDecimal':
        return parseNumber(v);
      case '$date':
        return parseDate(v);
      case '$oid':
        return String(v);
      case '$undefined':
        return undefined;
      case '$regularExpression':
        if (isPlainObject(v)) return toRegExp(String(v.pattern ?? ''), String(v.options ?? ''));
        break;
      case '$tcb_server_date': {
        const offset = isPlainObject(v) ? Number(fromEJSON(v.offset, now) ?? 0) : 0;
        return new Date(now + (Number.isFinite(offset) ? offset : 0));
      }
      default:
        break;
    }
  }
  const out: Doc = {};
  for (const k of keys) {
    const v = fromEJSON(value[k], now);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** Parses an EJSON string (as the SDK sends `query`, `data`, …) into plain JS. */
export function parseEJSON(text: unknown, now: number, what: string): unknown {
  if (typeof text !== 'string') return fromEJSON(text, now);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalidParam(`${what} is not valid EJSON`);
  }
  return fromEJSON(raw, now);
}

/** Plain JS -> canonical EJSON text (what the SDK's `EJSON.parse` expects back). */
export function toEJSONString(value: unknown): string {
  return EJSON.stringify(value as Doc, { relaxed: false });
}


/** Deep copy of a plain document (Dates and RegExps copied, not shared). */
export function cloneValue<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => cloneValue(v)) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as T;
  if (isPlainObject(value)) {
    const out: Doc = {};
    for (const [k, v] of Object.entries(value)) out[k] = cloneValue(v);
    return out as T;
  }
  return value;
}
