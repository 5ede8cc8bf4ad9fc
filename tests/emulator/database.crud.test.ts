/**
 * CRUD, errors, limits and EJSON round trips: the real node-sdk against the database
 * service (and, under test:cloud, against CloudBase). What the wire carries is in database.wire.
 */
import { errorCode, freshName, startSdk, type SdkHarness } from './support/sdk';

let h: SdkHarness;
beforeAll(async () => {
  h = await startSdk({ collections: ['items'] });
});
afterAll(async () => h.stop());
beforeEach(async () => {
  await h.db.collection('items').where({}).remove();
});

describe('insert', () => {
  it('inserts one document and generates an _id', async () => {
    const res = await h.db.collection('items').add({ name: 'a' });
    expect(res.id).toMatch(/^[0-9a-f]{32}$/);
    const got = await h.db.collection('items').doc(res.id as string).get();
    expect(got.data).toEqual([{ _id: res.id, name: 'a' }]);
  });

  it('inserts many documents in one call and keeps given ids', async () => {
    const res = await h.db.collection('items').add([{ _id: 'x1', n: 1 }, { _id: 'x2', n: 2 }, { n: 3 }]);
    expect(res.ids).toHaveLength(3);
    expect(res.ids?.slice(0, 2)).toEqual(['x1', 'x2']);
    expect((await h.db.collection('items').count()).total).toBe(3);
  });

  it('rejects a duplicate _id and writes nothing of that batch', async () => {
    await h.db.collection('items').add({ _id: 'dup', n: 1 });
    expect(await errorCode(h.db.collection('items').add({ _id: 'dup', n: 2 }))).toBe('DATABASE_DUPLICATE_WRITE');
    expect(await errorCode(h.db.collection('items').add([{ _id: 'new1' }, { _id: 'dup' }]))).toBe('DATABASE_DUPLICATE_WRITE');
    const all = await h.db.collection('items').get();
    expect(all.data).toEqual([{ _id: 'dup', n: 1 }]);
  });
});

describe('missing collection', () => {
  it('fails reads and writes with DATABASE_COLLECTION_NOT_EXIST and does not auto-create', async () => {
    const c = h.db.collection('ghost');
    expect(await errorCode(c.get())).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(await errorCode(c.doc('a').get())).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(await errorCode(c.count())).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(await errorCode(c.add({ a: 1 }))).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(await errorCode(c.doc('a').set({ a: 1 }))).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(await errorCode(c.where({}).update({ a: 1 }))).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(await errorCode(c.where({}).remove())).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(await errorCode(c.aggregate().match({}).end())).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(await errorCode(c.get())).toBe('DATABASE_COLLECTION_NOT_EXIST'); // the writes did not create it
  });

  it('createCollection creates once, then reports it exists', async () => {
    const fresh = freshName('fresh');
    await h.db.createCollection(fresh);
    expect((await h.db.collection(fresh).get()).data).toEqual([]);
    expect(await errorCode(h.db.createCollection(fresh))).toBe('DATABASE_COLLECTION_ALREADY_EXIST');
  });
});

describe('get', () => {
  it('doc(id).get() on a missing id gives an empty list', async () => {
    expect((await h.db.collection('items').doc('none').get()).data).toEqual([]);
  });

  it('defaults to 100 results and clamps the limit to 1000', async () => {
    const docs = Array.from({ length: 1100 }, (_, i) => ({ i }));
    await h.db.collection('items').add(docs);
    expect((await h.db.collection('items').get()).data).toHaveLength(100);
    expect((await h.db.collection('items').limit(5000).get()).data).toHaveLength(1000);
    expect((await h.db.collection('items').limit(7).get()).data).toHaveLength(7);
  });

  it('orders, skips, limits and projects', async () => {
    await h.db.collection('items').add([
      { _id: 'a', n: 3, g: 'x', extra: true },
      { _id: 'b', n: 1, g: 'y', extra: true },
      { _id: 'c', n: 2, g: 'x', extra: true },
      { _id: 'd', n: 2, g: 'y', extra: true },
    ]);
    const res = await h.db.collection('items').orderBy('n', 'desc').orderBy('_id', 'asc').skip(1).limit(2).field({ n: true }).get();
    expect(res.data).toEqual([{ _id: 'c', n: 2 }, { _id: 'd', n: 2 }]);
    const excl = await h.db.collection('items').where({ _id: 'a' }).field({ extra: false, g: false }).get();
    expect(excl.data).toEqual([{ _id: 'a', n: 3 }]);
    const byDoc = await h.db.collection('items').doc('b').field({ g: true }).get();
    expect(byDoc.data).toEqual([{ _id: 'b', g: 'y' }]);
  });

  it('returns documents in insertion order when unordered', async () => {
    await h.db.collection('items').add([{ _id: 'z' }, { _id: 'a' }, { _id: 'm' }]);
    expect((await h.db.collection('items').get()).data.map((d: { _id: string }) => d._id)).toEqual(['z', 'a', 'm']);
  });
});

describe('update, set, remove', () => {
  it('doc.update merges, doc.set replaces, and both leave _id alone', async () => {
    await h.db.collection('items').add({ _id: 'u', a: 1, nested: { x: 1, y: 2 } });
    const up = await h.db.collection('items').doc('u').update({ nested: { x: 5 }, b: 2 });
    expect(up.updated).toBe(1);
    expect((await h.db.collection('items').doc('u').get()).data[0]).toEqual({ _id: 'u', a: 1, b: 2, nested: { x: 5, y: 2 } });
    const set = await h.db.collection('items').doc('u').set({ only: true });
    expect(set.updated).toBe(1);
    expect((await h.db.collection('items').doc('u').get()).data[0]).toEqual({ _id: 'u', only: true });
  });

  it('doc.set upserts a missing document and reports its id', async () => {
    const res = await h.db.collection('items').doc('new-one').set({ v: 1 });
    expect(res.upsertedId).toBe('new-one');
    expect(res.updated).toBe(0);
    expect((await h.db.collection('items').doc('new-one').get()).data).toEqual([{ _id: 'new-one', v: 1 }]);
  });

  it('update of a missing doc changes nothing; unchanged values count as not updated', async () => {
    expect((await h.db.collection('items').doc('missing').update({ a: 1 })).updated).toBe(0);
    expect((await h.db.collection('items').count()).total).toBe(0);
    await h.db.collection('items').add({ _id: 's', a: 1 });
    expect((await h.db.collection('items').doc('s').update({ a: 1 })).updated).toBe(0);
  });

  it('where().update() and where().remove() touch every match', async () => {
    await h.db.collection('items').add([{ g: 1 }, { g: 1 }, { g: 2 }]);
    expect((await h.db.collection('items').where({ g: 1 }).update({ seen: true })).updated).toBe(2);
    expect((await h.db.collection('items').where({ seen: true }).count()).total).toBe(2);
    expect((await h.db.collection('items').where({ g: 1 }).remove()).deleted).toBe(2);
    expect((await h.db.collection('items').count()).total).toBe(1);
    expect((await h.db.collection('items').doc('nope').remove()).deleted).toBe(0);
  });

  it('updateAndReturn returns the updated document', async () => {
    await h.db.collection('items').add([{ _id: 'r1', k: 'a', n: 1 }, { _id: 'r2', k: 'b', n: 1 }]);
    const res = await h.db.collection('items').where({ k: 'b' }).updateAndReturn({ n: h.db.command.inc(4) });
    expect(res.updated).toBe(1);
    expect(res.doc).toEqual({ _id: 'r2', k: 'b', n: 5 });
    const none = await h.db.collection('items').where({ k: 'zzz' }).updateAndReturn({ n: 1 });
    expect(none.updated).toBe(0);
    expect(none.doc).toBeNull();
  });

  it('updateAndReturn reports a matched document as updated even when no value changed, as CloudBase does', async () => {
    await h.db.collection('items').add({ _id: 'same', k: 'a', n: 1 });
    const res = await h.db.collection('items').where({ _id: 'same' }).updateAndReturn({ n: 1 });
    expect(res.updated).toBe(1);
    expect(res.doc).toEqual({ _id: 'same', k: 'a', n: 1 });
  });
});

describe('field names starting with $', () => {
  const refused = async (write: () => Promise<unknown>) => {
    const code = await errorCode(write());
    expect(code).toBeTruthy();
    expect((await h.db.collection('items').where({}).get()).data.filter((d: { _id: string }) => d._id !== 'base')).toEqual([]);
  };

  it('are refused on insert, set and update, at the top level and nested, and nothing is stored', async () => {
    await h.db.collection('items').add({ _id: 'base', n: 1 });
    await refused(() => h.db.collection('items').add({ _id: 'd1', $where: 'x' }));
    await refused(() => h.db.collection('items').add({ _id: 'd2', a: { $gt: 1, b: 2 }, c: 1 }));
    await refused(() => h.db.collection('items').add({ _id: 'd3', list: [{ ok: 1 }, { $bad: 1 }] }));
    await refused(() => h.db.collection('items').doc('d4').set({ nested: { deeper: { $x: 1 } } }));
    await refused(() => h.db.collection('items').doc('base').update({ profile: { $set: 1, ok: 2 } } as Record<string, unknown>));
    const base = (await h.db.collection('items').doc('base').get()).data[0];
    expect(base).toEqual({ _id: 'base', n: 1 });
  });
});

describe('EJSON and server dates', () => {
  it('round-trips dates, nested arrays, numbers, booleans, null and regexes', async () => {
    const when = new Date('2024-03-01T08:30:00.123Z');
    const doc = {
      _id: 'ej',
      when,
      list: [1, [2, [3, { deep: new Date(0) }]], 'x'],
      f: 1.5,
      big: 2 ** 40,
      neg: -7,
      ok: false,
      none: null,
      obj: { a: { b: { c: [true] } } },
      re: /ab+c/i,
    };
    await h.db.collection('items').add(doc);
    const [got] = (await h.db.collection('items').doc('ej').get()).data;
    expect(got.when).toBeInstanceOf(Date);
    expect(got.when.getTime()).toBe(when.getTime());
    expect(got.list[1][1][1].deep).toEqual(new Date(0));
    expect(got).toEqual({ ...doc, re: expect.anything() });
    expect(String(got.re.pattern ?? got.re.source)).toBe('ab+c');
  });

  it('queries by date range', async () => {
    await h.db.collection('items').add([
      { _id: 'd1', at: new Date('2024-01-01T00:00:00Z') },
      { _id: 'd2', at: new Date('2024-02-01T00:00:00Z') },
    ]);
    const _ = h.db.command;
    const res = await h.db.collection('items').where({ at: _.gt(new Date('2024-01-15T00:00:00Z')) }).get();
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['d2']);
  });

  it('fills db.serverDate() with server time plus offset', async () => {
    const before = Date.now();
    await h.db.collection('items').add({ _id: 'sd', at: h.db.serverDate(), later: h.db.serverDate({ offset: 60_000 }) });
    const after = Date.now();
    const [got] = (await h.db.collection('items').doc('sd').get()).data;
    expect(got.at.getTime()).toBeGreaterThanOrEqual(before);
    expect(got.at.getTime()).toBeLessThanOrEqual(after);
    expect(got.later.getTime() - got.at.getTime()).toBe(60_000);
    await h.db.collection('items').doc('sd').update({ touched: h.db.serverDate({ offset: -1000 }) });
    const [again] = (await h.db.collection('items').doc('sd').get()).data;
    expect(again.touched.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(again.touched.getTime()).toBeLessThanOrEqual(Date.now() - 1000);
  });
});
