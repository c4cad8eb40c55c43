import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TCase, TCaseListItem } from '../../src/contracts/index.js';
import { casesTestKit } from './support.js';

// A case opened by a team that may not read the referring service's household still belongs to the
// household's Ambito: on its page, in the list, and under the list's Ambito filter.
const { ids, ok, system, registerFamily, openCaseFor } = casesTestKit();

describe('a new case', () => {
  it('takes the Ambito of its household', async () => {
    await registerFamily();
    const { caseId } = await openCaseFor([ids.mother!]);
    const [household] = (await system(
      sql`select h.district_id, d.name from households h join districts d on d.id = h.district_id where h.id = ${ids.household}`,
    )) as [{ district_id: string; name: string }];
    expect(household.name).toMatch(/Treviglio/);

    const opened = await ok<TCase>('responsabile', 'GET', `/api/cases/${caseId}`);
    expect(opened.districtName).toBe(household.name);
    const list = await ok<{ items: TCaseListItem[] }>(
      'responsabile',
      'GET',
      `/api/cases?districtId=${household.district_id}&pageSize=100`,
    );
    expect(list.items.find((c) => c.id === caseId)?.districtName).toBe(household.name);
  });
});
