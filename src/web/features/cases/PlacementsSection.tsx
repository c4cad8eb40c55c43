import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCase } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { useNotice } from '../households/notice.js';
import { useCourtOrders } from './court-api.js';
import { PlacementCard } from './PlacementCard.js';
import { PlacementCreateForm } from './PlacementForms.js';
import { orderInWords } from './placement-forms.js';
import { usePlacements } from './placements-api.js';

/**
 * A case's placements (alternative care): each with its provider, dates, the order that decided it,
 * the address (or "protected", revealed after a step-up) and the visits. The clinical team records
 * them; a supervising coordinator and a break-the-glass grant read them.
 */
export function PlacementsSection({ data }: { data: TCase }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const placements = usePlacements(data.id);
  const courtOrders = useCourtOrders(data.id);
  const [adding, setAdding] = useState(false);
  const [notice, say] = useNotice();
  const canEdit = data.can.edit && data.status !== 'closed';
  const orders = (courtOrders.data ?? []).map((o) => ({ id: o.id, label: orderInWords(o, { t, locale }) }));
  const people = (data.members ?? []).map((m) => ({ value: m.id, label: `${m.givenName} ${m.familyName}` }));

  return (
    <section aria-labelledby="placements-heading">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h2 id="placements-heading" className="h4 mb-0">
          {t('cases.tabs.placements')}
        </h2>
        {canEdit && !adding && people.length > 0 && (
          <button
            type="button"
            className="btn btn-primary btn-sm"
            onClick={() => {
              say('');
              setAdding(true);
            }}
          >
            {t('family.placements.record')}
          </button>
        )}
      </div>
      <p>{t('family.placements.intro')}</p>
      {notice}
      {adding && (
        <EditorCard id="placement-form" title={t('family.placements.formTitle')}>
          <PlacementCreateForm
            caseId={data.id}
            people={people}
            orders={orders}
            onDone={(saved) => {
              setAdding(false);
              if (saved) say(t('family.placements.created'));
            }}
          />
        </EditorCard>
      )}
      <AsyncContent query={placements}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('family.placements.empty')}</p>
          ) : (
            list.map((placement) => (
              <PlacementCard
                key={placement.id}
                caseId={data.id}
                placement={placement}
                orders={orders}
                canEdit={canEdit}
                canReveal={data.access === 'clinical'}
              />
            ))
          )
        }
      </AsyncContent>
    </section>
  );
}
