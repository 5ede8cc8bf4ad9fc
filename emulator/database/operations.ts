/**
 * The `database.*` actions: each takes the SDK's request body and returns the reply fields
 * (everything but requestId). Reply shapes follow what @cloudbase/database reads back.
 */
import { randomBytes } from 'node:crypto';
import { Aggregator, find, update as applyUpdate } from './mongo-semantics';
import { cloneValue, isPlainObject, parseEJSON, toEJSONString, type Doc } from './ejson';
import { DbError, DB_ERRORS, invalidParam } from './errors';
import type { Store } from './state';
import {
  equalityFields, parseLimit, parseOffset, parseOrder, parseProjection, parseQuery, parseReplacement, parseStages, parseUpdate,
} from './translate';
import type { TransactionManager } from './transactions';
import { CommittedView, TransactionView, candidates, type ScanReporter, type View } from './views';

export interface OpContext {
  store: Store;
  transactions: TransactionManager;
  report: ScanReporter;
  now: number;
}

export type Reply = Record<string, unknown>;
type Action = (ctx: OpContext, body: Doc) => Reply;

const newId = (): string => randomBytes(16).toString('hex');

const collectionName = (body: Doc): string => {
  const name = body.collectionName;
  if (typeof name !== 'string' || name === '') throw invalidParam('collectionName is required');
  return name;
};

/** The view for this request: inside a transaction when the SDK sent a transactionId. */
function viewFor(ctx: OpContext, body: Doc): View {
  const tid = body.transactionId;
  if (tid === undefined || tid === null || tid === '') return new CommittedView(ctx.store, ctx.report);
  return new TransactionView(ctx.store, ctx.transactions, ctx.transactions.require(tid, ctx.now), ctx.report);
}

const sameDoc = (a: Doc, b: Doc): boolean => toEJSONString(a) === toEJSONString(b);

function runUpdate(doc: Doc, update: Doc, query: Doc): Doc {
  const next = cloneValue(doc);
  try {
    applyUpdate(next, update, undefined, Object.keys(query).length ? query : undefined, { cloneMode: 'deep' });
  } catch (e) {
    throw invalidParam(`update failed: ${(e as Error).message}`);
  }
  if (next._id !== doc._id) throw invalidParam('cannot update _id');
  return next;
}

// ---------------------------------------------------------------- documents

const insertDocument: Action = (ctx, body) => {
  const coll = collectionName(body);
  const view = viewFor(ctx, body);
  view.assertCollection(coll);
  const raw = Array.isArray(body.data) ? body.data : [body.data];
  if (raw.length === 0) throw invalidParam('data is empty');
  const docs = raw.map((item: unknown) => {
    const doc = parseEJSON(item, ctx.now, 'data');
    if (!isPlainObject(doc)) throw invalidParam('each document must be an object');
    if (doc._id === undefined || doc._id === null) return { _id: newId(), ...doc };
    if (typeof doc._id !== 'string' && typeof doc._id !== 'number') throw invalidParam('_id must be a string or number');
    return doc;
  });
  return view.atomically(() => {
    const seen = new Set<unknown>();
    for (const doc of docs) {
      if (seen.has(doc._id) || view.get(coll, doc._id) !== undefined) {
        throw new DbError(DB_ERRORS.DUPLICATE_WRITE, `duplicate _id ${String(doc._id)} in ${coll}`);
      }
      seen.add(doc._id);
      view.put(coll, doc);
    }
    return { data: { insertedIds: docs.map((d) => d._id) } };
  });
};

const getDocument: Action = (ctx, body) => {
  const coll = collectionName(body);
  const view = viewFor(ctx, body);
  view.assertCollection(coll);
  const query = parseQuery(body.query, ctx.now);
  const order = parseOrder(body.order, ctx.now);
  const projection = parseProjection(body.projection, ctx.now);
  const limit = parseLimit(body.limit);
  const offset = parseOffset(body.offset);
  const matches = view.find(coll, query);
  let list: Doc[];
  try {
    let cursor = find(matches, {}, projection);
    if (order) cursor = cursor.sort(order);
    list = cursor.skip(offset).limit(limit).all() as Doc[];
  } catch (e) {
    throw invalidParam(`query failed: ${(e as Error).message}`);
  }
  return { data: { list: list.map(toEJSONString), limit, offset } };
};

const calculateDocument: Action = (ctx, body) => {
  const coll = collectionName(body);
  const view = viewFor(ctx, body);
  view.assertCollection(coll);
  return { data: { total: view.find(coll, parseQuery(body.query, ctx.now)).length } };
};

const modifyDocument: Action = (ctx, body) => {
  const coll = collectionName(body);
  const view = viewFor(ctx, body);
  view.assertCollection(coll);
  const query = parseQuery(body.query, ctx.now);
  const merge = body.merge !== false;
  const multi = body.multi === true;
  const upsert = body.upsert === true;
  const data = merge ? parseUpdate(body.data, ctx.now) : parseReplacement(body.data, ctx.now);
  return view.atomically(() => {
    const matches = view.find(coll, query);
    const targets = multi ? matches : matches.slice(0, 1);
    if (targets.length === 0) {
      if (!upsert) return { data: { updated: 0, matched: 0 } };
      const seed = equalityFields(query);
      const _id = seed._id ?? newId();
      const doc = merge ? runUpdate({ ...seed, _id }, data, {}) : { ...data, _id };
      view.put(coll, doc);
      return { data: { updated: 0, matched: 0, upsert_id: _id } };
    }
    let updated = 0;
    for (const doc of targets) {
      const next = merge ? runUpdate(doc, data, query) : { ...data, _id: doc._id };
      if (sameDoc(doc, next)) continue; // like MongoDB's nModified: unchanged docs are not counted
      view.put(coll, next);
      updated += 1;
    }
    return { data: { updated, matched: targets.length } };
  });
};

const modifyAndReturnDoc: Action = (ctx, body) => {
  const coll = collectionName(body);
  const view = viewFor(ctx, body);
  view.assertCollection(coll);
  const query = parseQuery(body.query, ctx.now);
  const data = parseUpdate(body.data, ctx.now);
  return view.atomically(() => {
    const [doc] = view.find(coll, query);
    if (!doc) return { data: { updated: 0, doc: null } };
    const next = runUpdate(doc, data, query);
    if (!sameDoc(doc, next)) view.put(coll, next);
    // The platform reports the matched document as updated even when no value changed.
    return { data: { updated: 1, doc: toEJSONString(next) } };
  });
};

const removeDocument: Action = (ctx, body) => {
  const coll = collectionName(body);
  const view = viewFor(ctx, body);
  view.assertCollection(coll);
  const query = parseQuery(body.query, ctx.now);
  const multi = body.multi !== false;
  return view.atomically(() => {
    const matches = view.find(coll, query);
    const targets = multi ? matches : matches.slice(0, 1);
    for (const doc of targets) view.remove(coll, doc._id);
    return { data: { deleted: targets.length } };
  });
};

/**
 * For `$lookup` stages of the localField/foreignField form, loads only the foreign documents
 * whose foreignField matches a local value (an `$in` filter, pushed down to an index when one
 * is declared), as MongoDB would use an index, instead of the whole foreign collection.
 * A collection also used by a pipeline-form lookup is loaded whole.
 */
function lookupCandidates(ctx: Parameters<Action>[0], stages: Doc[], input: Doc[]): Map<string, Doc[]> {
  const wanted = new Map<string, Map<string, Set<unknown>>>();
  const whole = new Set<string>();
  stages.forEach((stage, k) => {
    const spec = stage.$lookup;
    if (!isPlainObject(spec) || typeof spec.from !== 'string') return;
    if (typeof spec.localField !== 'string' || typeof spec.foreignField !== 'string' || 'pipeline' in spec) {
      whole.add(spec.from);
      return;
    }
    const local = k === 0 ? input : (new Aggregator(stages.slice(0, k)).run(input) as Doc[]);
    const values = new Set<unknown>();
    for (const doc of local) {
      const value = spec.localField.split('.').reduce<unknown>((v, key) => (isPlainObject(v) ? v[key] : undefined), doc);
      for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined) values.add(v);
    }
    const fields = wanted.get(spec.from) ?? new Map<string, Set<unknown>>();
    const set = fields.get(spec.foreignField) ?? new Set<unknown>();
    values.forEach((v) => set.add(v));
    fields.set(spec.foreignField, set);
    wanted.set(spec.from, fields);
  });
  const out = new Map<string, Doc[]>();
  for (const [name, fields] of wanted) {
    if (whole.has(name) || !ctx.store.hasCollection(name)) continue;
    const byId = new Map<string, Doc>();
    for (const [field, values] of fields) {
      for (const row of candidates(ctx.store, name, { [field]: { $in: [...values] } }, ctx.report)) byId.set(String(row.doc._id), row.doc);
    }
    out.set(name, [...byId.values()]);
  }
  return out;
}

const aggregateDocuments: Action = (ctx, body) => {
  const coll = collectionName(body);
  const view = viewFor(ctx, body);
  view.assertCollection(coll);
  const stages = parseStages(body.stages, ctx.now);
  for (const s of stages) {
    const key = Object.keys(s)[0];
    if (key === '$geoNear' || key === '$out' || key === '$merge') throw invalidParam(`aggregate stage ${key} is not supported`);
  }
  // A leading $match narrows the input through the indexes, as it would in MongoDB.
  const first = stages[0];
  const leadMatch = first && isPlainObject(first.$match) ? first.$match : {};
  const input = view.find(coll, leadMatch);
  const foreign = lookupCandidates(ctx, stages, input);
  const resolver = (name: string): Doc[] =>
    foreign.get(name) ?? (ctx.store.hasCollection(name) ? candidates(ctx.store, name, {}, ctx.report).map((r) => r.doc) : []);
  let out: Doc[];
  try {
    out = new Aggregator(stages, { collectionResolver: resolver }).run(input) as Doc[];
  } catch (e) {
    throw invalidParam(`aggregate failed: ${(e as Error).message}`);
  }
  return { data: { list: out.map(toEJSONString) } };
};

const addCollection: Action = (ctx, body) => {
  const coll = collectionName(body);
  if (!ctx.store.createCollection(coll)) {
    throw new DbError(DB_ERRORS.COLLECTION_ALREADY_EXIST, `collection ${coll} already exists`);
  }
  return { data: {} };
};

// ---------------------------------------------------------------- transactions

const startTransaction: Action = (ctx) => ({ transactionId: ctx.transactions.start(ctx.now).id });

const commitTransaction: Action = (ctx, body) => {
  ctx.transactions.commit(ctx.transactions.require(body.transactionId, ctx.now));
  return {};
};

const abortTransaction: Action = (ctx, body) => {
  ctx.transactions.abort(ctx.transactions.require(body.transactionId, ctx.now));
  return {};
};

/** Legacy transaction API (database/src/transaction.ts): `_id` instead of a query. */
const txnDocBody = (body: Doc): Doc => {
  if (typeof body.transactionId !== 'string') throw invalidParam('transactionId is required');
  if (typeof body._id !== 'string' && typeof body._id !== 'number') throw invalidParam('_id is required');
  return { ...body, query: toEJSONString({ _id: body._id }), queryType: 'DOC' };
};

const getInTransaction: Action = (ctx, body) => {
  const b = txnDocBody(body);
  const coll = collectionName(b);
  const view = viewFor(ctx, b);
  view.assertCollection(coll);
  const doc = view.get(coll, b._id);
  return { data: toEJSONString(doc ?? null) };
};

const updateDocInTransaction: Action = (ctx, body) => {
  const b = txnDocBody(body);
  const upsert = b.upsert === true;
  // set() sends the whole document with upsert:true; update() sends {$set: …}
  const res = modifyDocument(ctx, { ...b, merge: !upsert, multi: false, upsert });
  const data = res.data as Doc;
  return {
    updated: JSON.stringify(data.updated ?? 0),
    ...(data.upsert_id !== undefined ? { upserted: JSON.stringify([{ _id: data.upsert_id }]) } : {}),
  };
};

const deleteDocInTransaction: Action = (ctx, body) => {
  const b = txnDocBody(body);
  const res = removeDocument(ctx, { ...b, multi: false });
  return { deleted: JSON.stringify((res.data as Doc).deleted ?? 0) };
};

export const ACTIONS: Readonly<Record<string, Action>> = {
  'database.insertDocument': insertDocument,
  'database.getDocument': getDocument,
  'database.calculateDocument': calculateDocument,
  'database.modifyDocument': modifyDocument,
  'database.modifyAndReturnDoc': modifyAndReturnDoc,
  'database.removeDocument': removeDocument,
  'database.aggregateDocuments': aggregateDocuments,
  'database.addCollection': addCollection,
  'database.startTransaction': startTransaction,
  'database.commitTransaction': commitTransaction,
  'database.abortTransaction': abortTransaction,
  'database.getInTransaction': getInTransaction,
  'database.updateDocInTransaction': updateDocInTransaction,
  'database.deleteDocInTransaction': deleteDocInTransaction,
};
