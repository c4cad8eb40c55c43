import type { TPermission } from '../../../contracts/index.js';

/**
 * Who finds Exports in the menu: whoever may ask for a kind of export or approve one. The server
 * decides the kinds (`GET /api/exports/kinds`, by each kind's permission); this list follows it:
 * the incident register (`incidents.record`), the case list (`cases.read`) and its approval
 * (`cases.supervise`). A kind with a new permission adds it here.
 */
export const EXPORT_PERMISSIONS = [
  'incidents.record',
  'cases.read',
  'cases.supervise',
] as const satisfies readonly TPermission[];
