/**
 * The API contract (DESIGN §3): every callable action, `function.action`, with its input
 * schema, its output schema and the roles that may call it. Functions validate with these
 * schemas; the mini-program's typed client derives its types from them (type-only import,
 * so zod stays out of the mini-program bundle).
 */
import { z } from 'zod';
import { ROLES, type Role } from '../domain/roles';

export interface ActionSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** Roles that may call the action. An empty list means "any WeChat identity, bound or not". */
  roles: readonly Role[];
  /** Short English description, for docs and the emulator's action list. */
  summary: string;
}

function action<I extends z.ZodType, O extends z.ZodType>(spec: ActionSpec<I, O>): ActionSpec<I, O> {
  return spec;
}

const idRef = z.object({ id: z.string(), name: z.string() });

export const meOutput = z.object({
  memberId: z.string(),
  name: z.string(),
  branch: idRef,
  group: idRef.nullable(),
  roles: z.array(z.enum(ROLES)),
});
export type Me = z.infer<typeof meOutput>;

export const contract = {
  'org.me': action({
    summary: "The signed-in person's name, branch, group and roles.",
    input: z.object({}).strict(),
    output: meOutput,
    roles: ROLES,
  }),
} as const;

export type Contract = typeof contract;
export type ActionName = keyof Contract;
export type ActionInput<A extends ActionName> = z.input<Contract[A]['input']>;
export type ActionOutput<A extends ActionName> = z.output<Contract[A]['output']>;

/** `org.me` → `{ functionName: 'org', action: 'me' }`: one cloud function per prefix. */
export function splitAction(name: string): { functionName: string; action: string } {
  const dot = name.indexOf('.');
  return { functionName: name.slice(0, dot), action: name.slice(dot + 1) };
}

export function isActionName(name: string): name is ActionName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The wire event a function receives: the action and its input, never the caller's identity. */
export const callEvent = z.object({ action: z.string().min(1).max(64), input: z.unknown().optional() });
export type CallEvent = z.infer<typeof callEvent>;
