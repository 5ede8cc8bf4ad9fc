/** `npm run build:functions`: the deployable bundles in dist/cloudfunctions/<name>/ (index.js, package.json, config.json). */
import { buildFunctions } from '../emulator';

buildFunctions()
  .then((built) => {
    for (const fn of built) console.log(`${fn.name.padEnd(12)} ${(fn.bytes / 1024).toFixed(1).padStart(8)} KB  ${fn.bundle}`);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
