import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { MediatorForm } from './MediatorForm.js';
import { AbsencesSection, ConflictsSection, FeedbackSection } from './MediatorSections.js';
import { useMediator, useMediatorAccounts, useMediatorSave, useMediators } from './mediation-api.js';
import { mediatorToValues, newMediatorValues } from './mediator-form.js';
import { WhenReferenceLoaded } from './reference-names.js';

/** A new mediator in the registry: a person who holds the mediator role and has no record yet. */
export function MediatorCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useMediatorSave();
  const accounts = useMediatorAccounts(true);
  const registry = useMediators();
  return (
    <>
      <PageHeading title={t('mediation.mediatorForm.createTitle')}>
        <p className="mb-2">{t('mediation.mediatorForm.createIntro')}</p>
        <Link to="/mediation/registry">{t('mediation.backToRegistry')}</Link>
      </PageHeading>
      <AsyncContent query={accounts}>
        {(people) => (
          <AsyncContent query={registry}>
            {(mediators) => {
              const taken = new Set(mediators.map((m) => m.userId));
              const options = people
                .filter((p) => !taken.has(p.id))
                .map((p) => ({
                  value: p.id,
                  label: p.organisationName ? `${p.displayName} — ${p.organisationName}` : p.displayName,
                }));
              return (
                <WhenReferenceLoaded organisations>
                  {() => (
                    <>
                      {options.length === 0 && (
                        <p className="alert alert-info my-3">{t('mediation.mediatorForm.noAccounts')}</p>
                      )}
                      <MediatorForm
                        defaultValues={newMediatorValues()}
                        accounts={options}
                        submitLabel={t('mediation.mediatorForm.create')}
                        error={save.error}
                        onSubmit={async (body) => {
                          const saved = await save.mutateAsync({ id: null, body });
                          await navigate({
                            to: '/mediation/registry/$mediatorId',
                            params: { mediatorId: saved.id },
                          });
                        }}
                        onCancel={() => navigate({ to: '/mediation/registry' })}
                      />
                    </>
                  )}
                </WhenReferenceLoaded>
              );
            }}
          </AsyncContent>
        )}
      </AsyncContent>
    </>
  );
}

/** One mediator: the record, absences, declared conflicts and what requesters and people said. */
export function MediatorPage({ mediatorId }: { mediatorId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mediator = useMediator(mediatorId);
  const save = useMediatorSave();
  const [saved, setSaved] = useState(false);
  return (
    <AsyncContent query={mediator}>
      {(data) => (
        <>
          <PageHeading title={data.displayName}>
            <p className="mb-2">
              {t('mediation.mediatorForm.editIntro', { organisation: data.organisationName })}
            </p>
            <Link to="/mediation/registry">{t('mediation.backToRegistry')}</Link>
          </PageHeading>
          <section aria-labelledby="mediator-record" className="mb-5">
            <h2 id="mediator-record" className="h4">
              {t('mediation.mediatorForm.record')}
            </h2>
            {saved && (
              <p className="alert alert-success" role="status">
                {t('mediation.mediatorForm.saved')}
              </p>
            )}
            <WhenReferenceLoaded organisations>
              {() => (
                <MediatorForm
                  // A new form after each save, so it starts from what the server kept.
                  key={JSON.stringify(mediatorToValues(data))}
                  defaultValues={mediatorToValues(data)}
                  accounts={null}
                  submitLabel={t('mediation.mediatorForm.save')}
                  error={save.error}
                  onSubmit={async (body) => {
                    setSaved(false);
                    await save.mutateAsync({ id: mediatorId, body });
                    setSaved(true);
                  }}
                  onCancel={() => navigate({ to: '/mediation/registry' })}
                />
              )}
            </WhenReferenceLoaded>
          </section>
          <AbsencesSection mediatorId={mediatorId} absences={data.absences} />
          <ConflictsSection mediatorId={mediatorId} />
          <FeedbackSection mediatorId={mediatorId} />
        </>
      )}
    </AsyncContent>
  );
}
