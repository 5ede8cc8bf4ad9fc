/**
 * The audit log: every write by a secretary or admin, append-only (who, what, target,
 * before/after, when). Functions only ever add to it; nothing updates or removes entries.
 */
import { COLLECTIONS } from '../../shared/db/collections';
import type { AuditEntryDoc, MemberDoc } from '../../shared/domain/org';
import { newId } from './repo';

export interface AuditRecord {
  action: string;
  targetType: string;
  targetId: string;
  branchId: string | null;
  before: unknown;
  after: unknown;
}

/** A database or a transaction: the audit entry is written with the change it records. */
export interface Writer {
  collection(name: string): { add(data: object): Promise<unknown> };
}

/** The actor: a member, or the system (the content check) under a name of its own. */
export async function audit(db: Writer, actor: Pick<MemberDoc, '_id' | 'name' | 'committeeId'>, now: Date, record: AuditRecord): Promise<void> {
  const entry: AuditEntryDoc = {
    _id: newId('audit'),
    committeeId: actor.committeeId,
    branchId: record.branchId,
    actorId: actor._id,
    actorName: actor.name,
    action: record.action,
    targetType: record.targetType,
    targetId: record.targetId,
    before: record.before ?? null,
    after: record.after ?? null,
    at: now,
  };
  await db.collection(COLLECTIONS.auditLog).add(entry);
}
