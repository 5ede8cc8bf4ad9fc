/**
 * After `tcb fn deploy`, each function is read back: tcb 2.12.10 logs a failed deploy and can
 * still exit 0, so this check is what makes a failure stop the deploy with a non-zero exit.
 */
import type { RcFunction } from './rc';

/** What the deploy check needs of a deployed function (SCF GetFunction). */
export interface DeployedFunction {
  status: string; // Active, Creating, Updating, CreateFailed, UpdateFailed, …
  statusDesc: string;
  triggerNames: string[];
  envKeys: string[];
}

export interface FunctionReader {
  /** null when the function does not exist. */
  read(name: string): Promise<DeployedFunction | null>;
}

export function deployProblems(fn: RcFunction, deployed: DeployedFunction | null): string[] {
  if (!deployed) return [`${fn.name}: not found in the environment`];
  const problems: string[] = [];
  if (deployed.status !== 'Active') problems.push(`${fn.name}: status ${deployed.status}${deployed.statusDesc ? ` (${deployed.statusDesc})` : ''}`);
  for (const trigger of fn.triggers ?? []) {
    if (!deployed.triggerNames.includes(trigger.name)) problems.push(`${fn.name}: timer trigger ${trigger.name} is missing`);
  }
  for (const key of Object.keys(fn.envVariables ?? {})) {
    if (!deployed.envKeys.includes(key)) problems.push(`${fn.name}: environment variable ${key} is missing`);
  }
  return problems;
}

const settling = (deployed: DeployedFunction | null) => deployed !== null && /ing$/.test(deployed.status);

export interface VerifyTiming {
  attempts: number;
  wait: (ms: number) => Promise<void>;
  intervalMs: number;
}

const DEFAULT_TIMING: VerifyTiming = {
  attempts: 30,
  intervalMs: 2000,
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Problems of every function, waiting while one is still Creating/Updating (dependencies install in the cloud). */
export async function verifyFunctions(reader: FunctionReader, functions: readonly RcFunction[], timing: VerifyTiming = DEFAULT_TIMING): Promise<string[]> {
  const problems: string[] = [];
  for (const fn of functions) {
    let deployed = await reader.read(fn.name);
    for (let attempt = 1; attempt < timing.attempts && settling(deployed); attempt += 1) {
      await timing.wait(timing.intervalMs);
      deployed = await reader.read(fn.name);
    }
    problems.push(...deployProblems(fn, deployed));
  }
  return problems;
}
