/**
 * `$jsonSchema` in queries, through the real SDK: MongoDB's answers (JSON Schema draft 4 with
 * `bsonType`, restriction keywords applying only to values of their type), in `where` (get,
 * count, update, remove), in an aggregation `$match`, and its refusals (emulator/database/json-schema.ts).
 */
import { startSdk, type SdkHarness } from './support/sdk';

let h: SdkHarness;
const joined = new Date('2024-03-01T08:00:00Z');

const PEOPLE = [
  {
    _id: 'a', name: 'Ann', age: 30, joined, motto: '同心👍', status: 'active', tags: ['x', 'y'],
    address: { city: 'Shanghai', zip: '200000' }, lines: [{ sku: 'p1', qty: 2 }],
  },
  {
    _id: 'b', name: 'Bo', age: 17, joined: '2024-03-01', status: 'left', tags: [],
    address: { city: 5 }, lines: [{ sku: 'p2', qty: 0 }],
  },
  { _id: 'c', name: 42, age: 65, status: 'active', tags: 'x', address: 'nowhere' },
  {
    _id: 'd', name: 'Dee', age: 40.5, joined, status: 'pending', tags: ['x', 'x'],
    address: { city: 'Beijing', zip: '100000', extra: true }, lines: [{ qty: 1 }],
  },
];

beforeAll(async () => {
  h = await startSdk({ collections: ['people', 'scratch'] });
  await h.db.collection('people').add(PEOPLE);
});
afterAll(async () => h.stop());

type Schema = Record<string, unknown>;
const ids = async (query: Record<string, unknown>): Promise<string[]> =>
  ((await h.db.collection('people').where(query).get()).data as Array<{ _id: string }>).map((d) => d._id).sort();
const matching = (schema: Schema) => ids({ $jsonSchema: schema });
const failure = (p: Promise<unknown>) => p.then(() => null, (e: { code?: string; message?: string }) => [e.code, e.message]);

describe('$jsonSchema in where()', () => {
  it('required and properties with bsonType string, number, date, array and object', async () => {
    expect(await matching({
      required: ['name', 'joined'],
      properties: {
        name: { bsonType: 'string' }, age: { bsonType: 'number' }, joined: { bsonType: 'date' },
        tags: { bsonType: 'array' }, address: { bsonType: 'object' },
      },
    })).toEqual(['a', 'd']);
    // A list of aliases, and draft 4's `type` names.
    expect(await matching({ properties: { name: { bsonType: ['string', 'null'] } } })).toEqual(['a', 'b', 'd']);
    expect(await matching({ properties: { age: { type: 'number' }, address: { type: 'object' } } })).toEqual(['a', 'b', 'd']);
    expect(await matching({ properties: { status: { type: 'boolean' } } })).toEqual([]);
    // A date is not an object, and keywords for objects do not apply to it (nor to a string).
    expect(await matching({ properties: { joined: { bsonType: 'object' } } })).toEqual(['c']);
    expect(await matching({ properties: { joined: { required: ['x'], minProperties: 1 } } })).toEqual(['a', 'b', 'c', 'd']);
    // Integral numbers count as int and long as well as double; 40.5 only as double.
    expect(await matching({ required: ['age'], properties: { age: { bsonType: 'int' } } })).toEqual(['a', 'b', 'c']);
    expect(await matching({ required: ['age'], properties: { age: { bsonType: 'long' } } })).toEqual(['a', 'b', 'c']);
    expect(await matching({ required: ['age'], properties: { age: { bsonType: 'double' } } })).toEqual(['a', 'b', 'c', 'd']);
    // CloudBase ids are strings: never objectId.
    expect(await matching({ properties: { _id: { bsonType: 'objectId' } } })).toEqual([]);
    expect(await matching({ properties: { _id: { bsonType: 'string' } } })).toEqual(['a', 'b', 'c', 'd']);
    // A top-level type other than object matches nothing (documents are objects).
    expect(await matching({ bsonType: 'object' })).toEqual(['a', 'b', 'c', 'd']);
    expect(await matching({ bsonType: 'array' })).toEqual([]);
  });

  it('nested properties, in a document and in array elements', async () => {
    const address = { bsonType: 'object', required: ['city'], properties: { city: { bsonType: 'string' }, zip: { pattern: '^\\d{6}$' } } };
    expect(await matching({ properties: { address } })).toEqual(['a', 'd']);
    expect(await matching({ properties: { address: { properties: { city: { bsonType: 'string' } } } } })).toEqual(['a', 'c', 'd']);
    expect(await matching({ properties: { lines: { items: { required: ['sku'], properties: { qty: { minimum: 1 } } } } } })).toEqual(['a', 'c']);
    // An object $elemMatch takes a $jsonSchema for each element.
    const _ = h.db.command;
    expect(await ids({ lines: _.elemMatch({ $jsonSchema: { required: ['sku'], properties: { qty: { maximum: 0 } } } }) })).toEqual(['b']);
  });

  it('enum', async () => {
    expect(await matching({ properties: { status: { enum: ['active', 'pending'] } } })).toEqual(['a', 'c', 'd']);
    // Field order does not matter for an object value (MongoDB compares enum values so).
    expect(await matching({ required: ['address'], properties: { address: { enum: [{ zip: '200000', city: 'Shanghai' }, 'nowhere'] } } })).toEqual(['a', 'c']);
    expect(await matching({ properties: { joined: { enum: [joined, null] } } })).toEqual(['a', 'c', 'd']);
  });

  it('minimum and maximum, with exclusiveMinimum and exclusiveMaximum; multipleOf', async () => {
    expect(await matching({ properties: { age: { minimum: 18, maximum: 65 } } })).toEqual(['a', 'c', 'd']);
    expect(await matching({ properties: { age: { minimum: 18, maximum: 65, exclusiveMaximum: true } } })).toEqual(['a', 'd']);
    expect(await matching({ properties: { age: { minimum: 30, exclusiveMinimum: true } } })).toEqual(['c', 'd']);
    expect(await matching({ properties: { age: { minimum: 30, exclusiveMinimum: false } } })).toEqual(['a', 'c', 'd']);
    // Not a number: the keywords do not apply.
    expect(await matching({ properties: { name: { maximum: 0 } } })).toEqual(['a', 'b', 'd']);
    // multipleOf as MongoDB's decimal arithmetic answers it (40.5 is a multiple of 0.1).
    expect(await matching({ properties: { age: { multipleOf: 0.1 } } })).toEqual(['a', 'b', 'c', 'd']);
    expect(await matching({ properties: { age: { multipleOf: 5 } } })).toEqual(['a', 'c']);
  });

  it('minLength, maxLength (in code points) and pattern', async () => {
    expect(await matching({ properties: { name: { minLength: 3, pattern: '^[A-Z]' } } })).toEqual(['a', 'c', 'd']);
    expect(await matching({ properties: { name: { pattern: 'e' } } })).toEqual(['c', 'd']);
    // '同心👍' is three code points (four UTF-16 units).
    expect(await matching({ required: ['motto'], properties: { motto: { maxLength: 3, minLength: 3 } } })).toEqual(['a']);
    expect(await matching({ required: ['motto'], properties: { motto: { maxLength: 2 } } })).toEqual([]);
  });

  it('items, minItems, maxItems and uniqueItems', async () => {
    expect(await matching({ properties: { tags: { bsonType: 'array', minItems: 1, items: { bsonType: 'string' } } } })).toEqual(['a', 'd']);
    expect(await matching({ properties: { tags: { maxItems: 0 } } })).toEqual(['b', 'c']);
    expect(await matching({ properties: { tags: { uniqueItems: true } } })).toEqual(['a', 'b', 'c']);
    // A list of item schemas, and nothing after them.
    expect(await matching({ properties: { tags: { items: [{ enum: ['x'] }], additionalItems: false } } })).toEqual(['b', 'c']);
  });

  it('additionalProperties false, patternProperties', async () => {
    expect(await matching({ properties: { address: { properties: { city: {}, zip: {} }, additionalProperties: false } } })).toEqual(['a', 'b', 'c']);
    expect(await matching({ properties: { address: { patternProperties: { '^(city|zip)$': { bsonType: 'string' } }, additionalProperties: false } } })).toEqual(['a', 'c']);
    // At the top level the document's _id is a property too.
    expect(await matching({ properties: { name: {} }, additionalProperties: false })).toEqual([]);
  });

  it('anyOf, allOf, oneOf and not; $nor finds the documents that do not match', async () => {
    const young = { required: ['age'], properties: { age: { maximum: 17 } } };
    const pending = { required: ['status'], properties: { status: { enum: ['pending'] } } };
    expect(await matching({ anyOf: [young, pending] })).toEqual(['b', 'd']);
    expect(await matching({ allOf: [{ required: ['joined'] }, pending] })).toEqual(['d']);
    expect(await matching({ oneOf: [{ required: ['joined'] }, { properties: { status: { enum: ['active'] } } }] })).toEqual(['b', 'c', 'd']);
    expect(await matching({ not: { required: ['joined'] } })).toEqual(['c']);
    const _ = h.db.command;
    expect(await ids(_.nor([{ $jsonSchema: { required: ['joined'] } }]) as never)).toEqual(['c']);
    // With other conditions of the same query.
    expect(await ids({ status: 'active', $jsonSchema: { required: ['joined'] } })).toEqual(['a']);
  });

  it('count() with a $jsonSchema', async () => {
    const { total } = await h.db.collection('people').where({ $jsonSchema: { required: ['lines'] } }).count();
    expect(total).toBe(3);
  });

  it('update() and remove() with a $jsonSchema', async () => {
    const scratch = h.db.collection('scratch');
    await scratch.add([{ _id: 's1', n: 1 }, { _id: 's2', n: 'one' }, { _id: 's3', n: 2.5 }]);
    const updated = await scratch.where({ $jsonSchema: { properties: { n: { bsonType: 'int' } } } }).update({ whole: true });
    expect(updated.updated).toBe(1);
    const removed = await scratch.where({ $jsonSchema: { properties: { n: { bsonType: 'string' } } } }).remove();
    expect(removed.deleted).toBe(1);
    const left = (await scratch.orderBy('_id', 'asc').get()).data as Array<Record<string, unknown>>;
    expect(left).toEqual([{ _id: 's1', n: 1, whole: true }, { _id: 's3', n: 2.5 }]);
  });
});

describe('$jsonSchema in an aggregation', () => {
  it('as the leading $match and after other stages', async () => {
    const people = h.db.collection('people');
    const lead = await people.aggregate().match({ $jsonSchema: { required: ['joined'], properties: { joined: { bsonType: 'date' } } } }).sort({ _id: 1 }).project({ _id: 1 }).end();
    expect(lead.data).toEqual([{ _id: 'a' }, { _id: 'd' }]);
    const later = await people.aggregate().project({ n: '$name' }).match({ $jsonSchema: { required: ['n'], properties: { n: { bsonType: 'string', maxLength: 2 } } } }).end();
    expect(later.data).toEqual([{ _id: 'b', n: 'Bo' }]);
  });
});

describe('schemas MongoDB refuses', () => {
  const BAD: Array<[string, Schema, RegExp]> = [
    ['format', { properties: { name: { format: 'email' } } }, /'format'/],
    ['$ref', { properties: { name: { $ref: '#/definitions/name' } } }, /'\$ref'/],
    ['type integer', { properties: { age: { type: 'integer' } } }, /'type'.*type 'integer'/],
    ['bsonType integer', { properties: { age: { bsonType: ['int', 'integer'] } } }, /'bsonType'.*type 'integer'/],
    ['an unknown bsonType alias', { properties: { age: { bsonType: 'float' } } }, /'bsonType'.*float/],
    ['an unknown keyword', { properties: { age: { minimun: 1 } } }, /Unknown \$jsonSchema keyword: minimun/],
    ['an empty required', { required: [] }, /'required'/],
    ['exclusiveMaximum without maximum', { properties: { age: { exclusiveMaximum: true } } }, /'maximum'/],
  ];

  it.each(BAD)('%s: INVALID_PARAM naming the keyword, in every action, and nothing changes', async (_name, schema, message) => {
    const people = h.db.collection('people');
    const before = (await people.orderBy('_id', 'asc').get()).data;
    const where = () => people.where({ $jsonSchema: schema });
    const attempts = [
      () => where().get(),
      () => where().count(),
      () => where().update({ touched: true }),
      () => where().remove(),
      () => people.aggregate().match({ $jsonSchema: schema }).end(),
      () => people.aggregate().project({ name: 1 }).match({ $jsonSchema: schema }).end(),
    ];
    for (const attempt of attempts) expect(await failure(attempt())).toEqual(['INVALID_PARAM', expect.stringMatching(message)]);
    expect((await people.orderBy('_id', 'asc').get()).data).toEqual(before);
  });

  it('on a field it is an unknown operator; $text stays refused', async () => {
    const people = h.db.collection('people');
    expect(await failure(people.where({ name: { $jsonSchema: {} } }).get())).toEqual(['INVALID_PARAM', expect.stringMatching(/unknown operator: \$jsonSchema/)]);
    expect(await failure(people.where({ $text: { $search: 'Ann' } }).get())).toEqual(['INVALID_PARAM', expect.stringMatching(/\$text/)]);
  });
});
