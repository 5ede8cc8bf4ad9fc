/**
 * The content checks (WeChat's msgSecCheck v2 and mediaCheckAsync v2 in production, the
 * emulator's fakes locally). Which fields go through them is the content table,
 * shared/api/content.ts: text is checked by the runtime before the handler
 * (`requireCleanInput`), and a refusal writes nothing; images are checked by the handler after
 * their folder check (`requireImages`) for what they are, then held until WeChat answers.
 */
import { CONTENT_CHECKS } from '../../shared/api/content';
import type { ActionName } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { IMAGE_MAX_BYTES, imageTypeOf } from '../../shared/domain/files';
import { cloud } from './cloud';
import { requireFolder } from './files';
import { holdImages, type Holder } from './media-checks';
import { wechat } from './wechat';

/** msgSecCheck v2 labels, as a member should read them. */
const LABELS: Record<number, string> = {
  10001: '广告',
  20001: '时政敏感内容',
  20002: '色情内容',
  20003: '辱骂内容',
  20006: '违法犯罪内容',
  20008: '欺诈内容',
  20012: '低俗内容',
  20013: '侵权内容',
  21000: '不适宜的内容',
};

/** msgSecCheck takes at most 2,500 characters a call. */
const CHECK_CHARS = 2500;
/** Long texts are checked in slices that overlap, so no word is cut in two. */
const OVERLAP = 50;

interface Piece {
  /** The error field, as `fieldsOf` names it: `text`, `business.0.text`. */
  field: string;
  value: string;
}

/** The non-empty strings at a table path (`business[].text`) of an input, with their field names. */
export function piecesAt(input: unknown, path: string): Piece[] {
  const walk = (value: unknown, steps: string[], field: string[]): Piece[] => {
    if (value === null || value === undefined) return [];
    if (!steps.length) return typeof value === 'string' && value.trim() ? [{ field: field.join('.'), value }] : [];
    const [step, ...rest] = steps;
    if (step.endsWith('[]')) {
      const list = (value as Record<string, unknown>)[step.slice(0, -2)];
      return Array.isArray(list) ? list.flatMap((item, i) => walk(item, rest, [...field, step.slice(0, -2), String(i)])) : [];
    }
    return typeof value === 'object' ? walk((value as Record<string, unknown>)[step], rest, [...field, step]) : [];
  };
  // `problems[]` is a list of strings: its items are the values.
  return walk(input, path.split('.'), []);
}

function rejection(label: number | undefined, field: string): AppError {
  const reason = LABELS[label ?? 21000] ?? LABELS[21000];
  const message = `内容未通过安全检查：疑似包含${reason}，请修改后重试`;
  return new AppError('CONTENT_REJECTED', message, { [field]: message });
}

function slices(text: string): string[] {
  if (text.length <= CHECK_CHARS) return [text];
  const out: string[] = [];
  for (let at = 0; at < text.length; at += CHECK_CHARS - OVERLAP) out.push(text.slice(at, at + CHECK_CHARS));
  return out;
}

/**
 * Checks every text field the content table lists for the action. The common case, nothing
 * risky, is one call per 2,500 characters; a risky batch is checked field by field so the
 * member is told which field to change.
 */
export async function requireCleanInput(action: ActionName, input: unknown, openid: string): Promise<void> {
  const pieces = (CONTENT_CHECKS[action]?.text ?? []).flatMap((path) => piecesAt(input, path));
  if (!pieces.length) return;
  const batches: Piece[][] = [[]];
  let size = 0;
  for (const piece of pieces) {
    if (size + piece.value.length + 1 > CHECK_CHARS && batches[batches.length - 1].length) {
      batches.push([]);
      size = 0;
    }
    batches[batches.length - 1].push(piece);
    size += piece.value.length + 1;
  }
  await Promise.all(
    batches.map(async (batch) => {
      const joined = batch.map((p) => p.value).join('\n');
      const results = await Promise.all(slices(joined).map((content) => wechat().checkText({ content, openid })));
      const risky = results.find((r) => !r.pass);
      if (!risky) return;
      if (batch.length === 1) throw rejection(risky.label, batch[0].field);
      for (const piece of batch) {
        const checks = await Promise.all(slices(piece.value).map((content) => wechat().checkText({ content, openid })));
        const hit = checks.find((r) => !r.pass);
        if (hit) throw rejection(hit.label, piece.field);
      }
      // Risky only together (a word across two fields): the first field is where to look.
      throw rejection(risky.label, batch[0].field);
    }),
  );
}

export interface ImageRule {
  /** The folder the files must lie in (`notes/<memberId>`); see `requireFolder`. */
  folder: string;
  /** The input field, for the error. */
  field: string;
  /** What the member reads when a file is not theirs. */
  notOwn?: string;
  /** The ledger entry the image earns (a check-in's), reversed if WeChat finds it risky. */
  awardEntryId?: string;
}

/**
 * Images named by an input: in the caller's folder, really an image (JPEG, PNG, GIF or WebP by
 * their bytes, whatever the name says) and at most IMAGE_MAX_BYTES — refused with INVALID_INPUT
 * and nothing written — then held for WeChat's asynchronous check (media-checks.ts): no view
 * shows them until it passes. Call it before the record is written.
 */
export async function requireImages(holder: Holder, fileIds: readonly string[], rule: ImageRule): Promise<void> {
  requireFolder(fileIds, rule.folder, rule.field, rule.notOwn);
  const refuse = (message: string): AppError => new AppError('INVALID_INPUT', message, { [rule.field]: message });
  await Promise.all(
    [...new Set(fileIds)].map(async (fileID) => {
      let bytes: Buffer;
      try {
        bytes = (await cloud().downloadFile({ fileID })).fileContent as Buffer;
      } catch {
        throw refuse('图片不存在或已过期，请重新上传');
      }
      if (bytes.length > IMAGE_MAX_BYTES) throw refuse(`图片不能超过 ${IMAGE_MAX_BYTES / 1024 / 1024} MB，请压缩后重新上传`);
      if (!imageTypeOf(bytes)) throw refuse('只能上传 JPG、PNG、GIF 或 WebP 图片');
    }),
  );
  await holdImages(holder, fileIds, rule.awardEntryId ?? null);
}
