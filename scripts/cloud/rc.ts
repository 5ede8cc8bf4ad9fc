/** cloudbaserc.json, the tcb CLI's deploy configuration, read and checked for what the deploy plan uses. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ROOT } from '../lib';

export const RC_FILE = join(ROOT, 'cloudbaserc.json');

const trigger = z.object({ name: z.string().min(1), type: z.literal('timer'), config: z.string().min(1) });

const rcFunction = z.object({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/),
  timeout: z.number().int().positive(),
  runtime: z.string().min(1),
  handler: z.string().min(1),
  memorySize: z.number().int().positive(),
  installDependency: z.boolean().optional(),
  triggers: z.array(trigger).optional(),
  // Values are `{{env.X}}` placeholders the tcb CLI fills from the environment or .env at deploy time.
  envVariables: z.record(z.string(), z.string()).optional(),
});

const rc = z.object({
  version: z.literal('2.0'),
  envId: z.string(),
  functionRoot: z.string(),
  functions: z.array(rcFunction).min(1),
});

export type RcTrigger = z.infer<typeof trigger>;
export type RcFunction = z.infer<typeof rcFunction>;
export type CloudbaseRc = z.infer<typeof rc>;

export function parseRc(text: string): CloudbaseRc {
  return rc.parse(JSON.parse(text));
}

export function readRc(file: string = RC_FILE): CloudbaseRc {
  return parseRc(readFileSync(file, 'utf8'));
}

/** The environment variables a function's `{{env.X}}` placeholders need at deploy time. */
export function placeholderVariables(fn: RcFunction): string[] {
  return Object.values(fn.envVariables ?? {})
    .map((value) => /^\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/.exec(value)?.[1])
    .filter((name): name is string => Boolean(name));
}
