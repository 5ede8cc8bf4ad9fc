/**
 * SDK round trips through the emulator: `doc().get()` and a 100-document `where().get()`,
 * and one function call, against a bare HTTP round trip to the same server (the baseline).
 */
import { adminApp } from '../scripts/seed/load';
import { demoOpenid } from '../scripts/seed/demo';
import type { LocalStack } from '../tests/support/stack';
import { measure, table, type Summary } from './stats';

export async function sdkRoundTrip(stack: LocalStack): Promise<string> {
  const db = adminApp(stack.adminUrl).database();
  await db.createCollection('bench_docs');
  const docs = Array.from({ length: 1000 }, (_, i) => ({
    _id: `d${i}`,
    branchId: `b${i % 10}`,
    title: `学习要点 ${i}`,
    at: new Date(Date.UTC(2026, 9, 1) + i * 60000),
    tags: ['学习', i % 2 ? '党课' : '三会一课'],
  }));
  for (let i = 0; i < docs.length; i += 100) await db.collection('bench_docs').add(docs.slice(i, i + 100));

  const baseline = await measure('baseline: bare HTTP GET /__/admin/health', 300, () =>
    fetch(`${stack.origin}/__/admin/health`).then((r) => r.json()),
  );
  const rows: Summary[] = [baseline];
  rows.push(await measure('SDK doc(id).get()', 300, (i) => db.collection('bench_docs').doc(`d${(i * 37) % 1000}`).get()));
  rows.push(
    await measure('SDK where({branchId}).limit(100).get() → 100 docs', 200, (i) =>
      db.collection('bench_docs').where({ branchId: `b${i % 10}` }).limit(100).get(),
    ),
  );
  const token = await stack.signIn(demoOpenid('b-netops-m02'));
  rows.push(await measure('function org.me (HTTP → host → SDK → db)', 200, () => stack.call('org.me', {}, token)));
  const { headers } = await stack.call('org.me', {}, token);
  return [
    table(rows, baseline),
    `org.me database operations per call: ${headers.get('x-tongxin-db-reads')} reads, ${headers.get('x-tongxin-db-writes')} writes`,
  ].join('\n');
}
