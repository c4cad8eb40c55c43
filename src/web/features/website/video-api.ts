import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TSiteLanguage } from '../../../contracts/website.js';
import {
  type TVideoDetail,
  type TVideoSettings,
  type TVideoTrackKind,
  ZVideoDetailSchema,
  ZVideoTrackTextSchema,
} from '../../../contracts/website-videos.js';
import { api } from '../../api/client.js';
import { isApiError } from '../../api/problem.js';
import type { ReleaseValues } from './video-forms.js';
import { websiteKeys } from './website-api.js';

/** The video of a chapter of the good-practice manual: settings, files, text tracks, releases, check. */
const enc = encodeURIComponent;
const videoPath = (id: string, rest = '') => `/api/website/pages/${enc(id)}${rest}`;
const trackPath = (id: string, lang: TSiteLanguage, kind: TVideoTrackKind) =>
  videoPath(id, `/tracks/${lang}/${kind}`);

export const videoKeys = {
  detail: (id: string) => ['website', 'video', id] as const,
  track: (id: string, lang: TSiteLanguage, kind: TVideoTrackKind) =>
    ['website', 'video', id, 'track', lang, kind] as const,
};

export function useVideo(id: string) {
  return useQuery({
    queryKey: videoKeys.detail(id),
    queryFn: () => api(videoPath(id, '/video'), { schema: ZVideoDetailSchema }),
  });
}

/**
 * Every change answers with the chapter's video: it replaces the cached one, and the page (whose
 * state goes back to draft when its media change) and the lists refetch.
 */
function useVideoChange<V>(id: string, call: (variables: V) => Promise<TVideoDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async (detail) => {
      queryClient.setQueryData(videoKeys.detail(id), detail);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: websiteKeys.page(id), exact: true }),
        queryClient.invalidateQueries({ queryKey: ['website', 'pages'] }),
      ]);
    },
  });
}

/** A multipart body as the browser writes it (boundary included), sent as it is by the client. */
export async function multipart(form: FormData) {
  const encoded = new Response(form);
  const contentType = encoded.headers.get('content-type') ?? 'multipart/form-data';
  return { data: await encoded.blob(), contentType };
}

export function useVideoSettingsSave(id: string) {
  return useVideoChange(id, (body: TVideoSettings) =>
    api(videoPath(id, '/video/settings'), { method: 'PUT', body, schema: ZVideoDetailSchema }),
  );
}

/** After the resumable upload finished: the upload becomes the chapter's video. */
export function useVideoAttach(id: string) {
  return useVideoChange(id, (uploadId: string) =>
    api(videoPath(id, '/video'), { method: 'POST', body: { uploadId }, schema: ZVideoDetailSchema }),
  );
}

export function usePosterUpload(id: string) {
  return useVideoChange(id, async (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api(videoPath(id, '/poster'), {
      method: 'POST',
      rawBody: await multipart(form),
      schema: ZVideoDetailSchema,
    });
  });
}

/** One track's WebVTT text; null when it has not been written yet (the server answers 404). */
export function useTrackText(id: string, lang: TSiteLanguage, kind: TVideoTrackKind) {
  return useQuery({
    queryKey: videoKeys.track(id, lang, kind),
    queryFn: async () => {
      try {
        return (await api(trackPath(id, lang, kind), { schema: ZVideoTrackTextSchema })).vtt;
      } catch (error) {
        if (isApiError(error) && error.isNotFound) return null;
        throw error;
      }
    },
    staleTime: 0,
    gcTime: 0,
  });
}

export function useTrackSave(id: string, lang: TSiteLanguage, kind: TVideoTrackKind) {
  return useVideoChange(id, (vtt: string) =>
    api(trackPath(id, lang, kind), { method: 'PUT', body: { vtt }, schema: ZVideoDetailSchema }),
  );
}

export function useTrackDelete(id: string, lang: TSiteLanguage, kind: TVideoTrackKind) {
  return useVideoChange(id, () =>
    api(trackPath(id, lang, kind), { method: 'DELETE', schema: ZVideoDetailSchema }),
  );
}

/**
 * A release. With the scanned form: multipart, the fields first and then the file (the server reads
 * them in that order); without it, the fields alone as JSON (a multipart body must carry a file).
 */
export function useReleaseAdd(id: string) {
  return useVideoChange(id, async ({ fields, file }: { fields: ReleaseValues; file: File | null }) => {
    if (!file)
      return api(videoPath(id, '/releases'), { method: 'POST', body: fields, schema: ZVideoDetailSchema });
    const form = new FormData();
    form.append('personName', fields.personName);
    form.append('personRole', fields.personRole);
    form.append('file', file, file.name);
    return api(videoPath(id, '/releases'), {
      method: 'POST',
      rawBody: await multipart(form),
      schema: ZVideoDetailSchema,
    });
  });
}

export function useReleaseDelete(id: string) {
  return useVideoChange(id, (releaseId: string) =>
    api(videoPath(id, `/releases/${enc(releaseId)}`), { method: 'DELETE', schema: ZVideoDetailSchema }),
  );
}

/** The second editor's check: the whole video watched, nobody vulnerable recognisable. */
export function useVideoCheck(id: string) {
  // The video the editor watched: the server refuses the check if another was uploaded meanwhile.
  return useVideoChange(id, (videoFileId: string) =>
    api(videoPath(id, '/video/check'), {
      method: 'POST',
      body: { confirmed: true, videoFileId },
      schema: ZVideoDetailSchema,
    }),
  );
}
