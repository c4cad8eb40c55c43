import type { FieldClass } from '../../platform/access/field-classes.js';
import type { RetentionClass } from '../../platform/retention/retention-classes.js';

/** Every column of the module's tables, classed (platform/access/field-classes.ts says what each class means). */
export const USERS_FIELD_CLASSES: Record<string, Record<string, FieldClass>> = {
  role_grants: {
    id: 'internal',
    user_id: 'internal',
    role: 'internal',
    organisation_id: 'internal',
    service_id: 'internal',
    status: 'internal',
    requested_by: 'internal',
    requested_at: 'internal',
    expires_at: 'internal',
    decided_by: 'internal',
    decided_at: 'internal',
    membership_id: 'internal',
  },
};

/** How long each table is kept (platform/retention/retention-classes.ts). */
export const USERS_RETENTION: Readonly<Record<string, RetentionClass>> = {
  role_grants: 'account',
};
