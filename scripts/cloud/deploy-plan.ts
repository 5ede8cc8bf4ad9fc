/**
 * The deploy plan: a pure list of steps from the options and cloudbaserc.json, so
 * `--dry-run` prints exactly what a real run spawns.
 *
 * Facts about @cloudbase/cli 2.12.10 this relies on (read from its bundle):
 * - `tcb fn deploy <name> --force` creates the function, or updates its code and then its
 *   configuration, and in both cases creates the timer `triggers` listed for it in
 *   cloudbaserc.json (BatchCreateTrigger); no separate `tcb fn trigger create` is needed.
 * - `envVariables` are sent as the function's environment (on create and on update), after
 *   the CLI has filled `{{env.X}}` from the process environment, else `.env.local` / `.env`
 *   (an unset one becomes an empty string).
 * - the key is read from TENCENTCLOUD_SECRETID / SECRETKEY / SESSIONTOKEN when no
 *   `tcb login` session is stored, so no login step (and no key on the command line) is needed.
 * - a failed deploy is logged but can still exit 0, hence the final check of every function;
 *   a wrong key makes it fall back to an interactive browser login, hence the preflight.
 */
import type { CloudbaseRc, RcFunction } from './rc';
import { placeholderVariables } from './rc';

export interface DeployOptions {
  envId: string;
  region?: string;
  /** Function names to deploy; all of cloudbaserc.json when absent. */
  only?: readonly string[];
  skipBuild?: boolean;
}

export interface CommandStep {
  kind: 'command';
  description: string;
  command: 'npm' | 'tcb';
  args: string[];
}

/**
 * Done in-process before anything else: a wrong key or env id fails here with the API's
 * message, where tcb would fall back to an interactive browser login.
 */
export interface PreflightStep {
  kind: 'preflight';
  description: string;
}

/** Done in-process: reads each function back (GetFunction) to catch a failure tcb did not report. */
export interface VerifyStep {
  kind: 'verify';
  description: string;
  functions: RcFunction[];
}

export type DeployStep = PreflightStep | CommandStep | VerifyStep;

export class UnknownFunctionError extends Error {
  constructor(unknown: readonly string[], known: readonly string[]) {
    super(`--only names no such function: ${unknown.join(', ')} (cloudbaserc.json has ${known.join(', ')})`);
    this.name = 'UnknownFunctionError';
  }
}

/** `--only org,points` → ['org', 'points']. */
export function parseOnly(value: string): string[] {
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  if (names.length === 0) throw new Error('--only needs at least one function name, e.g. --only org,points');
  return [...new Set(names)];
}

export function selectFunctions(config: CloudbaseRc, only?: readonly string[]): RcFunction[] {
  if (!only) return config.functions;
  const known = config.functions.map((fn) => fn.name);
  const unknown = only.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new UnknownFunctionError(unknown, known);
  return config.functions.filter((fn) => only.includes(fn.name));
}

function describeDeploy(fn: RcFunction): string {
  const extras = [
    ...(fn.triggers ?? []).map((t) => `timer trigger ${t.name} "${t.config}"`),
    ...(fn.envVariables ? [`env ${Object.keys(fn.envVariables).join(', ')}`] : []),
  ];
  return `deploy function ${fn.name}${extras.length ? ` (${extras.join('; ')})` : ''}`;
}

export function deployPlan(options: DeployOptions, config: CloudbaseRc): DeployStep[] {
  const functions = selectFunctions(config, options.only);
  const steps: DeployStep[] = [{ kind: 'preflight', description: `check that the key reaches environment ${options.envId}` }];
  if (!options.skipBuild) {
    steps.push({ kind: 'command', description: 'build the function bundles into dist/cloudfunctions', command: 'npm', args: ['run', '--silent', 'build:functions'] });
  }
  // --region is a global option of the CLI, so it goes before the sub-command.
  const region = options.region ? ['--region', options.region] : [];
  for (const fn of functions) {
    steps.push({
      kind: 'command',
      description: describeDeploy(fn),
      command: 'tcb',
      args: [...region, 'fn', 'deploy', fn.name, '-e', options.envId, '--force', '--yes'],
    });
  }
  steps.push({
    kind: 'verify',
    description:
      functions.length === 1
        ? 'check that the function is Active with its timer triggers and environment variables'
        : `check that the ${functions.length} functions are Active with their timer triggers and environment variables`,
    functions,
  });
  return steps;
}

/** Variables named by `{{env.X}}` placeholders of the functions in the plan, for a warning when unset. */
export function placeholdersOf(steps: readonly DeployStep[]): string[] {
  const verify = steps.find((step): step is VerifyStep => step.kind === 'verify');
  return [...new Set((verify?.functions ?? []).flatMap(placeholderVariables))].sort();
}

const shellQuote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

export function formatStep(step: DeployStep, index: number, total: number): string {
  const head = `${String(index + 1).padStart(2)}/${total}  ${step.description}`;
  if (step.kind === 'preflight') return `${head}\n       (in-process, @cloudbase/manager-node DescribeEnvInfo)`;
  if (step.kind === 'verify') return `${head}\n       (in-process, @cloudbase/manager-node GetFunction)`;
  return `${head}\n       $ ${[step.command, ...step.args].map(shellQuote).join(' ')}`;
}

/** The printed plan; `header` lines describe the target and must already be masked. */
export function formatDeployPlan(steps: readonly DeployStep[], header: readonly string[]): string {
  return [...header, '', ...steps.map((step, i) => formatStep(step, i, steps.length))].join('\n');
}
