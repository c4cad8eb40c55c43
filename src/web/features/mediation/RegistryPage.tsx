import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TMediator } from '../../../contracts/mediation.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { useMediators } from './mediation-api.js';
import { RatesSection } from './RatesSection.js';
import { useMediationReference, WhenReferenceLoaded } from './reference-names.js';

/** The registry of mediators (the mediation coordinator): who speaks what, how, where; and the cooperatives' rates. */
export function RegistryPage() {
  const { t } = useTranslation();
  const mediators = useMediators();
  return (
    <>
      <PageHeading title={t('mediation.registry.title')}>
        <p className="mb-2">{t('mediation.registry.intro')}</p>
        <Link to="/mediation/registry/new" className="btn btn-primary btn-sm">
          {t('mediation.registry.new')}
        </Link>
      </PageHeading>
      <AsyncContent query={mediators}>
        {(items) => (
          <WhenReferenceLoaded>
            {() =>
              items.length === 0 ? (
                <p role="status">{t('mediation.registry.empty')}</p>
              ) : (
                <MediatorsTable mediators={items} />
              )
            }
          </WhenReferenceLoaded>
        )}
      </AsyncContent>
      <RatesSection />
    </>
  );
}

function MediatorsTable({ mediators }: { mediators: TMediator[] }) {
  const { t } = useTranslation();
  const { languageName, districtName } = useMediationReference();
  return (
    <DataTable className="table-hover" caption={t('mediation.registry.caption', { count: mediators.length })}>
      <thead>
        <tr>
          <th scope="col">{t('mediation.mediator.name')}</th>
          <th scope="col">{t('mediation.mediator.organisation')}</th>
          <th scope="col">{t('mediation.mediator.languages')}</th>
          <th scope="col">{t('mediation.mediator.modes')}</th>
          <th scope="col">{t('mediation.mediator.areas')}</th>
          <th scope="col">{t('mediation.mediator.active')}</th>
        </tr>
      </thead>
      <tbody>
        {mediators.map((m) => (
          <tr key={m.id}>
            <th scope="row">
              <Link to="/mediation/registry/$mediatorId" params={{ mediatorId: m.id }}>
                {m.displayName}
              </Link>
            </th>
            <td>{m.organisationName}</td>
            <td>
              {m.languages
                .map((l) =>
                  t('mediation.mediator.languageLevel', {
                    language: l.dialect
                      ? `${languageName(l.language)} (${l.dialect})`
                      : languageName(l.language),
                    level: t(`mediationWords.level.${l.level}`),
                  }),
                )
                .join('; ')}
            </td>
            <td>{m.modes.map((mode) => t(`mediationWords.mode.${mode}`)).join(', ')}</td>
            <td>
              {[
                ...m.districtIds.map((id) => districtName(id)),
                m.municipalities.length > 0
                  ? t('mediation.mediator.municipalityCount', { count: m.municipalities.length })
                  : null,
              ]
                .filter(Boolean)
                .join(', ') || '—'}
            </td>
            <td>{m.active ? t('mediation.yes') : t('mediation.no')}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
