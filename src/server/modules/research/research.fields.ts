import type { FieldClass } from '../../platform/access/field-classes.js';

/** Every column of the module's tables, classed (platform/access/field-classes.ts says what each class means). */
export const RESEARCH_FIELD_CLASSES: Record<string, Record<string, FieldClass>> = {
  studies: {
    id: 'internal',
    code: 'public',
    title: 'public',
    research_service_id: 'internal',
    starts_on: 'public',
    ends_on: 'public',
  },
  research_exports: {
    id: 'internal',
    study_id: 'internal',
    user_id: 'internal',
    format: 'internal',
    row_count: 'internal',
    exported_at: 'internal',
  },
};
