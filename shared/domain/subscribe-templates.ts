/**
 * What each subscribe-message template says, and which of the template's keys carries it. A
 * library template's keys (`thing1`, `time3`, …) are fixed by WeChat per template; an account
 * that picked another template of the same kind has other numbers, and a message with keys the
 * template lacks is refused (47003). So the functions fill named fields, and the keys come from
 * configuration (`TONGXIN_TPL_<NAME>_KEYS`, DEPLOY.md §5) with these defaults.
 */
import type { SubscribeTemplate } from './study';

/** The kind of each field: a `thing` (≤ 20 characters) or a `time` (a date-time). */
export const TEMPLATE_FIELDS = {
  studyPush: { title: 'thing', sender: 'thing', time: 'time' },
  meeting: { title: 'thing', start: 'time', place: 'thing' },
  task: { title: 'thing', doneBy: 'thing', due: 'time' },
} as const satisfies Record<SubscribeTemplate, Record<string, 'thing' | 'time'>>;

export type TemplateFields<T extends SubscribeTemplate> = { [F in keyof (typeof TEMPLATE_FIELDS)[T]]: string };

/** The keys of the library templates DEPLOY.md names. */
export const DEFAULT_TEMPLATE_KEYS: { [T in SubscribeTemplate]: Record<keyof (typeof TEMPLATE_FIELDS)[T], string> } = {
  studyPush: { title: 'thing1', sender: 'thing2', time: 'time3' },
  meeting: { title: 'thing1', start: 'time2', place: 'thing3' },
  task: { title: 'thing1', doneBy: 'thing2', due: 'time3' },
};

/** The environment variable naming a template's keys, e.g. TONGXIN_TPL_STUDY_PUSH_KEYS. */
export const keysVariable = (template: SubscribeTemplate): string => `TONGXIN_TPL_${template.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_KEYS`;

/** A `thing` takes a thing key; a `time` a time or date key (WeChat's keyword types). */
const KEY_KINDS: Record<'thing' | 'time', RegExp> = { thing: /^thing\d{1,2}$/, time: /^(time|date)\d{1,2}$/ };

/**
 * The keys for a template: `title=thing4,sender=thing1,time=time2` (every field, each key of the
 * right kind, no key twice), or the defaults when `raw` is empty. A wrong setting throws, naming it.
 */
export function templateKeys<T extends SubscribeTemplate>(template: T, raw: string | undefined): Record<keyof (typeof TEMPLATE_FIELDS)[T], string> {
  const fields = TEMPLATE_FIELDS[template] as Record<string, 'thing' | 'time'>;
  if (!raw || !raw.trim()) return DEFAULT_TEMPLATE_KEYS[template];
  const pairs = Object.fromEntries(raw.split(',').map((pair) => pair.split('=').map((s) => s.trim())).filter((p) => p.length === 2)) as Record<string, string>;
  const problems: string[] = [];
  for (const [field, kind] of Object.entries(fields)) {
    if (!pairs[field]) problems.push(`${field} is missing`);
    else if (!KEY_KINDS[kind].test(pairs[field])) problems.push(`${field}=${pairs[field]} is not a ${kind} key`);
  }
  for (const field of Object.keys(pairs)) if (!(field in fields)) problems.push(`${field} is not a field of ${template}`);
  if (new Set(Object.values(pairs)).size !== Object.values(pairs).length) problems.push('a key is used twice');
  if (problems.length) throw new Error(`${keysVariable(template)}="${raw}": ${problems.join('; ')} (fields: ${Object.keys(fields).join(', ')})`);
  return pairs as Record<keyof (typeof TEMPLATE_FIELDS)[T], string>;
}

/** The message data WeChat takes: each field under its key, a `thing` cut to 20 characters. */
export function templateData<T extends SubscribeTemplate>(template: T, fields: TemplateFields<T>, keys: Record<keyof (typeof TEMPLATE_FIELDS)[T], string>): Record<string, { value: string }> {
  const kinds = TEMPLATE_FIELDS[template] as Record<string, 'thing' | 'time'>;
  const data: Record<string, { value: string }> = {};
  for (const [field, value] of Object.entries(fields as Record<string, string>)) data[(keys as Record<string, string>)[field]] = { value: kinds[field] === 'thing' ? [...value].slice(0, 20).join('') : value };
  return data;
}
