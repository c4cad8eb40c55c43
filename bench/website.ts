import autocannon from 'autocannon';
import { startTrama } from './support.js';

/**
 * The public website under readers (issue 24): the home page and a news item, server-rendered in
 * Italian and in Arabic, with 50 connections, against a static file (the site's stylesheet)
 * served by the same server in the same run. The target is p95 ≤ 20 ms for the pages; the ratio
 * to the static file is the result that travels between machines.
 */
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_SITE_CONNECTIONS ?? 50);

async function measure(url: string) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p95: result.latency.p97_5 ?? result.latency.p99,
  };
}

const { label, port, stop } = await startTrama();
try {
  const base = `http://127.0.0.1:${port}`;
  console.log(
    `Public website on ${label}: ${CONNECTIONS} connections, ${DURATION} s per target, one process\n`,
  );
  const targets = [
    ['static file (/sito/assets/site.css)', `${base}/sito/assets/site.css`],
    ['home page, Italian (/sito?lang=it)', `${base}/sito?lang=it`],
    ['home page, Arabic (/sito?lang=ar)', `${base}/sito?lang=ar`],
    ['news item (/sito/notizie/…?lang=it)', `${base}/sito/notizie/mediazione-romano?lang=it`],
  ] as const;
  const results = [];
  for (const [name, url] of targets) results.push({ name, ...(await measure(url)) });
  const file = results[0]!;
  for (const r of results)
    console.log(
      `${r.name.padEnd(40)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${r.p50} ms   p97.5 ${r.p95} ms   req/s ratio to the static file ${(r.rps / file.rps).toFixed(2)}`,
    );
  const worst = Math.max(...results.slice(1).map((r) => r.p95));
  console.log(
    `\nworst page p97.5: ${worst} ms (target ≤ 20 ms) — ${worst <= 20 ? 'within' : 'OVER'} the target`,
  );
} finally {
  await stop();
}
