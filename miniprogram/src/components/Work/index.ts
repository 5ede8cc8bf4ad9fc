/**
 * Plain helpers shared by the work pages (subpackages/work), the secretary's forms and the
 * committee's overviews: the branch's people from org.pyramid, request ids, grouping by branch.
 * No page imports another page; this file is the one place they share.
 */
import type { ActionOutput } from '@/services/api';

export interface PersonRef {
  id: string;
  name: string;
}

type Pyramid = ActionOutput<'org.pyramid'>;

/** Everyone the pyramid knows (committee, groups with their leaders, units), once each, in that order. */
export function branchPeople(p: Pyramid | null | undefined): PersonRef[] {
  const seen = new Map<string, string>();
  const add = (m: PersonRef | null) => {
    if (m && !seen.has(m.id)) seen.set(m.id, m.name);
  };
  p?.committee.forEach((c) => add(c.member));
  p?.groups.forEach((g) => {
    add(g.leader);
    g.members.forEach(add);
  });
  p?.units.forEach((u) => {
    add(u.leader);
    u.members.forEach(add);
  });
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** An idempotency key made once per draft (the contract's requestId: [A-Za-z0-9_-]{8,64}). */
export function newRequestId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export interface BranchGroup<T> {
  branch: string;
  items: T[];
}

/** Items grouped by their branch, branches in the order they first appear. */
export function groupByBranch<T extends { branchName: string }>(items: readonly T[]): BranchGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(item.branchName);
    if (list) list.push(item);
    else groups.set(item.branchName, [item]);
  }
  return [...groups].map(([branch, list]) => ({ branch, items: list }));
}

/** How many items have each status, in the vocabulary's order: "已立项 2 · 推进中 1". */
export function statusCounts<S extends string>(statuses: readonly S[], labels: Record<S, string>, items: ReadonlyArray<{ status: S }>): Array<{ status: S; label: string; count: number }> {
  return statuses.map((s) => ({ status: s, label: labels[s], count: items.filter((i) => i.status === s).length }));
}
