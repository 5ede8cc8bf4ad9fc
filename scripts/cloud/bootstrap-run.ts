/**
 * The command behind `npm run cloud:bootstrap` (entry: bootstrap.ts; issue #8): sets up the
 * first committee admin and branch secretaries of a new environment, which the app itself
 * cannot (see bootstrap-plan.ts). The file format is in bootstrap-company.ts and
 * docs/examples/company.example.json; the operator's steps are in docs/bootstrap.md.
 *
 * Target: production CloudBase with TONGXIN_ENV_ID, TENCENTCLOUD_SECRETID and
 * TENCENTCLOUD_SECRETKEY (see database-target.ts); or a local emulator with
 * `--emulator <origin or admin URL>` or TONGXIN_ADMIN_URL.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Database } from '../../cloudfunctions/_shared/cloud';
import { CompanyFileError, parseCompanyText, type CompanyFile } from './bootstrap-company';
import { applyPlan, planBootstrap, type Plan } from './bootstrap-plan';
import { UsageError, connect, describeTarget, resolveTarget, type Target } from './database-target';

export const USAGE = `Usage: npm run cloud:bootstrap -- --file company.json [--dry-run] [--emulator <url>]

  --file <path>      the company file (see docs/examples/company.example.json)
  --dry-run          print what would be created and what already exists; write nothing
  --emulator <url>   a local emulator (origin such as http://127.0.0.1:9100, or its /admin URL);
                     TONGXIN_ADMIN_URL does the same
Production (no --emulator): TONGXIN_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY
(TENCENTCLOUD_SESSIONTOKEN with temporary keys; TONGXIN_REGION when not ap-shanghai).`;


export interface BootstrapArgs {
  file: string | null;
  dryRun: boolean;
  emulator: string | null;
  help: boolean;
}

export function parseArgs(argv: readonly string[]): BootstrapArgs {
  const args: BootstrapArgs = { file: null, dryRun: false, emulator: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)] : [argv[i], undefined];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined || next === '' || (inline === undefined && next.startsWith('--'))) throw new UsageError(`${flag} needs a value\n\n${USAGE}`);
      return next;
    };
    if (flag === '--file') args.file = value();
    else if (flag === '--emulator') args.emulator = value();
    else if (flag === '--dry-run') args.dryRun = true;
    else if (flag === '--help' || flag === '-h') args.help = true;
    else throw new UsageError(`unknown argument: ${argv[i]}\n\n${USAGE}`);
  }
  return args;
}

export interface BootstrapResult {
  plan: Plan;
  /** Whether the plan's writes were made (false for a dry run, a refusal, or nothing to do). */
  applied: boolean;
}

/**
 * Plans, and unless `dryRun` or the plan has problems, applies. `createCollections`: only
 * for the local emulator (production's collections come from the set-up script).
 */
export async function runBootstrap(options: { db: Database; company: CompanyFile; dryRun: boolean; createCollections: boolean; now?: Date }): Promise<BootstrapResult> {
  const now = options.now ?? new Date();
  const plan = await planBootstrap(options.db, options.company, now, { createCollections: options.createCollections });
  const work = plan.writes.length > 0 || plan.missingCollections.length > 0;
  if (options.dryRun || plan.problems.length || !work) return { plan, applied: false };
  await applyPlan(options.db, plan, now, { createCollections: options.createCollections });
  return { plan, applied: true };
}

/** What the operator reads: what exists, what is (or would be) written, and why not. */
export function describePlan(result: BootstrapResult, context: { source: string; target: Target; dryRun: boolean }): string[] {
  const { plan, applied } = result;
  const lines = [`cloud:bootstrap: ${plan.committeeName} → ${describeTarget(context.target)}${context.dryRun ? ' (dry run: nothing is written)' : ''}`];
  const section = (title: string, mark: string, items: readonly string[]) => {
    if (!items.length) return;
    lines.push(`${title} (${items.length}):`, ...items.map((item) => `  ${mark} ${item}`));
  };
  const creates = plan.writes.filter((w) => w.kind === 'create').map((w) => w.line);
  const updates = plan.writes.filter((w) => w.kind === 'update').map((w) => w.line);
  section('Already there', '=', plan.found);
  // One line: on a fresh emulator that is every declared collection.
  if (plan.missingCollections.length && !plan.problems.length) lines.push(`${applied ? 'Created' : 'To create'} ${plan.missingCollections.length} collection(s) (local emulator only): ${plan.missingCollections.join(', ')}`);
  section(applied ? 'Created' : 'To create', '+', creates);
  section(applied ? 'Updated' : 'To update', '~', updates);
  section('Notes', '!', plan.notes);
  section('Refused', 'x', plan.problems);

  const documents = plan.writes.length;
  if (plan.problems.length) lines.push('Refused: nothing was written. Fix the above and run again.');
  else if (documents === 0 && plan.missingCollections.length === 0) lines.push(`Nothing to do: the environment already matches ${context.source}; nothing was written.`);
  else if (!applied) lines.push(`Dry run: ${documents} document(s) would be written, each with an audit entry. Run again without --dry-run to write them.`);
  else lines.push(`Done: wrote ${documents} document(s), each with an audit entry (actor "bootstrap"). The secretaries can now open 同心 → 我的 → 书记工作台 → 邀请入支部 and invite their members.`);
  return lines;
}

/** The command: returns the exit code; `log` prints a line. */
export async function main(argv: readonly string[], env: Record<string, string | undefined> = process.env, log: (line: string) => void = console.log): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.help) {
      log(USAGE);
      return 0;
    }
    if (!args.file) throw new UsageError(`--file is required\n\n${USAGE}`);
    const path = resolve(args.file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
    }
    const company = parseCompanyText(text, args.file);
    const target = resolveTarget(args, env);
    const db = connect(target);
    const result = await runBootstrap({ db, company, dryRun: args.dryRun, createCollections: target.kind === 'emulator' });
    for (const line of describePlan(result, { source: args.file, target, dryRun: args.dryRun })) log(line);
    return result.plan.problems.length ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof CompanyFileError) {
      log(error.message);
      return 1;
    }
    const code = (error as { code?: unknown })?.code;
    log(`cloud:bootstrap failed${code ? ` (${String(code)})` : ''}: ${(error as Error)?.message ?? String(error)}`);
    log('Whatever was written is whole (each document with its audit entry); running the same file again finishes the rest.');
    return 1;
  }
}
