import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ZResourceSchema } from '../../../contracts/community.js';
import { useLocale } from '../../i18n/index.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDay } from '../../ui/format.js';
import { formatEuroCents, formatQuantity, useCommunityWords } from './community-words.js';

type Resource = z.output<typeof ZResourceSchema>;

/**
 * Lines of the complementary-resources ledger, each with the rule its value was reckoned by, and
 * the total in the table's foot. `showSource`: the ledger names who gave each line; a holder's own
 * page does not repeat it.
 */
export function ResourcesTable({
  resources,
  caption,
  totalCents,
  showSource,
}: {
  resources: Resource[];
  caption: string;
  totalCents: number;
  showSource: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCommunityWords();
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('community.resource.offeredOn')}</th>
          {showSource && <th scope="col">{t('community.resource.source')}</th>}
          <th scope="col">{t('community.resource.kind')}</th>
          <th scope="col">{t('community.resource.description')}</th>
          <th scope="col">{t('community.resource.quantity')}</th>
          <th scope="col">{t('community.resource.value')}</th>
          <th scope="col">{t('community.resource.valuationRule')}</th>
        </tr>
      </thead>
      <tbody>
        {resources.map((r) => (
          <tr key={r.id}>
            <td className="text-nowrap">{formatDay(r.offeredOn, locale)}</td>
            {showSource && (
              <td>
                {r.holderId ? (
                  <Link to="/community/holders/$holderId" params={{ holderId: r.holderId }}>
                    {r.sourceName}
                  </Link>
                ) : (
                  <>
                    {r.sourceName}
                    <span className="d-block small">{words.word('resourceSource', r.sourceKind)}</span>
                  </>
                )}
              </td>
            )}
            <td>{words.word('resourceKind', r.kind)}</td>
            <td>{r.description}</td>
            <td className="text-nowrap">
              {formatQuantity(r.quantity, locale)} {words.word('resourceUnit', r.unit)}
            </td>
            <td className="text-nowrap">{formatEuroCents(r.valueCents, locale)}</td>
            <td>{words.word('valuationRule', r.valuationRule)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={showSource ? 5 : 4}>
            {t('community.resources.total')}
          </th>
          <td className="text-nowrap fw-bold">{formatEuroCents(totalCents, locale)}</td>
        </tr>
      </tfoot>
    </DataTable>
  );
}
