import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { setUnauthorizedHandler } from '../api/client.js';
import { isApiError } from '../api/problem.js';
import { ReauthDialog } from '../features/auth/ReauthDialog.js';
import { reauthenticate } from '../session/reauth.js';
import { sessionQueryOptions } from '../session/session.js';
import { type AppRouter, createAppRouter } from './router.js';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Records change under other people's hands (a referral's case gets closed): a page opened
        // shows what is cached at once and fetches it again. Lists that change only with a release
        // or an admin's edit (reference data, the structure) set a longer staleTime themselves.
        staleTime: 0,
        refetchOnWindowFocus: false,
        // 4xx answers will not change on retry (and retrying a 404 would only repeat the denial).
        retry: (count, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
}

const onLoginPage = (router: AppRouter) => router.state.location.pathname.startsWith('/login');

/** Forget the ended session's data and open the login page, to come back here afterwards. */
function toLogin(queryClient: QueryClient, router: AppRouter) {
  queryClient.setQueryData(sessionQueryOptions.queryKey, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
  if (!onLoginPage(router))
    void router.navigate({ to: '/login', search: { redirect: router.state.location.href } });
}

export function AppProviders() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createAppRouter(queryClient));

  useEffect(() => {
    // A 401 anywhere means the session ended (idle timeout, revoked). On a signed-in page the user
    // signs in again in a dialog, keeping what the page holds; otherwise, or when they give up,
    // the session's data is forgotten and the login page opens.
    setUnauthorizedHandler(async () => {
      const userId = queryClient.getQueryData(sessionQueryOptions.queryKey)?.user.id;
      const asked = userId && !onLoginPage(router) ? reauthenticate(userId) : null;
      if (asked) return asked;
      toLogin(queryClient, router);
      return false;
    });
    return () => setUnauthorizedHandler(null);
  }, [queryClient, router]);

  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
      <ReauthDialog onGiveUp={() => toLogin(queryClient, router)} />
    </QueryClientProvider>
  );
}
