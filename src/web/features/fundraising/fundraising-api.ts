import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type TCampaignInput,
  type TCampaignUpdate,
  type TFunderInput,
  type TFunderUpdate,
  type TOpportunityInput,
  type TOpportunityMove,
  type TOpportunityUpdate,
  type TResourceRecord,
  ZCampaignListSchema,
  ZCampaignSchema,
  ZFunderPageSchema,
  ZFunderSchema,
  ZFundraisingChoicesSchema,
  ZOpportunitySchema,
  ZPipelineSchema,
  ZResourceLedgerSchema,
  ZVolunteerRateSchema,
} from '../../../contracts/fundraising.js';
import { api } from '../../api/client.js';

/** Fundraising's reads and changes: every key starts with `fundraising`, so any change refreshes all. */
const enc = encodeURIComponent;
const ALL = ['fundraising'] as const;

export const usePipeline = () =>
  useQuery({
    queryKey: [...ALL, 'pipeline'],
    queryFn: () => api('/api/fundraising/pipeline', { schema: ZPipelineSchema }),
  });

export const useChoices = () =>
  useQuery({
    queryKey: [...ALL, 'choices'],
    queryFn: () => api('/api/fundraising/choices', { schema: ZFundraisingChoicesSchema }),
  });

export const useFunders = (page: number) =>
  useQuery({
    queryKey: [...ALL, 'funders', page],
    queryFn: () =>
      api('/api/fundraising/funders', { query: { page, pageSize: 25 }, schema: ZFunderPageSchema }),
    placeholderData: (previous) => previous,
  });

export const useOpportunity = (id: string) =>
  useQuery({
    queryKey: [...ALL, 'opportunity', id],
    queryFn: () => api(`/api/fundraising/opportunities/${enc(id)}`, { schema: ZOpportunitySchema }),
  });

export const useCampaigns = () =>
  useQuery({
    queryKey: [...ALL, 'campaigns'],
    queryFn: () => api('/api/fundraising/campaigns', { schema: ZCampaignListSchema }),
  });

export const useLedger = (period: { from?: string; to?: string }) =>
  useQuery({
    queryKey: [...ALL, 'resources', period],
    queryFn: () => api('/api/fundraising/resources', { query: period, schema: ZResourceLedgerSchema }),
  });

export const useVolunteerRate = () =>
  useQuery({
    queryKey: [...ALL, 'rate'],
    queryFn: () => api('/api/fundraising/volunteer-rate', { schema: ZVolunteerRateSchema }),
  });

function useChange<V, R>(call: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => queryClient.invalidateQueries({ queryKey: ALL }) });
}

export const useFunderCreate = () =>
  useChange((body: TFunderInput) =>
    api('/api/fundraising/funders', { method: 'POST', body, schema: ZFunderSchema }),
  );

export const useFunderUpdate = (id: string) =>
  useChange((body: TFunderUpdate) =>
    api(`/api/fundraising/funders/${enc(id)}`, { method: 'PUT', body, schema: ZFunderSchema }),
  );

export const useOpportunityUpdate = (id: string) =>
  useChange((body: TOpportunityUpdate) =>
    api(`/api/fundraising/opportunities/${enc(id)}`, { method: 'PUT', body, schema: ZOpportunitySchema }),
  );

export const useCampaignUpdate = (id: string) =>
  useChange((body: TCampaignUpdate) =>
    api(`/api/fundraising/campaigns/${enc(id)}`, { method: 'PUT', body, schema: ZCampaignSchema }),
  );

export const useMove = (id: string) =>
  useChange((body: TOpportunityMove) =>
    api(`/api/fundraising/opportunities/${enc(id)}/move`, {
      method: 'POST',
      body,
      schema: ZOpportunitySchema,
    }),
  );

export const useCampaignCreate = () =>
  useChange((body: TCampaignInput) =>
    api('/api/fundraising/campaigns', { method: 'POST', body, schema: ZCampaignSchema }),
  );

export const useResourceRecord = () =>
  useChange((body: TResourceRecord) =>
    api('/api/fundraising/resources', {
      method: 'POST',
      body,
      schema: z.object({ id: z.string(), valueCents: z.number() }),
    }),
  );

export const useRateSave = () =>
  useChange((body: { volunteerHourCents: number; reason: string }) =>
    api('/api/fundraising/volunteer-rate', {
      method: 'PUT',
      body,
      schema: ZVolunteerRateSchema,
    }),
  );

/** A document for an opportunity: the browser writes the multipart body, the client sends it as it is. */
export const useAttachFile = (id: string) =>
  useChange(async (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    const encoded = new Response(form);
    const contentType = encoded.headers.get('content-type') ?? 'multipart/form-data';
    return api(`/api/fundraising/opportunities/${enc(id)}/files`, {
      method: 'POST',
      rawBody: { data: await encoded.blob(), contentType },
      schema: z.object({ id: z.string() }),
    });
  });

export { useFileLink } from '../../api/file-link.js';

export const useOpportunityCreate = () =>
  useChange((body: TOpportunityInput) =>
    api('/api/fundraising/opportunities', { method: 'POST', body, schema: ZOpportunitySchema }),
  );
