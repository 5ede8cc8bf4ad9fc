/** Who reviews a pledge and when it can be signed. */
import { missingMessage, missingParts, reviewersOf } from '../../shared/identity/pledges';

describe('pledge rules', () => {
  it('needs all three parts to sign', () => {
    expect(missingParts({ business: [1], targets: [], post: [] })).toEqual(['targets', 'post']);
    expect(missingParts({ business: [1], targets: [1], post: [1] })).toEqual([]);
    expect(missingMessage(['targets'])).toMatch(/目标任务承诺/);
  });

  it("gives the review to the group's liaison, else the secretary, never to oneself", () => {
    expect(reviewersOf('m10', 'm02', ['m01'])).toEqual(['m02']);
    expect(reviewersOf('m10', null, ['m01'])).toEqual(['m01']);
    expect(reviewersOf('m02', 'm02', ['m01'])).toEqual(['m01']);
    expect(reviewersOf('m01', null, ['m01'])).toEqual([]);
  });
});
