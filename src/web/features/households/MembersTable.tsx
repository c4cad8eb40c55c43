import { useTranslation } from 'react-i18next';
import type { THousehold } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDay } from '../../ui/format.js';
import { useReferenceOptions } from './reference-options.js';

/**
 * The household's members; each row opens that member's consents, safety details and exclusions,
 * and, for the service that owns the household, the correction of their details (`onEdit`).
 */
export function MembersTable({
  household,
  selectedId,
  onSelect,
  onEdit,
}: {
  household: THousehold;
  selectedId: string | null;
  onSelect: (personId: string) => void;
  onEdit?: ((personId: string) => void) | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { countryName, languageName } = useReferenceOptions();
  return (
    <DataTable caption={t('households.members.caption', { count: household.members.length })}>
      <thead>
        <tr>
          <th scope="col">{t('households.members.name')}</th>
          <th scope="col">{t('households.person.relationship')}</th>
          <th scope="col">{t('households.person.caseRole')}</th>
          <th scope="col">{t('households.members.birth')}</th>
          <th scope="col">{t('households.person.gender')}</th>
          <th scope="col">{t('households.person.citizenship')}</th>
          <th scope="col">{t('households.person.languages')}</th>
          <th scope="col">{t('households.person.identifier')}</th>
          <th scope="col">{t('common.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {household.members.map((person) => {
          const name = `${person.givenName} ${person.familyName}`;
          const current = person.id === selectedId;
          return (
            <tr key={person.id} className={current ? 'table-active' : undefined}>
              <th scope="row">
                {name}
                {person.atRisk && (
                  <span className="badge bg-dark ms-1">{t('households.members.atRisk')}</span>
                )}
                {person.mergedIntoId && (
                  <span className="badge bg-secondary ms-1">{t('personMerges.badge')}</span>
                )}
                {person.processingRestricted && (
                  <span
                    className="badge bg-warning text-dark ms-1"
                    title={t('households.members.restrictedHint')}
                  >
                    {t('households.members.restricted')}
                  </span>
                )}
                {/* The space keeps the name and the mark two words for a screen reader. */}
                {!person.livesInHousehold && ' '}
                {!person.livesInHousehold && (
                  <span className="badge bg-secondary">{t('householdFamily.person.elsewhereBadge')}</span>
                )}
              </th>
              <td>{t(`enums.relationship.${person.relationship}`)}</td>
              <td>{t(`enums.caseRole.${person.caseRole}`)}</td>
              <td>
                {person.birthDate ? formatDay(person.birthDate, locale) : (person.birthYear ?? '—')}
                {person.minor && (
                  <span className="badge bg-secondary ms-1">{t('households.members.minor')}</span>
                )}
              </td>
              <td>{t(`enums.gender.${person.gender}`)}</td>
              <td>{countryName(person.citizenship)}</td>
              <td>
                {person.languages.length === 0
                  ? '—'
                  : person.languages
                      .map((code) =>
                        code === person.preferredLanguage
                          ? t('households.members.preferred', { language: languageName(code) })
                          : languageName(code),
                      )
                      .join(', ')}
                {person.interpreterNeeded && (
                  <span className="d-block small">{t('households.members.interpreter')}</span>
                )}
              </td>
              <td>
                {person.identifierType === 'none' ? (
                  '—'
                ) : (
                  <>
                    {t(`enums.identifierType.${person.identifierType}`)}:{' '}
                    <span className="font-monospace">{person.identifier ?? '—'}</span>
                  </>
                )}
              </td>
              <td>
                <button
                  type="button"
                  className={`btn btn-xs ${current ? 'btn-primary' : 'btn-outline-primary'}`}
                  aria-pressed={current}
                  aria-label={t('households.members.openNamed', { name })}
                  onClick={() => onSelect(person.id)}
                >
                  {t('households.members.open')}
                </button>
                {/* A merged duplicate is read-only (its kept record is the one corrected); so is a restricted one. */}
                {onEdit && !person.mergedIntoId && !person.processingRestricted && (
                  <button
                    type="button"
                    id={`edit-person-${person.id}`}
                    className="btn btn-xs btn-outline-primary ms-1"
                    aria-label={t('households.members.editNamed', { name })}
                    onClick={() => onEdit(person.id)}
                  >
                    {t('households.members.edit')}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
