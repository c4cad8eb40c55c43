import { createRoute } from '@tanstack/react-router';
import { ZRecordAccessQuerySchema } from '../../../contracts/index.js';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { contractSearch } from '../../routing/search.js';
import { requireAny } from '../../session/guards.js';
import { parseAuditSearch } from './audit-search.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const AuditEventsPage = lazyPage(() => import('./audit.pages.js'), 'AuditEventsPage');
const RecordAccessPage = lazyPage(() => import('./audit.pages.js'), 'RecordAccessPage');

/** The audit trail and who accessed a record. */
export const auditModule = {
  id: 'audit',
  routes: ({ appLayout }) => {
    const auditRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/audit',
      beforeLoad: ({ context }) => requireAny(context.session, 'audit.read'),
      validateSearch: parseAuditSearch,
      component: routeWith([AuditEventsPage], function AuditRoute() {
        const search = auditRoute.useSearch();
        const navigate = auditRoute.useNavigate();
        return <AuditEventsPage filters={search} onChange={(next) => navigate({ search: next })} />;
      }),
    });
    const recordAccessRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/audit/record-access',
      beforeLoad: ({ context }) => requireAny(context.session, 'audit.read'),
      validateSearch: contractSearch({
        code: ZRecordAccessQuerySchema.shape.code,
        recordType: ZRecordAccessQuerySchema.shape.recordType,
        recordId: ZRecordAccessQuerySchema.shape.recordId,
      }),
      component: routeWith([RecordAccessPage], function RecordAccessRoute() {
        const search = recordAccessRoute.useSearch();
        const navigate = recordAccessRoute.useNavigate();
        return <RecordAccessPage search={search} onSearch={(next) => navigate({ search: next })} />;
      }),
    });
    return [auditRoute, recordAccessRoute] as const;
  },
  nav: [{ to: '/audit', labelKey: 'nav.audit', anyOf: ['audit.read'], order: 140 }],
  i18n: { it, en },
} satisfies FeatureModule;
