/** 操作记录: the branch's audit log (every write by the secretary). */
import { AuditLog } from '@/components/AuditLog';

export default function SecretaryAudit() {
  return <AuditLog />;
}
