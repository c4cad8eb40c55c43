import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { systemTransaction, unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { endPlace, OFFER_LAPSE_JOB, type Promotion } from '../../platform/gatherings/places.js';
import { JOB_ACTOR, type JobKind } from '../../platform/jobs/job-queue.js';
import { queueMail } from '../../platform/mail/mail-queue.js';
import type { EditionRow } from './training.policy.js';

const rome = (date: Date) =>
  date.toLocaleString('it-IT', { timeZone: 'Europe/Rome', dateStyle: 'long', timeStyle: 'short' });

/**
 * A seat offered from the waiting list: the person is told (Home in Trama, and an e-mail when
 * there is an address) and the offer's lapse is queued for its deadline, in the same
 * transaction as the promotion (no notice or lapse for a rolled-back change).
 */
export async function announcePromotion({
  deps,
  tx,
  promotion,
}: {
  deps: Deps;
  tx: Tx;
  promotion: Promotion;
}) {
  await unsafeAsSystem(tx, async (sys) => {
    // A member reads the offer on Home (training's attention) and by e-mail when they have one.
    const [place] = await queryRows<{ email: string | null; title: string }>(
      sys,
      sql`select coalesce(p.external_email, u.email) as email, g.title
            from gathering_places p join gatherings g on g.id = p.gathering_id left join users u on u.id = p.user_id
           where p.id = ${promotion.placeId}`,
    );
    if (!place) return;
    if (place.email)
      await queueMail({
        deps,
        tx: sys,
        key: `training.offer:${promotion.placeId}:${promotion.offerExpiresAt.getTime()}`,
        mail: {
          to: place.email,
          subject: `Posto disponibile: ${place.title}`,
          text: [
            `Si è liberato un posto per «${place.title}».`,
            `Confermalo entro il ${rome(promotion.offerExpiresAt)} dalla pagina «La mia formazione» di Trama o dalla tua pagina personale.`,
            '',
            `A place has become free for “${place.title}”. Confirm it by ${promotion.offerExpiresAt.toUTCString()} from “My training” in Trama or from your personal page.`,
          ].join('\n'),
        },
      });
    await writeAudit({
      tx: sys,
      actor: JOB_ACTOR,
      event: { action: 'training.place_promoted', recordType: 'training_place', recordId: promotion.placeId },
    });
  });
  await deps.jobs.enqueue(
    tx,
    OFFER_LAPSE_JOB,
    { placeId: promotion.placeId },
    { startAfter: promotion.offerExpiresAt },
  );
}

/** The welcome mail of an external participant, with their personal link (sealed in the queue). */
export async function externalWelcome({
  deps,
  tx,
  placeId,
  email,
  link,
  edition,
}: {
  deps: Deps;
  tx: Tx;
  placeId: string;
  email: string;
  link: string;
  edition: EditionRow;
}) {
  await queueMail({
    deps,
    tx,
    key: `training.welcome:${placeId}`,
    mail: {
      to: email,
      subject: `Iscrizione: ${edition.course_title}`,
      text: [
        `Sei iscritta o iscritto a «${edition.course_title}».`,
        `La tua pagina personale, per il calendario, la registrazione delle presenze e i questionari: ${link}`,
        'Il link è personale: non inoltrarlo.',
        '',
        `You are enrolled in “${edition.course_title}”. Your personal page, for the calendar, check-in and questionnaires: ${link}`,
        'The link is personal: do not forward it.',
      ].join('\n'),
    },
  });
}

/**
 * An offer not confirmed by its deadline lapses and the seat goes to the next person waiting.
 * Safe to run twice: a place no longer offered, or offered again later, is left alone.
 */
export const offerLapseJob: JobKind<{ placeId: string }> = {
  name: OFFER_LAPSE_JOB,
  label: {
    it: 'Scadenza di un posto offerto dalla lista d’attesa',
    en: 'Lapse of a place offered from the waiting list',
  },
  retryLimit: 5,
  retryDelaySeconds: 60,
  expireInSeconds: 300,
  async handle({ placeId }, { deps }) {
    await systemTransaction(deps.db, async (tx) => {
      const [due] = await queryRows<{ edition_id: string }>(
        tx,
        sql`select e.id as edition_id from gathering_places p join training_editions e on e.gathering_id = p.gathering_id
             where p.id = ${placeId} and p.status = 'offered' and p.offer_expires_at <= now()`,
      );
      if (!due) return;
      const promotion = await endPlace({
        tx,
        placeId,
        status: 'lapsed',
        decidedBy: null,
        onlyFrom: ['offered'],
      });
      await writeAudit({
        tx,
        actor: JOB_ACTOR,
        event: { action: 'training.offer_lapsed', recordType: 'training_place', recordId: placeId },
      });
      if (promotion) await announcePromotion({ deps, tx, promotion });
    });
  },
};
