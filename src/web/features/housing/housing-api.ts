import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type TUnit,
  type ZAddressChangeSchema,
  type ZAddressDecisionSchema,
  ZAddressRequestListSchema,
  ZAddressRequestSchema,
  ZAddressSchema,
  type ZOccupancyEndSchema,
  type ZOccupancyInputSchema,
  type ZUnitInputSchema,
  ZUnitListSchema,
  ZUnitSchema,
  type ZUnitUpdateSchema,
} from '../../../contracts/housing.js';
import { api } from '../../api/client.js';

/** Protected apartments (issue 20, item 4): units, stays, the address and requests to see it. */
const enc = encodeURIComponent;

export const housingKeys = {
  units: ['housing', 'units'] as const,
  unit: (id: string) => ['housing', 'unit', id] as const,
  requests: ['housing', 'address-requests'] as const,
};

export function useUnits() {
  return useQuery({
    queryKey: housingKeys.units,
    queryFn: () => api('/api/housing/units', { schema: ZUnitListSchema }),
    select: (data) => data.items,
  });
}

export function useUnit(id: string) {
  return useQuery({
    queryKey: housingKeys.unit(id),
    queryFn: () => api(`/api/housing/units/${enc(id)}`, { schema: ZUnitSchema }),
  });
}

/** Every change answers with the unit: it goes in the cache, and the list is refetched. */
function useUnitChange<V>(call: (variables: V) => Promise<TUnit>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async (unit) => {
      queryClient.setQueryData(housingKeys.unit(unit.id), unit);
      await queryClient.invalidateQueries({ queryKey: housingKeys.units });
    },
  });
}

export function useUnitCreate() {
  return useUnitChange((body: z.output<typeof ZUnitInputSchema>) =>
    api('/api/housing/units', { method: 'POST', body, schema: ZUnitSchema }),
  );
}

export function useUnitUpdate(unitId: string) {
  return useUnitChange((body: z.output<typeof ZUnitUpdateSchema>) =>
    api(`/api/housing/units/${enc(unitId)}`, { method: 'PATCH', body, schema: ZUnitSchema }),
  );
}

/** A new address: the answer is the unit, which never carries it. */
export function useAddressChange(unitId: string) {
  return useUnitChange((body: z.output<typeof ZAddressChangeSchema>) =>
    api(`/api/housing/units/${enc(unitId)}/address`, { method: 'PUT', body, schema: ZUnitSchema }),
  );
}

export function useStayStart(unitId: string) {
  return useUnitChange((body: z.output<typeof ZOccupancyInputSchema>) =>
    api(`/api/housing/units/${enc(unitId)}/occupancies`, { method: 'POST', body, schema: ZUnitSchema }),
  );
}

export function useStayEnd() {
  return useUnitChange(
    ({ occupancyId, body }: { occupancyId: string; body: z.output<typeof ZOccupancyEndSchema> }) =>
      api(`/api/housing/occupancies/${enc(occupancyId)}/end`, { method: 'POST', body, schema: ZUnitSchema }),
  );
}

/**
 * The address of one unit. Never a query and never cached: a call whose answer lives only in the
 * component that asked for it, forgotten when it hides it. Without a recent step-up the server
 * answers 403 step-up-required.
 */
export function revealUnitAddress({ unitId, reason }: { unitId: string; reason: string }) {
  return api(`/api/housing/units/${enc(unitId)}/address/reveal`, {
    method: 'POST',
    body: { reason },
    schema: ZAddressSchema,
  });
}

export function useAddressRequests() {
  return useQuery({
    queryKey: housingKeys.requests,
    queryFn: () => api('/api/housing/address-requests', { schema: ZAddressRequestListSchema }),
    select: (data) => data.items,
  });
}

export function useAddressRequestCreate(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      api(`/api/housing/units/${enc(unitId)}/address-requests`, {
        method: 'POST',
        body: { reason },
        schema: ZAddressRequestSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: housingKeys.requests }),
  });
}

export function useAddressDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, body }: { requestId: string; body: z.output<typeof ZAddressDecisionSchema> }) =>
      api(`/api/housing/address-requests/${enc(requestId)}/decision`, {
        method: 'POST',
        body,
        schema: ZAddressRequestSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: housingKeys.requests }),
  });
}
