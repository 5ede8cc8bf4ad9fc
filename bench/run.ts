/** `npm run bench`: every benchmark, printed as figures with the machine they came from. */
import { startLocalStack } from '../tests/support/stack';
import { machine } from './stats';
import { sdkRoundTrip } from './sdk-roundtrip';
import { pointsBench } from './points';
import { studyBench } from './study';
import { throttleBench } from './throttle';

async function main() {
  console.log(`Tongxin benchmarks — ${machine()} — ${new Date().toISOString()}`);
  const stack = await startLocalStack();
  try {
    console.log('\n## SDK and function round trips through the local emulator');
    console.log(await sdkRoundTrip(stack));
    console.log('\n## Study actions (demo branch of 32 members)');
    console.log(await studyBench(stack));
  } finally {
    await stack.stop();
  }
  console.log('\n## One member bursting 200 notes (the throttle)');
  console.log(await throttleBench());
  console.log('\n## Points at tenant scale (2,500 branches, 50,000 members)');
  console.log(await pointsBench());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
