/**
 * A View is what an operation reads and writes through: the committed store directly, or a
 * transaction's buffered overlay on top of it. Operations are written once against View.
 */
import { cloneValue, type Doc } from './ejson';
import { DbError, DB_ERRORS, collectionNotExist, refuseDollarNames } from './errors';
import { idKey } from './keys';
import { planQuery } from './plan';
import { Query } from './mongo-semantics';
import type { Store, StoredDoc } from './state';
import type { Transaction, TransactionManager } from './transactions';

export interface View {
  assertCollection(coll: string): void;
  /** All documents matching `query`, in natural (insertion) order. */
  find(coll: string, query: Doc): Doc[];
  get(coll: string, id: unknown): Doc | undefined;
  put(coll: string, doc: Doc): void;
  remove(coll: string, id: unknown): void;
  /** Runs a multi-write operation atomically. */
  atomically<T>(fn: () => T): T;
}

export interface ScanReporter {
  (coll: string, query: Doc, scanned: number): void;
}

export const matcher = (query: Doc): ((doc: Doc) => boolean) => {
  if (Object.keys(query).length === 0) return () => true;
  const q = new Query(query);
  return (doc) => q.test(doc);
};

/** Candidate rows from SQLite (index pushdown when a plan exists), reporting unindexed scans. */
export function candidates(store: Store, coll: string, query: Doc, report: ScanReporter): StoredDoc[] {
  const plan = planQuery(query, store.indexedFields(coll));
  const rows = store.find(coll, plan);
  // An empty filter reads in natural order and stops at the limit in MongoDB: not reported.
  if (plan.kind === 'scan' && Object.keys(query).length > 0) report(coll, query, rows.length);
  return rows;
}

export class CommittedView implements View {
  constructor(
    private readonly store: Store,
    private readonly report: ScanReporter,
  ) {}

  assertCollection(coll: string): void {
    if (!this.store.hasCollection(coll)) throw collectionNotExist(coll);
  }

  find(coll: string, query: Doc): Doc[] {
    const test = matcher(query);
    return candidates(this.store, coll, query, this.report)
      .map((r) => r.doc)
      .filter(test);
  }

  get(coll: string, id: unknown): Doc | undefined {
    return this.store.get(coll, idKey(id))?.doc;
  }

  put(coll: string, doc: Doc): void {
    refuseDollarNames(doc);
    this.store.put(coll, doc);
  }

  remove(coll: string, id: unknown): void {
    this.store.remove(coll, idKey(id));
  }

  atomically<T>(fn: () => T): T {
    return this.store.transaction(fn);
  }
}

/** Reads see the transaction's own writes; writes are buffered until commit. */
export class TransactionView implements View {
  constructor(
    private readonly store: Store,
    private readonly manager: TransactionManager,
    private readonly txn: Transaction,
    private readonly report: ScanReporter,
  ) {}

  assertCollection(coll: string): void {
    if (!this.store.hasCollection(coll)) throw collectionNotExist(coll);
  }

  find(coll: string, query: Doc): Doc[] {
    const test = matcher(query);
    const byId = new Map<string, Doc>();
    for (const row of candidates(this.store, coll, query, this.report)) byId.set(row.id, row.doc);
    // The snapshot: documents changed since the transaction started read as they were then.
    for (const [id, doc] of this.manager.changedSince(this.txn, coll)) {
      if (doc === null) byId.delete(id);
      else byId.set(id, cloneValue(doc));
    }
    for (const w of this.txn.writes.values()) {
      if (w.coll !== coll) continue;
      if (w.doc === null) byId.delete(w.id);
      else byId.set(w.id, cloneValue(w.doc));
    }
    return [...byId.values()].filter(test);
  }

  get(coll: string, id: unknown): Doc | undefined {
    const key = idKey(id);
    const own = this.txn.writes.get(TransactionViewKey(coll, key));
    if (own) return own.doc === null ? undefined : cloneValue(own.doc);
    return this.manager.snapshotOf(this.txn, coll, key);
  }

  put(coll: string, doc: Doc): void {
    refuseDollarNames(doc);
    this.manager.write(this.txn, coll, idKey(doc._id), cloneValue(doc));
  }

  remove(coll: string, id: unknown): void {
    this.manager.write(this.txn, coll, idKey(id), null);
  }

  atomically<T>(fn: () => T): T {
    return fn(); // the buffer is applied atomically at commit
  }
}

export const TransactionViewKey = (coll: string, id: string): string => `${coll}\u0000${id}`;

export const conflict = (message: string): DbError => new DbError(DB_ERRORS.TRANSACTION_CONFLICT, message);
