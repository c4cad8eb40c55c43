import { useTranslation } from 'react-i18next';
import type { TCase } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { FamilyNetworkSection } from '../households/FamilyNetworkSection.js';
import { useCourtOrders } from './court-api.js';
import { orderInWords } from './placement-forms.js';

/**
 * The family network of the case's household, on the case's page: the same section as on the
 * household's, with the case's court orders offered for a legal role. The household is the one its
 * members belong to; whoever may not read the network is told so (the tab is not left blank).
 */
export function CaseNetworkSection({ data }: { data: TCase }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const orders = useCourtOrders(data.id);
  const householdId = data.members?.[0]?.householdId ?? null;
  return (
    <FamilyNetworkSection
      householdId={householdId}
      canEdit={data.can.edit && data.status !== 'closed'}
      orders={orders.data?.map((o) => ({ id: o.id, label: orderInWords(o, { t, locale }) }))}
      explainUnavailable
    />
  );
}
