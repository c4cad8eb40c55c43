import type { TLocalizedText } from '../../../contracts/common.js';
import type { TPermission, TRole } from '../../../contracts/roles.js';
import type { FieldClass } from '../access/field-classes.js';
import { ROLE_PERMISSIONS } from '../access/permissions.js';
import type { RetentionClass } from '../retention/retention-classes.js';

/**
 * A processing activity as a module declares it for the record of processing (GDPR art. 30, issue
 * 23 item 4): what it is for and on which legal basis, whose data and who receives them. The data
 * categories, the retention and the roles that read are not declared again: they come from the
 * module's field classes, retention classes and the permissions named here.
 */
export interface ProcessingActivity {
  key: string;
  name: TLocalizedText;
  purposes: TLocalizedText;
  legalBases: TLocalizedText[];
  subjects: TLocalizedText[];
  recipients: TLocalizedText[];
  /** The permissions through which staff read the activity's personal data. */
  readBy: readonly TPermission[];
}

/** An activity with what the platform knows of its module. */
export interface DeclaredActivity extends ProcessingActivity {
  fieldClasses: Record<string, Record<string, FieldClass>>;
  retention: Record<string, RetentionClass>;
}

let registered: readonly DeclaredActivity[] = [];

/** The composition root hands over the mounted modules' activities (no module imports the module list). */
export function registerProcessing(activities: readonly DeclaredActivity[]) {
  registered = activities;
}

export function declaredActivities(): readonly DeclaredActivity[] {
  return registered;
}

/** The roles holding any of the permissions. */
export function rolesReading(permissions: readonly TPermission[]): TRole[] {
  return (Object.keys(ROLE_PERMISSIONS) as TRole[]).filter((role) =>
    ROLE_PERMISSIONS[role].some((p) => permissions.includes(p)),
  );
}

/** How many columns of each class the activity's tables hold, and which tables hold special or safety data. */
export function dataCategories(fieldClasses: Record<string, Record<string, FieldClass>>) {
  const columns: Partial<Record<FieldClass, number>> = {};
  const sensitiveTables: string[] = [];
  for (const [table, classes] of Object.entries(fieldClasses)) {
    for (const fieldClass of Object.values(classes)) columns[fieldClass] = (columns[fieldClass] ?? 0) + 1;
    if (Object.values(classes).some((c) => c === 'special' || c === 'safety')) sensitiveTables.push(table);
  }
  return { columns, sensitiveTables: sensitiveTables.sort() };
}
