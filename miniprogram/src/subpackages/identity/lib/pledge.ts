/**
 * 承诺践诺 helpers shared by the pledge pages (not a page module: Taro's page loader keeps only
 * a page's default export). Drafts live on the device until the server confirms them
 * (DESIGN §7): the pledge's three parts under one key per member and year, a fulfilment update
 * under one key per pledge, each fulfilment draft with a requestId made once.
 */
import Taro from '@tarojs/taro';
import { PLEDGE_PARTS, PLEDGE_PART_LABELS, PLEDGE_RULE, REVIEW_RATING_LABELS, type PledgePart } from '@/domain/identity';
import type { PledgeView } from '@/services/api';

export { PLEDGE_PARTS, PLEDGE_PART_LABELS, PLEDGE_RULE, REVIEW_RATING_LABELS, type PledgePart };

export interface ItemDraft {
  text: string;
  measure: string;
}
export type PartsDraft = Record<PledgePart, ItemDraft[]>;

/** The least characters of an item and of its measure (the contract's itemInput). */
export const ITEM_MIN = 4;
export const MEASURE_MIN = 2;
export const FULFILMENT_MIN = 10;
export const FULFILMENT_MAX = 500;
export const FULFILMENT_MAX_PHOTOS = 9;

const CHINESE_NUMBERS = ['一', '二', '三', '四', '五'];
/** "一、业务发展承诺" */
export const partHeading = (part: PledgePart) => `${CHINESE_NUMBERS[PLEDGE_PARTS.indexOf(part)]}、${PLEDGE_PART_LABELS[part]}`;

export const emptyItem = (): ItemDraft => ({ text: '', measure: '' });
export const blankParts = (): PartsDraft => ({ business: [emptyItem()], targets: [emptyItem()], post: [emptyItem()] });

/** The parts of a pledge from the server, as drafts (a part without items gets one blank item). */
export function partsOf(pledge: Pick<PledgeView, 'parts'> | null): PartsDraft {
  if (!pledge) return blankParts();
  const out = blankParts();
  for (const part of PLEDGE_PARTS) {
    const items = pledge.parts[part].map((i) => ({ text: i.text, measure: i.measure }));
    if (items.length) out[part] = items;
  }
  return out;
}

const blank = (i: ItemDraft) => !i.text.trim() && !i.measure.trim();

/** What pledge.save takes: trimmed items, fully blank ones left out. */
export function toSaveInput(parts: PartsDraft): Record<PledgePart, ItemDraft[]> {
  const clean = (items: ItemDraft[]) => items.filter((i) => !blank(i)).map((i) => ({ text: i.text.trim(), measure: i.measure.trim() }));
  return { business: clean(parts.business), targets: clean(parts.targets), post: clean(parts.post) };
}

/** The parts that still have no item with content (签署 needs one in each). */
export function missingParts(parts: PartsDraft): PledgePart[] {
  return PLEDGE_PARTS.filter((p) => !parts[p].some((i) => i.text.trim()));
}

/**
 * Per-field messages for the items, keyed as the server's fields are (`business.0.text`);
 * blank items are skipped (they are not sent), so the index counts only the items sent.
 */
export function validateParts(parts: PartsDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const part of PLEDGE_PARTS) {
    let sent = 0;
    for (const item of parts[part]) {
      if (blank(item)) continue;
      const text = item.text.trim();
      const measure = item.measure.trim();
      if (text.length < ITEM_MIN) errors[`${part}.${sent}.text`] = `承诺内容至少 ${ITEM_MIN} 个字`;
      else if (text.length > PLEDGE_RULE.itemMax) errors[`${part}.${sent}.text`] = `承诺内容不能超过 ${PLEDGE_RULE.itemMax} 个字`;
      if (measure.length < MEASURE_MIN) errors[`${part}.${sent}.measure`] = `请写明衡量标准（至少 ${MEASURE_MIN} 个字）`;
      else if (measure.length > PLEDGE_RULE.measureMax) errors[`${part}.${sent}.measure`] = `衡量标准不能超过 ${PLEDGE_RULE.measureMax} 个字`;
      sent++;
    }
  }
  return errors;
}

/** The index an item has in what is sent (blank items before it are not sent), or -1. */
export function sentIndex(items: readonly ItemDraft[], index: number): number {
  if (blank(items[index])) return -1;
  return items.slice(0, index).filter((i) => !blank(i)).length;
}

// ---- the pledge draft on the device ------------------------------------------------------

export const pledgeDraftKey = (memberId: string, year: number) => `tx_pledge_draft_${memberId}_${year}`;

function isItem(x: unknown): x is ItemDraft {
  const o = x as Partial<ItemDraft> | null;
  return Boolean(o) && typeof o?.text === 'string' && typeof o?.measure === 'string';
}

/** The draft kept on the device, or null (none, or unreadable). */
export function readPledgeDraft(memberId: string, year: number): PartsDraft | null {
  try {
    const raw = Taro.getStorageSync(pledgeDraftKey(memberId, year)) as { parts?: Partial<Record<PledgePart, unknown>> } | '';
    if (!raw || typeof raw !== 'object' || !raw.parts) return null;
    const out = blankParts();
    for (const part of PLEDGE_PARTS) {
      const items = raw.parts[part];
      if (Array.isArray(items)) {
        const ok = items.filter(isItem).slice(0, PLEDGE_RULE.maxItemsPerPart);
        out[part] = ok.length ? ok : [emptyItem()];
      }
    }
    return out;
  } catch {
    return null;
  }
}

export function writePledgeDraft(memberId: string, year: number, parts: PartsDraft | null): void {
  const key = pledgeDraftKey(memberId, year);
  try {
    if (parts) Taro.setStorageSync(key, { parts, savedAt: Date.now() });
    else Taro.removeStorageSync(key);
  } catch {
    // storage full: the draft lives on in the form for this session
  }
}

export const sameParts = (a: PartsDraft, b: PartsDraft) => JSON.stringify(toSaveInput(a)) === JSON.stringify(toSaveInput(b));

// ---- fulfilment drafts ---------------------------------------------------------------------

export interface FulfilmentDraft {
  text: string;
  itemId: string | null;
  /** fileIDs already uploaded. */
  photos: string[];
  /** Made once per draft: a retried update is the same update on the server. */
  requestId: string;
}

export const fulfilmentDraftKey = (pledgeId: string) => `tx_pledge_fulfil_${pledgeId}`;

export function newRequestId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function readFulfilmentDraft(pledgeId: string): FulfilmentDraft {
  try {
    const raw = Taro.getStorageSync(fulfilmentDraftKey(pledgeId)) as Partial<FulfilmentDraft> | '';
    if (raw && typeof raw === 'object' && typeof raw.requestId === 'string' && raw.requestId) {
      return {
        text: typeof raw.text === 'string' ? raw.text : '',
        itemId: typeof raw.itemId === 'string' ? raw.itemId : null,
        photos: Array.isArray(raw.photos) ? raw.photos.filter((x): x is string => typeof x === 'string').slice(0, FULFILMENT_MAX_PHOTOS) : [],
        requestId: raw.requestId,
      };
    }
  } catch {
    // unreadable storage: start a new draft
  }
  return { text: '', itemId: null, photos: [], requestId: newRequestId('pf') };
}

export function writeFulfilmentDraft(pledgeId: string, draft: FulfilmentDraft | null): void {
  const key = fulfilmentDraftKey(pledgeId);
  try {
    if (draft) Taro.setStorageSync(key, draft);
    else Taro.removeStorageSync(key);
  } catch {
    // storage full: the draft lives on in the form for this session
  }
}

// ---- storage paths and labels --------------------------------------------------------------

const safeFolder = (memberId: string) => `pledges/${memberId.replace(/[^\w-]/g, '_')}`;

/** `pledges/<memberId>/signature-<random>.png` */
export function signatureCloudPath(memberId: string): string {
  return `${safeFolder(memberId)}/signature-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}.png`;
}

/** The folder of a member's fulfilment photos (photoCloudPath adds `<random>.<ext>`). */
export const pledgePhotoFolder = (memberId: string) => safeFolder(memberId);

/** "业务发展承诺 1：…" — the item a fulfilment update is about. */
export function itemLabel(pledge: Pick<PledgeView, 'parts'>, itemId: string | null): string | null {
  if (!itemId) return null;
  for (const part of PLEDGE_PARTS) {
    const i = pledge.parts[part].findIndex((x) => x.id === itemId);
    if (i >= 0) return `${PLEDGE_PART_LABELS[part]} ${i + 1}：${pledge.parts[part][i].text}`;
  }
  return null;
}

/** Every item of a pledge as a choice for a fulfilment update. */
export function itemChoices(pledge: Pick<PledgeView, 'parts'>): Array<{ value: string; label: string }> {
  return PLEDGE_PARTS.flatMap((part) => pledge.parts[part].map((item, i) => ({ value: item.id, label: `${PLEDGE_PART_LABELS[part]} ${i + 1}：${item.text}` })));
}

export const itemCount = (pledge: Pick<PledgeView, 'parts'>) => PLEDGE_PARTS.reduce((n, p) => n + pledge.parts[p].length, 0);
