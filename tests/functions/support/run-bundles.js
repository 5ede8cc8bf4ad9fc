// Plain Node (no Jest, no TypeScript): loads each copied bundle as SCF would and calls its
// main once. argv[2]: JSON [{name, bundle, event}]; the environment is the platform's.
'use strict';

async function run() {
  const calls = JSON.parse(process.argv[2]);
  const results = [];
  for (const call of calls) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const loaded = require(call.bundle);
      const reply = await loaded.main(call.event, { request_id: `bundle-${call.name}`, function_name: call.name, environ: '' });
      results.push({ name: call.name, reply });
    } catch (error) {
      results.push({ name: call.name, crash: String(error && error.stack ? error.stack : error) });
    }
  }
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

run().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
