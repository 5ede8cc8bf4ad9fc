/**
 * Transactions, as CloudBase's (MongoDB's snapshot isolation): writes are buffered per
 * transaction and applied at commit.
 * - Snapshot reads: a transaction reads the data as of its start and its own writes; a write
 *   made outside it since (or committed by another transaction) is not seen. The store tells the
 *   manager before every write, and each live transaction keeps the document as it was then,
 *   the first time only: that is its snapshot of the document.
 * - A read-only transaction always commits.
 * - Write–write conflicts are refused: a document written by another live transaction, or
 *   changed by anyone since this one started, cannot be written (DATABASE_TRANSACTION_CONFLICT at
 *   once, and the transaction is aborted, as MongoDB's WriteConflict); the commit checks again.
 * - Abandoned transactions expire after `ttlMs`: their locks are released and any later use,
 *   commit included, fails with DATABASE_TRANSACTION_FAIL.
 */
import { randomBytes } from 'node:crypto';
import type { Doc } from './ejson';
import { DbError, DB_ERRORS } from './errors';
import type { Store } from './state';
import { TransactionViewKey, conflict } from './views';

export interface BufferedWrite {
  coll: string;
  id: string;
  doc: Doc | null; // null = delete
}

export interface Transaction {
  id: string;
  expiresAt: number;
  state: 'active' | 'committed' | 'aborted' | 'expired';
  endedAt?: number;
  /** key -> the document as it was when the transaction started (null: absent), for documents changed since. */
  snapshot: Map<string, Doc | null>;
  writes: Map<string, BufferedWrite>;
}

const TOMBSTONE_MS = 10 * 60 * 1000;

export class TransactionManager {
  private readonly txns = new Map<string, Transaction>();
  private readonly locks = new Map<string, string>(); // key -> transaction id

  constructor(
    private readonly store: Store,
    private readonly ttlMs: number,
  ) {
    store.onBeforeWrite((coll, id) => this.keepSnapshot(coll, id));
  }

  start(now = Date.now()): Transaction {
    this.sweep(now);
    const txn: Transaction = {
      id: randomBytes(16).toString('hex'),
      expiresAt: now + this.ttlMs,
      state: 'active',
      snapshot: new Map(),
      writes: new Map(),
    };
    this.txns.set(txn.id, txn);
    return txn;
  }

  /** The live transaction with this id, or the error the service would give. */
  require(id: unknown, now = Date.now()): Transaction {
    this.sweep(now);
    const txn = typeof id === 'string' ? this.txns.get(id) : undefined;
    if (!txn) throw new DbError(DB_ERRORS.TRANSACTION_FAIL, `transaction ${String(id)} does not exist`);
    if (txn.state !== 'active') throw new DbError(DB_ERRORS.TRANSACTION_FAIL, `transaction ${txn.id} is ${txn.state}`);
    return txn;
  }

  /**
   * A document as the transaction sees it before its own writes: its snapshot when the
   * document changed since the start, else the live one. `undefined`: absent.
   */
  snapshotOf(txn: Transaction, coll: string, id: string): Doc | undefined {
    const key = TransactionViewKey(coll, id);
    if (txn.snapshot.has(key)) return txn.snapshot.get(key) ?? undefined;
    return this.store.get(coll, id)?.doc;
  }

  /** Documents of a collection changed since the transaction started, as they were at its start. */
  changedSince(txn: Transaction, coll: string): Array<[string, Doc | null]> {
    const prefix = TransactionViewKey(coll, '');
    return [...txn.snapshot].filter(([key]) => key.startsWith(prefix)).map(([key, doc]) => [key.slice(prefix.length), doc]);
  }

  write(txn: Transaction, coll: string, id: string, doc: Doc | null): void {
    const key = TransactionViewKey(coll, id);
    const holder = this.locks.get(key);
    if (holder !== undefined && holder !== txn.id) {
      // As MongoDB's WriteConflict, this aborts the later transaction; the client retries it.
      this.end(txn, 'aborted');
      throw conflict(`document ${id} in ${coll} is being written by another transaction`);
    }
    if (txn.snapshot.has(key)) {
      // Changed by someone else since this transaction started: writing it would lose that write.
      this.end(txn, 'aborted');
      throw conflict(`document ${id} in ${coll} changed since the transaction started`);
    }
    this.locks.set(key, txn.id);
    txn.writes.set(key, { coll, id, doc });
  }

  commit(txn: Transaction): void {
    try {
      this.store.transaction(() => {
        for (const key of txn.writes.keys()) {
          if (txn.snapshot.has(key)) {
            const [coll, id] = key.split('\u0000');
            throw conflict(`document ${id} in ${coll} changed since the transaction started`);
          }
        }
        const writes = [...txn.writes.values()];
        // Its own writes are not "changes since" for this transaction: it is ending.
        txn.state = 'committed';
        for (const w of writes) {
          if (w.doc === null) this.store.remove(w.coll, w.id);
          else this.store.put(w.coll, w.doc);
        }
      });
      this.end(txn, 'committed');
    } catch (e) {
      this.end(txn, 'aborted');
      throw e;
    }
  }

  abort(txn: Transaction): void {
    this.end(txn, 'aborted');
  }

  clear(): void {
    this.txns.clear();
    this.locks.clear();
  }

  /** Before any write to the store: every live transaction keeps the document as it is now, once. */
  private keepSnapshot(coll: string, id: string): void {
    const key = TransactionViewKey(coll, id);
    let current: Doc | null | undefined;
    for (const txn of this.txns.values()) {
      if (txn.state !== 'active' || txn.snapshot.has(key)) continue;
      if (current === undefined) current = this.store.get(coll, id)?.doc ?? null;
      txn.snapshot.set(key, current);
    }
  }

  private end(txn: Transaction, state: Transaction['state']): void {
    txn.state = state;
    txn.endedAt = Date.now();
    for (const key of txn.writes.keys()) if (this.locks.get(key) === txn.id) this.locks.delete(key);
    txn.writes.clear();
    txn.snapshot.clear();
  }

  /** Expires abandoned transactions and forgets long-ended ones. */
  private sweep(now: number): void {
    for (const txn of this.txns.values()) {
      if (txn.state === 'active' && now >= txn.expiresAt) this.end(txn, 'expired');
      else if (txn.state !== 'active' && (txn.endedAt ?? now) + TOMBSTONE_MS < now) this.txns.delete(txn.id);
    }
  }
}
