import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TPermission, TSessionInfo } from '../../contracts/index.js';
import { fetchSession } from './session-api.js';

export const sessionQueryOptions = queryOptions({
  queryKey: ['session'] as const,
  queryFn: fetchSession,
  staleTime: 60_000,
  retry: false,
});

/** The signed-in session. Only used below the authenticated layout, where it is always present. */
export function useSession(): TSessionInfo {
  const { data } = useQuery(sessionQueryOptions);
  if (!data) throw new Error('useSession used outside an authenticated page');
  return data;
}

export function useCan(): (permission: TPermission) => boolean {
  const session = useSession();
  return (permission) => session.permissions.includes(permission);
}
