/**
 * Transactions through the real SDK: commit, abort, isolation, conflicts (and, under
 * test:cloud, against CloudBase). Expiry and the legacy wire actions are in database.wire.
 */
import { errorCode, startSdk, type SdkHarness } from './support/sdk';

let h: SdkHarness;
beforeAll(async () => {
  h = await startSdk({ collections: ['acc'] });
});
afterAll(async () => h.stop());
beforeEach(async () => {
  await h.db.collection('acc').where({}).remove();
  await h.db.collection('acc').add([{ _id: 'a', bal: 100 }, { _id: 'b', bal: 0 }]);
});

const balance = async (id: string): Promise<number | undefined> =>
  ((await h.db.collection('acc').doc(id).get()).data[0] as { bal?: number } | undefined)?.bal;

describe('transactions', () => {
  it('commits reads, updates, inserts and deletes together (runTransaction)', async () => {
    const _ = h.db.command;
    const result = await h.db.runTransaction(async (t: any) => {
      const a = (await t.collection('acc').doc('a').get()).data;
      await t.collection('acc').doc('a').update({ bal: _.inc(-30) });
      await t.collection('acc').doc('b').update({ bal: _.inc(30) });
      await t.collection('acc').add({ _id: 'log1', from: 'a', amount: 30 });
      return a.bal;
    });
    expect(result).toBe(100);
    expect(await balance('a')).toBe(70);
    expect(await balance('b')).toBe(30);
    expect((await h.db.collection('acc').doc('log1').get()).data).toEqual([{ _id: 'log1', from: 'a', amount: 30 }]);
  });

  it('is isolated: own writes visible inside, invisible outside until commit', async () => {
    const t = await h.db.startTransaction();
    await t.collection('acc').doc('a').update({ bal: 1 });
    await t.collection('acc').add({ _id: 'tmp', bal: 5 });
    await t.collection('acc').doc('b').delete();
    expect((await t.collection('acc').doc('a').get()).data).toEqual({ _id: 'a', bal: 1 });
    expect((await t.collection('acc').doc('b').get()).data).toBeNull();
    expect((await t.collection('acc').where({ bal: h.db.command.gte(1) }).get()).data.map((d: { _id: string }) => d._id).sort()).toEqual(['a', 'tmp']);
    expect(await balance('a')).toBe(100);
    expect(await balance('tmp')).toBeUndefined();
    expect(await balance('b')).toBe(0);
    await t.commit();
    expect(await balance('a')).toBe(1);
    expect(await balance('tmp')).toBe(5);
    expect((await h.db.collection('acc').doc('b').get()).data).toEqual([]);
  });

  it('rollback discards everything', async () => {
    const t = await h.db.startTransaction();
    await t.collection('acc').doc('a').set({ bal: -1 });
    await t.collection('acc').add({ _id: 'gone' });
    await t.rollback();
    expect(await balance('a')).toBe(100);
    expect((await h.db.collection('acc').doc('gone').get()).data).toEqual([]);
    expect(await errorCode(t.commit())).toBe('DATABASE_TRANSACTION_FAIL');
  });

  it('a second transaction writing the same document gets DATABASE_TRANSACTION_CONFLICT and is aborted', async () => {
    const t1 = await h.db.startTransaction();
    const t2 = await h.db.startTransaction();
    const t3 = await h.db.startTransaction();
    await t1.collection('acc').doc('a').update({ bal: 1 });
    await t2.collection('acc').doc('b').update({ bal: 2 });
    expect(await errorCode(t3.collection('acc').doc('a').update({ bal: 3 }))).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(await errorCode(t3.commit())).toBe('DATABASE_TRANSACTION_FAIL');
    await t1.commit(); // different documents do not conflict
    await t2.commit();
    expect(await balance('a')).toBe(1);
    expect(await balance('b')).toBe(2);
  });

  it('reads a snapshot: a change made outside after the start is not seen, and a read-only transaction commits', async () => {
    const t = await h.db.startTransaction();
    const seen = (await t.collection('acc').doc('a').get()).data;
    expect(seen.bal).toBe(100);
    await h.db.collection('acc').doc('a').update({ bal: 50 }); // outside write
    await h.db.collection('acc').add({ _id: 'late', bal: 1 }); // created after the start
    expect((await t.collection('acc').doc('a').get()).data.bal).toBe(100);
    expect((await t.collection('acc').doc('late').get()).data).toBeNull();
    // Writing another document from what it read is snapshot isolation's write skew: it commits.
    await t.collection('acc').doc('b').update({ bal: seen.bal });
    await t.commit();
    expect(await balance('b')).toBe(100);
    expect(await balance('a')).toBe(50);

    const readOnly = await h.db.startTransaction();
    expect((await readOnly.collection('acc').doc('a').get()).data.bal).toBe(50);
    await h.db.collection('acc').doc('a').update({ bal: 40 });
    expect((await readOnly.collection('acc').doc('a').get()).data.bal).toBe(50);
    await readOnly.commit();
  });

  it('refuses to write a document changed since the start (write-write), at the write and at the commit', async () => {
    const t = await h.db.startTransaction();
    expect((await t.collection('acc').doc('a').get()).data.bal).toBe(100);
    await h.db.collection('acc').doc('a').update({ bal: 70 });
    await expect(t.collection('acc').doc('a').update({ bal: 101 })).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(await balance('a')).toBe(70);
    // Written first, then changed outside before the commit: the commit is refused.
    const u = await h.db.startTransaction();
    await u.collection('acc').doc('b').update({ bal: 5 });
    await h.db.collection('acc').doc('b').update({ bal: 6 });
    expect(await errorCode(u.commit())).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(await balance('b')).toBe(6);
  });

  it('runTransaction retries after a conflict and then succeeds', async () => {
    let attempts = 0;
    await h.db.runTransaction(async (t: any) => {
      attempts += 1;
      const a = (await t.collection('acc').doc('a').get()).data;
      if (attempts === 1) await h.db.collection('acc').doc('a').update({ bal: 90 }); // interleaved writer
      await t.collection('acc').doc('a').update({ bal: a.bal + 1 });
    });
    expect(attempts).toBe(2);
    expect(await balance('a')).toBe(91);
  });

  it('rejects a duplicate insert inside a transaction', async () => {
    const t = await h.db.startTransaction();
    expect(await errorCode(t.collection('acc').add({ _id: 'a' }))).toBe('DATABASE_DUPLICATE_WRITE');
    await t.rollback();
  });
});

describe('a read of a missing document', () => {
  it('conflicts when another transaction creates that document before this one commits', async () => {
    const h = await startSdk({ collections: ['phantom'] });
    try {
      const a = await h.db.startTransaction();
      const b = await h.db.startTransaction();
      expect((await a.collection('phantom').doc('x').get()).data).toBeNull();
      expect((await b.collection('phantom').doc('x').get()).data).toBeNull();
      await a.collection('phantom').doc('x').set({ n: 1 });
      await a.commit();
      // MongoDB's WriteConflict: the write itself fails, and the transaction is over.
      await expect(b.collection('phantom').doc('x').set({ n: 2 })).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
      await expect(b.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
      expect((await h.db.collection('phantom').doc('x').get()).data).toEqual([{ _id: 'x', n: 1 }]);
    } finally {
      await h.stop();
    }
  });
});
