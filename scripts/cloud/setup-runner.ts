/** Reads an environment's state through the CloudAdmin port and applies a set-up plan to it. */
import type { CloudAdmin } from './cloud-admin';
import { describeAction, type DesiredState, type ExistingCollection, type ExistingState, type SetupPlan } from './setup-plan';

/** The state of the collections the plan cares about (one call after another: the API limits rates). */
export async function readState(admin: CloudAdmin, desired: DesiredState): Promise<ExistingState> {
  const present = new Set(await admin.listCollections());
  const wanted = new Set([...desired.collections, ...desired.indexes.map((i) => i.collection)]);
  const collections = new Map<string, ExistingCollection>();
  for (const name of wanted) {
    if (!present.has(name)) continue;
    collections.set(name, { indexes: await admin.listIndexes(name), acl: await admin.getDatabaseAcl(name) });
  }
  return { collections, storageAcl: await admin.getStorageAcl() };
}

export class SetupConflictError extends Error {
  constructor(count: number) {
    super(`${count} index conflict(s) (listed above): nothing was changed`);
    this.name = 'SetupConflictError';
  }
}

/** Applies the actions in plan order (collections, then indexes, then ACLs); refuses a plan with conflicts. */
export async function applyPlan(admin: CloudAdmin, plan: SetupPlan, log: (line: string) => void = console.log): Promise<number> {
  if (plan.conflicts.length > 0) throw new SetupConflictError(plan.conflicts.length);
  for (const action of plan.actions) {
    log(`  ${describeAction(action)}`);
    switch (action.kind) {
      case 'createCollection':
        await admin.createCollection(action.collection);
        break;
      case 'createIndex':
        await admin.createIndex(action.index);
        break;
      case 'setDatabaseAcl':
        await admin.setDatabaseAcl(action.collection, action.to);
        break;
      case 'setStorageAcl':
        await admin.setStorageAcl(action.to);
        break;
    }
  }
  return plan.actions.length;
}
