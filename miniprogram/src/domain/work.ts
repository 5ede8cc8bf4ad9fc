/** Work vocabulary for the pages: plain data from shared/domain/work (no zod). */
export * from '../../../shared/domain/work';
