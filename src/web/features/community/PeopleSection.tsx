import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { THolderDetail } from '../../../contracts/community.js';
import { ConfirmPanel } from '../../ui/ConfirmPanel.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { ConsentsList } from './ConsentsList.js';
import { usePersonRemove, usePersonSave } from './community-api.js';
import { personToValues } from './community-forms.js';
import { useCommunityReference, useCommunityWords } from './community-words.js';
import { PersonForm } from './PersonForm.js';

type Person = THolderDetail['people'][number];

/** The holder's reference people, opinion leaders marked with their topics and community. */
export function PeopleSection({ holder }: { holder: THolderDetail }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const create = usePersonSave(holder.id, null);
  return (
    <section aria-labelledby="holder-people" className="mb-5">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h2 id="holder-people" className="h4 mb-0">
          {t('community.people.title')}
        </h2>
        {holder.canEdit && !adding && (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setAdding(true)}>
            {t('community.people.add')}
          </button>
        )}
      </div>
      {adding && (
        <EditorCard id="person-new" title={t('community.people.add')}>
          <PersonForm
            idPrefix="person-new"
            defaultValues={personToValues()}
            submitLabel={t('community.people.create')}
            error={create.error}
            onSubmit={async (body) => {
              await create.mutateAsync(body);
              setAdding(false);
            }}
            onCancel={() => setAdding(false)}
          />
        </EditorCard>
      )}
      {holder.people.length === 0 ? (
        <p>{t('community.people.none')}</p>
      ) : (
        <ul className="list-unstyled row g-3">
          {holder.people.map((person) => (
            <li key={person.id} className="col-lg-6">
              <PersonCard holder={holder} person={person} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PersonCard({ holder, person }: { holder: THolderDetail; person: Person }) {
  const { t } = useTranslation();
  const words = useCommunityWords();
  const reference = useCommunityReference();
  const [mode, setMode] = useState<'view' | 'edit' | 'remove'>('view');
  const save = usePersonSave(holder.id, person.id);
  const remove = usePersonRemove(holder.id);
  const headingId = `person-${person.id}`;

  if (mode === 'edit')
    return (
      <EditorCard
        id={`person-edit-${person.id}`}
        title={t('community.people.editNamed', { name: person.fullName })}
      >
        <PersonForm
          idPrefix={`person-${person.id}`}
          defaultValues={personToValues(person)}
          submitLabel={t('common.save')}
          error={save.error}
          onSubmit={async (body) => {
            await save.mutateAsync(body);
            setMode('view');
          }}
          onCancel={() => setMode('view')}
        />
      </EditorCard>
    );

  return (
    <article className="card shadow-sm p-3 h-100" aria-labelledby={headingId}>
      <h3 id={headingId} className="h5 mb-1">
        {person.fullName}
      </h3>
      {person.roleTitle && <p className="mb-1">{person.roleTitle}</p>}
      {person.phone && (
        <p className="mb-1">
          {t('community.person.phone')}:{' '}
          <a href={`tel:${person.phone.replace(/[^\d+]/g, '')}`}>{person.phone}</a>
        </p>
      )}
      {person.email && (
        <p className="mb-1">
          {t('community.person.email')}: <a href={`mailto:${person.email}`}>{person.email}</a>
        </p>
      )}
      {person.opinionLeader && (
        <p className="mb-1">
          <strong>{t('community.person.opinionLeader')}</strong>
          {': '}
          {t('community.people.influence', {
            topics: words.listOf('needTopic', person.influenceTopics),
            community: person.influenceCommunity
              ? reference.countryName(person.influenceCommunity)
              : t('community.people.allCommunities'),
          })}
        </p>
      )}
      <ConsentsList holderId={holder.id} person={person} canEdit={holder.canEdit} />
      {holder.canEdit && mode === 'view' && (
        <div className="d-flex flex-wrap gap-2 mt-3">
          <button
            type="button"
            className="btn btn-outline-primary btn-xs"
            aria-label={t('common.editNamed', { name: person.fullName })}
            onClick={() => setMode('edit')}
          >
            {t('common.edit')}
          </button>
          <button
            type="button"
            className="btn btn-outline-danger btn-xs"
            aria-label={t('community.people.removeNamed', { name: person.fullName })}
            onClick={() => setMode('remove')}
          >
            {t('community.people.remove')}
          </button>
        </div>
      )}
      {mode === 'remove' && (
        <>
          <ProblemAlert error={remove.error} className="mt-3" />
          <ConfirmPanel
            className="mt-3"
            message={t('community.people.removeConfirm', { name: person.fullName })}
            confirmLabel={t('community.people.remove')}
            pending={remove.isPending}
            onConfirm={() => remove.mutate(person.id, { onSuccess: () => setMode('view') })}
            onCancel={() => setMode('view')}
          />
        </>
      )}
    </article>
  );
}
