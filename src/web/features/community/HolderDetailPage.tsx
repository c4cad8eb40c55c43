import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { THolderDetail } from '../../../contracts/community.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { useHolder, useHolderSave } from './community-api.js';
import { holderToValues } from './community-forms.js';
import { useCommunityReference, useCommunityWords } from './community-words.js';
import { HolderForm } from './HolderForm.js';
import { LinksSection } from './LinksSection.js';
import { NeedsSection } from './NeedsSection.js';
import { PeopleSection } from './PeopleSection.js';
import { ReferenceLoaded } from './ReferenceLoaded.js';
import { TimelineSection } from './TimelineSection.js';

/** One community holder: its data, reference people, relationships, needs and engagement timeline. */
export function HolderDetailPage({ holderId }: { holderId: string }) {
  const { t } = useTranslation();
  const holder = useHolder(holderId);
  return (
    <>
      <p>
        <Link to="/community">{t('community.detail.back')}</Link>
      </p>
      <AsyncContent query={holder} notFound={<PageHeading title={t('community.detail.notFound')} />}>
        {(data) => <ReferenceLoaded>{() => <HolderView holder={data} />}</ReferenceLoaded>}
      </AsyncContent>
    </>
  );
}

function HolderView({ holder }: { holder: THolderDetail }) {
  const { t } = useTranslation();
  const words = useCommunityWords();
  const reference = useCommunityReference();
  const [editing, setEditing] = useState(false);
  const save = useHolderSave(holder.id);
  const place = holder.district ? `${holder.municipalityName} (${holder.district})` : holder.municipalityName;

  return (
    <>
      <PageHeading title={holder.name}>
        <p className="mb-0">
          {t('community.detail.kindIn', { kind: words.holderKind(holder.kind), place })}
          {!holder.active && (
            <span className="badge bg-secondary ms-2">{t('community.holder.inactive')}</span>
          )}
        </p>
      </PageHeading>
      <section aria-labelledby="holder-data" className="mb-5">
        <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
          <h2 id="holder-data" className="h4 mb-0">
            {t('community.detail.data')}
          </h2>
          {holder.canEdit && !editing && (
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditing(true)}>
              {t('community.detail.edit')}
            </button>
          )}
        </div>
        {editing ? (
          <EditorCard id="holder-edit" title={t('community.detail.edit')}>
            <HolderForm
              defaultValues={holderToValues(holder)}
              existing
              submitLabel={t('common.save')}
              error={save.error}
              onSubmit={async (body) => {
                await save.mutateAsync(body);
                setEditing(false);
              }}
              onCancel={() => setEditing(false)}
            />
          </EditorCard>
        ) : (
          <Facts>
            <Fact label={t('community.holder.address')}>{holder.address}</Fact>
            <Fact label={t('community.holder.phone')}>
              {holder.phone && <a href={`tel:${holder.phone.replace(/[^\d+]/g, '')}`}>{holder.phone}</a>}
            </Fact>
            <Fact label={t('community.holder.email')}>
              {holder.email && <a href={`mailto:${holder.email}`}>{holder.email}</a>}
            </Fact>
            <Fact label={t('community.holder.website')}>
              {holder.website && /^https?:\/\//i.test(holder.website) ? (
                <a href={holder.website} rel="noopener noreferrer" target="_blank">
                  {holder.website}
                  <span className="visually-hidden"> {t('community.detail.newWindow')}</span>
                </a>
              ) : null}
            </Fact>
            <Fact label={t('community.holder.languages')}>{reference.languageList(holder.languages)}</Fact>
            <Fact label={t('community.holder.communities')}>{reference.countryList(holder.communities)}</Fact>
            <Fact label={t('community.holder.size')}>{holder.size && words.word('size', holder.size)}</Fact>
            <Fact label={t('community.holder.legalForm')}>
              {holder.legalForm && words.word('legalForm', holder.legalForm)}
            </Fact>
            <Fact label={t('community.holder.keeperOrganisationId')}>{holder.keeperOrganisationName}</Fact>
            <Fact label={t('community.holder.needTopics')}>
              {words.listOf('needTopic', holder.needTopics)}
            </Fact>
            <Fact label={t('community.holder.notes')}>
              {holder.notes && <span style={{ whiteSpace: 'pre-wrap' }}>{holder.notes}</span>}
            </Fact>
          </Facts>
        )}
      </section>
      <PeopleSection holder={holder} />
      <LinksSection holder={holder} />
      <NeedsSection holder={holder} />
      <TimelineSection holder={holder} />
    </>
  );
}
