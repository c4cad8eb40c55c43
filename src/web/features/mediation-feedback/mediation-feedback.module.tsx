import { createRoute } from '@tanstack/react-router';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const FeedbackPage = lazyPage(() => import('./mediation-feedback.pages.js'), 'FeedbackPage');

/**
 * The person mediated gives their opinion (issue 18, item 6): a public page reached by the link or
 * the printed QR the requester made, with no session and no menu, in the person's language.
 */
export const mediationFeedbackModule = {
  id: 'mediation-feedback',
  routes: ({ publicLayout }) => {
    const feedbackRoute = createRoute({
      getParentRoute: () => publicLayout,
      path: '/parere/$token',
      component: routeWith([FeedbackPage], function FeedbackRoute() {
        const { token } = feedbackRoute.useParams();
        return <FeedbackPage key={token} token={token} />;
      }),
    });
    return [feedbackRoute] as const;
  },
  nav: [],
  i18n: { it, en },
} satisfies FeatureModule;
