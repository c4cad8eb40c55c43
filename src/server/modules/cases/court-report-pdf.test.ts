import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../contracts/common.js';
import { ZCourtReportUpdateSchema } from '../../../contracts/tutela.js';
import type { OrderRow } from './court-orders.repository.js';
import { courtReportPdf, orderFacts, printedOrder } from './court-report-pdf.js';

const order: OrderRow = {
  id: '00000000-0000-4000-8000-000000000001',
  case_id: '00000000-0000-4000-8000-000000000002',
  court: 'Tribunale per i Minorenni di Brescia',
  docket_number: 'VG 4321/2026',
  kind: 'prescriptions',
  decided_on: '2026-01-31',
  removal_at: null,
  living_arrangement: null,
  provisions: 'Divieto di avvicinamento alla madre e al figlio.',
  duration_months: null,
  ends_on: null,
  report_every_months: 3,
  curatore_speciale: 'Avv. Maria Verdi',
  tutore: null,
  address_protected: false,
};

describe('the order as a printed report shows it', () => {
  it('on a perpetrator’s case: its kind and date only, never the court, docket or provisions', () => {
    const printed = printedOrder(order, { perpetrator: true });
    const text = JSON.stringify(orderFacts(printed));
    expect(orderFacts(printed).map(([label]) => label)).toEqual(['Provvedimento']);
    for (const hidden of ['Brescia', 'VG 4321', 'Divieto', 'Verdi']) {
      expect(text).not.toContain(hidden);
      // Left out before the PDF is drawn: the printer is never handed them.
      expect(JSON.stringify(printed)).not.toContain(hidden);
    }
    expect(text).toContain('31/01/2026');
  });

  it('on any other case: the court and docket number too', () => {
    expect(orderFacts(printedOrder(order, { perpetrator: false }))).toEqual([
      ['Autorità giudiziaria', 'Tribunale per i Minorenni di Brescia'],
      ['Numero di ruolo', 'VG 4321/2026'],
      ['Provvedimento', expect.stringContaining('del 31/01/2026')],
    ]);
  });

  it('draws a PDF from the reduced order', async () => {
    const pdf = await courtReportPdf({
      report: {
        id: '00000000-0000-4000-8000-000000000003',
        orderId: order.id,
        orderKind: 'prescriptions',
        periodFrom: '2026-02-01',
        periodTo: '2026-04-30',
        status: 'draft',
        content: 'Relazione trimestrale.',
        draftedBy: 'Paola Operatrice',
        approvedBy: null,
        approvedAt: null,
        returnReason: null,
        sentOn: null,
        protocolNumber: null,
        attachments: [],
        can: { edit: true, approve: false, markSent: false },
      },
      order: printedOrder(order, { perpetrator: true }),
      caseCode: 'C-TEST',
      serviceName: 'Tutela Minori',
      printedBy: 'Paola Operatrice',
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('dates and changes the court contracts accept', () => {
  it('a date PostgreSQL can store, between 1900 and 2100, judged once the format holds', () => {
    expect(isoDate().safeParse('2026-01-31').success).toBe(true);
    expect(
      isoDate()
        .safeParse('0000-06-01')
        .error?.issues.map((i) => i.message),
    ).toEqual(['a date between 1900 and 2100']);
    expect(isoDate().safeParse('2101-01-01').success).toBe(false);
    expect(
      isoDate()
        .safeParse('31/01/2026')
        .error?.issues.map((i) => i.code),
    ).toEqual(['invalid_format']);
  });

  it('a draft report’s change changes something', () => {
    expect(ZCourtReportUpdateSchema.safeParse({}).success).toBe(false);
    expect(ZCourtReportUpdateSchema.safeParse({ periodTo: '2026-04-30' }).success).toBe(true);
  });
});
