import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCheckinCode } from '../../src/contracts/gatherings.js';
import type { TCourse, TEdition, TEnrolmentResult } from '../../src/contracts/training.js';
import { callApi, h1 } from './case-helpers.js';
import { expectAccessible, newPage, PHONE, signIn, startApp, stopApp } from './support.js';

/*
 * A session in the room, on phones: the trainer shows the rotating QR and marks one participant by
 * hand; an external participant, who has opened their personal link on their phone, scans the code
 * and is checked in; anyone can ask whether a certificate code is genuine. The edition is made
 * through the API here, so the journey depends on no demo text.
 */

beforeAll(async () => {
  await startApp();
});

afterAll(async () => {
  await stopApp();
});

const at = (offsetHours: number) => new Date(Date.now() + offsetHours * 3_600_000).toISOString();

/**
 * A course of the demo trainer's service with one edition whose only session began five minutes
 * ago (a scan now is on time: late is after 15 minutes).
 */
async function editionInProgress(trainer: Page) {
  const course = await callApi<TCourse>(trainer, 'POST', '/api/training/courses', {
    title: 'Accoglienza e mediazione in aula',
    strand: 'intercultural_communication',
    objectives: 'Lavorare con la mediazione culturale.',
    hours: 2,
    trainers: 'Franco Formatore',
  });
  const edition = await callApi<TEdition>(trainer, 'POST', `/api/training/courses/${course.id}/editions`, {
    capacity: 10,
    registrationOpensAt: at(-2),
    registrationClosesAt: at(2),
    sessions: [{ startsAt: at(-5 / 60), endsAt: at(2), place: 'Sala consiliare, Treviglio' }],
  });
  const enrol = (name: string) =>
    callApi<TEnrolmentResult>(trainer, 'POST', `/api/training/editions/${edition.id}/externals`, {
      name,
      organisation: 'Ordine degli avvocati di Bergamo',
      profession: 'lawyer',
      email: `${Math.random().toString(36).slice(2)}@example.org`,
    });
  const scanning = await enrol('Avv. Laura Bianchi');
  await enrol('Avv. Marco Rossi');
  return {
    course,
    edition,
    sessionId: edition.sessions[0]!.id,
    token: scanning.personalLink!.split('/partecipa/')[1]!,
  };
}

const card = (page: Page, name: string) => page.getByRole('listitem').filter({ hasText: name });

describe('attendance on phones', () => {
  it('the trainer shows the QR and marks by hand, an external participant checks in by scanning it', async () => {
    const { page: trainer } = await signIn('formatore');
    await trainer.setViewportSize(PHONE);
    const { course, edition, sessionId, token } = await editionInProgress(trainer);

    await trainer.goto(`/training/sessions/${sessionId}?edition=${edition.id}`);
    await h1(trainer, course.title).waitFor();
    await trainer.getByRole('button', { name: 'Mostra il codice QR' }).click();
    await trainer
      .getByRole('img', { name: 'Codice QR per registrare la presenza a questa sessione' })
      .waitFor();
    await trainer.getByText('Presenti: 0 su 2 iscritti').waitFor();
    await expectAccessible(trainer, 'the trainer’s session page with the QR');

    // A tap marks Marco Rossi present, and the server has it.
    const marco = card(trainer, 'Avv. Marco Rossi');
    await marco.getByRole('button', { name: 'Presente' }).click();
    await marco.getByText('Presente (fonte: Formatore)').waitFor();
    expect(await marco.getByRole('button', { name: 'Presente' }).getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(async () => {
        const rows = await callApi<{ participantName: string; status: string | null }[]>(
          trainer,
          'GET',
          `/api/training/sessions/${sessionId}/attendance`,
        );
        return rows.find((r) => r.participantName === 'Avv. Marco Rossi')?.status;
      })
      .toBe('present');

    // Laura opens her personal link on her phone (it is kept there), then scans the code on show.
    const { page: laura } = await newPage();
    await laura.setViewportSize(PHONE);
    await laura.goto(`/partecipa/${token}`);
    await h1(laura, 'La tua partecipazione').waitFor();
    await laura.getByText('Buongiorno, Avv. Laura Bianchi.').waitFor();
    await laura.getByRole('button', { name: 'Dimentica questo dispositivo' }).waitFor();
    await expectAccessible(laura, 'the external participant’s page');

    const shown = await callApi<TCheckinCode>(
      trainer,
      'GET',
      `/api/training/sessions/${sessionId}/checkin-code`,
    );
    const scanned = new URL(shown.url);
    await laura.goto(`${scanned.pathname}${scanned.search}`);
    await h1(laura, 'Registra la presenza').waitFor();
    await laura.getByText('Presenza registrata: presente').waitFor();
    await expectAccessible(laura, 'the check-in page after a scan');

    // The trainer's list, asked again while the QR shows, has her check-in from the code.
    await card(trainer, 'Avv. Laura Bianchi').getByText('Presente (fonte: Codice QR)').waitFor();

    // A code no certificate has: said in words, on the public page.
    await laura.goto('/verifica/ABCD-EFGH-JKLM-NPQR-STUV');
    await h1(laura, 'Verifica di un attestato').waitFor();
    await laura.getByText('Nessun attestato con questo codice', { exact: false }).waitFor();
    await expectAccessible(laura, 'the public verification page');
  }, 120_000);
});
