import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RELATION_KINDS, type TFamilyNetwork, ZLegalRoleEndSchema } from '../../../contracts/tutela.js';
import { isApiError } from '../../api/problem.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ConfirmPanel } from '../../ui/ConfirmPanel.js';
import { DataTable } from '../../ui/DataTable.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { formatDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { EndDateForm } from './EndDateForm.js';
import { LegalRoleForm, type OrderOption, RelationForm } from './FamilyForms.js';
import { useFamilyNetwork, useFamilyNetworkMutations } from './family-api.js';
import { Genogram } from './Genogram.js';
import { useNotice } from './notice.js';

export type { OrderOption } from './FamilyForms.js';

type Relation = TFamilyNetwork['relations'][number];
type LegalRole = TFamilyNetwork['legalRoles'][number];

/** Someone who may not read the household's network gets a 404 (or 403): nothing of it is shown. */
const unavailable = (error: unknown) => isApiError(error) && (error.isNotFound || error.status === 403);

/**
 * A household's family network, on the household's page and on a case's: the genogram with the
 * same facts as text beside it (its people and a sentence per relation), then the legal roles.
 * `canEdit` offers the forms; the server still decides (the household's service and the clinical
 * team of its cases write, a supervisor reads). `orders`: the court orders a legal role may rest
 * on, when the page knows them. `explainUnavailable`: say so when the network may not be read,
 * rather than show nothing (a tab of its own would otherwise be blank).
 */
export function FamilyNetworkSection({
  householdId,
  canEdit,
  orders,
  explainUnavailable = false,
}: {
  householdId: string | null;
  canEdit: boolean;
  orders?: OrderOption[] | undefined;
  explainUnavailable?: boolean;
}) {
  const { t } = useTranslation();
  const network = useFamilyNetwork(householdId ?? '', householdId !== null);
  const hidden = householdId === null || (network.isError && unavailable(network.error));
  if (hidden && !explainUnavailable) return null;
  return (
    <section aria-labelledby="network-heading" className="mb-5">
      <h2 id="network-heading" className="h4 mb-3">
        {t('householdFamily.title')}
      </h2>
      {hidden ? (
        <p>{t('householdFamily.unavailable')}</p>
      ) : (
        <AsyncContent query={network}>
          {(data) => <NetworkView network={data} canEdit={canEdit} orders={orders} />}
        </AsyncContent>
      )}
    </section>
  );
}

function NetworkView({
  network,
  canEdit,
  orders,
}: {
  network: TFamilyNetwork;
  canEdit: boolean;
  orders: OrderOption[] | undefined;
}) {
  const { t } = useTranslation();
  const names = new Map(network.people.map((p) => [p.id, `${p.givenName} ${p.familyName}`]));
  // A relation to someone the viewer does not see is neither drawn nor listed; the rest are listed
  // in the household's order of people, so one person's relations read together.
  const order = new Map(network.people.map((p, i) => [p.id, i]));
  const at = (id: string) => order.get(id) ?? 0;
  const relations = network.relations
    .filter((r) => names.has(r.fromPersonId) && names.has(r.toPersonId))
    .sort(
      (x, y) =>
        at(x.fromPersonId) - at(y.fromPersonId) ||
        at(x.toPersonId) - at(y.toPersonId) ||
        RELATION_KINDS.indexOf(x.kind) - RELATION_KINDS.indexOf(y.kind),
    );
  const shown = { ...network, relations };
  return (
    <>
      <p>{t('householdFamily.intro')}</p>
      <div className="row">
        <div className="col-lg-6">
          <Genogram network={shown} />
        </div>
        <div className="col-lg-6">
          <RelationsPart network={shown} names={names} canEdit={canEdit} />
        </div>
      </div>
      <PeopleTable network={network} />
      <LegalRolesPart network={network} names={names} canEdit={canEdit} orders={orders} />
    </>
  );
}

function PeopleTable({ network }: { network: TFamilyNetwork }) {
  const { t } = useTranslation();
  return (
    <DataTable caption={t('householdFamily.people.caption', { count: network.people.length })}>
      <thead>
        <tr>
          <th scope="col">{t('householdFamily.people.name')}</th>
          <th scope="col">{t('householdFamily.people.birthYear')}</th>
          <th scope="col">{t('householdFamily.people.gender')}</th>
          <th scope="col">{t('householdFamily.people.home')}</th>
        </tr>
      </thead>
      <tbody>
        {network.people.map((p) => (
          <tr key={p.id}>
            <th scope="row">{`${p.givenName} ${p.familyName}`}</th>
            <td>{p.birthYear ?? '—'}</td>
            <td>{t(`enums.gender.${p.gender}`, { defaultValue: '—' })}</td>
            <td>
              {p.livesInHousehold
                ? t('householdFamily.people.inHousehold')
                : t('householdFamily.people.elsewhere')}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function RelationsPart({
  network,
  names,
  canEdit,
}: {
  network: TFamilyNetwork;
  names: Map<string, string>;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const { removeRelation } = useFamilyNetworkMutations(network.householdId);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Relation | null>(null);
  const [notice, say] = useNotice();
  const sentence = (r: Relation) =>
    t(`householdFamily.relations.sentence.${r.kind}`, {
      from: names.get(r.fromPersonId),
      to: names.get(r.toPersonId),
    });
  const canAdd = canEdit && network.people.length > 1;

  return (
    <section aria-labelledby="relations-heading" className="mb-4">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h3 id="relations-heading" className="h5 mb-0">
          {t('householdFamily.relations.title')}
        </h3>
        {canAdd && !adding && (
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            onClick={() => {
              say('');
              setRemoving(null);
              setAdding(true);
            }}
          >
            {t('householdFamily.relations.add')}
          </button>
        )}
      </div>
      {canEdit && network.people.length < 2 && <p>{t('householdFamily.relations.needTwo')}</p>}
      {notice}
      {adding && (
        <EditorCard id="relation-form" title={t('householdFamily.relations.addTitle')}>
          <RelationForm
            network={network}
            onDone={(saved) => {
              setAdding(false);
              if (saved) say(t('householdFamily.relations.added'));
            }}
          />
        </EditorCard>
      )}
      {network.relations.length === 0 ? (
        <p>{t('householdFamily.relations.empty')}</p>
      ) : (
        <DataTable caption={t('householdFamily.relations.caption', { count: network.relations.length })}>
          <thead>
            <tr>
              <th scope="col">{t('householdFamily.relations.relation')}</th>
              {canEdit && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {network.relations.map((r) => (
              <tr key={r.id}>
                <th scope="row" className="fw-normal">
                  {sentence(r)}
                </th>
                {canEdit && (
                  <td>
                    <button
                      type="button"
                      className="btn btn-xs btn-outline-danger"
                      aria-label={t('householdFamily.relations.removeNamed', { sentence: sentence(r) })}
                      onClick={() => {
                        removeRelation.reset();
                        setAdding(false);
                        setRemoving(r);
                      }}
                    >
                      {t('householdFamily.relations.remove')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {removing && (
        <ConfirmPanel
          message={t('householdFamily.relations.removeConfirm', { sentence: sentence(removing) })}
          confirmLabel={t('householdFamily.relations.removeSubmit')}
          pending={removeRelation.isPending}
          onConfirm={() =>
            removeRelation.mutate(removing.id, {
              onSuccess: () => {
                setRemoving(null);
                say(t('householdFamily.relations.removed'));
              },
            })
          }
          onCancel={() => setRemoving(null)}
        />
      )}
      {removeRelation.error ? <ActionProblem error={removeRelation.error} /> : null}
    </section>
  );
}

function LegalRolesPart({
  network,
  names,
  canEdit,
  orders,
}: {
  network: TFamilyNetwork;
  names: Map<string, string>;
  canEdit: boolean;
  orders: OrderOption[] | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { endLegalRole } = useFamilyNetworkMutations(network.householdId);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<LegalRole | null>(null);
  const [notice, say] = useNotice();
  const orderNames = new Map((orders ?? []).map((o) => [o.id, o.label]));
  const holderOf = (r: LegalRole) =>
    r.holderPersonId
      ? (names.get(r.holderPersonId) ?? '—')
      : [r.holderName, r.holderOrganisation].filter(Boolean).join(', ') || '—';
  const orderOf = (r: LegalRole) =>
    r.orderId
      ? (orderNames.get(r.orderId) ?? t('householdFamily.roles.byOrder'))
      : t('householdFamily.roles.noOrder');
  const period = (r: LegalRole) =>
    r.endsOn
      ? t('householdFamily.roles.range', {
          from: formatDay(r.startsOn, locale),
          to: formatDay(r.endsOn, locale),
        })
      : t('householdFamily.roles.since', { from: formatDay(r.startsOn, locale) });
  const words = (r: LegalRole) => ({
    role: t(`enums.legalRole.${r.role}`),
    person: names.get(r.personId) ?? '—',
  });

  return (
    <section aria-labelledby="roles-heading" className="mt-4">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h3 id="roles-heading" className="h5 mb-0">
          {t('householdFamily.roles.title')}
        </h3>
        {canEdit && !adding && network.people.length > 0 && (
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            onClick={() => {
              say('');
              setEnding(null);
              setAdding(true);
            }}
          >
            {t('householdFamily.roles.add')}
          </button>
        )}
      </div>
      <p className="small">{t('householdFamily.roles.intro')}</p>
      {notice}
      {adding && (
        <EditorCard id="role-form" title={t('householdFamily.roles.addTitle')}>
          <LegalRoleForm
            network={network}
            orders={orders}
            onDone={(saved) => {
              setAdding(false);
              if (saved) say(t('householdFamily.roles.added'));
            }}
          />
        </EditorCard>
      )}
      {network.legalRoles.length === 0 ? (
        <p>{t('householdFamily.roles.empty')}</p>
      ) : (
        <DataTable caption={t('householdFamily.roles.caption', { count: network.legalRoles.length })}>
          <thead>
            <tr>
              <th scope="col">{t('householdFamily.roles.person')}</th>
              <th scope="col">{t('householdFamily.roles.role')}</th>
              <th scope="col">{t('householdFamily.roles.holder')}</th>
              <th scope="col">{t('householdFamily.roles.order')}</th>
              <th scope="col">{t('householdFamily.roles.period')}</th>
              {canEdit && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {network.legalRoles.map((r) => (
              <tr key={r.id}>
                <th scope="row">{names.get(r.personId) ?? '—'}</th>
                <td>{t(`enums.legalRole.${r.role}`)}</td>
                <td>{holderOf(r)}</td>
                <td>{orderOf(r)}</td>
                <td>{period(r)}</td>
                {canEdit && (
                  <td>
                    {!r.endsOn && (
                      <button
                        type="button"
                        className="btn btn-xs btn-outline-primary"
                        aria-label={t('householdFamily.roles.endNamed', words(r))}
                        onClick={() => {
                          setAdding(false);
                          setEnding(r);
                        }}
                      >
                        {t('householdFamily.roles.end')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {ending && (
        <EndDateForm
          key={ending.id}
          id="role-end"
          title={t('householdFamily.roles.endTitle', words(ending))}
          label={t('householdFamily.roles.endsOn')}
          submitLabel={t('householdFamily.roles.endSubmit')}
          schema={ZLegalRoleEndSchema}
          onSubmit={async (endsOn) => {
            await endLegalRole.mutateAsync({ roleId: ending.id, endsOn });
            setEnding(null);
            say(t('householdFamily.roles.ended'));
          }}
          onCancel={() => setEnding(null)}
        />
      )}
    </section>
  );
}
