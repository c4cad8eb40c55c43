import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { THousehold, TPerson } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { useCan, useSession } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { formatDateTime } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { NotFoundPage } from '../errors/NotFoundPage.js';
import { AddPersonForm } from './AddPersonForm.js';
import { AtRiskPanel } from './AtRiskPanel.js';
import { ConsentsSection } from './ConsentsSection.js';
import { EditPersonForm } from './EditPersonForm.js';
import { ExclusionsSection } from './ExclusionsSection.js';
import { FamilyNetworkSection } from './FamilyNetworkSection.js';
import { useHousehold } from './households-api.js';
import { MembersTable } from './MembersTable.js';
import { PersonHistory } from './PersonHistory.js';
import { PersonMergesPanel } from './PersonMergesPanel.js';
import { ResidencePanel } from './ResidencePanel.js';
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
  const session = useSession();
  const { municipalityName } = useReferenceOptions();
  // Only the owning service adds, corrects or removes members; a service the household was referred
  // to reads it (the server refuses their changes anyway).
  const activeService = session.memberships.find((m) => m.id === session.activeMembershipId)?.serviceId;
  const canWrite = can('households.write') && activeService === household.ownerServiceId;
  // The reference person's panel is open on arrival.
  const [selectedId, setSelectedId] = useState(
    (household.members.find((m) => m.relationship === 'reference_person') ?? household.members[0])?.id ??
      null,
  );
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  // What a correction or a removal did, said where the focus goes once its form has closed.
  const [notice, setNotice] = useState('');
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  // The first member is shown on arrival; a member chosen later takes the focus to their heading.
  const [chosen, setChosen] = useState(false);
  const selected = household.members.find((m) => m.id === selectedId) ?? null;
  const editing = household.members.find((m) => m.id === editingId) ?? null;
  const nameOf = (person: TPerson) => `${person.givenName} ${person.familyName}`;

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
        {can('cases.write') && (
          <Link
            to="/cases/new"
            search={{ householdId: household.id }}
            className="btn btn-outline-primary btn-sm ms-2"
          >
            {t('court.open.fromHousehold')}
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
          {canWrite && !adding && (
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => {
                setEditingId(null);
                setAdding(true);
              }}
            >
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
          onEdit={
            canWrite
              ? (id) => {
                  setAdding(false);
                  setNotice('');
                  setEditingId(id);
                }
              : undefined
          }
        />
        <p
          ref={noticeRef}
          tabIndex={-1}
          role="status"
          className={notice ? 'mt-3 fw-semibold' : 'visually-hidden'}
        >
          {notice}
        </p>
        {editing && (
          <EditorCard
            key={editing.id}
            id="edit-person"
            title={t('households.edit.title', { name: nameOf(editing) })}
          >
            <WhenReferenceLoaded>
              {() => (
                <EditPersonForm
                  household={household}
                  person={editing}
                  onSaved={(saved) => {
                    setEditingId(null);
                    setNotice(t('households.edit.saved', { name: nameOf(saved) }));
                  }}
                  onRemoved={() => {
                    setEditingId(null);
                    setNotice(t('households.remove.done', { name: nameOf(editing) }));
                  }}
                  onCancel={() => {
                    setEditingId(null);
                    // Back to the button that opened the form, which is still in the table.
                    document.getElementById(`edit-person-${editing.id}`)?.focus();
                  }}
                />
              )}
            </WhenReferenceLoaded>
          </EditorCard>
        )}
        {adding && (
          <EditorCard id="add-person" title={t('households.members.addTitle')}>
            <WhenReferenceLoaded>
              {() => <AddPersonForm household={household} onDone={() => setAdding(false)} />}
            </WhenReferenceLoaded>
          </EditorCard>
        )}
      </section>
      {selected && <MemberPanel key={selected.id} household={household} person={selected} focus={chosen} />}
      {/* Relations and legal roles: read by the household's service and its cases' teams (else nothing shows). */}
      {can('cases.read') && <FamilyNetworkSection householdId={household.id} canEdit={can('cases.write')} />}
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
      <ResidencePanel person={person} />
      <ExclusionsSection person={person} />
      <PersonMergesPanel person={person} />
      <PersonHistory person={person} />
    </section>
  );
}
