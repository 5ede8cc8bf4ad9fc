/**
 * The set-up plan: what a CloudBase environment lacks of the collections and indexes in
 * shared/db/collections.ts (the file the emulator reads too) and of the permission policy.
 * Pure, so `--dry-run` and the tests see exactly what a real run applies; what is already
 * right is listed as ok, so a second run is a no-op.
 */
import { COLLECTIONS, INDEXES, type IndexDeclaration, type IndexField } from '../../shared/db/collections';
import type { AclTag, ExistingIndex } from './cloud-admin';

/**
 * Database: only the functions (admin) read and write; the mini-program never talks to the
 * database directly. Storage: the phone uploads its own files with wx.cloud.uploadFile
 * (creator writes), and others see them through temporary URLs the functions make.
 */
export const ACL_POLICY = { database: 'ADMINONLY', storage: 'PRIVATE' } as const satisfies { database: AclTag; storage: AclTag };

export interface DesiredState {
  collections: readonly string[];
  indexes: readonly IndexDeclaration[];
  databaseAcl: AclTag;
  storageAcl: AclTag;
}

export function desiredState(): DesiredState {
  return { collections: Object.values(COLLECTIONS), indexes: INDEXES, databaseAcl: ACL_POLICY.database, storageAcl: ACL_POLICY.storage };
}

export interface ExistingCollection {
  indexes: readonly ExistingIndex[];
  acl: string | null;
}

/** Only the collections the plan cares about need to be present in `collections`. */
export interface ExistingState {
  collections: ReadonlyMap<string, ExistingCollection>;
  storageAcl: string | null;
}

export const emptyState = (): ExistingState => ({ collections: new Map(), storageAcl: null });

export type SetupAction =
  | { kind: 'createCollection'; collection: string }
  | { kind: 'createIndex'; index: IndexDeclaration }
  | { kind: 'setDatabaseAcl'; collection: string; from: string | null; to: AclTag }
  | { kind: 'setStorageAcl'; from: string | null; to: AclTag };

export type OkItem =
  | { kind: 'collection'; collection: string }
  | { kind: 'index'; index: IndexDeclaration }
  | { kind: 'databaseAcl'; collection: string; acl: string }
  | { kind: 'storageAcl'; acl: string };

/** An index of the declared name but other keys or uniqueness: never skipped silently, never replaced automatically. */
export interface IndexConflict {
  index: IndexDeclaration;
  existing: ExistingIndex;
}

export interface SetupPlan {
  actions: SetupAction[];
  ok: OkItem[];
  conflicts: IndexConflict[];
}

function sameIndex(declared: IndexDeclaration, existing: ExistingIndex): boolean {
  return (
    declared.fields.length === existing.keys.length &&
    declared.fields.every((f, i) => f.field === existing.keys[i].field && String(f.direction) === existing.keys[i].direction) &&
    Boolean(declared.unique) === existing.unique
  );
}

export function setupPlan(desired: DesiredState, existing: ExistingState): SetupPlan {
  const plan: SetupPlan = { actions: [], ok: [], conflicts: [] };
  // Every collection an index names is created too, so an index never lands on nothing.
  const collections = [...new Set([...desired.collections, ...desired.indexes.map((i) => i.collection)])];
  for (const collection of collections) {
    if (existing.collections.has(collection)) plan.ok.push({ kind: 'collection', collection });
    else plan.actions.push({ kind: 'createCollection', collection });
  }
  for (const index of desired.indexes) {
    const found = existing.collections.get(index.collection)?.indexes.find((i) => i.name === index.name);
    if (!found) plan.actions.push({ kind: 'createIndex', index });
    else if (sameIndex(index, found)) plan.ok.push({ kind: 'index', index });
    else plan.conflicts.push({ index, existing: found });
  }
  for (const collection of collections) {
    const acl = existing.collections.get(collection)?.acl ?? null;
    if (acl === desired.databaseAcl) plan.ok.push({ kind: 'databaseAcl', collection, acl });
    else plan.actions.push({ kind: 'setDatabaseAcl', collection, from: acl, to: desired.databaseAcl });
  }
  if (existing.storageAcl === desired.storageAcl) plan.ok.push({ kind: 'storageAcl', acl: existing.storageAcl });
  else plan.actions.push({ kind: 'setStorageAcl', from: existing.storageAcl, to: desired.storageAcl });
  return plan;
}

export const describeKeys = (keys: ReadonlyArray<{ field: string; direction: IndexField['direction'] | string }>, unique: boolean | undefined) =>
  `{${keys.map((k) => `${k.field}: ${k.direction}`).join(', ')}}${unique ? ' unique' : ''}`;

export function describeAction(action: SetupAction): string {
  switch (action.kind) {
    case 'createCollection':
      return `create collection   ${action.collection}`;
    case 'createIndex':
      return `create index        ${action.index.collection}.${action.index.name} ${describeKeys(action.index.fields, action.index.unique)}`;
    case 'setDatabaseAcl':
      return `set collection ACL  ${action.collection}: ${action.from ?? 'none'} -> ${action.to}`;
    case 'setStorageAcl':
      return `set storage ACL     ${action.from ?? 'none'} -> ${action.to}`;
  }
}

function describeOk(ok: readonly OkItem[]): string {
  const count = (kind: OkItem['kind']) => ok.filter((item) => item.kind === kind).length;
  const storage = ok.find((item): item is Extract<OkItem, { kind: 'storageAcl' }> => item.kind === 'storageAcl');
  const parts = [
    `${count('collection')} collections`,
    `${count('index')} indexes`,
    `${count('databaseAcl')} collection ACLs`,
    storage ? `storage ACL ${storage.acl}` : null,
  ].filter(Boolean);
  return `already right: ${parts.join(', ')}`;
}

export function formatSetupPlan(plan: SetupPlan): string {
  const lines: string[] = [];
  if (plan.actions.length === 0 && plan.conflicts.length === 0) {
    lines.push('nothing to do: the environment has every collection, index and ACL of the policy');
  } else if (plan.actions.length > 0) {
    lines.push(`${plan.actions.length} change(s):`, ...plan.actions.map((a) => `  ${describeAction(a)}`));
  }
  if (plan.conflicts.length > 0) {
    lines.push(
      `${plan.conflicts.length} conflict(s): an index of this name exists with other keys; drop it in the CloudBase console (数据库 → 索引管理) and run again:`,
      ...plan.conflicts.map(
        (c) => `  ${c.index.collection}.${c.index.name}: declared ${describeKeys(c.index.fields, c.index.unique)}, found ${describeKeys(c.existing.keys, c.existing.unique)}`,
      ),
    );
  }
  lines.push(describeOk(plan.ok));
  return lines.join('\n');
}
