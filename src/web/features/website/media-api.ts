import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { type TMedia, ZMediaSchema } from '../../../contracts/website-media.js';
import { api } from '../../api/client.js';
import type { AltValues, UploadValues } from './media-forms.js';
import { altsToInput, uploadToInput } from './media-forms.js';
import { multipart } from './video-api.js';

/** The website's media library (issue 24, item 3): images with their alternative texts, for editors. */
const enc = encodeURIComponent;
const mediaPath = (id: string, rest = '') => `/api/website/media/${enc(id)}${rest}`;

export const mediaKeys = {
  all: ['website', 'media'] as const,
  list: ['website', 'media', 'list'] as const,
};

/** The 320-pixel preview of an image (editors only, same origin), for thumbnails. */
export const mediaPreviewSrc = (id: string) => mediaPath(id, '/preview');

/** Every image of the library, newest first. */
export function useMediaList() {
  return useQuery({
    queryKey: mediaKeys.list,
    queryFn: () => api('/api/website/media', { schema: z.array(ZMediaSchema) }),
  });
}

/** After any change the list is read again: what pages show an image may have changed meanwhile. */
function useMediaChange<V, R>(call: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mediaKeys.all }),
  });
}

/** A new image: multipart, its name and Italian alternative text first, then the file. */
export function useMediaUpload() {
  return useMediaChange(async ({ fields, file }: { fields: UploadValues; file: File }) => {
    const input = uploadToInput(fields);
    const form = new FormData();
    form.append('name', input.name);
    form.append('altIt', input.altIt);
    form.append('file', file, file.name);
    return api('/api/website/media', {
      method: 'POST',
      rawBody: await multipart(form),
      schema: ZMediaSchema,
    });
  });
}

/** The alternative texts of the ten languages at once; the answer replaces the image in the list. */
export function useMediaAltsSave(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: AltValues) =>
      api(mediaPath(id, '/alts'), { method: 'PUT', body: altsToInput(values), schema: ZMediaSchema }),
    onSuccess: async (saved) => {
      queryClient.setQueryData<TMedia[]>(mediaKeys.list, (list) =>
        list?.map((item) => (item.id === saved.id ? saved : item)),
      );
      await queryClient.invalidateQueries({ queryKey: mediaKeys.all });
    },
  });
}

/** Deleting an image a page still shows is refused (409), with the reason in the problem's detail. */
export function useMediaDelete(id: string) {
  return useMediaChange(() => api(mediaPath(id), { method: 'DELETE' }));
}
