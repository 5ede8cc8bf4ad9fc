/**
 * MongoDB's `$jsonSchema` query operator: JSON Schema draft 4 as MongoDB reads it
 * (src/mongo/db/matcher/schema/json_schema_parser.cpp), on the emulator's decoded documents.
 * mingo calls `jsonSchemaValidator(schema)` once when it compiles a query; it returns the test
 * for each document.
 *
 * MongoDB's rules, which a JSON-data validator (Ajv) does not follow: a keyword for objects,
 * arrays, strings or numbers applies only to a value of that BSON type (a Date or a RegExp is
 * not an object, so `required` passes on it); `type` has draft 4's names less `integer`;
 * `bsonType` takes MongoDB's aliases; `$ref`, `$schema`, `default`, `definitions`, `format` and
 * `id` are refused, and so is any keyword MongoDB does not know; `enum` and `uniqueItems`
 * compare as BSON values with fields in any order; `multipleOf` is decimal arithmetic on 15
 * significant digits; string lengths count code points. A schema MongoDB refuses is refused
 * with INVALID_PARAM naming the keyword.
 *
 * How `bsonType` reads the emulator's decoded values (ejson.ts keeps no BSON number types):
 * - `double` and `number`: any number. `int`: an integral number in the int32 range; `long`: an
 *   integral number. So 5 is int, long, double and number at once (the SDK would have sent it
 *   as an int32), 2.5 only double and number. `decimal`: nothing (decimals decode to numbers).
 * - `string`, `bool`, `null`, `array`; `object`: a plain object (a document); `date`: a Date;
 *   `regex`: a RegExp; `binData`: a Buffer or Uint8Array (the emulator stores none).
 * - `objectId`: nothing. CloudBase ids are strings, and a string is never an objectId.
 * - `undefined`, `timestamp`, `dbPointer`, `javascript`, `symbol`, `javascriptWithScope`,
 *   `minKey`, `maxKey`: nothing (the emulator decodes no such value).
 */
import { invalidParam, type DbError } from './errors';

type Check = (value: unknown) => boolean;
type Schema = Record<string, unknown>;

const isDocument = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};
const has = (obj: object, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(obj, key) && (obj as Record<string, unknown>)[key] !== undefined;
const isNumber = (v: unknown): v is number => typeof v === 'number';
const none: Check = () => false;

const BSON_TYPES: Readonly<Record<string, Check>> = {
  double: isNumber,
  number: isNumber,
  int: (v) => Number.isInteger(v) && (v as number) >= -(2 ** 31) && (v as number) < 2 ** 31,
  long: (v) => Number.isInteger(v) && Math.abs(v as number) < 2 ** 63,
  decimal: none,
  string: (v) => typeof v === 'string',
  bool: (v) => typeof v === 'boolean',
  null: (v) => v === null,
  array: Array.isArray,
  object: isDocument,
  date: (v) => v instanceof Date,
  regex: (v) => v instanceof RegExp,
  binData: (v) => v instanceof Uint8Array,
  objectId: none,
  undefined: none,
  timestamp: none,
  dbPointer: none,
  javascript: none,
  symbol: none,
  javascriptWithScope: none,
  minKey: none,
  maxKey: none,
};

/** draft 4's `type` names (less `integer`), as BSON types. */
const JSON_TYPES: Readonly<Record<string, Check>> = {
  array: BSON_TYPES.array,
  boolean: BSON_TYPES.bool,
  null: BSON_TYPES.null,
  number: BSON_TYPES.number,
  object: BSON_TYPES.object,
  string: BSON_TYPES.string,
};

const KEYWORDS = new Set([
  'additionalItems', 'additionalProperties', 'allOf', 'anyOf', 'bsonType', 'dependencies', 'description', 'enum',
  'exclusiveMaximum', 'exclusiveMinimum', 'items', 'maxItems', 'maxLength', 'maxProperties', 'maximum', 'minItems',
  'minLength', 'minProperties', 'minimum', 'multipleOf', 'not', 'oneOf', 'pattern', 'patternProperties', 'properties',
  'required', 'title', 'type', 'uniqueItems',
]);
/** JSON Schema keywords MongoDB refuses by name. */
const UNSUPPORTED = new Set(['$ref', '$schema', 'default', 'definitions', 'format', 'id']);
/** MongoDB's client-side field level encryption keywords: nothing in the emulator encrypts. */
const ENCRYPTION = new Set(['encrypt', 'encryptMetadata']);

const refuse = (message: string, at: string): DbError => invalidParam(at ? `${message} (at ${at})` : message);
const keywordError = (keyword: string, what: string, at: string): DbError => refuse(`$jsonSchema keyword '${keyword}' ${what}`, at);
const join = (at: string, step: string): string => (at ? `${at}.${step}` : step);

/** Equality as MongoDB compares `enum` and `uniqueItems` values: BSON values, fields in any order. */
export function bsonEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || (Number.isNaN(a) && Number.isNaN(b));
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (a instanceof RegExp || b instanceof RegExp) return a instanceof RegExp && b instanceof RegExp && a.source === b.source && a.flags === b.flags;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => bsonEqual(item, b[i]));
  }
  if (isDocument(a) && isDocument(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    return keys.length === Object.keys(b).filter((k) => b[k] !== undefined).length && keys.every((k) => has(b, k) && bsonEqual(a[k], b[k]));
  }
  return a === b;
}

/** A number as MongoDB's Decimal128 of a double: 15 significant digits, as digits × 10^exp. */
function decimal15(n: number): { digits: bigint; exp: number } {
  const [mantissa, exponent] = n.toExponential(14).split('e');
  return { digits: BigInt(mantissa.replace('.', '')), exp: Number(exponent) - 14 };
}

function isMultipleOf(value: number, divisor: number): boolean {
  if (!Number.isFinite(value)) return false;
  const a = decimal15(value);
  const b = decimal15(divisor);
  const exp = Math.min(a.exp, b.exp);
  const scaled = (x: { digits: bigint; exp: number }) => x.digits * 10n ** BigInt(x.exp - exp);
  return scaled(a) % scaled(b) === 0n;
}

/** A pattern as a JS RegExp (MongoDB's is PCRE, unanchored, with no flags), code points where it parses so. */
function patternOf(source: string, keyword: string, at: string): RegExp {
  try {
    return new RegExp(source, 'u');
  } catch {
    try {
      return new RegExp(source);
    } catch (e) {
      throw keywordError(keyword, `has an invalid regular expression ${JSON.stringify(source)}: ${(e as Error).message}`, at);
    }
  }
}

function nonNegativeInteger(schema: Schema, keyword: string, at: string): number | undefined {
  const v = schema[keyword];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw keywordError(keyword, 'must be a non-negative integer', at);
  return v;
}

function numberOf(schema: Schema, keyword: string, at: string): number | undefined {
  const v = schema[keyword];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || Number.isNaN(v)) throw keywordError(keyword, 'must be a number', at);
  return v;
}

function booleanOf(schema: Schema, keyword: string, at: string): boolean | undefined {
  const v = schema[keyword];
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw keywordError(keyword, 'must be a boolean', at);
  return v;
}

function subschema(value: unknown, keyword: string, at: string): Check {
  if (!isDocument(value)) throw keywordError(keyword, 'must be an object', at);
  return compile(value, at);
}

function schemaList(value: unknown, keyword: string, at: string): Check[] {
  if (!Array.isArray(value)) throw keywordError(keyword, 'must be an array', at);
  if (value.length === 0) throw keywordError(keyword, 'must be a non-empty array', at);
  return value.map((item, i) => subschema(item, keyword, join(at, `${keyword}.${i}`)));
}

function typeCheck(keyword: 'type' | 'bsonType', value: unknown, at: string): Check {
  const names = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(names) || names.some((n) => typeof n !== 'string')) throw keywordError(keyword, 'must be either a string or an array of strings', at);
  if (names.length === 0) throw keywordError(keyword, 'must name at least one type', at);
  const table = keyword === 'type' ? JSON_TYPES : BSON_TYPES;
  const checks = (names as string[]).map((name, i) => {
    // MongoDB refuses `integer` under either keyword (bsonType's integer type is `int`).
    if (name === 'integer') throw keywordError(keyword, `names type 'integer', which is not currently supported`, at);
    if ((names as string[]).indexOf(name) !== i) throw keywordError(keyword, `has duplicate value: ${name}`, at);
    if (!Object.prototype.hasOwnProperty.call(table, name)) throw keywordError(keyword, `has an unknown type name alias: ${name}`, at);
    return table[name];
  });
  return (v) => checks.some((check) => check(v));
}

function requiredOf(value: unknown, at: string): string[] {
  if (!Array.isArray(value)) throw keywordError('required', 'must be an array', at);
  if (value.some((n) => typeof n !== 'string')) throw keywordError('required', 'must be an array of strings', at);
  if (value.length === 0) throw keywordError('required', 'cannot be an empty array', at);
  if (new Set(value).size !== value.length) throw keywordError('required', 'array cannot contain duplicate values', at);
  return value as string[];
}

/** The checks of one schema object; `at` names where it is, for error messages. */
function compile(schema: Schema, at: string): Check {
  for (const key of Object.keys(schema)) {
    if (UNSUPPORTED.has(key)) throw keywordError(key, 'is not currently supported', at);
    if (ENCRYPTION.has(key)) throw keywordError(key, 'is not supported by the local emulator (no field is encrypted)', at);
    if (!KEYWORDS.has(key)) throw refuse(`Unknown $jsonSchema keyword: ${key}`, at);
  }
  for (const key of ['title', 'description']) {
    if (schema[key] !== undefined && typeof schema[key] !== 'string') throw keywordError(key, 'must be of type string', at);
  }
  if (schema.type !== undefined && schema.bsonType !== undefined) throw refuse(`Cannot specify both $jsonSchema keywords 'type' and 'bsonType'`, at);

  const checks: Check[] = [];
  const onNumbers = (test: (v: number) => boolean) => checks.push((v) => !isNumber(v) || test(v));
  const onStrings = (test: (v: string) => boolean) => checks.push((v) => typeof v !== 'string' || test(v));
  const onArrays = (test: (v: unknown[]) => boolean) => checks.push((v) => !Array.isArray(v) || test(v));
  const onObjects = (test: (v: Record<string, unknown>) => boolean) => checks.push((v) => !isDocument(v) || test(v));

  if (schema.type !== undefined) checks.push(typeCheck('type', schema.type, at));
  if (schema.bsonType !== undefined) checks.push(typeCheck('bsonType', schema.bsonType, at));

  // Numbers.
  for (const [bound, exclusive, below] of [['maximum', 'exclusiveMaximum', true], ['minimum', 'exclusiveMinimum', false]] as const) {
    const limit = numberOf(schema, bound, at);
    const strict = booleanOf(schema, exclusive, at);
    if (limit === undefined) {
      if (strict !== undefined) throw keywordError(bound, `must be present if ${exclusive} is present`, at);
      continue;
    }
    if (below) onNumbers((v) => (strict ? v < limit : v <= limit));
    else onNumbers((v) => (strict ? v > limit : v >= limit));
  }
  const divisor = numberOf(schema, 'multipleOf', at);
  if (divisor !== undefined) {
    if (!(divisor > 0) || !Number.isFinite(divisor)) throw keywordError('multipleOf', 'must have a positive value', at);
    onNumbers((v) => isMultipleOf(v, divisor));
  }

  // Strings.
  const maxLength = nonNegativeInteger(schema, 'maxLength', at);
  if (maxLength !== undefined) onStrings((v) => [...v].length <= maxLength);
  const minLength = nonNegativeInteger(schema, 'minLength', at);
  if (minLength !== undefined) onStrings((v) => [...v].length >= minLength);
  if (schema.pattern !== undefined) {
    if (typeof schema.pattern !== 'string') throw keywordError('pattern', 'must be a string', at);
    const re = patternOf(schema.pattern, 'pattern', at);
    onStrings((v) => re.test(v));
  }

  // Arrays.
  const maxItems = nonNegativeInteger(schema, 'maxItems', at);
  if (maxItems !== undefined) onArrays((v) => v.length <= maxItems);
  const minItems = nonNegativeInteger(schema, 'minItems', at);
  if (minItems !== undefined) onArrays((v) => v.length >= minItems);
  if (booleanOf(schema, 'uniqueItems', at)) onArrays((v) => v.every((item, i) => v.findIndex((other) => bsonEqual(item, other)) === i));
  let tupleLength: number | undefined;
  if (schema.items !== undefined) {
    if (Array.isArray(schema.items)) {
      const tuple = schema.items.map((item, i) => subschema(item, 'items', join(at, `items.${i}`)));
      tupleLength = tuple.length;
      onArrays((v) => tuple.every((check, i) => i >= v.length || check(v[i])));
    } else if (isDocument(schema.items)) {
      const each = compile(schema.items, join(at, 'items'));
      onArrays((v) => v.every(each));
    } else {
      throw keywordError('items', 'must be an array or an object', at);
    }
  }
  if (schema.additionalItems !== undefined) {
    const extra = schema.additionalItems;
    let rest: Check;
    if (typeof extra === 'boolean') rest = () => extra;
    else if (isDocument(extra)) rest = compile(extra, join(at, 'additionalItems'));
    else throw keywordError('additionalItems', 'must be either an object or a boolean', at);
    // Only after a list of item schemas, as in draft 4.
    const from = tupleLength;
    if (from !== undefined) onArrays((v) => v.slice(from).every(rest));
  }

  // Objects.
  const required = schema.required === undefined ? [] : requiredOf(schema.required, at);
  if (required.length > 0) onObjects((v) => required.every((name) => has(v, name)));
  let named: string[] = [];
  if (schema.properties !== undefined) {
    if (!isDocument(schema.properties)) throw keywordError('properties', 'must be an object', at);
    const props = Object.entries(schema.properties).map(([name, sub]) => {
      if (!isDocument(sub)) throw refuse(`Nested schema for $jsonSchema property '${name}' must be an object`, at);
      return [name, compile(sub, join(at, `properties.${name}`))] as const;
    });
    named = props.map(([name]) => name);
    onObjects((v) => props.every(([name, check]) => !has(v, name) || check(v[name])));
  }
  let patterns: Array<readonly [RegExp, Check]> = [];
  if (schema.patternProperties !== undefined) {
    if (!isDocument(schema.patternProperties)) throw keywordError('patternProperties', 'must be an object', at);
    patterns = Object.entries(schema.patternProperties).map(([source, sub]) => {
      if (!isDocument(sub)) throw keywordError('patternProperties', `has property '${source}' which is not an object`, at);
      return [patternOf(source, 'patternProperties', at), compile(sub, join(at, `patternProperties.${source}`))] as const;
    });
  }
  if (schema.additionalProperties !== undefined || patterns.length > 0) {
    const extra = schema.additionalProperties ?? true;
    let otherwise: Check;
    if (typeof extra === 'boolean') otherwise = () => extra;
    else if (isDocument(extra)) otherwise = compile(extra, join(at, 'additionalProperties'));
    else throw keywordError('additionalProperties', 'must be an object or a boolean', at);
    const known = new Set(named);
    onObjects((v) =>
      Object.keys(v).every((key) => {
        if (v[key] === undefined) return true;
        const matched = patterns.filter(([re]) => re.test(key));
        if (matched.length > 0) return matched.every(([, check]) => check(v[key]));
        return known.has(key) || otherwise(v[key]);
      }),
    );
  }
  const maxProperties = nonNegativeInteger(schema, 'maxProperties', at);
  if (maxProperties !== undefined) onObjects((v) => Object.keys(v).filter((k) => v[k] !== undefined).length <= maxProperties);
  const minProperties = nonNegativeInteger(schema, 'minProperties', at);
  if (minProperties !== undefined) onObjects((v) => Object.keys(v).filter((k) => v[k] !== undefined).length >= minProperties);
  if (schema.dependencies !== undefined) {
    if (!isDocument(schema.dependencies)) throw keywordError('dependencies', 'must be an object', at);
    for (const [name, dependency] of Object.entries(schema.dependencies)) {
      if (Array.isArray(dependency)) {
        if (dependency.length === 0) throw refuse(`property '${name}' in $jsonSchema keyword 'dependencies' cannot be an empty array`, at);
        if (dependency.some((d) => typeof d !== 'string')) throw refuse(`array '${name}' in $jsonSchema keyword 'dependencies' can only contain strings`, at);
        if (new Set(dependency).size !== dependency.length) throw refuse(`array '${name}' in $jsonSchema keyword 'dependencies' contains duplicate elements`, at);
        onObjects((v) => !has(v, name) || dependency.every((d: string) => has(v, d)));
      } else if (isDocument(dependency)) {
        const check = compile(dependency, join(at, `dependencies.${name}`));
        onObjects((v) => !has(v, name) || check(v));
      } else {
        throw refuse(`property '${name}' in $jsonSchema keyword 'dependencies' must be either an object or an array`, at);
      }
    }
  }

  // Any value.
  if (schema.allOf !== undefined) {
    const all = schemaList(schema.allOf, 'allOf', at);
    checks.push((v) => all.every((check) => check(v)));
  }
  if (schema.anyOf !== undefined) {
    const any = schemaList(schema.anyOf, 'anyOf', at);
    checks.push((v) => any.some((check) => check(v)));
  }
  if (schema.oneOf !== undefined) {
    const one = schemaList(schema.oneOf, 'oneOf', at);
    checks.push((v) => one.filter((check) => check(v)).length === 1);
  }
  if (schema.not !== undefined) {
    const not = subschema(schema.not, 'not', join(at, 'not'));
    checks.push((v) => !not(v));
  }
  if (schema.enum !== undefined) {
    const values = schema.enum;
    if (!Array.isArray(values)) throw keywordError('enum', 'must be an array', at);
    if (values.length === 0) throw keywordError('enum', 'cannot be an empty array', at);
    if (values.some((x, i) => values.findIndex((y) => bsonEqual(x, y)) !== i)) throw keywordError('enum', 'array cannot contain duplicate values', at);
    checks.push((v) => values.some((x) => bsonEqual(v, x)));
  }
  return (v) => checks.every((check) => check(v));
}

/** Compiles a `$jsonSchema` value (the whole document is checked against it). */
export function compileJsonSchema(schema: unknown): Check {
  if (!isDocument(schema)) throw invalidParam('$jsonSchema must be an object');
  return compile(schema, '');
}

/** A key that tells schemas apart (Dates, RegExps and strings included). */
function schemaKey(value: unknown): string {
  if (value instanceof Date) return `D${value.getTime()}`;
  if (value instanceof RegExp) return `R${String(value)}`;
  if (Array.isArray(value)) return `[${value.map(schemaKey).join(',')}]`;
  if (isDocument(value)) return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${schemaKey(v)}`).join(',')}}`;
  if (typeof value === 'number') return Object.is(value, -0) ? 'N-0' : `N${value}`;
  return `${typeof value}:${JSON.stringify(value) ?? ''}`;
}

const compiled = new Map<string, Check>();
const CACHE_SIZE = 64;

/**
 * mingo's `jsonSchemaValidator` option. A query compiles its schema once; the updater builds a
 * query for each document it updates, so compiled schemas are also kept by content (the last 64).
 */
export function jsonSchemaValidator(schema: unknown): Check {
  const key = schemaKey(schema);
  let check = compiled.get(key);
  if (check) {
    compiled.delete(key); // most recently used last
  } else {
    check = compileJsonSchema(schema);
    if (compiled.size >= CACHE_SIZE) compiled.delete(compiled.keys().next().value as string);
  }
  compiled.set(key, check);
  return check;
}
