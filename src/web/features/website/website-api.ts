import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type THelpServiceInput,
  type TSiteLanguage,
  type TSitePageDetail,
  type TSitePageKind,
  type TSiteTransition,
  type TSiteTranslationInput,
  ZHelpServiceSchema,
  ZSiteDiffSchema,
  ZSitePageDetailSchema,
  ZSitePageSummarySchema,
  ZSitePreviewSchema,
  ZSiteVersionSchema,
} from '../../../contracts/website.js';
import { api } from '../../api/client.js';
import type { CreateInput, SettingsInput } from './website-forms.js';

/** The public website's editorial API (issue 24, item 3): pages and news, their texts, the help services. */
const enc = encodeURIComponent;

export const websiteKeys = {
  all: ['website'] as const,
  pages: (kind?: TSitePageKind) => ['website', 'pages', kind ?? 'all'] as const,
  page: (id: string) => ['website', 'page', id] as const,
  versions: (id: string, lang: TSiteLanguage) => ['website', 'page', id, 'versions', lang] as const,
  diff: (id: string, lang: TSiteLanguage, from: number, to: number) =>
    ['website', 'page', id, 'diff', lang, from, to] as const,
  help: ['website', 'help-services'] as const,
};

export function useSitePages(kind?: TSitePageKind) {
  return useQuery({
    queryKey: websiteKeys.pages(kind),
    queryFn: () => api('/api/website/pages', { query: { kind }, schema: z.array(ZSitePageSummarySchema) }),
  });
}

export function useSitePage(id: string) {
  return useQuery({
    queryKey: websiteKeys.page(id),
    queryFn: () => api(`/api/website/pages/${enc(id)}`, { schema: ZSitePageDetailSchema }),
  });
}

/** Every change answers with the page: it replaces the cached one, and the lists and versions refetch. */
function usePageChange<V>(call: (variables: V) => Promise<TSitePageDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async (page) => {
      queryClient.setQueryData(websiteKeys.page(page.id), page);
      await queryClient.invalidateQueries({ queryKey: ['website', 'pages'] });
      await queryClient.invalidateQueries({ queryKey: [...websiteKeys.page(page.id), 'versions'] });
    },
  });
}

export function usePageCreate() {
  return usePageChange((body: CreateInput) =>
    api('/api/website/pages', { method: 'POST', body, schema: ZSitePageDetailSchema }),
  );
}

export function useSettingsSave(id: string) {
  return usePageChange((body: SettingsInput) =>
    api(`/api/website/pages/${enc(id)}/settings`, { method: 'PUT', body, schema: ZSitePageDetailSchema }),
  );
}

export function useTranslationSave(id: string, lang: TSiteLanguage) {
  return usePageChange((body: TSiteTranslationInput) =>
    api(`/api/website/pages/${enc(id)}/translations/${lang}`, {
      method: 'PUT',
      body,
      schema: ZSitePageDetailSchema,
    }),
  );
}

export function usePageTransition(id: string) {
  return usePageChange((body: TSiteTransition) =>
    api(`/api/website/pages/${enc(id)}/transitions`, { method: 'POST', body, schema: ZSitePageDetailSchema }),
  );
}

export function useVersions(id: string, lang: TSiteLanguage) {
  return useQuery({
    queryKey: websiteKeys.versions(id, lang),
    queryFn: () =>
      api(`/api/website/pages/${enc(id)}/versions`, { query: { lang }, schema: z.array(ZSiteVersionSchema) }),
  });
}

/** What changed between two versions of a language; asked only once two different versions are chosen. */
export function useDiff(id: string, lang: TSiteLanguage, from: number | null, to: number | null) {
  return useQuery({
    queryKey: websiteKeys.diff(id, lang, from ?? 0, to ?? 0),
    queryFn: () =>
      api(`/api/website/pages/${enc(id)}/diff`, { query: { lang, from, to }, schema: ZSiteDiffSchema }),
    enabled: from !== null && to !== null && from !== to,
  });
}

/** A signed link, valid for half an hour, to the page as the public would see it in one language. */
export function usePreview(id: string) {
  return useMutation({
    mutationFn: (lang: TSiteLanguage) =>
      api(`/api/website/pages/${enc(id)}/preview/${lang}`, { method: 'POST', schema: ZSitePreviewSchema }),
  });
}

export function useHelpServices() {
  return useQuery({
    queryKey: websiteKeys.help,
    queryFn: () => api('/api/website/help-services', { schema: z.array(ZHelpServiceSchema) }),
  });
}

/** POST for a new service, PUT for a change (which takes it off the public page until published again). */
export function useHelpServiceSave(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: THelpServiceInput) =>
      api(id ? `/api/website/help-services/${enc(id)}` : '/api/website/help-services', {
        method: id ? 'PUT' : 'POST',
        body,
        schema: ZHelpServiceSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: websiteKeys.help }),
  });
}

/** Publishing needs an editor other than the one who wrote the service: the server says so (409). */
export function useHelpServicePublish(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (published: boolean) =>
      api(`/api/website/help-services/${enc(id)}/published`, {
        method: 'PUT',
        body: { published },
        schema: ZHelpServiceSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: websiteKeys.help }),
  });
}
