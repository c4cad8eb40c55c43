import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCase } from '../../../contracts/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { CourtOrderCard } from './CourtOrderCard.js';
import { CourtOrderCreateForm } from './CourtOrderForm.js';
import { CourtReportsSection } from './CourtReportsSection.js';
import { useCourtOrders } from './court-api.js';

/**
 * The court's part of a case: the orders with the deadlines they set, then the reports to the
 * court. The clinical team records and changes them; a supervising coordinator and a
 * break-the-glass grant read them (the referrer never sees this tab).
 */
export function CourtSection({ data }: { data: TCase }) {
  const { t } = useTranslation();
  const orders = useCourtOrders(data.id);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState(false);
  const canEdit = data.can.edit && data.status !== 'closed';

  return (
    <section aria-labelledby="court-heading">
      <h2 id="court-heading" className="h4">
        {t('cases.tabs.court')}
      </h2>
      <section aria-labelledby="court-orders-heading" className="mb-5">
        <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
          <h3 id="court-orders-heading" className="h5 mb-0">
            {t('court.orders.title')}
          </h3>
          {canEdit && !adding && (
            <button
              type="button"
              className="btn btn-primary btn-sm"
              onClick={() => {
                setCreated(false);
                setAdding(true);
              }}
            >
              {t('court.orders.record')}
            </button>
          )}
        </div>
        <div role="status">
          {created && <div className="alert alert-success">{t('court.orders.created')}</div>}
        </div>
        {adding && (
          <EditorCard id="order-form" title={t('court.orders.formTitle')}>
            <CourtOrderCreateForm
              caseId={data.id}
              onDone={(saved) => {
                setAdding(false);
                setCreated(saved);
              }}
            />
          </EditorCard>
        )}
        <AsyncContent query={orders}>
          {(list) =>
            list.length === 0 ? (
              <p>{t('court.orders.empty')}</p>
            ) : (
              list.map((order) => (
                <CourtOrderCard key={order.id} caseId={data.id} order={order} canEdit={canEdit} />
              ))
            )
          }
        </AsyncContent>
      </section>
      <AsyncContent query={orders}>
        {(list) => <CourtReportsSection data={data} orders={list} canEdit={canEdit} />}
      </AsyncContent>
    </section>
  );
}
