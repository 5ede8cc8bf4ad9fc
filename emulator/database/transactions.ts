/**
 * Transactions: writes are buffered per transaction and applied at commit.
 * - Isolation: reads inside see their own writes; nobody else sees them before commit.
 * - Serialisation: a document written by one live transaction cannot be written by another
 *   (the later gets DATABASE_TRANSACTION_CONFLICT at once and is aborted, as MongoDB's
 *   write conflict);
 *   every document a transaction read or wrote is version-checked at commit, so a change
 *   committed meanwhile (by anyone) fails the commit with the same code.
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
  /** key -> version first observed (0 = absent) */
  observed: Map<string, number>;
  writes: Map<string, BufferedWrite>;
}

const TOMBSTONE_MS = 10 * 60 * 1000;

export class TransactionManager {
  private readonly txns = new Map<string, Transaction>();
  private readonly locks = new Map<string, string>(); // key -> transaction id

  constructor(
    private readonly store: Store,
    private readonly ttlMs: number,
  ) {}

  start(now = Date.now()): Transaction {
    this.sweep(now);
    const txn: Transaction = {
      id: randomBytes(16).toString('hex'),
      expiresAt: now + this.ttlMs,
      state: 'active',
      observed: new Map(),
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

  observe(txn: Transaction, coll: string, id: string, version: number): void {
    const key = TransactionViewKey(coll, id);
    if (!txn.observed.has(key)) txn.observed.set(key, version);
  }

  write(txn: Transaction, coll: string, id: string, doc: Doc | null): void {
    const key = TransactionViewKey(coll, id);
    const holder = this.locks.get(key);
    if (holder !== undefined && holder !== txn.id) {
      // As MongoDB's WriteConflict, this aborts the later transaction; the client retries it.
      this.end(txn, 'aborted');
      throw conflict(`document ${id} in ${coll} is being written by another transaction`);
    }
    const current = this.store.versionOf(coll, id);
    const seen = txn.observed.get(key);
    if (seen !== undefined && seen !== current) {
      // MongoDB's WriteConflict: the document changed after this transaction read it, so
      // the write fails now rather than the commit failing later.
      this.end(txn, 'aborted');
      throw conflict(`document ${id} in ${coll} changed since the transaction read it`);
    }
    this.locks.set(key, txn.id);
    if (seen === undefined) txn.observed.set(key, current);
    txn.writes.set(key, { coll, id, doc });
  }

  commit(txn: Transaction): void {
    try {
      this.store.transaction(() => {
        for (const [key, version] of txn.observed) {
          const [coll, id] = key.split('\u0000');
          if (this.store.versionOf(coll, id) !== version) {
            throw conflict(`document ${id} in ${coll} changed since the transaction read it`);
          }
        }
        for (const w of txn.writes.values()) {
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

  private end(txn: Transaction, state: Transaction['state']): void {
    txn.state = state;
    txn.endedAt = Date.now();
    for (const key of txn.writes.keys()) if (this.locks.get(key) === txn.id) this.locks.delete(key);
    txn.writes.clear();
    txn.observed.clear();
  }

  /** Expires abandoned transactions and forgets long-ended ones. */
  private sweep(now: number): void {
    for (const txn of this.txns.values()) {
      if (txn.state === 'active' && now >= txn.expiresAt) this.end(txn, 'expired');
      else if (txn.state !== 'active' && (txn.endedAt ?? now) + TOMBSTONE_MS < now) this.txns.delete(txn.id);
    }
  }
}
