/**
 * Durable state in SQLite (WAL): one `docs` table (collection, id, canonical EJSON body,
 * version) and one `idx` table of index keys for the declared indexed fields. Rows keep
 * their rowid across updates, so "no order" means insertion order, as in MongoDB.
 */
import Database from 'better-sqlite3';
import { fromEJSON, toEJSONString, type Doc } from './ejson';
import { DbError, DB_ERRORS } from './errors';
import { idKey, keyOf, keysForField } from './keys';
import type { Plan } from './plan';

/** The value at a dotted path (no array traversal), or undefined. */
function valueAtPath(doc: Doc, path: string): unknown {
  let v: unknown = doc;
  for (const part of path.split('.')) {
    if (typeof v !== 'object' || v === null || v instanceof Date) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

export interface StoredDoc {
  id: string;
  doc: Doc;
  version: number;
}

interface Row {
  id: string;
  body: string;
  version: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS docs (coll TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, version INTEGER NOT NULL, UNIQUE (coll, id));
CREATE TABLE IF NOT EXISTS idx (coll TEXT NOT NULL, field TEXT NOT NULL, t TEXT NOT NULL, v, id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS idx_lookup ON idx (coll, field, t, v);
CREATE INDEX IF NOT EXISTS idx_doc ON idx (coll, id);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

export class Store {
  private readonly db: Database.Database;
  private readonly indexed: Map<string, Set<string>>;
  private readonly unique: Map<string, Array<readonly string[]>>;
  private readonly statements = new Map<string, Database.Statement>();
  private versionCounter: number;

  constructor(file: string, indexedFields: Map<string, Set<string>>, uniqueIndexes: Map<string, Array<readonly string[]>> = new Map()) {
    this.db = new Database(file);
    if (file !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    this.indexed = indexedFields;
    this.unique = uniqueIndexes;
    const max = this.sql('SELECT MAX(version) AS v FROM docs').get() as { v: number | null };
    this.versionCounter = max.v ?? 0;
    this.syncIndexes();
  }

  /** Rebuilds index keys when the declared indexed fields changed since the file was written. */
  private syncIndexes(): void {
    const signature = JSON.stringify([...this.indexed].map(([c, f]) => [c, [...f].sort()]).sort());
    const row = this.sql("SELECT value FROM meta WHERE key = 'indexes'").get() as { value: string } | undefined;
    if (row?.value === signature) return;
    this.transaction(() => {
      this.db.exec('DELETE FROM idx');
      const rows = this.sql('SELECT coll, id, body FROM docs').iterate() as IterableIterator<{ coll: string; id: string; body: string }>;
      const pending: Array<{ coll: string; id: string; doc: Doc }> = [];
      for (const r of rows) pending.push({ coll: r.coll, id: r.id, doc: this.parse(r.body) });
      for (const p of pending) this.writeKeys(p.coll, p.id, p.doc);
      this.sql("INSERT OR REPLACE INTO meta (key, value) VALUES ('indexes', ?)").run(signature);
    });
  }

  /** Prepared statements are cached: preparing dominates small queries otherwise. */
  private sql(text: string): Database.Statement {
    let st = this.statements.get(text);
    if (!st) {
      if (this.statements.size > 500) this.statements.clear(); // IN (...) lists vary in length
      st = this.db.prepare(text);
      this.statements.set(text, st);
    }
    return st;
  }

  indexedFields(coll: string): ReadonlySet<string> {
    return this.indexed.get(coll) ?? new Set();
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  private parse(body: string): Doc {
    return fromEJSON(JSON.parse(body), Date.now()) as Doc;
  }

  private toStored(r: Row): StoredDoc {
    return { id: r.id, doc: this.parse(r.body), version: r.version };
  }

  /** Documents written (put or removed) since the store opened, per collection. */
  private readonly docWrites = new Map<string, number>();

  /** Document writes since the store opened, leaving out the collections in `except`. */
  writes(except: readonly string[] = []): number {
    let n = 0;
    for (const [coll, count] of this.docWrites) if (!except.includes(coll)) n += count;
    return n;
  }

  private wrote(coll: string): void {
    this.docWrites.set(coll, (this.docWrites.get(coll) ?? 0) + 1);
  }

  nextVersion(): number {
    this.versionCounter += 1;
    return this.versionCounter;
  }

  // ---- collections ----
  hasCollection(name: string): boolean {
    return this.sql('SELECT 1 FROM collections WHERE name = ?').get(name) !== undefined;
  }

  createCollection(name: string): boolean {
    const r = this.sql('INSERT OR IGNORE INTO collections (name, created_at) VALUES (?, ?)').run(name, Date.now());
    return r.changes > 0;
  }

  listCollections(): string[] {
    return (this.sql('SELECT name FROM collections ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name);
  }

  dropAll(): void {
    this.transaction(() => {
      this.db.exec('DELETE FROM docs; DELETE FROM idx; DELETE FROM collections;');
    });
  }

  // ---- documents ----
  get(coll: string, id: string): StoredDoc | undefined {
    const r = this.sql('SELECT id, body, version FROM docs WHERE coll = ? AND id = ?').get(coll, id) as Row | undefined;
    return r ? this.toStored(r) : undefined;
  }

  versionOf(coll: string, id: string): number {
    const r = this.sql('SELECT version FROM docs WHERE coll = ? AND id = ?').get(coll, id) as { version: number } | undefined;
    return r?.version ?? 0;
  }

  count(coll: string): number {
    return (this.sql('SELECT COUNT(*) AS n FROM docs WHERE coll = ?').get(coll) as { n: number }).n;
  }

  /** Candidate documents for a plan, in insertion order. */
  find(coll: string, plan: Plan): StoredDoc[] {
    let rows: Row[];
    switch (plan.kind) {
      case 'scan':
        rows = this.sql('SELECT id, body, version FROM docs WHERE coll = ? ORDER BY rowid').all(coll) as Row[];
        break;
      case 'ids': {
        const marks = plan.ids.map(() => '?').join(',');
        rows = this.db
          .prepare(`SELECT id, body, version FROM docs WHERE coll = ? AND id IN (${marks}) ORDER BY rowid`)
          .all(coll, ...plan.ids) as Row[];
        break;
      }
      case 'keys': {
        // One `v IN (…)` per key type, joined by UNION ALL: SQLite walks the (coll, field, t, v)
        // index for each, where an OR of (t = ? AND v = ?) pairs made it scan the field's keys.
        const byTag = new Map<string, Array<string | number>>();
        for (const k of plan.keys) byTag.set(k.t, [...(byTag.get(k.t) ?? []), k.v]);
        const parts: string[] = [];
        const args: Array<string | number> = [];
        for (const [t, values] of byTag) {
          parts.push(`SELECT id FROM idx WHERE coll = ? AND field = ? AND t = ? AND v IN (${values.map(() => '?').join(',')})`);
          args.push(coll, plan.field, t, ...values);
        }
        rows = this.db
          .prepare(`SELECT id, body, version FROM docs WHERE coll = ? AND id IN (${parts.join(' UNION ALL ')}) ORDER BY rowid`)
          .all(coll, ...args) as Row[];
        break;
      }
      case 'range': {
        const parts = ['t = ?'];
        const args: Array<string | number> = [plan.t];
        if (plan.gt) {
          parts.push(plan.gt.inclusive ? 'v >= ?' : 'v > ?');
          args.push(plan.gt.v);
        }
        if (plan.lt) {
          parts.push(plan.lt.inclusive ? 'v <= ?' : 'v < ?');
          args.push(plan.lt.v);
        }
        rows = this.db
          .prepare(
            `SELECT id, body, version FROM docs WHERE coll = ? AND id IN
              (SELECT id FROM idx WHERE coll = ? AND field = ? AND ${parts.join(' AND ')}) ORDER BY rowid`,
          )
          .all(coll, coll, plan.field, ...args) as Row[];
        break;
      }
    }
    return rows.map((r) => this.toStored(r));
  }

  /** Called before every document write, with the document as it still is (transactions keep it as their snapshot). */
  private beforeWrite: ((coll: string, id: string) => void) | null = null;

  onBeforeWrite(listener: (coll: string, id: string) => void): void {
    this.beforeWrite = listener;
  }

  /** Inserts or replaces a document; returns its new version. Call inside `transaction`. */
  put(coll: string, doc: Doc): number {
    const id = idKey(doc._id);
    this.beforeWrite?.(coll, id);
    this.checkUnique(coll, id, doc);
    const version = this.nextVersion();
    const body = toEJSONString(doc);
    const updated = this.sql('UPDATE docs SET body = ?, version = ? WHERE coll = ? AND id = ?').run(body, version, coll, id);
    if (updated.changes === 0) {
      this.sql('INSERT INTO docs (coll, id, body, version) VALUES (?, ?, ?, ?)').run(coll, id, body, version);
    }
    this.sql('DELETE FROM idx WHERE coll = ? AND id = ?').run(coll, id);
    this.writeKeys(coll, id, doc);
    this.wrote(coll);
    return version;
  }

  remove(coll: string, id: string): boolean {
    this.beforeWrite?.(coll, id);
    this.sql('DELETE FROM idx WHERE coll = ? AND id = ?').run(coll, id);
    const removed = this.sql('DELETE FROM docs WHERE coll = ? AND id = ?').run(coll, id).changes > 0;
    if (removed) this.wrote(coll);
    return removed;
  }

  /**
   * Unique indexes, MongoDB style: the tuple of the fields' values (a missing field counts
   * as null) may belong to one document only.
   */
  private checkUnique(coll: string, id: string, doc: Doc): void {
    for (const fields of this.unique.get(coll) ?? []) {
      const tuple = (d: Doc): string => toEJSONString(fields.map((f) => valueAtPath(d, f) ?? null));
      const mine = tuple(doc);
      const lead = keyOf(valueAtPath(doc, fields[0]));
      const others = this.find(coll, lead ? { kind: 'keys', field: fields[0], keys: [lead] } : { kind: 'scan' });
      if (others.some((o) => o.id !== id && tuple(o.doc) === mine)) {
        throw new DbError(DB_ERRORS.DUPLICATE_WRITE, `duplicate key in unique index (${fields.join(', ')}) of ${coll}`);
      }
    }
  }

  private writeKeys(coll: string, id: string, doc: Doc): void {
    const fields = this.indexed.get(coll);
    if (!fields) return;
    const insert = this.sql('INSERT INTO idx (coll, field, t, v, id) VALUES (?, ?, ?, ?, ?)');
    for (const field of fields) for (const k of keysForField(doc, field)) insert.run(coll, field, k.t, k.v, id);
  }

  /** Every document of every collection, for export. */
  dump(): Map<string, Doc[]> {
    const out = new Map<string, Doc[]>();
    for (const name of this.listCollections()) out.set(name, []);
    const rows = this.sql('SELECT coll, body FROM docs ORDER BY rowid').all() as Array<{ coll: string; body: string }>;
    for (const r of rows) {
      const list = out.get(r.coll) ?? [];
      list.push(JSON.parse(r.body) as Doc);
      out.set(r.coll, list);
    }
    return out;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
