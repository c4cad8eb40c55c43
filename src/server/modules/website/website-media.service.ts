import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { SITE_LANGUAGES, type TSiteLanguage } from '../../../contracts/website.js';
import { MEDIA_LIMITS, MEDIA_WIDTHS, mediaImagePath, type TMedia } from '../../../contracts/website-media.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { isoTime, queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { HttpProblem, problems } from '../../platform/http/problem.js';
import { checkContent } from '../../platform/storage/content-check.js';
import { FILE_KINDS } from '../../platform/storage/file-kinds.js';
import { removePublicCopy } from '../../platform/storage/public-copies.js';
import { deleteFile, storeFile } from '../../platform/storage/storage.service.js';
import { storageRefusals } from '../../platform/storage/storage-refusals.js';
import type { Upload } from '../../platform/storage/upload.js';
import { auditWebsite, siteFileOwner } from './website-shared.js';

/**
 * The media library (issue 24, item 3): an image is checked by content and stored as uploaded
 * (platform/storage), then decoded by sharp within a pixel bound and resized to the widths of
 * MEDIA_WIDTHS as WebP — which also drops its EXIF data (a phone photo's place); the copies are what
 * the public ever receives. Each image has its alternative text per language, Italian from the start.
 */

// One image at a time and no decoded cache: a 2-core server keeps its memory for requests.
sharp.concurrency(1);
sharp.cache(false);

const unreadable = () =>
  new HttpProblem(
    422,
    'unreadable-image',
    { it: 'Immagine non leggibile', en: 'Unreadable image' },
    {
      it: `L’immagine non si può leggere, o ha più di ${MEDIA_LIMITS.maxPixels / 1_000_000} milioni di pixel.`,
      en: `The image cannot be read, or has more than ${MEDIA_LIMITS.maxPixels / 1_000_000} million pixels.`,
    },
    [
      {
        field: 'file',
        code: 'unreadable',
        message: { it: 'Immagine non leggibile.', en: 'Unreadable image.' },
      },
    ],
  );

/** The upload's bytes, refused past the image bound (busboy stops one byte over it). */
async function bytesOf(content: Readable) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of content) {
    size += (chunk as Buffer).length;
    if (size > FILE_KINDS.image.maxBytes) throw storageRefusals.tooLarge(FILE_KINDS.image.maxBytes);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const decoder = (bytes: Buffer) =>
  sharp(bytes, { limitInputPixels: MEDIA_LIMITS.maxPixels, failOn: 'error' }).rotate();

/**
 * An uploaded image checked by content (platform/storage's check, before any decoding) and
 * re-encoded as WebP at most 1280 px wide, without its metadata: what may go public of it.
 */
export async function cleanImage(upload: Pick<Upload, 'content' | 'declaredType'>) {
  const bytes = await bytesOf(upload.content);
  (await checkContent({ content: bytes, declaredType: upload.declaredType, kind: 'image' })).body.resume();
  try {
    return await decoder(bytes)
      .resize({ width: 1280, withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
  } catch {
    throw unreadable();
  }
}

interface MediaRow {
  id: string;
  name: string;
  width: number;
  height: number;
  alts: Partial<Record<TSiteLanguage, string>> | null;
  used_by: string[] | null;
  by: string;
  created_at: Date;
}

const SELECT = sql`select m.id, m.name, m.width, m.height,
    (select jsonb_object_agg(a.lang, a.alt) from site_media_alts a where a.media_id = m.id) as alts,
    (select array_agg(coalesce((select v.title from site_page_versions v where v.page_id = u.page_id and v.lang = 'it'
        order by v.number desc limit 1), '') order by u.page_id) from site_media_uses u where u.media_id = m.id) as used_by,
    usr.display_name as by, m.created_at
  from site_media m join users usr on usr.id = m.created_by`;

const toMedia = (r: MediaRow): TMedia => ({
  id: r.id,
  name: r.name,
  width: r.width,
  height: r.height,
  alts: r.alts ?? {},
  path: mediaImagePath(r.id),
  usedBy: r.used_by ?? [],
  createdBy: r.by,
  createdAt: isoTime(r.created_at)!,
});

async function mediaOf(tx: Tx, id: string) {
  const [row] = await queryRows<MediaRow>(tx, sql`${SELECT} where m.id = ${id}`);
  if (!row) throw new OutOfScope('site_media', id);
  return toMedia(row);
}

export function listMedia({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) =>
      (await queryRows<MediaRow>(tx, sql`${SELECT} order by m.created_at desc, m.id limit 500`)).map(toMedia),
  });
}

export async function addMedia({
  deps,
  ctx,
  name,
  altIt,
  upload,
}: {
  deps: Deps;
  ctx: AccessContext;
  name: string;
  altIt: string;
  upload: Upload;
}) {
  const bytes = await bytesOf(upload.content);
  const owner = siteFileOwner('site_media', null);
  // The content check first (platform/storage): only an image that is what it claims reaches the decoder.
  const original = await storeFile({
    deps,
    actor: { ctx },
    input: {
      ...owner,
      kind: 'image',
      fileName: upload.fileName,
      declaredType: upload.declaredType,
      content: Readable.from([bytes]),
    },
  });
  const stored = [original.id];
  try {
    const meta = await decoder(bytes).metadata();
    const turned = (meta.orientation ?? 1) >= 5;
    const width = (turned ? meta.height : meta.width) ?? 0;
    const height = (turned ? meta.width : meta.height) ?? 0;
    if (!width || !height) throw unreadable();
    const variants: { width: number; fileId: string }[] = [];
    for (const target of new Set(MEDIA_WIDTHS.map((w) => Math.min(w, width)))) {
      const webp = await decoder(bytes)
        .resize({ width: target, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer();
      const file = await storeFile({
        deps,
        actor: { ctx },
        input: {
          ...owner,
          kind: 'image',
          fileName: `${target}.webp`,
          declaredType: 'image/webp',
          content: Readable.from([webp]),
        },
      });
      stored.push(file.id);
      variants.push({ width: target, fileId: file.id });
    }
    return await scoped({
      db: deps.db,
      ctx,
      work: async (tx) => {
        const [row] = await queryRows<{ id: string }>(
          tx,
          sql`insert into site_media (name, original_file_id, width, height, created_by)
              values (${name}, ${original.id}, ${width}, ${height}, ${ctx.userId}) returning id`,
        );
        for (const v of variants)
          await tx.execute(
            sql`insert into site_media_variants (media_id, width, file_id) values (${row!.id}, ${v.width}, ${v.fileId})`,
          );
        await tx.execute(
          sql`insert into site_media_alts (media_id, lang, alt, updated_by) values (${row!.id}, 'it', ${altIt}, ${ctx.userId})`,
        );
        await auditWebsite({
          tx,
          ctx,
          action: 'website.media_added',
          recordType: 'site_media',
          recordId: row!.id,
        });
        return mediaOf(tx, row!.id);
      },
    });
  } catch (error) {
    for (const fileId of stored) await deleteFile({ deps, actor: { ctx }, fileId }).catch(() => {});
    throw error instanceof HttpProblem ? error : unreadable();
  }
}

export function saveAlts({
  deps,
  ctx,
  id,
  alts,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  alts: Partial<Record<TSiteLanguage, string>>;
}) {
  if (!alts.it?.trim())
    throw problems.field('alts.it', 'required', {
      it: 'Il testo alternativo in italiano è obbligatorio.',
      en: 'The Italian alternative text is required.',
    });
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await mediaOf(tx, id);
      for (const lang of SITE_LANGUAGES) {
        const alt = alts[lang]?.trim();
        await tx.execute(
          alt
            ? sql`insert into site_media_alts (media_id, lang, alt, updated_by) values (${id}, ${lang}, ${alt}, ${ctx.userId})
                  on conflict (media_id, lang) do update set alt = excluded.alt, updated_by = excluded.updated_by, updated_at = now()`
            : sql`delete from site_media_alts where media_id = ${id} and lang = ${lang}`,
        );
      }
      await auditWebsite({
        tx,
        ctx,
        action: 'website.media_alts_saved',
        recordType: 'site_media',
        recordId: id,
      });
      return mediaOf(tx, id);
    },
  });
}

/** Deletes an image no published page shows, with its files (their keys forgotten). */
export async function deleteMedia({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  const files = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const media = await mediaOf(tx, id);
      if (media.usedBy.length > 0)
        throw problems.conflict({
          it: `L’immagine è in pagine pubblicate (${media.usedBy.join(', ')}): toglila da lì prima di eliminarla.`,
          en: `The image is in published pages (${media.usedBy.join(', ')}): take it out of them before deleting it.`,
        });
      const rows = await queryRows<{ file_id: string }>(
        tx,
        sql`select file_id from site_media_variants where media_id = ${id}
            union all select original_file_id from site_media where id = ${id}`,
      );
      await tx.execute(sql`delete from site_media where id = ${id}`);
      await auditWebsite({
        tx,
        ctx,
        action: 'website.media_deleted',
        recordType: 'site_media',
        recordId: id,
      });
      return rows.map((r) => r.file_id);
    },
  });
  for (const fileId of files) {
    await deleteFile({ deps, actor: { ctx }, fileId });
    await removePublicCopy({ deps, fileId });
  }
}
