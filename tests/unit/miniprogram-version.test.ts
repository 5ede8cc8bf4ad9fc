/** Which version of the app our codes and messages open (TONGXIN_MINIPROGRAM_VERSION). */
import { miniProgramVersion, SUBSCRIBE_MESSAGE_STATE } from '../../cloudfunctions/_shared/miniprogram-version';

it('opens the released app unless the environment says trial or develop', () => {
  expect(miniProgramVersion(undefined)).toBe('release');
  expect(miniProgramVersion('')).toBe('release'); // tcb fills an unset placeholder with ""
  expect(miniProgramVersion(' trial ')).toBe('trial');
  expect(miniProgramVersion('develop')).toBe('develop');
});

it('refuses anything else by name rather than opening a version nobody chose', () => {
  expect(() => miniProgramVersion('formal')).toThrow('TONGXIN_MINIPROGRAM_VERSION must be one of release, trial, develop, got "formal"');
});

it('says the same in subscribeMessage.send words', () => {
  expect(SUBSCRIBE_MESSAGE_STATE).toEqual({ release: 'formal', trial: 'trial', develop: 'developer' });
});
