/**
 * Who leads the next tackling project (攻坚项目 led in rotation, 轮值牵头): the committee in
 * a fixed order (by name), continuing after the lead of the latest project that followed the
 * rotation. An override (the secretary chose someone else, with a reason) does not use up the
 * proposed member's turn. A member who has left the committee is skipped; if the last
 * rotation lead has left, the turn passes to whoever follows them in the order.
 */
export interface Candidate {
  id: string;
  name: string;
}

export const byName = (a: Candidate, b: Candidate) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id);

export function rotationOrder(committee: readonly Candidate[]): Candidate[] {
  return [...committee].sort(byName);
}

/** `lastRotationLead`: the lead of the latest project that followed the rotation (null: none yet). */
export function nextInRotation(committee: readonly Candidate[], lastRotationLead: Candidate | null): Candidate | null {
  const order = rotationOrder(committee);
  if (!order.length) return null;
  if (!lastRotationLead) return order[0];
  const after = order.find((c) => byName(c, lastRotationLead) > 0);
  return after ?? order[0];
}
