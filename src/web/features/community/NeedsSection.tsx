import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { THolderDetail } from '../../../contracts/community.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { useHolderNeeds } from './community-api.js';
import { NeedForm } from './NeedForms.js';
import { NeedsList } from './NeedsList.js';

/** The information needs heard from this holder, newest first, and what was answered. */
export function NeedsSection({ holder }: { holder: THolderDetail }) {
  const { t } = useTranslation();
  const needs = useHolderNeeds(holder.id);
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="holder-needs" className="mb-5">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h2 id="holder-needs" className="h4 mb-0">
          {t('community.needs.holderTitle')}
        </h2>
        {holder.canEdit && !adding && (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setAdding(true)}>
            {t('community.needs.add')}
          </button>
        )}
      </div>
      {adding && (
        <EditorCard id="need-new" title={t('community.needs.add')}>
          <NeedForm holderId={holder.id} onDone={() => setAdding(false)} />
        </EditorCard>
      )}
      <AsyncContent query={needs}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('community.needs.noneHere')}</p>
          ) : (
            <NeedsList needs={items} headingLevel="h3" showHolder={false} canAnswer={holder.canEdit} />
          )
        }
      </AsyncContent>
    </section>
  );
}
