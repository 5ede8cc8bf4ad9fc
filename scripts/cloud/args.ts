/** Command-line flags of the cloud scripts: `--flag`, `--name value` or `--name=value`; anything else is refused. */

export interface ArgSpec {
  flags: readonly string[];
  values: readonly string[];
}

export interface ParsedArgs {
  flags: Set<string>;
  values: Map<string, string>;
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const known = [...spec.flags, ...spec.values].map((name) => `--${name}`).join(', ');
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [rawName, inline] = arg.startsWith('--') ? splitOnce(arg.slice(2)) : [null, undefined];
    if (rawName !== null && spec.flags.includes(rawName) && inline === undefined) {
      flags.add(rawName);
    } else if (rawName !== null && spec.values.includes(rawName)) {
      const value = inline ?? argv[i + 1];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new Error(`--${rawName} needs a value`);
      if (inline === undefined) i += 1;
      values.set(rawName, value);
    } else {
      throw new Error(`unknown argument ${arg} (known: ${known})`);
    }
  }
  return { flags, values };
}

function splitOnce(text: string): [string, string | undefined] {
  const at = text.indexOf('=');
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
