import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { sessionQueryOptions } from '../../session/session.js';

/** After the last sign-in step: load the full session, then go where the user was heading. */
export function useFinishSignIn() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return async (redirectTo?: string) => {
    await queryClient.fetchQuery({ ...sessionQueryOptions, staleTime: 0 });
    router.history.push(redirectTo ?? '/');
  };
}
