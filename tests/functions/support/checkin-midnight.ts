/**
 * Child process for the time-zone test: the process time zone is set by the parent (TZ in
 * the environment, which Jest cannot change for its own realm), the local stack runs here,
 * and check-ins at 23:59 and 00:01 China time go through the function host on a test clock.
 * Prints one JSON line with what the functions answered.
 */
import { startLocalStack } from '../../support/stack';
import { demoOpenid } from '../../../scripts/seed/demo';
import { as, data } from './org-fixtures';
import { pngBytes } from '../../support/images';

async function main(): Promise<void> {
  const stack = await startLocalStack();
  try {
    const memberId = 'b-netops-m27';
    const openid = demoOpenid(memberId);
    const photo = async (name: string) => await stack.putFile(`checkins/${memberId}/${name}.jpg`, { bytes: pngBytes(), contentType: 'image/jpeg' });
    const submit = async (name: string) => data<{ checkin: { day: string }; alreadyToday: boolean; streak: number }>(await as(stack, openid, 'badgeCheckin.submit', { photo: (await photo(name)), location: null }));

    stack.emulator.functions.setClock(new Date('2026-11-20T23:59:00+08:00'));
    const late = await submit('late');
    const again = await submit('again');
    stack.emulator.functions.setClock(new Date('2026-11-21T00:01:00+08:00'));
    const early = await submit('early');
    const mine = data<{ days: string[]; streak: number }>(await as(stack, openid, 'badgeCheckin.mine', { month: '2026-11' }));
    const state = (await stack.state()) as Record<string, Array<{ memberId?: string; ruleCode?: string }>>;
    const result = {
      zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      late,
      again,
      early,
      mine,
      checkins: state.badge_checkins.filter((c) => c.memberId === memberId).length,
      awards: state.points_ledger.filter((e) => e.memberId === memberId && e.ruleCode === 'badgeCheckin').length,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    stack.emulator.functions.setClock(null);
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
