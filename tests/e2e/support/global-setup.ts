/**
 * The e2e run's one fresh `npm start`: a newcomer's path (builds what is stale, seeds the demo
 * company through the functions into an empty data folder). Stopped cleanly, its data folder
 * becomes the template every journey copies (server.ts).
 */
import { cpSync, rmSync } from 'node:fs';
import { SEEDED_TEMPLATE, startApp } from './server';

export default async function globalSetup(): Promise<void> {
  rmSync(SEEDED_TEMPLATE, { recursive: true, force: true });
  const app = await startApp();
  console.log(`\nnpm start on an empty data folder: ready in ${app.readySeconds.toFixed(1)} s; each journey starts from a copy of its data`);
  await app.stop({ keepData: true });
  // Copied, not renamed: the data folder is in the system's temp folder, often another file system.
  cpSync(app.dataDir, SEEDED_TEMPLATE, { recursive: true });
  rmSync(app.dataDir, { recursive: true, force: true });
}
