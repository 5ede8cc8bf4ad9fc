/** Timing helpers for benchmarks: figures only, never assertions. */
import { cpus } from 'node:os';

export interface Summary {
  name: string;
  n: number;
  p50: number;
  p95: number;
  mean: number;
}

export async function measure(name: string, n: number, run: (i: number) => Promise<unknown>, warmup = 20): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await run(i);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    await run(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const pick = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { name, n, p50: pick(0.5), p95: pick(0.95), mean: times.reduce((s, t) => s + t, 0) / times.length };
}

export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}`;
}

export function table(rows: Summary[], baseline: Summary): string {
  const header = `${'operation'.padEnd(52)} ${'n'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p50 ×base'.padStart(10)}`;
  const lines = rows.map(
    (row) =>
      `${row.name.padEnd(52)} ${String(row.n).padStart(5)} ${row.p50.toFixed(2).padStart(8)} ${row.p95.toFixed(2).padStart(8)} ${(row.p50 / baseline.p50).toFixed(1).padStart(10)}`,
  );
  return [header, ...lines].join('\n');
}
