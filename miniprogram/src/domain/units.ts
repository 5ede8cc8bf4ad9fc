// Plain data from shared/ (no zod): safe to bundle.
export { UNIT_KIND_LABELS, CATEGORY_LABELS, DUTY_STATUS_LABELS, JOIN_STATUS_LABELS, type UnitKind } from '../../../shared/domain/vocabulary';
