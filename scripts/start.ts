/**
 * `npm start`: build the functions and (when stale) the H5 app, start the emulator on
 * 127.0.0.1, seed it with the demo company when empty, and print where to go.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, buildFunctions, DEFAULT_H5_DIR } from '../emulator';
import { isEmpty } from './seed/load';
import { seedDemo } from './seed';
import { DATA_DIR, ROOT, emulatorPort, newestMtime, runNpmScript, seconds } from './lib';

async function main() {
  const started = Date.now();
  const functions = await buildFunctions();
  console.log(`built ${functions.length} functions in ${seconds(started)}`);

  const h5Index = join(DEFAULT_H5_DIR, 'index.html');
  const sourcesChanged = newestMtime([join(ROOT, 'miniprogram', 'src'), join(ROOT, 'miniprogram', 'config'), join(ROOT, 'shared')]);
  if (!existsSync(h5Index) || statSync(h5Index).mtimeMs < sourcesChanged || process.argv.includes('--rebuild')) {
    const h5Started = Date.now();
    console.log('building the H5 app (first start takes about a minute)…');
    await runNpmScript('build:h5');
    console.log(`built the H5 app in ${seconds(h5Started)}`);
  }

  const emulator = await startEmulator({ port: emulatorPort(), dataDir: DATA_DIR, functions });
  if (await isEmpty(emulator.adminUrl)) {
    console.log(await seedDemo(emulator.origin));
  }
  console.log('');
  console.log(`Tongxin is running (ready in ${seconds(started)}).`);
  console.log(`  Open ${emulator.origin}/__/auth to pick a demo person, then you land in the app.`);
  console.log(`  App:        ${emulator.origin}/`);
  console.log(`  Emulator:   ${emulator.adminUrl}  (data in ${DATA_DIR}; npm run reset to start over)`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => void emulator.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
