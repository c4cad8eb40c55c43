import { type Control, Controller, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  AUTHOR_ADDICTIONS,
  AUTHOR_RELATIONSHIPS,
  PROTECTION_ORDERS,
  YES_NO_UNKNOWN,
} from '../../../contracts/index.js';
import { RadioGroup, SelectField } from '../../ui/fields.js';
import { IncidentListField } from './IncidentListField.js';
import { IncidentSection } from './IncidentSection.js';
import type { IncidentFormOptions } from './incident-form-options.js';
import { EXCLUSIVE_ANSWERS, type IncidentFormValues } from './incident-form-values.js';

/** The author, as ISTAT's survey of centre users publishes: relationship, addictions, complaints, orders. */
export function IncidentAuthorSection({
  register,
  control,
  errorOf,
  lists,
}: {
  register: UseFormRegister<IncidentFormValues>;
  control: Control<IncidentFormValues>;
  errorOf: (field: string) => string | undefined;
  lists: IncidentFormOptions;
}) {
  const { t } = useTranslation();
  const { options } = lists;
  return (
    <IncidentSection id="author" title={t('incidents.form.sections.author')}>
      <div className="row">
        <SelectField
          id="incident-author-relationship"
          className="col-md-6"
          label={t('incidents.form.authorRelationship')}
          placeholder={t('common.choose')}
          options={options(AUTHOR_RELATIONSHIPS, 'enums.authorRelationship')}
          required
          error={errorOf('authorRelationship')}
          {...register('authorRelationship')}
        />
      </div>
      <IncidentListField
        control={control}
        name="authorAddictions"
        id="incident-author-addictions"
        legend={t('incidents.form.authorAddictions')}
        codes={AUTHOR_ADDICTIONS}
        labels="enums.authorAddiction"
        alone={EXCLUSIVE_ANSWERS.authorAddictions}
        error={errorOf('authorAddictions')}
      />
      <Controller
        control={control}
        name="authorPreviousComplaints"
        render={({ field }) => (
          <RadioGroup
            id="incident-author-previous-complaints"
            name="authorPreviousComplaints"
            legend={t('incidents.form.authorPreviousComplaints')}
            options={options(YES_NO_UNKNOWN, 'enums.yesNoUnknown')}
            value={field.value}
            onChange={field.onChange}
            error={errorOf('authorPreviousComplaints')}
          />
        )}
      />
      <IncidentListField
        control={control}
        name="protectionOrders"
        id="incident-protection-orders"
        legend={t('incidents.form.protectionOrders')}
        codes={PROTECTION_ORDERS}
        labels="enums.protectionOrder"
        alone={EXCLUSIVE_ANSWERS.protectionOrders}
        error={errorOf('protectionOrders')}
      />
    </IncidentSection>
  );
}
