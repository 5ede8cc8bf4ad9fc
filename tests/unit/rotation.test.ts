/** The rotation of project leads, after overrides and after a member leaves the committee. */
import { nextInRotation, type Candidate } from '../../shared/work/rotation';

const [a, b, c, d] = [
  { id: 'm2', name: '陈明' },
  { id: 'm3', name: '李强' },
  { id: 'm4', name: '王芳' },
  { id: 'm5', name: '张伟' },
] satisfies Candidate[];

describe('project lead rotation', () => {
  it('starts at the first in order and goes round', () => {
    expect(nextInRotation([d, c, b, a], null)).toEqual(a);
    expect(nextInRotation([a, b, c, d], a)).toEqual(b);
    expect(nextInRotation([a, b, c, d], d)).toEqual(a);
  });

  it('keeps the turn after an override (the caller passes the last rotation lead, not the override)', () => {
    // a led by rotation, then d by override: b is still next.
    expect(nextInRotation([a, b, c, d], a)).toEqual(b);
  });

  it('skips a member who left the committee, also when they were the last lead', () => {
    expect(nextInRotation([a, b, d], b)).toEqual(d);
    expect(nextInRotation([a, b, d], c)).toEqual(d);
    expect(nextInRotation([a, b], d)).toEqual(a);
    expect(nextInRotation([], a)).toBeNull();
  });
});
