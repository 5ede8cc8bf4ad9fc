/** The deploy configuration stays in step with the function folders and their config.json. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { functionNames, FUNCTIONS_SRC, ROOT } from '../../emulator/functions/build';

describe('cloudbaserc.json', () => {
  const rc = JSON.parse(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8')) as {
    functionRoot: string;
    functions: Array<{ name: string; timeout: number }>;
  };

  it('deploys exactly the function folders, from the built bundles', () => {
    expect(rc.functionRoot).toBe('./dist/functions');
    expect(rc.functions.map((f) => f.name).sort()).toEqual(functionNames());
  });

  it('uses the same timeout as each function config.json (which the emulator enforces)', () => {
    for (const fn of rc.functions) {
      const config = JSON.parse(readFileSync(join(FUNCTIONS_SRC, fn.name, 'config.json'), 'utf8')) as { timeout: number };
      expect(fn.timeout).toBe(config.timeout);
    }
  });
});

describe('the API contract', () => {
  it('names only actions whose cloud function exists', async () => {
    const { contract, splitAction } = await import('../../shared/api/contract');
    const functions = new Set(functionNames());
    for (const name of Object.keys(contract)) expect(functions.has(splitAction(name).functionName)).toBe(true);
  });
});
