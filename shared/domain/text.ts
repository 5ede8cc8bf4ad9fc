/**
 * Input rules for text a person types, shared by every schema: trimmed, bounded, no
 * control characters, no markup. One place, so every form and every function agree.
 */
import { z } from 'zod';
import { storedPath } from './files';

// Control characters except tab/newline (newline allowed only in multi-line text).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/;
const MARKUP = /<\s*\/?\s*[a-zA-Z!]|javascript:|on\w+\s*=/i;

export const TEXT_MESSAGES = {
  required: '不能为空',
  tooLong: (max: number) => `不能超过 ${max} 个字`,
  control: '包含不可见的控制字符',
  markup: '不能包含网页代码',
  newline: '不能换行',
} as const;

/** Every schema `plainText` made: how the contract is walked for free text (shared/api/content.ts). */
const FREE_TEXT = new WeakSet<z.ZodType>();

/** True for a schema of text a person types (made by `plainText`). */
export function isFreeText(schema: z.ZodType): boolean {
  return FREE_TEXT.has(schema);
}

export function plainText(max: number, options: { min?: number; multiline?: boolean } = {}) {
  const min = options.min ?? 1;
  const schema = z
    .string()
    .trim()
    .min(min, min === 1 ? TEXT_MESSAGES.required : `至少 ${min} 个字`)
    .max(max, TEXT_MESSAGES.tooLong(max))
    .refine((s) => !CONTROL.test(s), TEXT_MESSAGES.control)
    .refine((s) => options.multiline || !/[\r\n\t]/.test(s), TEXT_MESSAGES.newline)
    .refine((s) => !MARKUP.test(s), TEXT_MESSAGES.markup);
  FREE_TEXT.add(schema);
  return schema;
}

/** Record ids: what the seed and `crypto.randomUUID()`-derived ids look like. */
export const recordId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不正确');

/** A person's name: 2–20 characters of Chinese, letters, middle dot or space. */
export const personName = plainText(20).pipe(z.string().regex(/^[\u4e00-\u9fa5A-Za-z·• ]{2,20}$/, '请填写真实姓名'));

/** A mainland mobile number. */
export const mobilePhone = z.string().trim().regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号');

/** A China calendar day, 'YYYY-MM-DD', that exists. */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, '日期不存在');

/** `138****5678`: what everyone but the secretary and the member themselves sees. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}

/**
 * A stored file's id (`cloud://env.bucket/path`): the one schema of every file an input names,
 * so the contract can be walked for them (tests/functions/file-inputs.test.ts). A path with
 * `..`, empty segments or odd characters is refused here (shared/domain/files.ts); the folder
 * and branch check is the handler's (`requireFolder`).
 */
export const storedFile = z.string().refine((id) => storedPath(id) !== null, '文件地址不正确');

/** An idempotency key chosen by the phone, so a retried submission counts once. */
export const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号不正确');
