/**
 * Walking the contract's input schemas: the paths of every free-text field and every stored
 * file (`business[].text`, `photos[]`), and a valid sample input of any action — what the
 * content-check walk sends, one banned word at a time. Only zod's public definitions are read.
 */
import type { z } from 'zod';
import { isFreeText, storedFile } from '../../../shared/domain/text';

type Def = Record<string, unknown> & { type: string };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

export type LeafKind = 'text' | 'file';

/** `[path, kind]` for every free-text and file leaf of a schema. */
export function leaves(schema: z.ZodType, path = ''): Array<[string, LeafKind]> {
  if (schema === storedFile) return [[path, 'file']];
  if (isFreeText(schema)) return [[path, 'text']];
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, inner]) => leaves(inner, path ? `${path}.${key}` : key));
    case 'array':
      return leaves(def.element as z.ZodType, `${path}[]`);
    case 'nullable':
    case 'optional':
    case 'default':
      return leaves(def.innerType as z.ZodType, path);
    case 'union':
      return [...new Map((def.options as z.ZodType[]).flatMap((option) => leaves(option, path)).map((leaf) => [leaf.join(' '), leaf])).values()];
    case 'pipe':
      return leaves(def.in as z.ZodType, path);
    default:
      return [];
  }
}

const TEXT = '这是一段用于检查内容安全的正常文字内容说明本次工作安排和完成情况没有任何问题';
/** Strings that satisfy the contract's formats: ids, request ids, periods, days, months, times, phones. */
const STRING_CANDIDATES = ['item-0001', 'request-0001', '2026Q4', '2026-12-01', '2026-12', '2026-12-01T10:00:00.000+08:00', '13800138000', 'ABCD2345', 'token-0123456789'];

/** Text of `min`..`max` characters (Chinese, so names pass too), optionally carrying `word`. */
export function fittedText(schema: z.ZodType, word = ''): string {
  const bounds = schema as unknown as { minLength: number | null; maxLength: number | null };
  const max = bounds.maxLength ?? 200;
  const min = Math.max(bounds.minLength ?? 1, word.length);
  let text = `${word}${TEXT}`;
  while (text.length < min) text += TEXT;
  return text.slice(0, Math.max(min, Math.min(max, 30)));
}

/** A valid value of a schema: the first candidate it accepts, the first option of a choice. */
export function sample(schema: z.ZodType): unknown {
  if (isFreeText(schema)) return fittedText(schema);
  if (schema === storedFile) return 'cloud://local.local-bucket/samples/sample.png';
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.fromEntries(Object.entries(def.shape as Record<string, z.ZodType>).map(([key, inner]) => [key, sample(inner)]));
    case 'array': {
      const min = (schema as unknown as { _zod: { bag: { minimum?: number } } })._zod.bag.minimum ?? 1;
      return Array.from({ length: Math.max(1, min) }, () => sample(def.element as z.ZodType));
    }
    case 'nullable':
    case 'optional':
    case 'default':
      return sample(def.innerType as z.ZodType);
    case 'union':
      return sample((def.options as z.ZodType[])[0]);
    case 'pipe':
      return sample(def.in as z.ZodType);
    case 'enum':
      return Object.values(def.entries as Record<string, string>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'boolean':
      return false;
    case 'number': {
      const found = [1, 0, 60, 5, 2026, 100].find((n) => schema.safeParse(n).success);
      return found ?? 1;
    }
    case 'string': {
      const found = [...STRING_CANDIDATES, fittedText(schema)].find((s) => schema.safeParse(s).success);
      if (found === undefined) throw new Error(`no sample string for ${JSON.stringify(def.checks ?? [])}`);
      return found;
    }
    case 'record':
      return {};
    default:
      return undefined;
  }
}

/** `input` with the value at `path` (first item of each list) replaced. */
export function withValueAt(input: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(input) as Record<string, unknown>;
  const steps = path.split('.');
  let at: Record<string, unknown> = copy;
  steps.forEach((step, i) => {
    const last = i === steps.length - 1;
    if (step.endsWith('[]')) {
      const list = at[step.slice(0, -2)] as unknown[];
      if (last) list[0] = value;
      else at = list[0] as Record<string, unknown>;
    } else if (last) at[step] = value;
    else at = at[step] as Record<string, unknown>;
  });
  return copy;
}

/** The error field a path's first value is reported under: `business[].text` → `business.0.text`. */
export const fieldOf = (path: string): string => path.replace(/\[\]/g, '.0');

/** The schema at a path (first item of lists), to fit a value to its bounds. */
export function schemaAt(schema: z.ZodType, path: string): z.ZodType {
  let at = schema;
  const unwrap = (s: z.ZodType): z.ZodType => {
    const def = defOf(s);
    if (['nullable', 'optional', 'default'].includes(def.type)) return unwrap(def.innerType as z.ZodType);
    if (def.type === 'pipe' && !isFreeText(s)) return unwrap(def.in as z.ZodType);
    return s;
  };
  for (const step of path.split('.')) {
    at = unwrap(at);
    const key = step.endsWith('[]') ? step.slice(0, -2) : step;
    at = unwrap((defOf(at).shape as Record<string, z.ZodType>)[key]);
    if (step.endsWith('[]')) at = unwrap(defOf(at).element as z.ZodType);
  }
  return at;
}
