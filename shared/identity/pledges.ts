/** Pledge rules in one place: when a pledge can be signed, and who reviews whose fulfilment. */
import { PLEDGE_PARTS, PLEDGE_PART_LABELS, type PledgePart } from '../domain/identity';

/** The parts still empty; a pledge is signed only when there are none. */
export function missingParts(parts: Record<PledgePart, readonly unknown[]>): PledgePart[] {
  return PLEDGE_PARTS.filter((part) => parts[part].length === 0);
}

export function missingMessage(missing: readonly PledgePart[]): string {
  return `请先填写${missing.map((p) => PLEDGE_PART_LABELS[p]).join('、')}，三部分都填写后才能签署`;
}

/**
 * Who reviews a member's fulfilment: the committee member who looks after the member's Party
 * group (the duty area); the secretary when the group has none, when the member is in no group,
 * or when the liaison would be reviewing their own pledge. Nobody reviews their own.
 */
export function reviewersOf(ownerId: string, liaisonId: string | null, secretaryIds: readonly string[]): string[] {
  if (liaisonId && liaisonId !== ownerId) return [liaisonId];
  return secretaryIds.filter((id) => id !== ownerId);
}
