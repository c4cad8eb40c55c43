import { type Control, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { HELP_SOURCES, PATHWAY_SERVICES, REFERRERS, SERVICES_PROVIDED } from '../../../contracts/index.js';
import { IncidentListField } from './IncidentListField.js';
import { IncidentSection } from './IncidentSection.js';
import { EXCLUSIVE_ANSWERS, type IncidentFormValues } from './incident-form-values.js';

/**
 * The survivor's pathway: whom she turned to before, who sent her here (and, if a service,
 * which), where she was referred and what the service gave her.
 */
export function IncidentPathwaySection({
  control,
  errorOf,
  referredByNeverAsked = false,
}: {
  control: Control<IncidentFormValues>;
  errorOf: (field: string) => string | undefined;
  /** A recorded incident from before "who sent her" was asked: a correction may leave it out. */
  referredByNeverAsked?: boolean;
}) {
  const { t } = useTranslation();
  const referredBy = useWatch({ control, name: 'referredBy' });
  return (
    <IncidentSection id="pathway" title={t('incidents.form.sections.pathway')}>
      <IncidentListField
        control={control}
        name="soughtHelpFrom"
        id="incident-sought-help-from"
        legend={t('incidents.form.soughtHelpFrom')}
        codes={HELP_SOURCES}
        labels="enums.helpSource"
        alone={EXCLUSIVE_ANSWERS.soughtHelpFrom}
        error={errorOf('soughtHelpFrom')}
      />
      <IncidentListField
        control={control}
        name="referredBy"
        id="incident-referred-by"
        legend={t('incidents.form.referredBy')}
        codes={REFERRERS}
        labels="enums.referrer"
        required={!referredByNeverAsked}
        hint={referredByNeverAsked ? t('incidents.form.notAskedWhenRecorded') : undefined}
        error={errorOf('referredBy')}
      />
      {referredBy.includes('service') && (
        <IncidentListField
          control={control}
          name="referredByServices"
          id="incident-referred-by-services"
          legend={t('incidents.form.referredByServices')}
          codes={PATHWAY_SERVICES}
          labels="enums.pathwayService"
          required
          error={errorOf('referredByServices')}
        />
      )}
      <IncidentListField
        control={control}
        name="referredTo"
        id="incident-referred-to"
        legend={t('incidents.form.referredTo')}
        codes={PATHWAY_SERVICES}
        labels="enums.pathwayService"
        error={errorOf('referredTo')}
      />
      <IncidentListField
        control={control}
        name="servicesProvided"
        id="incident-services-provided"
        legend={t('incidents.form.servicesProvided')}
        codes={SERVICES_PROVIDED}
        labels="enums.serviceProvided"
        error={errorOf('servicesProvided')}
      />
    </IncidentSection>
  );
}
