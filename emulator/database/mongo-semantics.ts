/**
 * Where mingo (the emulator's query and aggregation engine) answers differently from MongoDB,
 * which CloudBase's database is: operators replaced in one mingo context that every query,
 * update and pipeline of the emulator runs with (`MONGO_OPTIONS`). Each has a test in
 * tests/emulator/database.semantics.test.ts.
 * - `$elemMatch` with a field condition matches only documents in the array (mingo matched
 *   plain values too); an operator-only condition (`{$gt: 1}`) still matches values.
 * - `$week`: weeks start on Sunday, days before the year's first Sunday are week 0 (mingo was
 *   one off, and gave 53 for 2023-01-01).
 * - `$substr` / `$substrBytes`: a negative length runs to the end (mingo refused it), counted in
 *   UTF-8 bytes.
 * - `$indexOfCP`: added (mingo has none).
 * - `$dateFromString`: ISO dates with a space or `T`, with or without an offset, parse (mingo gave
 *   null); a missing or null input gives null (or `onNull`), an unparsable one an error (or
 *   `onError`).
 * - `$jsonSchema`: mingo asks its `jsonSchemaValidator` option, which is MongoDB's draft 4
 *   (json-schema.ts; tests/emulator/database.jsonschema.test.ts). It applies to a whole document
 *   (top level, `$and`/`$or`/`$nor`, an object `$elemMatch`); on a field it is an unknown
 *   operator, as in MongoDB.
 */
import { Aggregator as BaseAggregator } from 'mingo/aggregator';
import { Context, evalExpr } from 'mingo/core';
import { Query as BaseQuery } from 'mingo/query';
import type { AnyObject, Criteria, Options, Projection } from 'mingo/types';
import { update as baseUpdate, type Modifier } from 'mingo/updater';
import { isObject, resolve } from 'mingo/util';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { invalidParam } from './errors';
import { jsonSchemaValidator } from './json-schema';

type Any = unknown;
type ComputeOptions = Options;
type ExpressionOp = (obj: Any, expr: Any, options: ComputeOptions) => Any;
type QueryOp = (selector: string, value: Any, options: ComputeOptions) => (obj: Any) => boolean;

const evaluate = (obj: Any, expr: Any, options: ComputeOptions): Any => evalExpr(obj as never, expr as never, options as never);
/** Operators of a whole document, not of a field's value. */
const PATHLESS = new Set(['$and', '$or', '$nor', '$jsonSchema']);

const $elemMatch: QueryOp = (selector, value) => {
  const criteria = (value ?? {}) as Record<string, Any>;
  const keys = Object.keys(criteria);
  // Only operators (not $and/$or/$nor/$jsonSchema): a condition on each value; else one on each document.
  const onValues = keys.length > 0 && keys.every((k) => k.startsWith('$') && !PATHLESS.has(k));
  const query = new BaseQuery(onValues ? { v: criteria } : criteria, MONGO_OPTIONS);
  return (obj) => {
    const list = resolve(obj as never, selector, { unwrapArray: true });
    if (!Array.isArray(list)) return false;
    return list.some((item) => (onValues ? query.test({ v: item }) : isObject(item) && query.test(item as never)));
  };
};

/** mingo compiles a top-level `$jsonSchema` with the operator's own name as the selector. */
const $jsonSchema: QueryOp = (selector, value, options) => {
  if (selector !== '$jsonSchema') throw invalidParam('unknown operator: $jsonSchema');
  return (queryOperators.$jsonSchema as QueryOp)(selector, value, options);
};

/** A date argument (`date` or `{date, timezone}`) as a Date in its zone's wall time, read in UTC. */
function wallTime(obj: Any, expr: Any, options: ComputeOptions): Date | null {
  // The SDK sends `[date]`; MongoDB also takes `date` and `{date, timezone}`.
  const arg = Array.isArray(expr) && expr.length === 1 ? expr[0] : expr;
  const spec: { date: Any; timezone?: Any } = isObject(arg) && 'date' in (arg as object) ? (arg as { date: Any; timezone?: Any }) : { date: arg };
  const date = evaluate(obj, spec.date, options);
  if (date === null || date === undefined) return null;
  if (!(date instanceof Date)) throw invalidParam('$week needs a date');
  const zone = spec.timezone === undefined ? null : evaluate(obj, spec.timezone, options);
  return new Date(date.getTime() + offsetMinutes(zone) * 60_000);
}

/** `+08:00`, `+0800`, `-05`, `UTC`/`GMT` or `Asia/Shanghai` (China has no daylight saving). */
function offsetMinutes(zone: Any): number {
  if (zone === null || zone === undefined || zone === 'UTC' || zone === 'GMT' || zone === 'Z') return 0;
  if (zone === 'Asia/Shanghai' || zone === 'Asia/Chongqing' || zone === 'PRC') return 480;
  const match = typeof zone === 'string' ? /^([+-])(\d{2}):?(\d{2})?$/.exec(zone) : null;
  if (!match) throw invalidParam(`unsupported timezone ${String(zone)}`);
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

const $week: ExpressionOp = (obj, expr, options) => {
  const at = wallTime(obj, expr, options);
  if (!at) return null;
  const yearStart = Date.UTC(at.getUTCFullYear(), 0, 1);
  const dayOfYear = Math.floor((at.getTime() - yearStart) / 86_400_000);
  return Math.floor((dayOfYear + 7 - at.getUTCDay()) / 7);
};

const $substrBytes: ExpressionOp = (obj, expr, options) => {
  const [value, start, length] = (evaluate(obj, expr, options) ?? []) as [Any, Any, Any];
  if (value === null || value === undefined) return '';
  const bytes = Buffer.from(String(value), 'utf8');
  if (typeof start !== 'number' || typeof length !== 'number') throw invalidParam('$substrBytes needs a string, a start and a length');
  if (start < 0 || start >= bytes.length) return '';
  const end = length < 0 ? bytes.length : Math.min(bytes.length, start + length);
  // MongoDB refuses a range that cuts a character (a UTF-8 continuation byte at either end).
  const continuation = (i: number) => i < bytes.length && (bytes[i] & 0xc0) === 0x80;
  if (continuation(start) || continuation(end)) throw invalidParam('$substrBytes: the range cuts a UTF-8 character');
  return bytes.subarray(start, end).toString('utf8');
};

const $indexOfCP: ExpressionOp = (obj, expr, options) => {
  const [value, search, start = 0, end] = (evaluate(obj, expr, options) ?? []) as [Any, Any, Any, Any];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || typeof search !== 'string') throw invalidParam('$indexOfCP needs two strings');
  const points = [...value];
  const last = typeof end === 'number' ? Math.min(end, points.length) : points.length;
  const from = typeof start === 'number' ? start : 0;
  const needle = [...search];
  for (let i = from; i + needle.length <= last; i += 1) if (needle.every((c, j) => points[i + j] === c)) return i;
  return -1;
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

const $dateFromString: ExpressionOp = (obj, expr, options) => {
  const spec = (expr ?? {}) as { dateString?: Any; timezone?: Any; onNull?: Any; onError?: Any; format?: Any };
  // The `format` form is mingo's own, which implements it.
  if (spec.format !== undefined) return (expressionOperators.$dateFromString as ExpressionOp)(obj, expr, options);
  const input = evaluate(obj, spec.dateString, options);
  if (input === null || input === undefined) return spec.onNull === undefined ? null : evaluate(obj, spec.onNull, options);
  const match = typeof input === 'string' ? ISO.exec(input.trim()) : null;
  if (!match) {
    if (spec.onError !== undefined) return evaluate(obj, spec.onError, options);
    throw invalidParam(`$dateFromString cannot parse ${JSON.stringify(input)}`);
  }
  const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0', zone] = match;
  const offset = zone ? offsetMinutes(zone === 'Z' ? 'UTC' : zone.length === 3 ? `${zone}:00` : zone) : offsetMinutes(spec.timezone === undefined ? null : evaluate(obj, spec.timezone, options));
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms.padEnd(3, '0')));
  return new Date(utc - offset * 60_000);
};

/** mingo's operators with MongoDB's answers where they differ (mingo's own wrappers would keep theirs). */
const CONTEXT = Context.init({
  accumulator: accumulatorOperators as never,
  expression: { ...expressionOperators, $week, $substr: $substrBytes, $substrBytes, $indexOfCP, $dateFromString } as never,
  pipeline: pipelineOperators as never,
  projection: projectionOperators as never,
  query: { ...queryOperators, $elemMatch, $jsonSchema } as never,
  window: windowOperators as never,
});

/** The options every mingo call of the emulator runs with. */
export const MONGO_OPTIONS: Partial<Options> = { context: CONTEXT, jsonSchemaValidator };

/** mingo's Query, find, Aggregator and update, with those options. */
export class Query extends BaseQuery {
  constructor(condition: Criteria<AnyObject>, options: Partial<Options> = {}) {
    super(condition, { ...options, ...MONGO_OPTIONS });
  }
}

export class Aggregator extends BaseAggregator {
  constructor(pipeline: AnyObject[], options: Partial<Options> = {}) {
    super(pipeline, { ...options, ...MONGO_OPTIONS });
  }
}

export function find(collection: AnyObject[], condition: Criteria<AnyObject>, projection?: Projection<AnyObject>) {
  return new Query(condition).find(collection, projection);
}

export function update(obj: AnyObject, modifier: Modifier<AnyObject>, arrayFilters: AnyObject[] | undefined, condition: Criteria<AnyObject> | undefined, options: { cloneMode: 'deep' }): string[] {
  return baseUpdate(obj, modifier, arrayFilters, condition, { ...options, queryOptions: MONGO_OPTIONS });
}
