/** 徽章打卡 through the function host: the image check, the member's folder, the wall and the secretary's rates. */
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';
import { pngBytes, riskyPngBytes } from '../support/images';
import { as, data } from './support/org-fixtures';

let stack: LocalStack;
const photo = async (memberId: string, name: string, bytes = pngBytes()) => await stack.putFile(`checkins/${memberId}/${name}.jpg`, { bytes, contentType: 'image/jpeg' });

beforeAll(async () => {
  stack = await startLocalStack();
});
afterAll(async () => {
  stack.emulator.functions.setClock(null);
  await stack.stop();
});

describe('checking in', () => {
  it('refuses a file that is not an image, or too large, and writes nothing (WeChat checks the rest later)', async () => {
    for (const bytes of [Buffer.from('#!/bin/sh\necho'), pngBytes('x'.repeat(6 * 1024 * 1024))]) {
      const file = await photo('b-netops-m28', `bad-${bytes.length}`, bytes);
      const before = await stack.state();
      const reply = await as(stack, demoOpenid('b-netops-m28'), 'badgeCheckin.submit', { photo: file, location: null });
      expect(reply.error?.code).toBe('INVALID_INPUT');
      expect(await stack.state()).toEqual(before);
    }
    // A risky photo is taken and held: tests/functions/media-checks.test.ts follows WeChat's answer.
    const risky = await photo('b-netops-m31', 'risky', riskyPngBytes());
    expect((await as(stack, demoOpenid('b-netops-m31'), 'badgeCheckin.submit', { photo: risky, location: null })).ok).toBe(true);
  });

  it("refuses someone else's photo", async () => {
    const reply = await as(stack, demoOpenid('b-netops-m28'), 'badgeCheckin.submit', { photo: (await photo('b-netops-m29', 'x')), location: null });
    expect(reply.error?.fields?.photo).toBeDefined();
  });

  it('shows the branch wall and the rates per member and group to the secretary only', async () => {
    stack.emulator.functions.setClock(new Date('2026-11-10T09:00:00+08:00'));
    for (const id of ['b-netops-m28', 'b-netops-m29']) data(await as(stack, demoOpenid(id), 'badgeCheckin.submit', { photo: (await photo(id, 'd10')), location: null }));
    stack.emulator.functions.setClock(new Date('2026-11-11T09:00:00+08:00'));
    data(await as(stack, demoOpenid('b-netops-m28'), 'badgeCheckin.submit', { photo: (await photo('b-netops-m28', 'd11')), location: null }));

    const wall = data<{ items: Array<{ member: { id: string } }>; members: number }>(await as(stack, demoOpenid('b-netops-m30'), 'badgeCheckin.wall', { day: '2026-11-10' }));
    expect(wall.items.map((i) => i.member.id).sort()).toEqual(['b-netops-m28', 'b-netops-m29']);
    expect(wall.members).toBe(32);
    expect(data<{ items: unknown[] }>(await as(stack, demoOpenid('b-market-m07'), 'badgeCheckin.wall', { day: '2026-11-10' })).items).toHaveLength(0);

    const rates = data<{ days: number; members: Array<{ id: string; checkins: number; rate: number }>; groups: Array<{ members: number }>; branch: { rate: number } }>(
      await as(stack, demoOpenid('b-netops-m01'), 'badgeCheckin.rates', { from: '2026-11-10', to: '2026-11-11' }),
    );
    expect(rates.days).toBe(2);
    expect(rates.members.find((m) => m.id === 'b-netops-m28')).toMatchObject({ checkins: 2, rate: 1 });
    expect(rates.members.find((m) => m.id === 'b-netops-m29')).toMatchObject({ checkins: 1, rate: 0.5 });
    expect(rates.branch.rate).toBeCloseTo(3 / 64, 3);
    expect(rates.groups.reduce((s, g) => s + g.members, 0)).toBe(32);
    // Days after today do not count.
    expect(data<{ days: number }>(await as(stack, demoOpenid('b-netops-m01'), 'badgeCheckin.rates', { from: '2026-11-10', to: '2026-11-30' })).days).toBe(2);
    expect((await as(stack, demoOpenid('b-netops-m28'), 'badgeCheckin.rates', { from: '2026-11-10', to: '2026-11-11' })).error?.code).toBe('FORBIDDEN');
  });
});
