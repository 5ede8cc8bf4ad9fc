/**
 * Child process that owns the local stack (tests/support/stack.ts) for the simulate tests.
 * The stack (esbuild, better-sqlite3, worker threads) needs a plain Node realm, which
 * Jest's jsdom environment is not; the test talks to this process over IPC.
 */
import { startLocalStack } from '../support/stack';

type Request = { id: number; method: 'signIn' | 'people' | 'stop'; args: unknown[] };

async function main(): Promise<void> {
  const stack = await startLocalStack();
  process.send?.({ ready: true, origin: stack.origin });
  process.on('message', async (msg: Request) => {
    try {
      let result: unknown;
      if (msg.method === 'signIn') result = await stack.signIn(String(msg.args[0]));
      else if (msg.method === 'people') result = await stack.people();
      else if (msg.method === 'stop') {
        await stack.stop();
        result = true;
      }
      process.send?.({ id: msg.id, ok: true, result });
      if (msg.method === 'stop') process.disconnect?.();
    } catch (error) {
      process.send?.({ id: msg.id, ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) });
    }
  });
  process.on('disconnect', () => {
    void stack.stop().finally(() => process.exit(0));
  });
}

main().catch((error) => {
  process.send?.({ ready: false, error: error instanceof Error ? error.stack ?? error.message : String(error) });
  process.exitCode = 1;
});
