/**
 * Meters database operations per function invocation, as CloudBase bills them: each read
 * action (get, count, aggregate) and each write action (insert, update, remove) counts one.
 * The SDK sends `seqId = TCB_SEQID-eventId`, and the host sets TCB_SEQID to the invocation id.
 */
const READS = new Set(['database.getDocument', 'database.calculateDocument', 'database.aggregateDocuments', 'database.getInTransaction']);
const WRITES = new Set([
  'database.insertDocument',
  'database.modifyDocument',
  'database.removeDocument',
  'database.modifyAndReturnDoc',
  'database.updateDocInTransaction',
  'database.deleteDocInTransaction',
]);

export interface Usage {
  reads: number;
  writes: number;
}

export class Meter {
  private readonly byInvocation = new Map<string, Usage>();
  readonly total: Usage = { reads: 0, writes: 0 };

  record(seqId: string | null, action: string): void {
    const kind = READS.has(action) ? 'reads' : WRITES.has(action) ? 'writes' : null;
    if (!kind) return;
    this.total[kind] += 1;
    const invocation = seqId?.split('-')[0];
    if (!invocation || !invocation.startsWith('inv')) return;
    const usage = this.byInvocation.get(invocation) ?? { reads: 0, writes: 0 };
    usage[kind] += 1;
    this.byInvocation.set(invocation, usage);
  }

  /** Returns and forgets an invocation's usage. */
  take(invocationId: string): Usage {
    const usage = this.byInvocation.get(invocationId) ?? { reads: 0, writes: 0 };
    this.byInvocation.delete(invocationId);
    return usage;
  }
}
