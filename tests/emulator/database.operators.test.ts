/** Query and update operators of db.command, one by one, through the real SDK. */
import { startSdk, type SdkHarness } from './support/sdk';

let h: SdkHarness;
beforeAll(async () => {
  h = await startSdk({ collections: ['q', 'u'] });
  await h.db.collection('q').add([
    { _id: 'a', n: 1, s: 'apple', tags: ['red', 'fruit'], nested: { level: 1, deep: { x: 'p' } }, items: [{ k: 'x', v: 1 }, { k: 'y', v: 5 }] },
    { _id: 'b', n: 5, s: 'Banana', tags: ['yellow', 'fruit'], nested: { level: 2, deep: { x: 'q' } }, items: [{ k: 'x', v: 9 }] },
    { _id: 'c', n: 10, s: 'cherry', tags: ['red'], nested: { level: 3 }, opt: null },
    { _id: 'd', n: 12, s: 'date', tags: [], extra: 1 },
  ]);
});
afterAll(async () => h.stop());

const ids = async (where: object): Promise<string[]> =>
  ((await h.db.collection('q').where(where).orderBy('_id', 'asc').get()).data as Array<{ _id: string }>).map((d) => d._id);

describe('query operators', () => {
  const _ = () => h.db.command;
  it('eq / neq', async () => {
    expect(await ids({ n: _().eq(5) })).toEqual(['b']);
    expect(await ids({ n: 5 })).toEqual(['b']);
    expect(await ids({ n: _().neq(5) })).toEqual(['a', 'c', 'd']);
  });
  it('lt / lte / gt / gte', async () => {
    expect(await ids({ n: _().lt(5) })).toEqual(['a']);
    expect(await ids({ n: _().lte(5) })).toEqual(['a', 'b']);
    expect(await ids({ n: _().gt(5) })).toEqual(['c', 'd']);
    expect(await ids({ n: _().gte(10) })).toEqual(['c', 'd']);
    expect(await ids({ n: _().gt(1).and(_().lt(12)) })).toEqual(['b', 'c']);
  });
  it('in / nin', async () => {
    expect(await ids({ s: _().in(['apple', 'date']) })).toEqual(['a', 'd']);
    expect(await ids({ s: _().nin(['apple', 'date']) })).toEqual(['b', 'c']);
    expect(await ids({ tags: _().in(['yellow']) })).toEqual(['b']);
  });
  it('and / or / nor / not', async () => {
    expect(await ids(_().and([{ n: _().gt(1) }, { tags: 'red' }]))).toEqual(['c']);
    expect(await ids(_().or([{ n: 1 }, { s: 'date' }]))).toEqual(['a', 'd']);
    expect(await ids({ n: _().lt(2).or(_().gt(11)) })).toEqual(['a', 'd']);
    expect(await ids(_().nor([{ n: 1 }, { s: 'date' }]))).toEqual(['b', 'c']);
    expect(await ids({ n: _().not(_().gt(5)) })).toEqual(['a', 'b']);
  });
  it('exists / size / mod / all / elemMatch', async () => {
    expect(await ids({ extra: _().exists(true) })).toEqual(['d']);
    expect(await ids({ extra: _().exists(false) })).toEqual(['a', 'b', 'c']);
    expect(await ids({ opt: null })).toEqual(['a', 'b', 'c', 'd']);
    expect(await ids({ tags: _().size(2) })).toEqual(['a', 'b']);
    expect(await ids({ tags: _().size(0) })).toEqual(['d']);
    // the SDK's typings declare mod() without parameters; at runtime it takes (divisor, remainder)
    const mod = _().mod as unknown as (divisor: number, remainder: number) => object;
    expect(await ids({ n: mod(5, 0) })).toEqual(['b', 'c']);
    expect(await ids({ tags: _().all(['red', 'fruit']) })).toEqual(['a']);
    expect(await ids({ items: _().elemMatch({ k: 'x', v: _().gt(5) }) })).toEqual(['b']);
  });
  it('regex with db.RegExp and JS RegExp', async () => {
    expect(await ids({ s: h.db.RegExp({ regexp: '^b', options: 'i' }) })).toEqual(['b']);
    expect(await ids({ s: /an/ })).toEqual(['b']);
    expect(await ids({ s: /^B/ })).toEqual(['b']);
    expect(await ids({ s: /^c/ })).toEqual(['c']);
  });
  it('nested objects and dotted paths', async () => {
    expect(await ids({ nested: { level: _().gte(2) } })).toEqual(['b', 'c']);
    expect(await ids({ 'nested.deep.x': 'q' })).toEqual(['b']);
    expect(await ids({ 'items.k': 'y' })).toEqual(['a']);
    expect(await ids({ 'items.v': _().gt(6) })).toEqual(['b']);
  });
  it('count uses the same filters', async () => {
    expect((await h.db.collection('q').where({ tags: 'red' }).count()).total).toBe(2);
  });
});

describe('update operators', () => {
  const _ = () => h.db.command;
  const reset = async (doc: Record<string, unknown>) => {
    await h.db.collection('u').doc('t').set(doc);
  };
  const read = async () => (await h.db.collection('u').doc('t').get()).data[0];
  const upd = async (data: object) => h.db.collection('u').doc('t').update(data);

  it('set / remove', async () => {
    await reset({ a: { x: 1, y: 2 }, b: 1 });
    await upd({ a: _().set({ z: 3 }), b: _().remove() });
    expect(await read()).toEqual({ _id: 't', a: { z: 3 } });
  });
  it('inc / mul / min / max', async () => {
    await reset({ n: 5, m: 3, lo: 10, hi: 10 });
    await upd({ n: _().inc(-2), m: _().mul(4), lo: _().min(7), hi: _().max(7), fresh: _().inc(1) });
    expect(await read()).toEqual({ _id: 't', n: 3, m: 12, lo: 7, hi: 10, fresh: 1 });
  });
  it('push (plain and with each/position/slice/sort)', async () => {
    await reset({ a: [1], b: [5, 1] });
    await upd({ a: _().push(2, 3) });
    expect((await read()).a).toEqual([1, 2, 3]);
    await upd({ a: _().push({ each: [0], position: 0 }) });
    expect((await read()).a).toEqual([0, 1, 2, 3]);
    await upd({ b: _().push({ each: [3, 9], sort: 1, slice: 3 }) });
    expect((await read()).b).toEqual([1, 3, 5]);
  });
  it('pop / shift / unshift', async () => {
    await reset({ a: [1, 2, 3, 4] });
    await upd({ a: _().pop() });
    expect((await read()).a).toEqual([1, 2, 3]);
    await upd({ a: _().shift() });
    expect((await read()).a).toEqual([2, 3]);
    await upd({ a: _().unshift(8, 9) });
    expect((await read()).a).toEqual([8, 9, 2, 3]);
  });
  it('pull / pullAll / addToSet', async () => {
    await reset({ a: [1, 2, 3, 2, 5], b: ['x', 'y', 'z'], c: ['p'] });
    await upd({ a: _().pull(2) });
    expect((await read()).a).toEqual([1, 3, 5]);
    await upd({ a: _().pull(_().gt(2)) });
    expect((await read()).a).toEqual([1]);
    await upd({ b: _().pullAll(['x', 'z']) });
    expect((await read()).b).toEqual(['y']);
    await upd({ c: _().addToSet('p') });
    await upd({ c: _().addToSet('q') });
    await upd({ c: _().addToSet({ $each: ['q', 'r'] }) });
    expect((await read()).c).toEqual(['p', 'q', 'r']);
  });
  it('rename', async () => {
    await reset({ old: 1, keep: 2 });
    await upd({ old: _().rename('renamed') });
    expect(await read()).toEqual({ _id: 't', renamed: 1, keep: 2 });
  });
  it('nested dotted updates keep siblings', async () => {
    await reset({ p: { q: { r: 1, s: 2 } } });
    await upd({ p: { q: { r: _().inc(10) } }, 'p.t': 3 });
    expect(await read()).toEqual({ _id: 't', p: { q: { r: 11, s: 2 }, t: 3 } });
  });
  it('where().update() applies operators to every match', async () => {
    await h.db.collection('u').add([{ grp: 'g', n: 1 }, { grp: 'g', n: 2 }]);
    expect((await h.db.collection('u').where({ grp: 'g' }).update({ n: _().inc(10) })).updated).toBe(2);
    const ns = (await h.db.collection('u').where({ grp: 'g' }).get()).data.map((d: { n: number }) => d.n);
    expect(ns).toEqual([11, 12]);
  });
});
