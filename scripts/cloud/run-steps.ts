/** Runs deploy steps in order; the first failure stops the run, naming the step. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../lib';
import type { CommandStep, DeployStep, PreflightStep, VerifyStep } from './deploy-plan';
import { errorLine } from './error-text';

export interface StepHandlers {
  /** Rejects when the target cannot be reached. */
  preflight(step: PreflightStep): Promise<void>;
  /** Resolves the exit code. */
  command(step: CommandStep): Promise<number>;
  /** Resolves the problems found (none: success). */
  verify(step: VerifyStep): Promise<string[]>;
}

export class StepFailedError extends Error {
  constructor(index: number, total: number, step: DeployStep, detail: string) {
    super(`deploy stopped at step ${index + 1}/${total} (${step.description}): ${detail}`);
    this.name = 'StepFailedError';
  }
}

export async function runSteps(steps: readonly DeployStep[], handlers: StepHandlers, log: (line: string) => void = console.log): Promise<void> {
  for (const [index, step] of steps.entries()) {
    log(`\n== ${index + 1}/${steps.length} ${step.description}`);
    const failure = await attempt(step, handlers);
    if (failure) throw new StepFailedError(index, steps.length, step, failure);
  }
}

/** Why the step failed, or null; a thrown error (say, the network) counts as the step's failure too. */
async function attempt(step: DeployStep, handlers: StepHandlers): Promise<string | null> {
  try {
    if (step.kind === 'preflight') {
      await handlers.preflight(step);
      return null;
    }
    if (step.kind === 'command') {
      const code = await handlers.command(step);
      return code === 0 ? null : `${step.command} exited with ${code}`;
    }
    const problems = await handlers.verify(step);
    return problems.length === 0 ? null : `\n  ${problems.join('\n  ')}`;
  } catch (error) {
    return errorLine(error);
  }
}

/** The local binary for `tcb` (the pinned @cloudbase/cli), npm from PATH. */
const executable = (command: CommandStep['command']) => (command === 'tcb' ? join(ROOT, 'node_modules', '.bin', 'tcb') : command);

/** Spawns a command step from the repository root with stdio inherited. */
export function spawnCommand(step: CommandStep, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(executable(step.command), step.args, { cwd: ROOT, stdio: 'inherit', env });
    child.on('error', (error) => {
      console.error(`${step.command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
