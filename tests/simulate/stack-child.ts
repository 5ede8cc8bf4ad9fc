/**
 * Child process that owns the local stack (tests/support/stack.ts) for the simulate tests.
 * The stack (esbuild, better-sqlite3, worker threads) needs a plain Node realm, which
 * Jest's jsdom environment is not; the test talks to this process over IPC.
 */
import { fromEJSON } from '../../emulator/database/ejson';
import { startLocalStack, type LocalStack } from '../support/stack';

export type StackMethod = 'signIn' | 'people' | 'call' | 'collection' | 'deliverMediaChecks' | 'advanceClock' | 'putFile' | 'stop';
type Request = { id: number; method: StackMethod; args: unknown[] };

async function answer(stack: LocalStack, { method, args }: Request): Promise<unknown> {
  switch (method) {
    case 'signIn':
      return stack.signIn(String(args[0]));
    case 'people':
      return stack.people();
    case 'call': {
      const res = await stack.call(String(args[0]), args[1], (args[2] as string | null) ?? null);
      return { status: res.status, body: res.body };
    }
    case 'collection':
      // Plain values (numbers, and dates as ISO strings over IPC), not the export's EJSON.
      return ((await stack.state())[String(args[0])] ?? []).map((doc) => fromEJSON(doc, Date.now()));
    case 'deliverMediaChecks':
      return stack.emulator.wechat.deliverMediaChecks();
    case 'advanceClock':
      // The functions' clock only: the watch judge reads the call's clock, not the test's.
      stack.emulator.functions.advanceClock(Number(args[0]));
      return true;
    case 'putFile':
      return stack.putFile(String(args[0]), { bytes: Buffer.from(String(args[1]), 'base64'), contentType: String(args[2]) });
    case 'stop':
      await stack.stop();
      return true;
  }
}

async function main(): Promise<void> {
  // The functions' clock stops at the start and moves only by hand (advanceClock): a run that
  // crosses China midnight cannot check in "today" and then find it is tomorrow.
  const stack = await startLocalStack({ frozenAt: new Date() });
  process.send?.({ ready: true, origin: stack.origin });
  process.on('message', async (msg: Request) => {
    try {
      const result = await answer(stack, msg);
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
