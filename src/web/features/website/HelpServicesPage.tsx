import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { THelpService } from '../../../contracts/website.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { HelpServiceForm } from './HelpServiceForm.js';
import { useHelpServicePublish, useHelpServiceSave, useHelpServices } from './website-api.js';
import { serviceToValues } from './website-forms.js';

/**
 * The services of "where to get help": who to call, when, in which languages, in which comune
 * (never an address). A new or changed service is public only once another editor publishes it.
 */
export function HelpServicesPage() {
  const { t } = useTranslation();
  const services = useHelpServices();
  const [editing, setEditing] = useState<THelpService | 'new' | null>(null);
  return (
    <>
      <p>
        <Link to="/website">{t('website.page.back')}</Link>
      </p>
      <PageHeading title={t('website.help.title')}>
        <p className="mb-1">{t('website.help.intro')}</p>
        <p className="mb-0 small">{t('website.help.fourEyes')}</p>
      </PageHeading>
      {editing === null && (
        <p>
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            {t('website.help.new')}
          </button>
        </p>
      )}
      {editing !== null && (
        <ServiceEditor
          key={editing === 'new' ? 'new' : editing.id}
          service={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      <AsyncContent query={services}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('website.help.empty')}</p>
          ) : (
            <ServicesTable items={items} onEdit={setEditing} />
          )
        }
      </AsyncContent>
    </>
  );
}

function ServiceEditor({ service, onDone }: { service: THelpService | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useHelpServiceSave(service?.id ?? null);
  return (
    <EditorCard
      id="help-service-editor"
      title={service ? t('website.help.editNamed', { name: service.name }) : t('website.help.new')}
    >
      {service?.published && <p className="small">{t('website.help.editUnpublishes')}</p>}
      <HelpServiceForm
        defaultValues={serviceToValues(service ?? undefined)}
        error={save.error}
        onSubmit={async (body) => {
          await save.mutateAsync(body);
          onDone();
        }}
        onCancel={onDone}
      />
    </EditorCard>
  );
}

function ServicesTable({ items, onEdit }: { items: THelpService[]; onEdit: (s: THelpService) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <DataTable caption={t('website.help.caption', { count: items.length })}>
      <thead>
        <tr>
          <th scope="col">{t('website.help.name')}</th>
          <th scope="col">{t('website.help.municipality')}</th>
          <th scope="col">{t('website.help.contact')}</th>
          <th scope="col">{t('website.help.languages')}</th>
          <th scope="col">{t('website.help.state')}</th>
          <th scope="col">{t('common.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((s) => (
          <tr key={s.id}>
            <th scope="row">
              {s.name}
              {s.description && <span className="d-block small fw-normal">{s.description}</span>}
            </th>
            <td>{s.municipalityName}</td>
            <td>
              <span className="d-block">{s.phone}</span>
              <span className="d-block small">{s.hours}</span>
            </td>
            <td>{s.languages.map((l) => t(`website.languages.${l}`)).join(', ')}</td>
            <td>
              <span className={`badge ${s.published ? 'bg-success' : 'bg-secondary'}`}>
                {t(s.published ? 'website.help.published' : 'website.help.unpublished')}
              </span>
              <span className="d-block small">
                {t('website.help.updatedAt', { at: formatDateTime(s.updatedAt, locale) })}
              </span>
            </td>
            <td>
              <ServiceActions service={s} onEdit={() => onEdit(s)} />
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/** Edit, and publish or take off: the server refuses publishing by the one who wrote it, and says why. */
function ServiceActions({ service, onEdit }: { service: THelpService; onEdit: () => void }) {
  const { t } = useTranslation();
  const publish = useHelpServicePublish(service.id);
  const named = { name: service.name };
  return (
    <>
      <div className="d-flex flex-wrap gap-2">
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          aria-label={t('common.editNamed', named)}
          onClick={onEdit}
        >
          {t('common.edit')}
        </button>
        <button
          type="button"
          className={`btn btn-sm ${service.published ? 'btn-outline-danger' : 'btn-primary'}`}
          aria-label={t(
            service.published ? 'website.help.unpublishNamed' : 'website.help.publishNamed',
            named,
          )}
          disabled={publish.isPending}
          onClick={() => publish.mutate(!service.published)}
        >
          {t(service.published ? 'website.help.unpublish' : 'website.help.publish')}
        </button>
      </div>
      {publish.error ? <ActionProblem error={publish.error} className="mt-2" /> : null}
    </>
  );
}
