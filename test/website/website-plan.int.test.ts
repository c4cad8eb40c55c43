import { describe, expect, it } from 'vitest';
import type { TSitePageDetail } from '../../src/contracts/website.js';
import type { TCommAction, TPlanSummary } from '../../src/contracts/website-plan.js';
import { WEBSITE_INDICATORS } from '../../src/server/modules/website/website.indicators.js';
import { testAppKit } from '../harness/test-app.js';

/*
 * Social channels and the communication plan (issue 24, item 6): each item carries a prepared text
 * per language, shared by plain links (no widget, no script); the plan's actions per channel and
 * audience are recorded done with the people they reached, summed for the month and given to the
 * impact module.
 */
const { t, call, ok, fields } = testAppKit();

const action = (extra: object = {}) => ({
  title: 'Post sul corso di italiano',
  plannedOn: '2031-03-10',
  channel: 'facebook',
  audience: 'residents',
  languages: ['it', 'ar'],
  ...extra,
});
const MARCH = 'from=2031-03-01&to=2031-03-31';

describe('sharing and the communication plan', () => {
  it('shares a published item with its prepared text in the reader’s language, by plain links', async () => {
    const page = await ok<TSitePageDetail>('redazione', 'POST', '/api/website/pages', {
      page: { kind: 'news', slug: 'sportello-sabato', category: 'general' },
      italian: {
        title: 'Lo sportello apre anche il sabato',
        body: '<p>Dalle 9 alle 12.</p>',
        share: 'Da sabato lo sportello è aperto anche la mattina.',
      },
    });
    expect(page.current[0]!.share).toBe('Da sabato lo sportello è aperto anche la mattina.');
    await ok('redazione', 'PUT', `/api/website/pages/${page.id}/translations/ar`, {
      title: 'المكتب مفتوح أيضًا يوم السبت',
      body: '<p>من 9 إلى 12.</p>',
    });
    await ok('redazione', 'POST', `/api/website/pages/${page.id}/transitions`, { action: 'publish' });

    const italian = (await t.app.inject({ url: '/sito/notizie/sportello-sabato?lang=it' })).body;
    expect(italian).toContain(
      `https://wa.me/?text=${encodeURIComponent('Da sabato lo sportello è aperto anche la mattina.')}`,
    );
    expect(italian).toMatch(
      /<a href="https:\/\/t\.me\/share\/url\?url=[^"]+" rel="noopener noreferrer nofollow">Telegram<\/a>/,
    );
    // No share text in Arabic: the Arabic title goes with the link.
    const arabic = (await t.app.inject({ url: '/sito/notizie/sportello-sabato?lang=ar' })).body;
    expect(arabic).toContain(encodeURIComponent('المكتب مفتوح أيضًا يوم السبت'));
    // Plain links only: nothing on the page is loaded from a social site.
    expect(arabic).not.toMatch(/<(script|iframe|img)[^>]+(facebook|x\.com|t\.me|wa\.me)/);
    expect(
      (
        await call('redazione', 'PUT', `/api/website/pages/${page.id}/translations/it`, {
          title: 'Titolo',
          body: '<p>x</p>',
          share: 'x'.repeat(281),
        })
      ).statusCode,
    ).toBe(400);
  });

  it('plans, records done with the reach, sums by channel and audience, and refuses what does not add up', async () => {
    const planned = await ok<TCommAction>('redazione', 'POST', '/api/website/plan', action());
    const other = await ok<TCommAction>(
      'redazione',
      'POST',
      '/api/website/plan',
      action({ channel: 'radio', audience: 'general_public', plannedOn: '2031-03-20' }),
    );
    await ok('redazione', 'POST', '/api/website/plan', action({ plannedOn: '2031-04-02' }));

    // A reach without the day it was done, an end before the start, a language that is not one.
    expect(
      fields(await call('redazione', 'PUT', `/api/website/plan/${planned.id}`, action({ reach: 10 }))),
    ).toEqual(['doneOn']);
    expect(fields(await call('redazione', 'GET', '/api/website/plan?from=2031-03-31&to=2031-03-01'))).toEqual(
      ['to'],
    );
    expect(
      (await call('redazione', 'POST', '/api/website/plan', action({ languages: ['de'] }))).statusCode,
    ).toBe(400);

    const done = await ok<TCommAction>(
      'redazione2',
      'PUT',
      `/api/website/plan/${planned.id}`,
      action({ doneOn: '2031-03-11', reach: 1200 }),
    );
    expect(done).toMatchObject({ doneOn: '2031-03-11', reach: 1200, updatedBy: expect.any(String) });
    await ok(
      'redazione',
      'PUT',
      `/api/website/plan/${other.id}`,
      action({ channel: 'radio', audience: 'general_public', plannedOn: '2031-03-20', doneOn: '2031-03-20' }),
    );

    const march = await ok<TCommAction[]>('redazione', 'GET', `/api/website/plan?${MARCH}`);
    expect(march.map((a) => a.plannedOn)).toEqual(['2031-03-10', '2031-03-20']);
    const summary = await ok<TPlanSummary>('redazione', 'GET', `/api/website/plan/summary?${MARCH}`);
    expect(summary).toMatchObject({ planned: 2, done: 2, reach: 1200, doneWithoutReach: 1 });
    expect(summary.byChannel).toEqual([
      { channel: 'facebook', planned: 1, done: 1, reach: 1200 },
      { channel: 'radio', planned: 1, done: 1, reach: 0 },
    ]);

    // The impact module reads the same numbers, with pseudonymous records behind them.
    const period = { from: '2031-03-01', to: '2031-03-31' };
    const values = [];
    for (const indicator of WEBSITE_INDICATORS)
      values.push(await indicator.compute({ on: t.database.db, period, keyring: t.deps.keyring }));
    const [actions, reach] = values;
    expect(actions).toMatchObject({ value: 2 });
    expect(actions!.recordIds).toHaveLength(2);
    expect(actions!.recordIds.join()).not.toContain(planned.id);
    expect(reach).toMatchObject({ value: 1200 });
    expect(reach!.recordIds).toHaveLength(1);

    // Editors only; a deleted action is gone from the plan.
    expect((await call('coordinatrice', 'GET', `/api/website/plan?${MARCH}`)).statusCode).toBe(403);
    expect((await call('redazione', 'DELETE', `/api/website/plan/${planned.id}`)).statusCode).toBe(204);
    expect((await call('redazione', 'DELETE', `/api/website/plan/${planned.id}`)).statusCode).toBe(404);
    expect(await ok<TCommAction[]>('redazione', 'GET', `/api/website/plan?${MARCH}`)).toHaveLength(1);
  });
});
