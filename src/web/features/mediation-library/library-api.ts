import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type TGlossaryQuery,
  type TGlossaryTermInput,
  type TMaterialInput,
  type TMaterialVersionInput,
  type TReviewInput,
  ZGlossaryTermSchema,
  ZMaterialSchema,
  ZMaterialSummarySchema,
  ZMaterialVersionSchema,
} from '../../../contracts/mediation-library.js';
import { ZLanguageSchema } from '../../../contracts/structure.js';
import { api } from '../../api/client.js';

/** The library and glossary API (issue 18, item 7). */
const enc = encodeURIComponent;

export const libraryKeys = {
  all: ['mediation-library'] as const,
  materials: ['mediation-library', 'materials'] as const,
  material: (id: string) => ['mediation-library', 'material', id] as const,
  glossary: (query: TGlossaryQuery) => ['mediation-library', 'glossary', query] as const,
  term: (id: string) => ['mediation-library', 'term', id] as const,
};

/** The download address of an approved version's PDF (a plain link: the browser saves the file). */
export const versionPdfUrl = (versionId: string) => `/api/mediation/material-versions/${enc(versionId)}/pdf`;

/** Languages with their names and direction; the same cached list the other features read. */
export function useLanguages() {
  return useQuery({
    queryKey: ['reference', 'languages'],
    queryFn: () => api('/api/reference/languages', { schema: z.array(ZLanguageSchema) }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useMaterials() {
  return useQuery({
    queryKey: libraryKeys.materials,
    queryFn: () =>
      api('/api/mediation/materials', { schema: z.object({ items: z.array(ZMaterialSummarySchema) }) }),
    select: (data) => data.items,
  });
}

export function useMaterial(id: string) {
  return useQuery({
    queryKey: libraryKeys.material(id),
    queryFn: () => api(`/api/mediation/materials/${enc(id)}`, { schema: ZMaterialSchema }),
  });
}

/** Every change answers with the material or a version: the material is refetched, and the list. */
function useLibraryChange<V>(materialId: string | null, call: (variables: V) => Promise<{ id: string }>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: libraryKeys.materials });
      await queryClient.invalidateQueries({ queryKey: libraryKeys.material(materialId ?? result.id) });
    },
  });
}

/** POST for a new material, PUT for an existing one. */
export function useMaterialSave(id: string | null) {
  return useLibraryChange(id, (body: TMaterialInput) =>
    api(id ? `/api/mediation/materials/${enc(id)}` : '/api/mediation/materials', {
      method: id ? 'PUT' : 'POST',
      body,
      schema: ZMaterialSchema,
    }),
  );
}

export function useVersionCreate(materialId: string) {
  return useLibraryChange(materialId, (body: TMaterialVersionInput) =>
    api(`/api/mediation/materials/${enc(materialId)}/versions`, {
      method: 'POST',
      body,
      schema: ZMaterialVersionSchema,
    }),
  );
}

export function useDraftEdit(materialId: string, versionId: string) {
  return useLibraryChange(materialId, (body: { title: string; body: string }) =>
    api(`/api/mediation/material-versions/${enc(versionId)}`, {
      method: 'PUT',
      body,
      schema: ZMaterialVersionSchema,
    }),
  );
}

export function useVersionSubmit(materialId: string) {
  return useLibraryChange(materialId, (versionId: string) =>
    api(`/api/mediation/material-versions/${enc(versionId)}/submit`, {
      method: 'POST',
      schema: ZMaterialVersionSchema,
    }),
  );
}

export function useVersionReview(materialId: string) {
  return useLibraryChange(materialId, ({ versionId, body }: { versionId: string; body: TReviewInput }) =>
    api(`/api/mediation/material-versions/${enc(versionId)}/review`, {
      method: 'POST',
      body,
      schema: ZMaterialSchema,
    }),
  );
}

export function useGlossary(query: TGlossaryQuery) {
  return useQuery({
    queryKey: libraryKeys.glossary(query),
    queryFn: () =>
      api('/api/mediation/glossary', {
        query: { q: query.q, language: query.language, domain: query.domain },
        schema: z.object({ items: z.array(ZGlossaryTermSchema) }),
      }),
    select: (data) => data.items,
    placeholderData: (previous) => previous,
  });
}

/** One term with all its translations (a search by language shows only that one). */
export function useGlossaryTerm(id: string) {
  return useQuery({
    queryKey: libraryKeys.term(id),
    queryFn: () => api(`/api/mediation/glossary/${enc(id)}`, { schema: ZGlossaryTermSchema }),
  });
}

export function useGlossaryTermSave(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TGlossaryTermInput) =>
      api(id ? `/api/mediation/glossary/${enc(id)}` : '/api/mediation/glossary', {
        method: id ? 'PUT' : 'POST',
        body,
        schema: ZGlossaryTermSchema,
      }),
    onSuccess: async (term) => {
      queryClient.setQueryData(libraryKeys.term(term.id), term);
      await queryClient.invalidateQueries({ queryKey: ['mediation-library', 'glossary'] });
    },
  });
}
