import { sql } from 'drizzle-orm';
import { SURVEY_MIN_ANSWERS } from '../../../contracts/website-conferences.js';
import type { Keyring } from '../../platform/crypto/field-crypto.js';
import { systemPseudonymiser } from '../../platform/crypto/pseudonyms.js';
import { type Queryable, queryRows, type Tx } from '../../platform/db/client.js';
import type { Indicator, IndicatorPeriod } from '../../platform/indicators/indicator.js';
import { feedbackIds, feedbackSummary } from '../community/community-feedback.js';
import { planCounts } from './website-plan.service.js';

/**
 * What the website gives the impact module: the communication plan's actions done in a period and
 * the people they reached, counted as the plan's summary counts them (item 6); the conferences'
 * satisfaction survey — answers and the two averages (item 5). The records behind a number are
 * keyed pseudonyms (scope `website-indicators`): `P-…` an action, `Q-…` an answer, never their ids.
 */
const SCOPE = 'website-indicators';

async function doneActionCodes(on: Queryable, period: IndicatorPeriod, keyring: Keyring, withReach: boolean) {
  const rows = await queryRows<{ id: string }>(
    on,
    sql`select id from site_comm_actions where done_on between ${period.from}::date and ${period.to}::date
          ${withReach ? sql`and reach is not null` : sql``} order by id`,
  );
  const code = await systemPseudonymiser({ tx: on as Tx, keyring, scope: SCOPE, prefix: 'P' });
  return rows.map((r) => code(r.id)).sort();
}

const actionsDone: Indicator = {
  key: 'website.communication_actions_done',
  label: { it: 'Azioni di comunicazione svolte', en: 'Communication actions done' },
  unit: 'records',
  async compute({ on, period, keyring }) {
    const [all] = await planCounts(on, period, null);
    return { value: all?.done ?? 0, recordIds: await doneActionCodes(on, period, keyring, false) };
  },
};

const peopleReached: Indicator = {
  key: 'website.communication_reach',
  label: {
    it: 'Persone raggiunte dalle azioni di comunicazione (dove contate)',
    en: 'People reached by communication actions (where counted)',
  },
  unit: 'people',
  async compute({ on, period, keyring }) {
    const [all] = await planCounts(on, period, null);
    return { value: all?.reach ?? 0, recordIds: await doneActionCodes(on, period, keyring, true) };
  },
};

/** The events conference pages are (archived ones too: their answers were given): the conferences' survey. */
async function conferenceEventIds(on: Queryable) {
  const rows = await queryRows<{ event_id: string }>(
    on,
    sql`select distinct event_id from site_conferences where event_id is not null order by event_id`,
  );
  return rows.map((r) => r.event_id);
}

/** The survey's answers in the period (the month each was given), as keyed pseudonyms `Q-…`. */
async function surveyOf(on: Queryable, period: IndicatorPeriod, keyring: Keyring) {
  const eventIds = await conferenceEventIds(on);
  const summary = await feedbackSummary(on, { eventIds, period, k: SURVEY_MIN_ANSWERS });
  const code = await systemPseudonymiser({ tx: on as Tx, keyring, scope: SCOPE, prefix: 'Q' });
  const recordIds = (await feedbackIds(on, { eventIds, period })).map((id) => code(id)).sort();
  return { summary, recordIds };
}

const surveyAnswers: Indicator = {
  key: 'website.conference_survey_answers',
  label: {
    it: 'Risposte al questionario di gradimento dei convegni',
    en: 'Answers to the conferences’ satisfaction survey',
  },
  unit: 'records',
  async compute({ on, period, keyring }) {
    const { summary, recordIds } = await surveyOf(on, period, keyring);
    return { value: summary.answers, recordIds };
  },
};

const surveyScore = (question: 'useful' | 'understood', label: Indicator['label']): Indicator => ({
  key: `website.conference_${question === 'useful' ? 'usefulness' : 'clarity'}`,
  label,
  unit: 'score',
  async compute({ on, period, keyring }) {
    const { summary, recordIds } = await surveyOf(on, period, keyring);
    // Hidden under five answers by the community module, as in the editor's view.
    return { value: summary[question], recordIds };
  },
});

export const WEBSITE_INDICATORS: readonly Indicator[] = [
  actionsDone,
  peopleReached,
  surveyAnswers,
  surveyScore('useful', {
    it: 'Utilità dei convegni per chi ha risposto (media da 1 a 5)',
    en: 'Usefulness of the conferences to those who answered (average, 1 to 5)',
  }),
  surveyScore('understood', {
    it: 'Chiarezza dei convegni per chi ha risposto (media da 1 a 5)',
    en: 'Clarity of the conferences to those who answered (average, 1 to 5)',
  }),
];
