/**
 * The company file of `npm run cloud:bootstrap` (issue #8): the committee, its branches with
 * their Party groups and first secretary, and the committee admin. Validated with zod; every
 * problem is reported with the path of the bad field (`branches[1].secretary.phone`), so the
 * operator can fix the file without guessing. Pure: no I/O beyond the text it is given.
 */
import { z } from 'zod';
import { mobilePhone, personName, plainText } from '../../shared/domain/text';

/** A WeChat openid as `org.whoami` shows it (我的 → 我的微信标识). */
export const openid = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{6,64}$/, 'is not a WeChat openid (6-64 letters, digits, _ or -); the person finds it in the mini-program: 我的 → 我的微信标识');

const person = z.object({ name: personName, phone: mobilePhone, openid }).strict();

const branch = z
  .object({
    name: plainText(40),
    // Party groups to create in the branch; the secretary can add more in the app.
    groups: z.array(plainText(30)).max(30).optional(),
    secretary: person,
  })
  .strict();

type Path = Array<string | number>;

export const companyFile = z
  .object({
    committee: z.object({ name: plainText(40) }).strict(),
    branches: z.array(branch).min(1, 'needs at least one branch').max(200),
    admin: person.extend({ branch: plainText(40) }).strict(),
  })
  .strict()
  .superRefine((file, ctx) => {
    const problem = (path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });
    const branchIndex = new Map<string, number>();
    const secretaryOf = new Map<string, number>();
    file.branches.forEach((b, i) => {
      const seen = branchIndex.get(b.name);
      if (seen !== undefined) problem(['branches', i, 'name'], `names the same branch as branches[${seen}].name`);
      else branchIndex.set(b.name, i);
      const groups = new Set<string>();
      (b.groups ?? []).forEach((g, k) => {
        if (groups.has(g)) problem(['branches', i, 'groups', k], 'appears twice in this branch');
        groups.add(g);
      });
      // A person is a member of one branch, so one openid is the secretary of one branch only.
      const other = secretaryOf.get(b.secretary.openid);
      if (other !== undefined) problem(['branches', i, 'secretary', 'openid'], `is also the secretary of branches[${other}]; a person belongs to one branch`);
      else secretaryOf.set(b.secretary.openid, i);
    });
    const home = branchIndex.get(file.admin.branch);
    if (home === undefined) {
      problem(['admin', 'branch'], `names no branch of this file (${file.branches.map((b) => b.name).join('、')})`);
      return;
    }
    // The admin may be one of the secretaries: then it is the same person, one member record.
    const asSecretary = secretaryOf.get(file.admin.openid);
    if (asSecretary !== undefined) {
      const secretary = file.branches[asSecretary].secretary;
      if (asSecretary !== home) problem(['admin', 'branch'], `the admin's openid is the secretary of branches[${asSecretary}] (${file.branches[asSecretary].name}), so the admin's branch must be that one`);
      if (secretary.name !== file.admin.name) problem(['admin', 'name'], `differs from branches[${asSecretary}].secretary.name, which has the same openid`);
      if (secretary.phone !== file.admin.phone) problem(['admin', 'phone'], `differs from branches[${asSecretary}].secretary.phone, which has the same openid`);
    }
  });

export type CompanyFile = z.infer<typeof companyFile>;

/** A bad company file: `problems` are lines of `path: message`. */
export class CompanyFileError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`${source} is not a valid company file:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'CompanyFileError';
  }
}

/** `['branches', 1, 'secretary', 'phone']` → `branches[1].secretary.phone`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(the file)';
}

/** Validates already-parsed JSON; throws CompanyFileError listing every bad field. */
export function parseCompany(value: unknown, source = 'the company file'): CompanyFile {
  // reportInput: so a missing field (input undefined) reads differently from a wrong type.
  const result = companyFile.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = [...issue.path];
    // An unknown key is reported at its own path, so a typo ("secretry") is easy to find.
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${formatPath([...path, key])}: is not a field of the company file`).join('\n  ');
    if (issue.code === 'invalid_type' && issue.input === undefined) return `${formatPath(path)}: is missing`;
    return `${formatPath(path)}: ${issue.message}`;
  });
  throw new CompanyFileError(source, problems);
}

/** Parses the text of a company file (JSON) and validates it. */
export function parseCompanyText(text: string, source = 'the company file'): CompanyFile {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw new CompanyFileError(source, [`(the file): is not valid JSON: ${(error as Error).message}`]);
  }
  return parseCompany(value, source);
}
