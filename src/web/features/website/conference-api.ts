import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TConferenceDetail,
  type TConferenceItemInput,
  type TConferenceSpeakerInput,
  ZConferenceDetailSchema,
  ZConferenceEventsSchema,
} from '../../../contracts/website-conferences.js';
import { api } from '../../api/client.js';
import { type MaterialValues, materialFormData } from './conference-forms.js';
import { multipart } from './video-api.js';
import { websiteKeys } from './website-api.js';

/** A conference page (issue 24, item 5): its event, programme, speakers, materials and survey, for editors. */
const enc = encodeURIComponent;
const conferencePath = (id: string, rest = '') => `/api/website/pages/${enc(id)}/conference${rest}`;
const schema = ZConferenceDetailSchema;

export const conferenceKeys = {
  detail: (id: string) => ['website', 'conference', id] as const,
  events: ['website', 'conference-events'] as const,
};

export function useConference(id: string) {
  return useQuery({
    queryKey: conferenceKeys.detail(id),
    queryFn: () => api(conferencePath(id), { schema }),
  });
}

/** The community events an editor may link the conference to. */
export function useConferenceEvents() {
  return useQuery({
    queryKey: conferenceKeys.events,
    queryFn: () => api('/api/website/conference-events', { schema: ZConferenceEventsSchema }),
  });
}

/**
 * Every change answers with the conference: it replaces the cached one, and the page (whose state
 * may go back to draft) and the lists refetch.
 */
function useConferenceChange<V>(id: string, call: (variables: V) => Promise<TConferenceDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async (detail) => {
      queryClient.setQueryData(conferenceKeys.detail(id), detail);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: websiteKeys.page(id), exact: true }),
        queryClient.invalidateQueries({ queryKey: ['website', 'pages'] }),
      ]);
    },
  });
}

export function useConferenceSettingsSave(id: string) {
  return useConferenceChange(id, (body: { eventId: string | null }) =>
    api(conferencePath(id, '/settings'), { method: 'PUT', body, schema }),
  );
}

/** A new item (POST) or a change to one (PUT). */
export function useConferenceItemSave(id: string, itemId: string | null) {
  return useConferenceChange(id, (body: TConferenceItemInput) =>
    itemId
      ? api(conferencePath(id, `/items/${enc(itemId)}`), { method: 'PUT', body, schema })
      : api(conferencePath(id, '/items'), { method: 'POST', body, schema }),
  );
}

export function useConferenceItemDelete(id: string) {
  return useConferenceChange(id, (itemId: string) =>
    api(conferencePath(id, `/items/${enc(itemId)}`), { method: 'DELETE', schema }),
  );
}

export function useSpeakerAdd(id: string) {
  return useConferenceChange(id, (body: TConferenceSpeakerInput) =>
    api(conferencePath(id, '/speakers'), { method: 'POST', body, schema }),
  );
}

export function useSpeakerDelete(id: string) {
  return useConferenceChange(id, (speakerId: string) =>
    api(conferencePath(id, `/speakers/${enc(speakerId)}`), { method: 'DELETE', schema }),
  );
}

/** A document: multipart, its Italian title first and then the PDF. */
export function useMaterialUpload(id: string) {
  return useConferenceChange(id, async ({ fields, file }: { fields: MaterialValues; file: File }) =>
    api(conferencePath(id, '/materials'), {
      method: 'POST',
      rawBody: await multipart(materialFormData(fields, file)),
      schema,
    }),
  );
}

/** A recording: a chapter of the video manual, shown while the chapter is on the site. */
export function useRecordingAdd(id: string) {
  return useConferenceChange(id, (videoPageId: string) =>
    api(conferencePath(id, '/recordings'), { method: 'POST', body: { videoPageId }, schema }),
  );
}

/** Documents and recordings alike. */
export function useMaterialDelete(id: string) {
  return useConferenceChange(id, (materialId: string) =>
    api(conferencePath(id, `/materials/${enc(materialId)}`), { method: 'DELETE', schema }),
  );
}
