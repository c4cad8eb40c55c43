import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { THousehold, TPerson } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { formatDateTime } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { NotFoundPage } from '../errors/NotFoundPage.js';
import { AddPersonForm } from './AddPersonForm.js';
import { AtRiskPanel } from './AtRiskPanel.js';
import { ConsentsSection } from './ConsentsSection.js';
import { ExclusionsSection } from './ExclusionsSection.js';
import { useHousehold } from './households-api.js';
import { MembersTable } from './MembersTable.js';
import { useReferenceOptions, WhenReferenceLoaded } from './reference-options.js';
import { SafetyPanel } from './SafetyPanel.js';

export function HouseholdDetailPage({ householdId }: { householdId: string }) {
  const household = useHousehold(householdId);
  return (
    <AsyncContent query={household} notFound={<NotFoundPage />}>
      {(data) => <HouseholdView household={data} />}
    </AsyncContent>
  );
}

/**
 * The household's own page: names are shown here (and only here and in the case), one member's
 * consents, safety details and exclusions at a time.
 */
function HouseholdView({ household }: { household: THousehold }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const can = useCan();
  const { municipalityName } = useReferenceOptions();
  // The reference person's panel is open on arrival.
  const [selectedId, setSelectedId] = useState(
    (household.members.find((m) => m.relationship === 'reference_person') ?? household.members[0])?.id ??
      null,
  );
  const [adding, setAdding] = useState(false);
  // The first member is shown on arrival; a member chosen later takes the focus to their heading.
  const [chosen, setChosen] = useState(false);
  const selected = household.members.find((m) => m.id === selectedId) ?? null;

  return (
    <>
      <p className="mb-2">
        <Link to="/households" activeOptions={{ exact: true }}>
          {t('households.detail.back')}
        </Link>
      </p>
      <PageHeading title={t('households.detail.title', { code: household.code })}>
        {can('referrals.send') && (
          <Link to="/referrals/new" search={{ householdId: household.id }} className="btn btn-primary btn-sm">
            {t('households.detail.refer')}
          </Link>
        )}
      </PageHeading>
      <Facts>
        <Fact label={t('households.fields.code')}>
          <span className="font-monospace">{household.code}</span>
        </Fact>
        <Fact label={t('households.fields.municipality')}>{municipalityName(household.municipality)}</Fact>
        <Fact label={t('households.fields.ownerService')}>{household.ownerServiceName}</Fact>
        <Fact label={t('households.fields.createdAt')}>{formatDateTime(household.createdAt, locale)}</Fact>
      </Facts>
      <section aria-labelledby="members-heading" className="mb-5">
        <div className="d-flex flex-wrap justify-content-between align-items-center mb-3">
          <h2 id="members-heading" className="h4 mb-0">
            {t('households.members.title')}
          </h2>
          {can('households.write') && !adding && (
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setAdding(true)}>
              {t('households.members.add')}
            </button>
          )}
        </div>
        <MembersTable
          household={household}
          selectedId={selectedId}
          onSelect={(id) => {
            setSelectedId(id);
            setChosen(true);
          }}
        />
        {adding && (
          <EditorCard id="add-person" title={t('households.members.addTitle')}>
            <WhenReferenceLoaded>
              {() => <AddPersonForm household={household} onDone={() => setAdding(false)} />}
            </WhenReferenceLoaded>
          </EditorCard>
        )}
      </section>
      {selected && <MemberPanel key={selected.id} household={household} person={selected} focus={chosen} />}
    </>
  );
}

function MemberPanel({
  household,
  person,
  focus,
}: {
  household: THousehold;
  person: TPerson;
  focus: boolean;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the panel opens
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, []);
  const name = `${person.givenName} ${person.familyName}`;
  return (
    <section aria-labelledby="member-heading" className="mb-5">
      <h2 id="member-heading" ref={ref} tabIndex={-1} className="h4 mb-3">
        {t('households.member.title', { name })}
      </h2>
      <ConsentsSection
        householdId={household.id}
        person={person}
        consents={household.consents.filter((c) => c.personId === person.id)}
      />
      <AtRiskPanel householdId={household.id} person={person} />
      <SafetyPanel householdId={household.id} person={person} />
      <ExclusionsSection person={person} />
    </section>
  );
}
