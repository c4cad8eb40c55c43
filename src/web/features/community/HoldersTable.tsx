import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { THolder } from '../../../contracts/community.js';
import { useLocale } from '../../i18n/index.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatNumber } from '../../ui/format.js';
import { useCommunityReference, useCommunityWords } from './community-words.js';

/**
 * The registry as a table: the accessible view of what the map shows, and the one that carries the
 * details (languages, communities, opinion leaders). On a phone its rows are cards.
 */
export function HoldersTable({ holders, total }: { holders: THolder[]; total: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCommunityWords();
  const reference = useCommunityReference();
  return (
    <DataTable className="table-hover" caption={t('community.holders.caption', { count: total })}>
      <thead>
        <tr>
          <th scope="col">{t('community.holder.name')}</th>
          <th scope="col">{t('community.holder.municipality')}</th>
          <th scope="col">{t('community.holder.kind')}</th>
          <th scope="col">{t('community.holder.languages')}</th>
          <th scope="col">{t('community.holder.communities')}</th>
          <th scope="col">{t('community.holder.opinionLeaders')}</th>
        </tr>
      </thead>
      <tbody>
        {holders.map((holder) => (
          <tr key={holder.id}>
            <th scope="row">
              <Link to="/community/holders/$holderId" params={{ holderId: holder.id }}>
                {holder.name}
              </Link>
              {!holder.active && <span className="d-block small">{t('community.holder.inactive')}</span>}
            </th>
            <td>{holder.municipalityName}</td>
            <td>{words.holderKind(holder.kind)}</td>
            <td>{reference.languageList(holder.languages)}</td>
            <td>{reference.countryList(holder.communities)}</td>
            <td>{formatNumber(holder.opinionLeaders, locale)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
