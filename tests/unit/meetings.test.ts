import { isHeld, monthLabel, quarterReport, type HeldMeeting, type KindReport } from '../../shared/study/meetings';
import { quarterMonths } from '../../shared/time/china';

const MONTHS = quarterMonths('2026Q4');
const GROUPS = [
  { id: 'g1', name: '第一党小组' },
  { id: 'g2', name: '第二党小组' },
  { id: 'g3', name: '第三党小组' },
];
const byKind = (rows: KindReport[]) => Object.fromEntries(rows.map((r) => [r.kind, r]));

describe('isHeld', () => {
  const now = new Date('2026-11-26T02:00:00Z');
  it('needs the start to have passed and minutes or someone present', () => {
    expect(isHeld({ startsAt: new Date('2026-11-20T02:00:00Z'), hasMinutes: false, present: 1 }, now)).toBe(true);
    expect(isHeld({ startsAt: new Date('2026-11-20T02:00:00Z'), hasMinutes: true, present: 0 }, now)).toBe(true);
    expect(isHeld({ startsAt: new Date('2026-11-20T02:00:00Z'), hasMinutes: false, present: 0 }, now)).toBe(false);
    expect(isHeld({ startsAt: new Date('2026-11-27T02:00:00Z'), hasMinutes: true, present: 5 }, now)).toBe(false);
    expect(isHeld({ startsAt: now, hasMinutes: false, present: 1 }, now)).toBe(true);
  });
});

describe('quarterReport', () => {
  it('requires the assembly and lecture once, the committee monthly, each group monthly', () => {
    const rows = byKind(quarterReport({ months: MONTHS, currentMonth: '2026-12', groups: GROUPS, held: [] }));
    expect(rows.assembly).toMatchObject({ required: 1, held: 0, gaps: ['本季度 支部党员大会未召开'] });
    expect(rows.lecture).toMatchObject({ required: 1, held: 0, gaps: ['本季度 党课未召开'] });
    expect(rows.committee).toMatchObject({ required: 3, held: 0, gaps: ['10月 支委会未召开', '11月 支委会未召开', '12月 支委会未召开'] });
    expect(rows.group.required).toBe(9);
    expect(rows.group.gaps).toHaveLength(9);
    expect(rows.group.gaps[0]).toBe('10月 第一党小组 党小组会未召开');
    expect(rows.group.gaps).toContain('12月 第三党小组 党小组会未召开');
  });

  it('counts only months that have begun', () => {
    const rows = byKind(quarterReport({ months: MONTHS, currentMonth: '2026-11', groups: GROUPS, held: [] }));
    expect(rows.committee.gaps).toEqual(['10月 支委会未召开', '11月 支委会未召开']);
    expect(rows.group.gaps).toHaveLength(6);
    expect(rows.group.gaps.some((g) => g.startsWith('12月'))).toBe(false);
    // A quarter that has not begun has no gaps at all, but the same requirements.
    const future = quarterReport({ months: quarterMonths('2027Q1'), currentMonth: '2026-11', groups: GROUPS, held: [] });
    expect(future.every((r) => r.gaps.length === 0)).toBe(true);
    expect(byKind(future).group.required).toBe(9);
  });

  it('fills gaps by month and by group; extra meetings count as held but fill no other month', () => {
    const held: HeldMeeting[] = [
      { kind: 'assembly', month: '2026-10', groupId: null },
      { kind: 'committee', month: '2026-10', groupId: null },
      { kind: 'committee', month: '2026-10', groupId: null },
      { kind: 'committee', month: '2026-12', groupId: null },
      { kind: 'group', month: '2026-11', groupId: 'g2' },
      { kind: 'group', month: '2026-10', groupId: 'g1' },
      { kind: 'group', month: '2026-10', groupId: 'gone' },
    ];
    const rows = byKind(quarterReport({ months: MONTHS, currentMonth: '2026-12', groups: GROUPS, held }));
    expect(rows.assembly).toMatchObject({ held: 1, gaps: [] });
    expect(rows.committee).toMatchObject({ held: 3, gaps: ['11月 支委会未召开'] });
    expect(rows.group.held).toBe(3);
    expect(rows.group.gaps).not.toContain('11月 第二党小组 党小组会未召开');
    expect(rows.group.gaps).not.toContain('10月 第一党小组 党小组会未召开');
    expect(rows.group.gaps).toContain('11月 第一党小组 党小组会未召开');
    expect(rows.group.gaps).toHaveLength(7);
  });

  it('a branch without groups needs no group meetings', () => {
    const rows = byKind(quarterReport({ months: MONTHS, currentMonth: '2026-12', groups: [], held: [] }));
    expect(rows.group).toEqual({ kind: 'group', required: 0, held: 0, gaps: [] });
  });

  it('labels months without a leading zero', () => {
    expect(monthLabel('2026-01')).toBe('1月');
    expect(monthLabel('2026-11')).toBe('11月');
  });
});
