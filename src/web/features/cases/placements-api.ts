import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type TPlacement,
  ZPlacementAddressSchema,
  type ZPlacementCreateSchema,
  ZPlacementSchema,
  type ZPlacementVisitSchema,
} from '../../../contracts/tutela.js';
import { api } from '../../api/client.js';
import { caseKeys } from './cases-api.js';

/** A case's placements (alternative care) with their visits; a protected address revealed one at a time. */
export const placementKeys = {
  list: (caseId: string) => ['cases', 'placements', caseId] as const,
};

const placementsPath = (caseId: string, rest = '') =>
  `/api/cases/${encodeURIComponent(caseId)}/placements${rest}`;
const onePath = (caseId: string, placementId: string, rest: string) =>
  placementsPath(caseId, `/${encodeURIComponent(placementId)}${rest}`);

export function usePlacements(caseId: string) {
  return useQuery({
    queryKey: placementKeys.list(caseId),
    queryFn: () => api(placementsPath(caseId), { schema: z.array(ZPlacementSchema) }),
  });
}

/**
 * Every change answers with the placement as it now is: it replaces (or joins) the cached list
 * (no second, audited read), and the case's timeline is refetched.
 */
export function usePlacementMutations(caseId: string) {
  const queryClient = useQueryClient();
  const put = (placement: TPlacement) => {
    queryClient.setQueryData<TPlacement[]>(placementKeys.list(caseId), (list) =>
      list?.some((p) => p.id === placement.id)
        ? list.map((p) => (p.id === placement.id ? placement : p))
        : [placement, ...(list ?? [])],
    );
    return queryClient.invalidateQueries({ queryKey: caseKeys.timeline(caseId) });
  };
  return {
    create: useMutation({
      mutationFn: (body: z.output<typeof ZPlacementCreateSchema>) =>
        api(placementsPath(caseId), { method: 'POST', body, schema: ZPlacementSchema }),
      onSuccess: put,
    }),
    end: useMutation({
      mutationFn: ({ placementId, endsOn }: { placementId: string; endsOn: string }) =>
        api(onePath(caseId, placementId, '/end'), {
          method: 'POST',
          body: { endsOn },
          schema: ZPlacementSchema,
        }),
      onSuccess: put,
    }),
    visit: useMutation({
      mutationFn: ({
        placementId,
        body,
      }: {
        placementId: string;
        body: z.output<typeof ZPlacementVisitSchema>;
      }) => api(onePath(caseId, placementId, '/visits'), { method: 'POST', body, schema: ZPlacementSchema }),
      onSuccess: put,
    }),
  };
}

/**
 * A placement's address is never cached: the reveal is a call whose answer lives only in the card
 * that asked for it, and is gone when the card hides it. Without a recent step-up the server
 * answers 403 step-up-required.
 */
export function revealPlacementAddress({
  caseId,
  placementId,
  reason,
}: {
  caseId: string;
  placementId: string;
  reason: string;
}) {
  return api(onePath(caseId, placementId, '/address'), {
    method: 'POST',
    body: { reason },
    schema: ZPlacementAddressSchema,
  });
}
