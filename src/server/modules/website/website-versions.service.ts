import { diffWords } from 'diff';
import type { TSiteDiff, TSiteLanguage } from '../../../contracts/website.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { bodyText } from './website-html.js';
import { requirePage, versionOf, versionsOf } from './website-pages.repository.js';
import { previewSigner } from './website-preview.js';
import { auditWebsite } from './website-shared.js';

/** A page's versions in one language, the differences between two, and the preview link. */

export function listVersions({
  deps,
  ctx,
  id,
  lang,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  lang: TSiteLanguage;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requirePage(tx, id);
      return versionsOf(tx, id, lang);
    },
  });
}

const runs = (from: string, to: string) =>
  diffWords(from, to).map((part) => ({
    kind: part.added ? ('added' as const) : part.removed ? ('removed' as const) : ('same' as const),
    text: part.value,
  }));

/** What changed from one version to another, word by word, on the text a reader sees. */
export function diffVersions({
  deps,
  ctx,
  id,
  lang,
  from,
  to,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  lang: TSiteLanguage;
  from: number;
  to: number;
}): Promise<TSiteDiff> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requirePage(tx, id);
      const a = await versionOf(tx, id, lang, from);
      const b = await versionOf(tx, id, lang, to);
      if (!a || !b)
        throw problems.field(a ? 'to' : 'from', 'unknown_version', {
          it: 'Questa versione non esiste.',
          en: 'This version does not exist.',
        });
      return { title: runs(a.title, b.title), body: runs(bodyText(a.body), bodyText(b.body)) };
    },
  });
}

export function previewLink({
  deps,
  ctx,
  id,
  lang,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  lang: TSiteLanguage;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requirePage(tx, id);
      const signer = await unsafeAsSystem(tx, (sys) => previewSigner({ sys, keyring: deps.keyring }));
      const { path, expiresAt } = signer.link(id, lang);
      await auditWebsite({
        tx,
        ctx,
        action: 'website.preview_link_made',
        recordType: 'site_page',
        recordId: id,
        details: { lang },
      });
      return { url: `${deps.config.publicUrl.replace(/\/+$/, '')}${path}`, expiresAt };
    },
  });
}
