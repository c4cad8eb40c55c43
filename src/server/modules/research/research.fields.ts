import type { FieldClass } from '../../platform/access/field-classes.js';
import type { RetentionClass } from '../../platform/retention/retention-classes.js';

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

/** How long each table is kept (platform/retention/retention-classes.ts). */
export const RESEARCH_RETENTION: Readonly<Record<string, RetentionClass>> = {
  studies: 'research',
  research_exports: 'research',
};
