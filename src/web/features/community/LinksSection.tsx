import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type THolderDetail, ZHolderLinkInputSchema } from '../../../contracts/community.js';
import { useLocale } from '../../i18n/index.js';
import { DataTable } from '../../ui/DataTable.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { FormActions, SelectField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { HOLDER_CHOICE_SIZE, useHolders, useLinkAdd, useLinkRemove } from './community-api.js';
import { useCommunityWords } from './community-words.js';

type LinkValues = z.input<typeof ZHolderLinkInputSchema>;
type HolderLink = THolderDetail['links'][number];

/** How this holder relates to others: a member of a network, a partner, hosted by a parish. */
export function LinksSection({ holder }: { holder: THolderDetail }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const remove = useLinkRemove();
  // The same relation reads the other way round from the other holder's page ("hosts" / "hosted by").
  const kindText = (link: HolderLink) =>
    link.direction === 'outgoing'
      ? t(`community.words.linkKind.${link.kind}`)
      : t(`community.words.linkKindIncoming.${link.kind}`);
  const otherId = (link: HolderLink) => (link.direction === 'outgoing' ? link.toHolderId : link.fromHolderId);

  return (
    <section aria-labelledby="holder-links" className="mb-5">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h2 id="holder-links" className="h4 mb-0">
          {t('community.links.title')}
        </h2>
        {holder.canEdit && !adding && (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setAdding(true)}>
            {t('community.links.add')}
          </button>
        )}
      </div>
      {adding && <LinkForm holder={holder} onDone={() => setAdding(false)} />}
      <ProblemAlert error={remove.error} />
      {holder.links.length === 0 ? (
        <p>{t('community.links.none')}</p>
      ) : (
        <DataTable caption={t('community.links.caption', { name: holder.name })}>
          <thead>
            <tr>
              <th scope="col">{t('community.links.relation')}</th>
              <th scope="col">{t('community.links.other')}</th>
              {holder.canEdit && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {holder.links.map((link) => (
              <tr key={`${link.fromHolderId}-${link.toHolderId}-${link.kind}`}>
                <td>{kindText(link)}</td>
                <th scope="row">
                  <Link to="/community/holders/$holderId" params={{ holderId: otherId(link) }}>
                    {link.otherName}
                  </Link>
                </th>
                {holder.canEdit && (
                  <td>
                    <button
                      type="button"
                      className="btn btn-outline-danger btn-xs"
                      disabled={remove.isPending}
                      aria-label={t('community.links.removeNamed', {
                        relation: kindText(link),
                        name: link.otherName,
                      })}
                      onClick={() => remove.mutate(link)}
                    >
                      {t('community.links.remove')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}

function LinkForm({ holder, onDone }: { holder: THolderDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCommunityWords();
  const add = useLinkAdd(holder.id);
  const others = useHolders({}, HOLDER_CHOICE_SIZE);
  const form = useForm<LinkValues>({
    resolver: zodResolver(ZHolderLinkInputSchema),
    defaultValues: { toHolderId: '', kind: 'partner_of' },
  });
  const { errors, isSubmitting } = form.formState;
  const options = (others.data?.items ?? [])
    .filter((h) => h.id !== holder.id)
    .map((h) => ({ value: h.id, label: `${h.name} (${h.municipalityName})` }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const submit = form.handleSubmit(async (values) => {
    try {
      await add.mutateAsync(values);
      onDone();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <EditorCard id="link-new" title={t('community.links.add')}>
      <form onSubmit={submit} noValidate>
        {add.error && Object.keys(errors).length === 0 ? <ActionProblem error={add.error} /> : null}
        <SelectField
          id="link-kind"
          label={t('community.links.relation')}
          hint={t('community.links.relationHint', { name: holder.name })}
          required
          options={words.options('linkKind')}
          error={fieldErrorText(t, errors.kind)}
          {...form.register('kind')}
        />
        <SelectField
          id="link-other"
          label={t('community.links.other')}
          placeholder={others.isPending ? t('common.loading') : t('common.choose')}
          required
          options={options}
          error={fieldErrorText(t, errors.toHolderId)}
          {...form.register('toHolderId')}
        />
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {t('community.links.create')}
          </button>
          <button type="button" className="btn btn-outline-secondary" onClick={onDone}>
            {t('common.cancel')}
          </button>
        </FormActions>
      </form>
    </EditorCard>
  );
}
