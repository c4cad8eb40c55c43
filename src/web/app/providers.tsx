import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { setUnauthorizedHandler } from '../api/client.js';
import { isApiError } from '../api/problem.js';
import { sessionQueryOptions } from '../session/session.js';
import { createAppRouter } from './router.js';

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

export function AppProviders() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createAppRouter(queryClient));

  useEffect(() => {
    // A 401 anywhere means the session ended (idle timeout, revoked): forget its data, go to login.
    setUnauthorizedHandler(() => {
      queryClient.setQueryData(sessionQueryOptions.queryKey, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
      const here = router.state.location.href;
      if (!router.state.location.pathname.startsWith('/login')) {
        void router.navigate({ to: '/login', search: { redirect: here } });
      }
    });
    return () => setUnauthorizedHandler(null);
  }, [queryClient, router]);

  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
