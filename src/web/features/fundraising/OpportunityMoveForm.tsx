import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOpportunity } from '../../../contracts/fundraising.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useMove } from './fundraising-api.js';
import { euroToCents, MoneyField } from './MoneyField.js';

/** The move to a next stage, with what that stage needs (a pledge's amount, the money received and its day). */
export function MoveForm({ o }: { o: TOpportunity }) {
  const { t } = useTranslation();
  const move = useMove(o.id);
  const [to, setTo] = useState(o.next[0]!);
  const [pledged, setPledged] = useState('');
  const [received, setReceived] = useState('');
  const [receivedOn, setReceivedOn] = useState('');
  return (
    <section aria-labelledby="move-heading" className="mb-4">
      <h2 id="move-heading" className="h4">
        {t('fundraising.move.title')}
      </h2>
      <form
        noValidate
        className="row g-2 align-items-end"
        onSubmit={(e) => {
          e.preventDefault();
          move.mutate({
            from: o.stage,
            to,
            pledgedCents: to === 'pledged' ? euroToCents(pledged) : null,
            receivedCents: to === 'received' ? euroToCents(received) : null,
            receivedOn: to === 'received' && receivedOn ? receivedOn : null,
          });
        }}
      >
        <div className="col-12 col-md-4">
          <label htmlFor="move-to" className="form-label">
            {t('fundraising.move.to')}
          </label>
          <select
            id="move-to"
            className="form-select"
            value={to}
            onChange={(e) => setTo(e.target.value as typeof to)}
          >
            {o.next.map((s) => (
              <option key={s} value={s}>
                {t(`fundraising.stage.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {to === 'pledged' && (
          <MoneyField
            id="move-pledged"
            label={t('fundraising.field.pledgedEuro')}
            value={pledged}
            onChange={setPledged}
            required
          />
        )}
        {to === 'received' && (
          <>
            <MoneyField
              id="move-received"
              label={t('fundraising.field.receivedEuro')}
              value={received}
              onChange={setReceived}
              required
            />
            <div className="col-12 col-md-4">
              <label htmlFor="move-received-on" className="form-label">
                {t('fundraising.field.receivedOn')}
              </label>
              <input
                id="move-received-on"
                type="date"
                className="form-control"
                required
                value={receivedOn}
                onChange={(e) => setReceivedOn(e.target.value)}
              />
            </div>
          </>
        )}
        <div className="col-12">
          <button type="submit" className="btn btn-primary" disabled={move.isPending}>
            {t('fundraising.move.submit')}
          </button>
        </div>
      </form>
      {move.isError && (
        <ProblemAlert
          error={move.error}
          fields={{
            pledgedCents: { label: t('fundraising.field.pledgedEuro'), id: 'move-pledged' },
            receivedCents: { label: t('fundraising.field.receivedEuro'), id: 'move-received' },
            receivedOn: { label: t('fundraising.field.receivedOn'), id: 'move-received-on' },
          }}
          className="mt-2"
        />
      )}
    </section>
  );
}
