import { sql } from 'drizzle-orm';
import type { TCourse, TEdition } from '../src/contracts/training.js';
import { certificatePdf } from '../src/server/modules/training/training-certificate-pdf.js';
import { loadCertificates, toPrinted } from '../src/server/modules/training/training-certificates.service.js';
import { queryRows } from '../src/server/platform/db/client.js';
import { startTrama } from './support.js';

/**
 * Certificates for one large edition (issue 17): BENCH_CERTIFICATES confirmed participants (500 by
 * default) who attended every session, then, over HTTP as the edition's trainer, the bulk issue
 * (threshold check, names, one insert, audit) and the ZIP of every PDF, streamed and counted as it
 * arrives (never held by the client). Side by side: the same PDFs drawn one after another in
 * memory with no database, archive or HTTP (the baseline), so the ratio says what the archive and
 * the request add. Peak RSS and heap are sampled every 20 ms while each step runs, against the
 * process before it started. Printed, never asserted.
 */
const COUNT = Number(process.env.BENCH_CERTIFICATES ?? 500);
const SESSIONS = 4;

function sampler() {
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 20);
  const start = performance.now();
  return () => {
    clearInterval(timer);
    return { ms: performance.now() - start, before, peakRss, peakHeap };
  };
}

type Run = ReturnType<ReturnType<typeof sampler>>;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

async function main() {
  const trama = await startTrama();
  const { database } = trama;
  try {
    const { cookie, csrf } = await trama.signIn('formatore');
    const base = `http://127.0.0.1:${trama.port}`;
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrf,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
      return res;
    };
    const course = (await (
      await call('POST', '/api/training/courses', {
        title: 'Etnoclinica e violenza di genere',
        strand: 'ethnoclinical',
        objectives: 'Riconoscere la violenza assistita.',
        hours: 8,
        trainers: 'Franco Formatore',
        creditScheme: 'social_workers_council',
        credits: 8,
        accreditationRef: 'CROAS 2026/1',
      })
    ).json()) as TCourse;
    const hour = 3_600_000;
    const at = (h: number) => new Date(Date.now() + h * hour).toISOString();
    const sessions = Array.from({ length: SESSIONS }, (_, i) => ({
      startsAt: at(48 + i * 24),
      endsAt: at(50 + i * 24),
      place: 'Sala consiliare, Treviglio',
    }));
    const edition = (await (
      await call('POST', `/api/training/courses/${course.id}/editions`, {
        capacity: Math.max(COUNT, 1),
        registrationOpensAt: at(-1),
        registrationClosesAt: sessions.at(-1)!.endsAt,
        sessions,
      })
    ).json()) as TEdition;

    // The participants and their attendance, written directly: enrolment is not what is measured.
    const [trainer] = await queryRows<{ id: string }>(
      database.db,
      sql`select id from users where username = 'formatore'`,
    );
    const [gathering] = await queryRows<{ gathering_id: string }>(
      database.db,
      sql`select gathering_id from training_editions where id = ${edition.id}`,
    );
    const surnames = ['Rossi', 'Bianchi', 'Colombo', 'Ferrari', 'Esposito', 'Ricci', 'Marino', 'Greco'];
    const names = ['Giulia', 'Marco', 'Sara', 'Luca', 'Chiara', 'Amina', 'Karim', 'Elena'];
    for (let i = 0; i < COUNT; i += 250) {
      const batch = Array.from({ length: Math.min(250, COUNT - i) }, (_, j) => i + j).map(
        (n) =>
          sql`(${gathering!.gathering_id}::uuid, ${`${names[n % 8]} ${surnames[(n >> 3) % 8]} ${n}`}, 'Ordine professionale',
               ${`partecipante.${n}@example.org`}, 'lawyer', 'confirmed', ${trainer!.id}::uuid)`,
      );
      await database.db.execute(
        sql`insert into gathering_places (gathering_id, external_name, external_organisation, external_email, profession,
              status, requested_by) values ${sql.join(batch, sql`, `)}`,
      );
    }
    await database.db.execute(
      sql`update gatherings set seats_taken = ${COUNT} where id = ${gathering!.gathering_id}`,
    );
    await database.db.execute(
      sql`insert into gathering_attendance (session_id, place_id, status, source, recorded_by)
          select s.id, p.id, 'present', 'trainer', ${trainer!.id}
            from gathering_sessions s join gathering_places p on p.gathering_id = s.gathering_id
           where s.gathering_id = ${gathering!.gathering_id}`,
    );

    global.gc?.();
    const issueRun = sampler();
    const issued = (await (
      await call('POST', `/api/training/editions/${edition.id}/certificates`)
    ).json()) as {
      issued: number;
    };
    const issue = issueRun();

    global.gc?.();
    const zipRun = sampler();
    const res = await call('GET', `/api/training/editions/${edition.id}/certificates.zip?lang=it`);
    let zipBytes = 0;
    const reader = res.body!.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read())
      zipBytes += part.value.byteLength;
    const zip = zipRun();

    // Baseline: the same PDFs, drawn one after another in memory and dropped.
    const rows = await database.db.transaction((tx) =>
      loadCertificates({ tx: tx as never, where: { editionId: edition.id, liveOnly: true } }),
    );
    global.gc?.();
    const drawRun = sampler();
    let pdfBytes = 0;
    for (const row of rows)
      pdfBytes += (await certificatePdf({ certificate: toPrinted(row), lang: 'it', publicUrl: base })).length;
    const draw = drawRun();

    const line = (label: string, r: Run) =>
      console.log(
        `  ${label.padEnd(34)} ${(r.ms / 1000).toFixed(2).padStart(6)} s  ${(r.ms / COUNT).toFixed(1).padStart(6)} ms/cert   peak RSS ${mb(r.peakRss).padStart(4)} MB (before ${mb(r.before.rss)} MB, +${mb(r.peakRss - r.before.rss)})   peak heap ${mb(r.peakHeap)} MB (before ${mb(r.before.heapUsed)})`,
      );
    console.log(
      `Certificates benchmark on ${trama.label}: one edition, ${COUNT.toLocaleString('en')} confirmed participants, ${SESSIONS} sessions each`,
    );
    line(`bulk issue (HTTP; ${issued.issued} issued)`, issue);
    line(`ZIP download (HTTP, streamed)`, zip);
    line(`baseline: PDFs drawn in memory`, draw);
    console.log(
      `  ZIP: ${mb(zipBytes)} MB for ${rows.length} PDFs (${(pdfBytes / Math.max(rows.length, 1) / 1024).toFixed(0)} KB each)`,
    );
    console.log(`  ratio ZIP / baseline draw:  ${(zip.ms / draw.ms).toFixed(2)}`);
    console.log(`  ratio ZIP / bulk issue:     ${(zip.ms / issue.ms).toFixed(2)}`);
    console.log(
      `  ratio peak heap, ZIP / baseline draw: ${(zip.peakHeap / draw.peakHeap).toFixed(2)} (the archive holds one PDF at a time; the rest is the PDF library's garbage, collected alike in both)`,
    );
  } finally {
    await trama.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
