// Plain data from shared/ (no zod): safe to bundle.
export { ROLE_LABELS, type Role } from '../../../shared/domain/roles';
