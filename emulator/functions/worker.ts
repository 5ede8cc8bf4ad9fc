/**
 * One function instance, like an SCF container: it loads the bundle once and serves one
 * invocation at a time. Its process.env is its own (worker_threads copies it), so setting
 * the caller's identity here never leaks into another concurrent invocation.
 */
import { parentPort, workerData } from 'node:worker_threads';

interface InvokeMessage {
  id: string;
  event: unknown;
  env: Record<string, string>;
}

type Main = (event: unknown, context: Record<string, unknown>) => Promise<unknown>;

const { bundle, functionName } = workerData as { bundle: string; functionName: string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loaded = require(bundle) as { main?: Main };
let previousKeys: string[] = [];
// Loaded: from here on the host counts execution time (initialisation has its own limit).
parentPort?.postMessage({ ready: true });

parentPort?.on('message', async (message: InvokeMessage) => {
  for (const key of previousKeys) delete process.env[key];
  Object.assign(process.env, message.env);
  previousKeys = Object.keys(message.env);
  try {
    if (typeof loaded.main !== 'function') throw new Error(`function ${functionName} exports no main()`);
    const result = await loaded.main(message.event, {
      request_id: message.id,
      function_name: functionName,
      environ: '',
    });
    parentPort?.postMessage({ id: message.id, ok: true, result: JSON.parse(JSON.stringify(result ?? null)) });
  } catch (error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    parentPort?.postMessage({ id: message.id, ok: false, error: text });
  }
});
