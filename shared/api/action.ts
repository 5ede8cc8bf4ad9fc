import type { z } from 'zod';

/** One callable action: its input and output schemas. Who may call it is in policy.ts. */
export interface ActionSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** Short English description, for docs and the emulator's action list. */
  summary: string;
}

export function action<I extends z.ZodType, O extends z.ZodType>(spec: ActionSpec<I, O>): ActionSpec<I, O> {
  return spec;
}
