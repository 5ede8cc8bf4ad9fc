/** `npm run bench`: every benchmark, printed as figures with the machine they came from. */
import { startLocalStack } from '../tests/support/stack';
import { machine } from './stats';
import { sdkRoundTrip } from './sdk-roundtrip';

async function main() {
  console.log(`Tongxin benchmarks — ${machine()} — ${new Date().toISOString()}`);
  const stack = await startLocalStack();
  try {
    console.log('\n## SDK and function round trips through the local emulator');
    console.log(await sdkRoundTrip(stack));
  } finally {
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
