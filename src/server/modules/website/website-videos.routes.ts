import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema, ZIdSchema } from '../../../contracts/common.js';
import {
  ZVideoAttachSchema,
  ZVideoCheckSchema,
  ZVideoDetailSchema,
  ZVideoReleaseFieldsSchema,
  ZVideoSettingsSchema,
  ZVideoTrackInputSchema,
  ZVideoTrackParamsSchema,
  ZVideoTrackTextSchema,
} from '../../../contracts/website-videos.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { parsedOrRefused } from '../../platform/http/validation-messages.js';
import { acceptResumableUploads } from '../../platform/storage/resumable.js';
import { acceptFileUploads, readUpload, uploadFields } from '../../platform/storage/upload.js';
import {
  deleteRelease,
  deleteTrack,
  readTrack,
  recordRelease,
  saveTrack,
} from './website-video-texts.service.js';
import {
  attachPoster,
  attachVideo,
  confirmVideoCheck,
  readVideo,
  saveVideoSettings,
} from './website-videos.service.js';

const EDIT = { access: 'website.edit' } as const;
const tags = ['website'];
const detail = { 200: ZVideoDetailSchema };

/** The video manual's chapters in the editorial app (issue 24, item 4): editors only. */
export const videoRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await acceptFileUploads(app);
    await acceptResumableUploads(app, {
      deps,
      path: '/api/website/uploads',
      kind: 'video',
      access: 'website.edit',
    });

    app.get(
      '/api/website/pages/:id/video',
      {
        config: EDIT,
        schema: { tags, summary: 'A chapter of the video manual', params: ZIdParamsSchema, response: detail },
      },
      async (request) => readVideo({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.put(
      '/api/website/pages/:id/video/settings',
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'What the chapter shows: its work package, practice and number',
          params: ZIdParamsSchema,
          body: ZVideoSettingsSchema,
          response: detail,
        },
      },
      async (request) =>
        saveVideoSettings({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.post(
      '/api/website/pages/:id/video',
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'Take a finished resumable upload (tus, /api/website/uploads) as the chapter’s video',
          params: ZIdParamsSchema,
          body: ZVideoAttachSchema,
          response: detail,
        },
      },
      async (request) =>
        attachVideo({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          uploadId: request.body.uploadId,
        }),
    );
    app.post(
      '/api/website/pages/:id/poster',
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'The poster frame (multipart, field file: PNG, JPEG or WebP)',
          params: ZIdParamsSchema,
          response: detail,
        },
      },
      async (request) =>
        attachPoster({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          upload: await readUpload({ request, kind: 'image' }),
        }),
    );
    app.post(
      '/api/website/pages/:id/video/check',
      {
        config: EDIT,
        schema: {
          tags,
          summary:
            'A second editor confirms nobody vulnerable can be recognised and the releases are recorded',
          params: ZIdParamsSchema,
          body: ZVideoCheckSchema,
          response: detail,
        },
      },
      async (request) =>
        confirmVideoCheck({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          videoFileId: request.body.videoFileId,
        }),
    );
    app.get(
      '/api/website/pages/:id/tracks/:lang/:kind',
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'A text track’s WebVTT',
          params: ZVideoTrackParamsSchema,
          response: { 200: ZVideoTrackTextSchema },
        },
      },
      async (request) => readTrack({ deps, ctx: requireAccess(request), key: request.params }),
    );
    app.put(
      '/api/website/pages/:id/tracks/:lang/:kind',
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'Save a text track (checked by a WebVTT parser)',
          params: ZVideoTrackParamsSchema,
          body: ZVideoTrackInputSchema,
          response: detail,
        },
        // A long subtitle file is larger than the default JSON body bound.
        // (400 000 characters of Punjabi or Urdu are up to 1.6 MB of UTF-8.)
        bodyLimit: 2 * 1024 * 1024,
      },
      async (request) =>
        saveTrack({ deps, ctx: requireAccess(request), key: request.params, vtt: request.body.vtt }),
    );
    app.delete(
      '/api/website/pages/:id/tracks/:lang/:kind',
      {
        config: EDIT,
        schema: { tags, summary: 'Delete a text track', params: ZVideoTrackParamsSchema, response: detail },
      },
      async (request) => deleteTrack({ deps, ctx: requireAccess(request), key: request.params }),
    );
    app.post(
      '/api/website/pages/:id/releases',
      {
        config: EDIT,
        schema: {
          tags,
          summary:
            'Record a person’s release: JSON { personName, personRole }, or multipart with those fields then the signed form in file',
          params: ZIdParamsSchema,
          response: detail,
        },
      },
      async (request) => {
        const ctx = requireAccess(request);
        if (!request.isMultipart()) {
          const fields = parsedOrRefused(ZVideoReleaseFieldsSchema, request.body);
          return recordRelease({ deps, ctx, id: request.params.id, ...fields, upload: null });
        }
        const upload = await readUpload({ request, kind: 'document' });
        const fields = uploadFields(upload, ZVideoReleaseFieldsSchema);
        return recordRelease({ deps, ctx, id: request.params.id, ...fields, upload });
      },
    );
    app.delete(
      '/api/website/pages/:id/releases/:releaseId',
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'Delete a release (the check is made again)',
          params: z.strictObject({ id: ZIdSchema, releaseId: ZIdSchema }),
          response: detail,
        },
      },
      async (request) =>
        deleteRelease({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          releaseId: request.params.releaseId,
        }),
    );
  };
