import type { Envelope } from '../../shared/api/envelope';
import type { LedgerEntryView, Me } from '../../shared/api/contract';

export const member: Me = {
  memberId: 'm-001',
  name: '张红梅',
  branch: { id: 'b-001', name: '城东营业部党支部' },
  group: { id: 'g-001', name: '第一党小组' },
  units: [{ id: 'u-001', name: '党员先锋岗·营业厅', kind: 'post' }],
  roles: ['member', 'groupLeader'],
  duty: null,
};

export const secretary: Me = {
  memberId: 'm-000',
  name: '李建国',
  branch: { id: 'b-001', name: '城东营业部党支部' },
  group: null,
  units: [],
  roles: ['member', 'secretary'],
  duty: '支部书记',
};

export const okMe = (me: Me): Envelope<Me> => ({ ok: true, data: me });
export const unauthenticated: Envelope<Me> = {
  ok: false,
  error: { code: 'UNAUTHENTICATED', message: '您还不是支部成员，请先通过邀请加入支部' },
};
export const internal: Envelope<Me> = {
  ok: false,
  error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' },
};

type AnyAction = string;
type Reply = Envelope<unknown> | ((input: any) => Envelope<unknown>);

/**
 * A `call` double that answers per action: `routes({'org.me': okMe(x), 'org.members': (input) => …})`.
 * An action without an entry answers INTERNAL (so a missing stub shows as an error state).
 */
export function routes(map: Record<AnyAction, Reply>) {
  return async (action: AnyAction, input: unknown) => {
    const reply = map[action];
    if (!reply) return { ok: false, error: { code: 'INTERNAL', message: `no stub for ${action}` } };
    return typeof reply === 'function' ? reply(input) : reply;
  };
}

export const ok = <T,>(data: T): Envelope<T> => ({ ok: true, data });
export const fail = (code: string, message: string, fields?: Record<string, string>): Envelope<never> =>
  ({ ok: false, error: { code, message, ...(fields ? { fields } : {}) } }) as Envelope<never>;

/** A ledger entry as `points.*` actions return it; override what a test is about. */
export const ledgerEntry = (over: Partial<LedgerEntryView> = {}): LedgerEntryView => ({
  id: 'e-1',
  kind: 'award',
  rule: 'meetingAttended',
  category: 'mandatory',
  points: 3,
  requested: 3,
  label: '支部党员大会',
  source: 'meeting:1',
  day: '2026-01-05',
  at: '2026-01-05T02:00:00.000Z',
  author: null,
  reason: null,
  reverses: null,
  reversed: false,
  ...over,
});
