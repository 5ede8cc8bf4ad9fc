/**
 * Which version of the mini-program WeChat opens from the codes we make and the messages we
 * send: the released one, or the trial (体验版) while secretaries try a new environment. Set
 * per environment at deploy time (TONGXIN_MINIPROGRAM_VERSION, see DEPLOY.md); unset is release.
 */
export const MINIPROGRAM_VERSIONS = ['release', 'trial', 'develop'] as const;
export type MiniProgramVersion = (typeof MINIPROGRAM_VERSIONS)[number];

export function miniProgramVersion(raw: string | undefined): MiniProgramVersion {
  const value = raw?.trim() ?? '';
  if (!value) return 'release';
  if ((MINIPROGRAM_VERSIONS as readonly string[]).includes(value)) return value as MiniProgramVersion;
  throw new Error(`TONGXIN_MINIPROGRAM_VERSION must be one of ${MINIPROGRAM_VERSIONS.join(', ')}, got "${value}"`);
}

/** The same choice in the words of subscribeMessage.send (`miniprogramState`). */
export const SUBSCRIBE_MESSAGE_STATE: Readonly<Record<MiniProgramVersion, 'formal' | 'trial' | 'developer'>> = {
  release: 'formal',
  trial: 'trial',
  develop: 'developer',
};
