import type { TramaModule } from '../../platform/module.js';
import {
  IDENTITY_PROVIDERS_AUDIT_ACTIONS,
  IDENTITY_PROVIDERS_RECORD_TABLES,
} from './identity-providers.audit.js';
import { identityProvidersRoutes } from './identity-providers.routes.js';

/**
 * The admin's registrations of organisations' OpenID Connect providers. The tables, their field
 * classes and the sign-in flow itself are the platform's (platform/auth: oidc.sql.ts, sso.*).
 */
export const identityProvidersModule: TramaModule = {
  name: 'identity-providers',
  auditActions: IDENTITY_PROVIDERS_AUDIT_ACTIONS,
  recordTables: IDENTITY_PROVIDERS_RECORD_TABLES,
  routes: identityProvidersRoutes,
};
