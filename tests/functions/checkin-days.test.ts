/**
 * A check-in day is an Asia/Shanghai day whatever the server's time zone (DESIGN §6): the
 * scenario runs in a child process with TZ set to UTC and to America/New_York.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function scenario(zone: string) {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(__dirname, 'support', 'checkin-midnight.ts')], {
    env: { ...process.env, TZ: zone },
    timeout: 90_000,
    maxBuffer: 10 * 1024 * 1024,
  });
  const line = stdout.trim().split('\n').pop() ?? '{}';
  return JSON.parse(line) as {
    zone: string;
    late: { checkin: { day: string } };
    again: { alreadyToday: boolean };
    early: { checkin: { day: string }; streak: number };
    mine: { days: string[] };
    checkins: number;
    awards: number;
  };
}

describe.each(['UTC', 'America/New_York'])('badge check-in with the server in %s', (zone) => {
  it('counts 23:59 and 00:01 China time on two days, and a second check-in the same day once', async () => {
    const result = await scenario(zone);
    expect(result.zone).toBe(zone);
    expect(result.late.checkin.day).toBe('2026-11-20');
    expect(result.again.alreadyToday).toBe(true);
    expect(result.early.checkin.day).toBe('2026-11-21');
    expect(result.early.streak).toBe(2);
    expect(result.mine.days).toEqual(['2026-11-20', '2026-11-21']);
    expect(result.checkins).toBe(2);
    expect(result.awards).toBe(2);
  }, 120_000);
});
