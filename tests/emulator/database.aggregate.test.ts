/** Aggregation stages through the real SDK's aggregate() builder. */
import { startSdk, type SdkHarness } from './support/sdk';

let h: SdkHarness;
beforeAll(async () => {
  h = await startSdk({ collections: ['orders', 'members'] });
  await h.db.collection('members').add([
    { _id: 'm1', name: 'Li', branch: 'b1' },
    { _id: 'm2', name: 'Wang', branch: 'b2' },
  ]);
  await h.db.collection('orders').add([
    { _id: 'o1', member: 'm1', amount: 10, items: ['a', 'b'], at: new Date('2024-01-01T00:00:00Z') },
    { _id: 'o2', member: 'm1', amount: 30, items: ['a'], at: new Date('2024-02-01T00:00:00Z') },
    { _id: 'o3', member: 'm2', amount: 5, items: [], at: new Date('2024-03-01T00:00:00Z') },
    { _id: 'o4', member: 'm2', amount: 55, items: ['c'], at: new Date('2024-04-01T00:00:00Z') },
  ]);
});
afterAll(async () => h.stop());

const agg = () => h.db.collection('orders').aggregate();
const $ = () => h.db.command.aggregate;

describe('aggregation stages', () => {
  it('$match + $sort + $skip + $limit', async () => {
    const res = await agg().match({ amount: h.db.command.gt(5) }).sort({ amount: -1 }).skip(1).limit(1).end();
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['o2']);
  });
  it('$group with accumulators', async () => {
    const res = await agg().group({ _id: '$member', total: $().sum('$amount'), n: $().sum(1), max: $().max('$amount') }).sort({ _id: 1 }).end();
    expect(res.data).toEqual([
      { _id: 'm1', total: 40, n: 2, max: 30 },
      { _id: 'm2', total: 60, n: 2, max: 55 },
    ]);
  });
  it('$project and $addFields with expressions', async () => {
    const res = await agg().match({ _id: 'o1' }).project({ _id: 0, amount: 1, double: $().multiply(['$amount', 2]) }).addFields({ tag: 'x' }).end();
    expect(res.data).toEqual([{ amount: 10, double: 20, tag: 'x' }]);
  });
  it('$unwind', async () => {
    const res = await agg().unwind('$items').project({ _id: 1, items: 1 }).end();
    expect(res.data.map((d: { items: string }) => d.items)).toEqual(['a', 'b', 'a', 'c']);
    const keep = await agg().unwind({ path: '$items', preserveNullAndEmptyArrays: true }).end();
    expect(keep.data).toHaveLength(5);
  });
  it('$lookup across collections', async () => {
    const res = await agg()
      .match({ _id: 'o3' })
      .lookup({ from: 'members', localField: 'member', foreignField: '_id', as: 'who' })
      .end();
    expect(res.data[0].who).toEqual([{ _id: 'm2', name: 'Wang', branch: 'b2' }]);
  });
  it('$count', async () => {
    const res = await agg().match({ amount: h.db.command.gte(10) }).count('n').end();
    expect(res.data).toEqual([{ n: 3 }]);
  });
  it('$sortByCount', async () => {
    const res = await agg().unwind('$items').sortByCount('$items').end();
    expect(res.data[0]).toEqual({ _id: 'a', count: 2 });
    expect(res.data).toHaveLength(3);
  });
  it('$bucket', async () => {
    const res = await agg().bucket({ groupBy: '$amount', boundaries: [0, 20, 100], default: 'other', output: { n: $().sum(1) } }).end();
    expect(res.data).toEqual([{ _id: 0, n: 2 }, { _id: 20, n: 2 }]);
  });
  it('$replaceRoot', async () => {
    const res = await agg().match({ _id: 'o1' }).addFields({ inner: { k: '$amount' } }).replaceRoot({ newRoot: '$inner' }).end();
    expect(res.data).toEqual([{ k: 10 }]);
  });
  it('$sample', async () => {
    const res = await agg().sample({ size: 2 }).end();
    expect(res.data).toHaveLength(2);
    const all = new Set(['o1', 'o2', 'o3', 'o4']);
    for (const d of res.data as Array<{ _id: string }>) expect(all.has(d._id)).toBe(true);
  });
  it('dates survive the pipeline and can be grouped on', async () => {
    const res = await agg()
      .match({ at: h.db.command.gte(new Date('2024-02-01T00:00:00Z')) })
      .group({ _id: null, first: $().min('$at') })
      .end();
    expect(res.data[0].first).toEqual(new Date('2024-02-01T00:00:00Z'));
  });
});
