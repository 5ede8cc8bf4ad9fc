/**
 * Where the emulator's engine (mingo) answered differently from MongoDB, which CloudBase's
 * database is, through the real SDK: each case is MongoDB's documented answer
 * (emulator/database/mongo-semantics.ts replaces the operators).
 */
import { errorCode, startSdk, type SdkHarness } from './support/sdk';

let h: SdkHarness;
beforeAll(async () => {
  h = await startSdk({ collections: ['things'] });
  await h.db.collection('things').add([
    { _id: 'plain', values: [1, 2, 3], s: 'hello', d: new Date('2019-05-14T00:00:00Z'), text: '2019-05-15 08:00:00' },
    { _id: 'docs', values: [{ b: 1 }, { b: 5 }], s: '党建引领', d: new Date('2023-01-01T00:00:00Z'), text: '2023-01-01T00:00:00+08:00' },
    { _id: 'mixed', values: [1, { b: 2 }], s: 'ab', d: new Date('2023-12-31T12:00:00Z'), text: null },
  ]);
});
afterAll(async () => h.stop());

const $ = () => h.db.command.aggregate;
const project = async (expr: unknown) =>
  Object.fromEntries(((await h.db.collection('things').aggregate().project({ r: expr }).sort({ _id: 1 }).end()).data as Array<{ _id: string; r: unknown }>).map((d) => [d._id, d.r]));

describe('queries', () => {
  it('$elemMatch with a field condition matches documents in the array, never plain values', async () => {
    const { data } = await h.db.collection('things').where({ values: h.db.command.elemMatch({ b: h.db.command.gte(1) }) }).get();
    expect(data.map((d: { _id: string }) => d._id).sort()).toEqual(['docs', 'mixed']);
    const none = await h.db.collection('things').where({ values: h.db.command.elemMatch({ b: 1 }) }).get();
    expect(none.data.map((d: { _id: string }) => d._id)).toEqual(['docs']);
  });

  it('$elemMatch with only operators matches values', async () => {
    const { data } = await h.db.collection('things').where({ values: h.db.command.elemMatch(h.db.command.gt(2)) }).get();
    expect(data.map((d: { _id: string }) => d._id)).toEqual(['plain']);
  });
});

describe('aggregation expressions', () => {
  it('$week counts Sunday-started weeks from 0', async () => {
    // 2019-05-14 (a Tuesday): 19; 2023-01-01 (a Sunday): 1; 2023-12-31 (a Sunday): 53.
    expect(await project($().week('$d'))).toEqual({ docs: 1, mixed: 53, plain: 19 });
  });

  it('$substr and $substrBytes take a negative length as "to the end", in UTF-8 bytes', async () => {
    expect(await project($().substrBytes(['$s', 3, -1]))).toEqual({ docs: '建引领', mixed: '', plain: 'lo' });
    expect(await project($().substr(['$s', 0, -1]))).toEqual({ docs: '党建引领', mixed: 'ab', plain: 'hello' });
    // Byte 1 of 党 is inside the character: MongoDB answers an error.
    const cut = h.db.collection('things').aggregate().match({ _id: 'docs' }).project({ r: $().substrBytes(['$s', 1, -1]) }).end();
    expect(await errorCode(cut)).toBeTruthy();
  });

  it('$indexOfCP finds code points', async () => {
    expect(await project($().indexOfCP(['$s', '引']))).toEqual({ docs: 2, mixed: -1, plain: -1 });
    expect(await project($().indexOfCP(['$s', 'l', 3]))).toEqual({ docs: -1, mixed: -1, plain: 3 });
  });

  it('$dateFromString parses dates with a space or an offset; null for a missing input, an error for an unparsable one', async () => {
    const parsed = await project($().dateFromString({ dateString: '$text' }));
    expect(parsed).toEqual({ docs: new Date('2022-12-31T16:00:00Z'), mixed: null, plain: new Date('2019-05-15T08:00:00Z') });
    const withZone = await project($().dateFromString({ dateString: '$text', timezone: 'Asia/Shanghai' }));
    expect(withZone.plain).toEqual(new Date('2019-05-15T00:00:00Z'));
    const bad = h.db.collection('things').aggregate().project({ r: $().dateFromString({ dateString: '$s' }) }).end();
    expect(await errorCode(bad)).toBeTruthy();
    const fallback = await project($().dateFromString({ dateString: '$s', onError: 'bad' }));
    expect(fallback).toEqual({ docs: 'bad', mixed: 'bad', plain: 'bad' });
  });
});

describe('geo queries', () => {
  it('are refused with the missing-geo-index error (the emulator keeps no geo index), not a request failure', async () => {
    const _ = h.db.command;
    const point = new h.db.Geo.Point(113.32, 23.12);
    for (const condition of [_.geoNear({ geometry: point, maxDistance: 1000 }), _.geoWithin({ centerSphere: [[113.32, 23.12], 0.01] }), _.geoIntersects({ geometry: point })]) {
      const failure = await h.db.collection('things').where({ loc: condition }).get().then(() => null, (e: { code?: string; message?: string }) => e);
      expect([failure?.code, failure?.message]).toEqual(['INVALID_PARAM', expect.stringMatching(/geo index/)]);
    }
    const stage = await h.db.collection('things').aggregate().geoNear({ near: point, spherical: true, distanceField: 'd' }).end().then(() => null, (e: { code?: string; message?: string }) => e);
    expect([stage?.code, stage?.message]).toEqual(['INVALID_PARAM', expect.stringMatching(/geo index/)]);
  });
});
