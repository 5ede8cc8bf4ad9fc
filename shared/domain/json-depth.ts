/**
 * How deep a JSON value nests, counted without recursion (a 20,000-deep array would overflow
 * the stack of a recursive walk, or of a validator). No input of the contract nests deeper
 * than a handful of levels; anything past MAX_INPUT_DEPTH is refused before it is looked at.
 */
export const MAX_INPUT_DEPTH = 32;

export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length) {
    const { value: v, depth } = stack.pop() as { value: unknown; depth: number };
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}
