import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMUNITY_LIMITS } from '../../../contracts/community-codes.js';
import { type TFunder, ZFunderInputSchema } from '../../../contracts/fundraising.js';
import { FUNDER_KINDS, type TFunderKind } from '../../../contracts/governance-codes.js';
import { useLocale } from '../../i18n/index.js';
import { TextAreaField, TextField } from '../../ui/fields.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { serverFieldError } from '../../ui/forms/server-errors.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useFunderCreate, useFunderUpdate } from './fundraising-api.js';
import { SaveOrCancel } from './SaveOrCancel.js';
import { NO_SOURCE, SourceFields, sourceBody } from './SourceFields.js';

const shape = ZFunderInputSchema.shape;
const MAX = {
  contactName: maxLengthOf(shape.contactName),
  // An e-mail field is not a plain text schema: its limit is the contract's constant.
  contactEmail: COMMUNITY_LIMITS.email,
  notes: maxLengthOf(shape.notes),
};

/**
 * A funder or donor, new (`funder` absent) or corrected. Editing keeps its kind and, for a community
 * holder, the registry's holder and name; the rest (name, contact, notes, whether it is active) changes.
 */
export function FunderForm({ funder, onDone }: { funder?: TFunder; onDone?: () => void }) {
  const { t } = useTranslation();
  const create = useFunderCreate();
  const update = useFunderUpdate(funder?.id ?? '');
  const save = funder ? update : create;
  const [kind, setKind] = useState<TFunderKind>(funder?.kind ?? 'foundation');
  const [source, setSource] = useState({ ...NO_SOURCE, sourceName: funder?.name ?? '' });
  const [contactName, setContactName] = useState(funder?.contactName ?? '');
  const [contactEmail, setContactEmail] = useState(funder?.contactEmail ?? '');
  const [notes, setNotes] = useState(funder?.notes ?? '');
  const [active, setActive] = useState(funder?.active ?? true);
  const locale = useLocale();
  const errorOf = (field: string) => serverFieldError(save.error, locale, field);
  const isHolder = kind === 'community_holder';
  const p = funder ? `funder-${funder.id}` : 'funder';
  const fields = {
    name: { label: t('fundraising.field.name'), id: `${p}-name` },
    holderId: { label: t('fundraising.field.holder'), id: `${p}-holder` },
    contactName: { label: t('fundraising.field.contactName'), id: `${p}-contact` },
    contactEmail: { label: t('fundraising.field.contactEmail'), id: `${p}-email` },
    notes: { label: t('fundraising.field.notes'), id: `${p}-notes` },
  };
  const common = {
    contactName: contactName || null,
    contactEmail: contactEmail || null,
    notes: notes || null,
    active,
  };
  const submit = () => {
    if (funder) {
      update.mutate({ ...common, name: isHolder ? null : source.sourceName || null }, { onSuccess: onDone });
      return;
    }
    const picked = sourceBody(isHolder ? 'community_holder' : 'other', source);
    create.mutate(
      { kind, name: picked.sourceName, holderId: picked.holderId, ...common },
      {
        onSuccess: () => {
          setSource(NO_SOURCE);
          setContactName('');
          setContactEmail('');
          setNotes('');
        },
      },
    );
  };
  return (
    <form
      noValidate
      className="row g-2 align-items-end"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {funder ? (
        <p className="col-12 mb-1">
          {t('fundraising.field.kind')}: {t(`fundraising.funderKind.${kind}`)}
          {isHolder && <> · {t('fundraising.funders.holderNameKept', { name: funder.name })}</>}
        </p>
      ) : (
        <div className="col-12 col-md-3">
          <label htmlFor={`${p}-kind`} className="form-label">
            {t('fundraising.field.kind')}
          </label>
          <select
            id={`${p}-kind`}
            className="form-select"
            value={kind}
            onChange={(e) => setKind(e.target.value as TFunderKind)}
          >
            {FUNDER_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`fundraising.funderKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {!(funder && isHolder) && (
        <SourceFields
          idPrefix={p}
          kind={isHolder ? 'community_holder' : 'other'}
          value={source}
          onChange={setSource}
          nameLabel={t('fundraising.field.name')}
          className="col-12 col-md-3"
        />
      )}
      <TextField
        id={fields.contactName.id}
        label={fields.contactName.label}
        className="col-12 col-md-3"
        maxLength={MAX.contactName}
        error={errorOf('contactName')}
        value={contactName}
        onChange={(e) => setContactName(e.target.value)}
      />
      <TextField
        id={fields.contactEmail.id}
        label={fields.contactEmail.label}
        type="email"
        className="col-12 col-md-3"
        maxLength={MAX.contactEmail}
        error={errorOf('contactEmail')}
        value={contactEmail}
        onChange={(e) => setContactEmail(e.target.value)}
      />
      <TextAreaField
        id={fields.notes.id}
        label={fields.notes.label}
        className="col-12"
        rows={2}
        maxLength={MAX.notes}
        error={errorOf('notes')}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
      />
      <div className="col-12 form-check ms-2">
        <input
          id={`${p}-active`}
          type="checkbox"
          className="form-check-input"
          checked={active}
          onChange={(e) => setActive(e.target.checked)}
        />
        <label htmlFor={`${p}-active`} className="form-check-label">
          {t('fundraising.field.active')}
        </label>
      </div>
      <SaveOrCancel pending={save.isPending} onCancel={onDone} />
      {save.isError && <ProblemAlert error={save.error} fields={fields} className="col-12 mt-2" />}
      {create.isSuccess && !funder && (
        <p role="status" className="col-12">
          {t('fundraising.funders.saved')}
        </p>
      )}
    </form>
  );
}
