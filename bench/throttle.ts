/**
 * One member's burst of 200 notes at once (issue #14, class 8): with the throttle table's own
 * budget and, in the same process, with budgets too large to matter — the burst as it was
 * before the throttle. Wall time of the whole burst, how the calls were answered, and the p50
 * of a refusal against the baseline `org.me`.
 */
import { demoOpenid } from '../scripts/seed/demo';
import { startLocalStack, type LocalStack } from '../tests/support/stack';
import { measure } from './stats';

const NOTE = '通过学习，我认识到党员要在本职岗位上发挥先锋模范作用，把学习成果转化为做好网络维护和客户服务的实际行动。';
const BURST = 200;

interface Burst {
  wallMs: number;
  codes: Record<string, number>;
  /** Median time to answer, per answer code. */
  p50: Record<string, number>;
}

async function burst(stack: LocalStack, memberId: string): Promise<Burst> {
  const token = await stack.signIn(demoOpenid(memberId));
  const start = performance.now();
  const answers = await Promise.all(
    Array.from({ length: BURST }, async (_, i) => {
      const at = performance.now();
      const reply = await stack.call('note.submit', { requestId: `bench-burst-${memberId}-${i}`, text: NOTE, images: [], lessonId: null, pushId: null }, token);
      const body = reply.body as { ok: boolean; error?: { code: string } };
      return { code: body.ok ? 'ok' : (body.error?.code ?? '?'), ms: performance.now() - at };
    }),
  );
  const wallMs = performance.now() - start;
  const codes: Record<string, number> = {};
  const times: Record<string, number[]> = {};
  for (const a of answers) {
    codes[a.code] = (codes[a.code] ?? 0) + 1;
    (times[a.code] ??= []).push(a.ms);
  }
  const p50 = Object.fromEntries(Object.entries(times).map(([code, list]) => [code, list.sort((x, y) => x - y)[Math.floor(list.length / 2)]]));
  return { wallMs, codes, p50 };
}

export async function throttleBench(): Promise<string> {
  const limited = await startLocalStack({ throttleScale: 1 });
  const open = await startLocalStack({ throttleScale: 1000 });
  try {
    const member = await limited.signIn(demoOpenid('b-netops-m12'));
    const me = await measure('baseline: org.me', 100, () => limited.call('org.me', {}, member));
    // Warm: 20 instances of the note function each, as a busy hour leaves them (cold starts are not the throttle's).
    for (const stack of [limited, open]) {
      const reader = await stack.signIn(demoOpenid('b-netops-m12'));
      await Promise.all(Array.from({ length: 40 }, () => stack.call('note.feed', {}, reader)));
    }
    const throttled = await burst(limited, 'b-netops-m26');
    const unthrottled = await burst(open, 'b-netops-m26');
    const line = (name: string, b: Burst) =>
      `${name.padEnd(34)} wall ${b.wallMs.toFixed(0).padStart(6)} ms  answers ${JSON.stringify(b.codes)}  p50 ms ${Object.entries(b.p50).map(([c, ms]) => `${c} ${ms.toFixed(1)} (${(ms / me.p50).toFixed(1)}× base)`).join(', ')}`;
    return [
      `baseline org.me p50 ${me.p50.toFixed(2)} ms (n ${me.n})`,
      line(`${BURST} notes at once, budget 10/min`, throttled),
      line(`${BURST} notes at once, unthrottled`, unthrottled),
      `burst wall time, throttled ÷ unthrottled: ${(throttled.wallMs / unthrottled.wallMs).toFixed(2)}`,
    ].join('\n');
  } finally {
    await Promise.all([limited.stop(), open.stop()]);
  }
}
