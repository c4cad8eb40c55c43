import { createRoute, redirect } from '@tanstack/react-router';
import { ZReferralCreateSchema, ZReferralListQuerySchema } from '../../../contracts/index.js';
import { CASE_RECORD } from '../../routing/case-record.js';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { contractSearch, flag } from '../../routing/search.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const ReferralCreatePage = lazyPage(() => import('./referrals.pages.js'), 'ReferralCreatePage');
const ReferralDetailPage = lazyPage(() => import('./referrals.pages.js'), 'ReferralDetailPage');
const ReferralsListPage = lazyPage(() => import('./referrals.pages.js'), 'ReferralsListPage');

const { box, status, page } = ZReferralListQuerySchema.shape;
const referralFilters = contractSearch({ box, status, page });
/** A new referral may start from a household's page, which names it. */
/** A new referral starts from a household, or from one of its cases (the referral then hangs off it). */
const newReferralSearch = contractSearch({
  householdId: ZReferralCreateSchema.shape.householdId,
  parentCaseId: ZReferralCreateSchema.shape.parentCaseId,
});
type ReferralSearch = ReturnType<typeof referralFilters> & { overdue?: boolean };

/** Referrals between services: the sent and received boxes, a new referral, a referral's page. */
export const referralsModule = {
  id: 'referrals',
  routes: ({ appLayout }) => {
    /** The box is always in the URL (so the box links know which is current); its default by role. */
    const referralsRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/referrals',
      staticData: CASE_RECORD,
      validateSearch: (search: Record<string, unknown>): ReferralSearch => ({
        ...referralFilters(search),
        overdue: flag(search.overdue),
      }),
      beforeLoad: ({ context, search }) => {
        requireAny(context.session, 'referrals.send', 'referrals.answer');
        if (!search.box) {
          const box = context.session.permissions.includes('referrals.answer') ? 'received' : 'sent';
          throw redirect({ to: '/referrals', search: { ...search, box } });
        }
      },
      component: routeWith([ReferralsListPage], function ReferralsRoute() {
        const search = referralsRoute.useSearch();
        const navigate = referralsRoute.useNavigate();
        return (
          <ReferralsListPage
            filters={{ ...search, box: search.box ?? 'received', page: search.page ?? 1 }}
            onChange={(next) =>
              navigate({
                search: {
                  box: next.box,
                  status: next.status,
                  overdue: next.overdue,
                  page: next.page > 1 ? next.page : undefined,
                },
              })
            }
          />
        );
      }),
    });
    const referralCreateRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/referrals/new',
      staticData: CASE_RECORD,
      beforeLoad: ({ context }) => requireAny(context.session, 'referrals.send'),
      validateSearch: newReferralSearch,
      component: routeWith([ReferralCreatePage], function ReferralCreateRoute() {
        const { householdId, parentCaseId } = referralCreateRoute.useSearch();
        return <ReferralCreatePage key={householdId} householdId={householdId} parentCaseId={parentCaseId} />;
      }),
    });
    const referralDetailRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/referrals/$referralId',
      staticData: CASE_RECORD,
      beforeLoad: ({ context }) => requireAny(context.session, 'referrals.send', 'referrals.answer'),
      validateSearch: (search: Record<string, unknown>): { saved?: boolean } => ({
        saved: search.saved === true ? true : undefined,
      }),
      component: routeWith([ReferralDetailPage], function ReferralDetailRoute() {
        const { referralId } = referralDetailRoute.useParams();
        const { saved } = referralDetailRoute.useSearch();
        return <ReferralDetailPage key={referralId} referralId={referralId} saved={saved} />;
      }),
    });
    return [referralsRoute, referralCreateRoute, referralDetailRoute] as const;
  },
  nav: [
    { to: '/referrals', labelKey: 'nav.referrals', anyOf: ['referrals.send', 'referrals.answer'], order: 90 },
  ],
  i18n: { it, en },
} satisfies FeatureModule;
