/** The deploy configuration stays in step with the function folders and their config.json. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { functionNames, FUNCTIONS_OUT, FUNCTIONS_SRC, ROOT } from '../../emulator/functions/build';
import { CONTENT_CHECKS } from '../../shared/api/content';

interface FunctionConfig {
  timeout: number;
  permissions?: { openapi?: string[] };
  triggers?: Array<{ name: string; type: string; config: string }>;
}

const configOf = (name: string) => JSON.parse(readFileSync(join(FUNCTIONS_SRC, name, 'config.json'), 'utf8')) as FunctionConfig;

/** All TypeScript of one function's folder (handlers included), to see which platform calls it makes. */
const sourceOf = (name: string): string =>
  (readdirSync(join(FUNCTIONS_SRC, name), { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => file.endsWith('.ts'))
    .map((file) => readFileSync(join(FUNCTIONS_SRC, name, file), 'utf8'))
    .join('\n');
const uses = (name: string, call: string) => sourceOf(name).includes(call);
const MAKES_CODES = ['miniProgramCode(', 'signInCode('];

describe('cloudbaserc.json', () => {
  const rc = JSON.parse(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8')) as {
    functionRoot: string;
    functions: Array<{
      name: string;
      timeout: number;
      runtime: string;
      memorySize: number;
      triggers?: FunctionConfig['triggers'];
      envVariables?: Record<string, string>;
    }>;
  };

  it('deploys exactly the function folders, from the built bundles', () => {
    expect(rc.functionRoot).toBe('./dist/cloudfunctions');
    expect(join(ROOT, rc.functionRoot)).toBe(FUNCTIONS_OUT);
    expect(rc.functions.map((f) => f.name).sort()).toEqual(functionNames());
  });

  it('gives every function a runtime, memory, and the timeout and timer triggers of its config.json (which the emulator enforces)', () => {
    for (const fn of rc.functions) {
      const config = configOf(fn.name);
      expect([fn.name, fn.timeout]).toEqual([fn.name, config.timeout]);
      expect(fn.runtime).toMatch(/^Nodejs\d/);
      expect(fn.memorySize).toBeGreaterThanOrEqual(128);
      expect([fn.name, fn.triggers ?? []]).toEqual([fn.name, config.triggers ?? []]);
    }
  });

  it('gives every function that sends subscribe messages the template ids, as placeholders tcb fills at deploy time', () => {
    const subscriptions = readFileSync(join(FUNCTIONS_SRC, '_shared', 'subscriptions.ts'), 'utf8');
    const templates = [...subscriptions.matchAll(/process\.env\.(TONGXIN_TPL_\w+)/g)].map((m) => m[1]);
    expect(templates.sort()).toEqual(['TONGXIN_TPL_MEETING', 'TONGXIN_TPL_STUDY_PUSH', 'TONGXIN_TPL_TASK']);
    const senders = functionNames().filter((name) => uses(name, 'notify('));
    expect(senders.length).toBeGreaterThan(0);
    for (const fn of rc.functions) {
      const keys = Object.keys(fn.envVariables ?? {}).filter((key) => key.startsWith('TONGXIN_TPL_')).sort();
      // Each template's id, and the mapping of its keys (shared/domain/subscribe-templates.ts).
      const expected = [...templates, ...templates.map((t) => `${t}_KEYS`)].sort();
      expect([fn.name, keys]).toEqual([fn.name, senders.includes(fn.name) ? expected : []]);
    }
    // Only placeholders are committed, each naming its own key: the values live in .env or the environment.
    for (const fn of rc.functions) {
      for (const [key, value] of Object.entries(fn.envVariables ?? {})) expect([fn.name, value]).toEqual([fn.name, `{{env.${key}}}`]);
    }
  });

  it('tells every function that makes mini-program codes or sends messages which version of the app they open', () => {
    const openers = functionNames().filter((name) => [...MAKES_CODES, 'notify('].some((call) => uses(name, call)));
    expect(openers).toEqual(expect.arrayContaining(['org', 'lesson', 'meeting', 'activity', 'studyPush', 'task']));
    for (const fn of rc.functions) {
      expect([fn.name, 'TONGXIN_MINIPROGRAM_VERSION' in (fn.envVariables ?? {})]).toEqual([fn.name, openers.includes(fn.name)]);
    }
  });

  it('is what the deploy script reads', async () => {
    const { readRc, RC_FILE } = await import('../../scripts/cloud/rc');
    expect(RC_FILE).toBe(join(ROOT, 'cloudbaserc.json'));
    expect(readRc().functions.map((f) => f.name)).toEqual(rc.functions.map((f) => f.name));
  });

  it('declares the WeChat open APIs each function calls', () => {
    for (const name of functionNames()) {
      const openapi = configOf(name).permissions?.openapi ?? [];
      if (MAKES_CODES.some((call) => uses(name, call))) expect([name, openapi]).toEqual([name, expect.arrayContaining(['wxacode.getUnlimited'])]);
      // The content table says which functions check text (the runtime does it) and images.
      const checks = Object.entries(CONTENT_CHECKS).filter(([action]) => action.startsWith(`${name}.`)).map(([, c]) => c);
      if (checks.some((c) => c?.text?.length)) expect([name, openapi]).toEqual([name, expect.arrayContaining(['security.msgSecCheck'])]);
      if (checks.some((c) => c?.images?.length) || uses(name, 'checkMediaAsync(')) expect([name, openapi]).toEqual([name, expect.arrayContaining(['security.mediaCheckAsync'])]);
      expect([name, openapi.includes('security.imgSecCheck')]).toEqual([name, false]);
      if (uses(name, 'notify(')) expect([name, openapi]).toEqual([name, expect.arrayContaining(['subscribeMessage.send'])]);
    }
  });
});

describe('project.config.json', () => {
  it('points WeChat DevTools at the built mini-program and the built functions', () => {
    const project = JSON.parse(readFileSync(join(ROOT, 'project.config.json'), 'utf8')) as { miniprogramRoot: string; cloudfunctionRoot: string };
    expect(project.miniprogramRoot).toBe('miniprogram/dist/weapp/');
    expect(join(ROOT, project.cloudfunctionRoot)).toBe(`${FUNCTIONS_OUT}/`);
  });
});

describe('the API contract', () => {
  it('names only actions whose cloud function exists', async () => {
    const { contract, splitAction } = await import('../../shared/api/contract');
    const functions = new Set(functionNames());
    for (const name of Object.keys(contract)) expect(functions.has(splitAction(name).functionName)).toBe(true);
  });
});
