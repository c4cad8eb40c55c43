import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema, ZIdSchema } from '../../../contracts/common.js';
import {
  CONFERENCE_LIMITS,
  ZConferenceDetailSchema,
  ZConferenceEventsSchema,
  ZConferenceItemInputSchema,
  ZConferenceMaterialFieldsSchema,
  ZConferenceRecordingInputSchema,
  ZConferenceSettingsSchema,
  ZConferenceSpeakerInputSchema,
} from '../../../contracts/website-conferences.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { acceptFileUploads, readUpload, uploadFields } from '../../platform/storage/upload.js';
import { addDocument, addRecording, deleteMaterial } from './website-conference-materials.service.js';
import {
  addSpeaker,
  conferenceEvents,
  deleteItem,
  deleteSpeaker,
  linkEvent,
  readConference,
  saveItem,
} from './website-conferences.service.js';

const EDIT = { access: 'website.edit' } as const;
const tags = ['website'];
const detail = { 200: ZConferenceDetailSchema };
const base = '/api/website/pages/:id/conference';

/** Conference pages in the editorial app (issue 24, item 5): editors only. */
export const conferenceRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await acceptFileUploads(app);

    app.get(
      base,
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'A conference: event, programme, speakers, materials, survey',
          params: ZIdParamsSchema,
          response: detail,
        },
      },
      async (request) => readConference({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.get(
      '/api/website/conference-events',
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'The community’s published events a conference may be',
          response: { 200: ZConferenceEventsSchema },
        },
      },
      async (request) => conferenceEvents({ deps, ctx: requireAccess(request) }),
    );
    app.put(
      `${base}/settings`,
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'Link the community event (registration and survey are its own)',
          params: ZIdParamsSchema,
          body: ZConferenceSettingsSchema,
          response: detail,
        },
      },
      async (request) =>
        linkEvent({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          eventId: request.body.eventId,
        }),
    );
    app.post(
      `${base}/items`,
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'Add a line to the programme',
          params: ZIdParamsSchema,
          body: ZConferenceItemInputSchema,
          response: detail,
        },
      },
      async (request) =>
        saveItem({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          itemId: null,
          input: request.body,
          max: CONFERENCE_LIMITS.items,
        }),
    );
    const ZItemParamsSchema = z.strictObject({ id: ZIdSchema, itemId: ZIdSchema });
    app.put(
      `${base}/items/:itemId`,
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'Change a line of the programme',
          params: ZItemParamsSchema,
          body: ZConferenceItemInputSchema,
          response: detail,
        },
      },
      async (request) =>
        saveItem({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          itemId: request.params.itemId,
          input: request.body,
          max: CONFERENCE_LIMITS.items,
        }),
    );
    app.delete(
      `${base}/items/:itemId`,
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'Delete a line of the programme',
          params: ZItemParamsSchema,
          response: detail,
        },
      },
      async (request) => deleteItem({ deps, ctx: requireAccess(request), ...request.params }),
    );
    app.post(
      `${base}/speakers`,
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'Add a speaker, with how they consented to be named on the site',
          params: ZIdParamsSchema,
          body: ZConferenceSpeakerInputSchema,
          response: detail,
        },
      },
      async (request) =>
        addSpeaker({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          input: request.body,
          max: CONFERENCE_LIMITS.speakers,
        }),
    );
    app.delete(
      `${base}/speakers/:speakerId`,
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'Take a speaker off (and out of the programme)',
          params: z.strictObject({ id: ZIdSchema, speakerId: ZIdSchema }),
          response: detail,
        },
      },
      async (request) => deleteSpeaker({ deps, ctx: requireAccess(request), ...request.params }),
    );
    app.post(
      `${base}/materials`,
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'Add a document (multipart: titleIt, then the PDF in file)',
          params: ZIdParamsSchema,
          response: detail,
        },
      },
      async (request) => {
        const upload = await readUpload({ request, kind: 'publication' });
        const { titleIt } = uploadFields(upload, ZConferenceMaterialFieldsSchema);
        return addDocument({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          titleIt,
          upload,
          max: CONFERENCE_LIMITS.materials,
        });
      },
    );
    app.post(
      `${base}/recordings`,
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'Add a recording: a chapter of the video manual',
          params: ZIdParamsSchema,
          body: ZConferenceRecordingInputSchema,
          response: detail,
        },
      },
      async (request) =>
        addRecording({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          videoPageId: request.body.videoPageId,
          max: CONFERENCE_LIMITS.materials,
        }),
    );
    app.delete(
      `${base}/materials/:materialId`,
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'Take a document or recording off the list',
          params: z.strictObject({ id: ZIdSchema, materialId: ZIdSchema }),
          response: detail,
        },
      },
      async (request) => deleteMaterial({ deps, ctx: requireAccess(request), ...request.params }),
    );
  };
