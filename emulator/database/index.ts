/**
 * The emulator's CloudBase database service. The controller hands it every `database.*`
 * request body the real SDK sends; it answers with the JSON the real service would.
 */
import type { IndexDeclaration } from '../../shared/db/collections';
import { fromEJSON, isPlainObject, type Doc } from './ejson';
import { DbError, DB_ERRORS } from './errors';
import { ACTIONS, type OpContext } from './operations';
import { Store } from './state';
import { TransactionManager } from './transactions';
import type { ScanReporter } from './views';

export interface DatabaseServiceOptions {
  file: string; // ':memory:' or a path to a SQLite file (WAL mode)
  indexes: readonly IndexDeclaration[];
  log?: (message: string) => void; // warnings, e.g. an unindexed scan of > scanWarningThreshold docs
  transactionTtlMs?: number; // abandoned transactions expire (default 30000)
  scanWarningThreshold?: number; // default 10000
}

export { DB_ERRORS } from './errors';

/** Leading field of each declared index (what a single-field filter can use), per collection. */
function indexedFields(indexes: readonly IndexDeclaration[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const ix of indexes) {
    const first = ix.fields[0];
    if (!first || first.field === '_id') continue;
    const set = out.get(ix.collection) ?? new Set<string>();
    set.add(first.field);
    out.set(ix.collection, set);
  }
  return out;
}

/** Field lists of the unique indexes, per collection. */
function uniqueIndexes(indexes: readonly IndexDeclaration[]): Map<string, Array<readonly string[]>> {
  const out = new Map<string, Array<readonly string[]>>();
  for (const ix of indexes) {
    if (!ix.unique || ix.fields.length === 0) continue;
    const list = out.get(ix.collection) ?? [];
    list.push(ix.fields.map((f) => f.field));
    out.set(ix.collection, list);
  }
  return out;
}

export class DatabaseService {
  private readonly store: Store;
  private readonly transactions: TransactionManager;
  private readonly report: ScanReporter;

  constructor(options: DatabaseServiceOptions) {
    this.store = new Store(options.file, indexedFields(options.indexes), uniqueIndexes(options.indexes));
    this.transactions = new TransactionManager(this.store, options.transactionTtlMs ?? 30_000);
    const threshold = options.scanWarningThreshold ?? 10_000;
    const log = options.log ?? ((m: string) => console.warn(m));
    this.report = (coll, query, scanned) => {
      if (scanned > threshold) {
        log(`[database] unindexed query on "${coll}" scanned ${scanned} documents (threshold ${threshold}): ${JSON.stringify(query)}`);
      }
    };
  }

  /** A collection whose every request fails (tests: a function dying at that step), or null. */
  private failing: string | null = null;

  /**
   * Tests only: until called again with null, every request that names `collection` answers an
   * error, as when a function dies at that step (a crash between two writes, a lost network).
   */
  failRequests(collection: string | null): void {
    this.failing = collection;
  }

  /** Never throws: bad input becomes `{code, message, requestId}`. */
  async handle(body: Record<string, unknown>, requestId: string): Promise<Record<string, unknown>> {
    const action = typeof body.action === 'string' ? body.action : '';
    if (this.failing !== null && body.collectionName === this.failing) {
      return { code: DB_ERRORS.REQUEST_FAILED, message: `injected failure: ${this.failing} is unreachable`, requestId };
    }
    const run = ACTIONS[action];
    if (!run) {
      return { code: DB_ERRORS.ACTION_NOT_SUPPORTED, message: `action ${action || '(none)'} is not supported by the emulator`, requestId };
    }
    const ctx: OpContext = { store: this.store, transactions: this.transactions, report: this.report, now: Date.now() };
    try {
      return { requestId, ...run(ctx, body) };
    } catch (e) {
      if (e instanceof DbError) return { code: e.code, message: e.message, requestId };
      return { code: DB_ERRORS.REQUEST_FAILED, message: e instanceof Error ? e.message : String(e), requestId };
    }
  }

  /**
   * A count that moves with every document written or removed: "nothing was written" is one
   * comparison (tests). `except` leaves collections out (the functions' rate meters).
   */
  writeCount(options: { except?: readonly string[] } = {}): number {
    return this.store.writes(options.except);
  }

  exportState(): Record<string, unknown[]> {
    const out: Record<string, unknown[]> = {};
    for (const [name, docs] of this.store.dump()) out[name] = docs;
    return out;
  }

  /** Replaces everything with `state` (collection -> canonical or relaxed EJSON documents). */
  importState(state: Record<string, unknown[]>): void {
    this.transactions.clear();
    const now = Date.now();
    this.store.transaction(() => {
      this.store.dropAll();
      for (const [name, docs] of Object.entries(state)) {
        this.store.createCollection(name);
        for (const raw of docs) {
          const doc = fromEJSON(raw, now);
          if (!isPlainObject(doc) || doc._id === undefined) throw new Error(`importState: a document of ${name} has no _id`);
          this.store.put(name, doc);
        }
      }
    });
  }

  reset(): void {
    this.transactions.clear();
    this.store.dropAll();
  }

  listCollections(): string[] {
    return this.store.listCollections();
  }

  close(): void {
    this.transactions.clear();
    this.store.close();
  }
}

export type { Doc };
