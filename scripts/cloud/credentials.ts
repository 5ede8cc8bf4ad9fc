/**
 * The CloudBase environment that `npm run deploy` and `npm run cloud:setup` act on, and the
 * Tencent Cloud API key they act with, read from the environment (or the root `.env`).
 * Secrets are only ever printed masked.
 */

/** Required for any change; `--dry-run` works without them. */
export const TARGET_VARIABLES = ['TONGXIN_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'] as const;

export interface CloudTarget {
  envId: string;
  secretId: string;
  secretKey: string;
  /** Only for temporary keys (STS). */
  sessionToken?: string;
  /** e.g. ap-guangzhou; unset means the tools' default, ap-shanghai. */
  region?: string;
}

export type TargetReading = { target: CloudTarget; missing: [] } | { target: null; missing: string[] };

export function readTarget(env: Record<string, string | undefined>): TargetReading {
  const missing = TARGET_VARIABLES.filter((name) => !env[name]?.trim());
  if (missing.length > 0) return { target: null, missing };
  return {
    target: {
      envId: (env.TONGXIN_ENV_ID as string).trim(),
      secretId: (env.TENCENTCLOUD_SECRETID as string).trim(),
      secretKey: (env.TENCENTCLOUD_SECRETKEY as string).trim(),
      sessionToken: env.TENCENTCLOUD_SESSIONTOKEN?.trim() || undefined,
      region: env.TONGXIN_REGION?.trim() || undefined,
    },
    missing: [],
  };
}

export class MissingTargetError extends Error {
  constructor(readonly missing: readonly string[]) {
    super(
      `missing ${missing.join(', ')}: set them in the environment or in the root .env file ` +
        '(TONGXIN_ENV_ID is the CloudBase environment id; the key comes from the Tencent Cloud console, 访问管理 → API密钥). ' +
        'Add --dry-run to see the plan without them.',
    );
    this.name = 'MissingTargetError';
  }
}

export function requireTarget(env: Record<string, string | undefined>): CloudTarget {
  const reading = readTarget(env);
  if (!reading.target) throw new MissingTargetError(reading.missing);
  return reading.target;
}

/** Keeps a recognisable prefix of an id (AKID…) and nothing of anything longer-lived. */
export function mask(secret: string, keep = 0): string {
  if (keep > 0 && secret.length > keep * 3) return `${secret.slice(0, keep)}****`;
  return '****';
}

/** One line naming the target, safe to print. */
export function describeTarget(target: CloudTarget): string {
  const parts = [
    `env ${target.envId}`,
    `region ${target.region ?? 'ap-shanghai (default)'}`,
    `TENCENTCLOUD_SECRETID=${mask(target.secretId, 4)}`,
    `TENCENTCLOUD_SECRETKEY=${mask(target.secretKey)}`,
  ];
  if (target.sessionToken) parts.push(`TENCENTCLOUD_SESSIONTOKEN=${mask(target.sessionToken)}`);
  return parts.join(', ');
}

/**
 * The variables the tcb CLI reads its key from when no `tcb login` session is stored. Passing
 * the key this way keeps it off the command line (visible in `ps`) and off the disk.
 */
export function credentialEnv(target: CloudTarget): Record<string, string> {
  const env: Record<string, string> = {
    TENCENTCLOUD_SECRETID: target.secretId,
    TENCENTCLOUD_SECRETKEY: target.secretKey,
  };
  if (target.sessionToken) env.TENCENTCLOUD_SESSIONTOKEN = target.sessionToken;
  return env;
}

