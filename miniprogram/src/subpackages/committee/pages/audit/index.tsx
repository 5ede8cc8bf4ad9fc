/** 操作记录 for the committee admin: every branch's entries, with the branch named. */
import { AuditLog } from '@/components/AuditLog';

export default function CommitteeAudit() {
  return <AuditLog showBranch />;
}
