/**
 * Cluster monitoring: each cluster page's indicators, as built, against counts made here from the
 * record files with a rule of their own (a division's code shares its first two, four or six
 * digits with everything inside it).
 */
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadRecords, type LoadedRecord } from '../../scripts/lib/content.ts';
import type { Collection } from '../../src/schemas/index.ts';

const root = resolve(import.meta.dirname, '../..');
const { records } = loadRecords(root);
const of = <C extends Collection>(collection: C) =>
  records.filter((r) => r.collection === collection) as LoadedRecord<C>[];

/** Whether `code` lies in the division `area`: same province, city or county digits. */
function inside(area: string, code: unknown): boolean {
  if (typeof code !== 'string') return false;
  const digits = area.endsWith('0000') ? 2 : area.endsWith('00') ? 4 : 6;
  return code.slice(0, digits) === area.slice(0, digits);
}

test.describe('cluster monitoring indicators', () => {
  for (const cluster of of('clusters')) {
    const region = cluster.data.region;
    const area = region.county ?? region.city ?? region.province;
    test(`${cluster.slug} counts what lies in ${area}`, async ({ page }) => {
      const entries = of('crafts').flatMap((c) =>
        c.data.entries.filter((e) => inside(area, e.region?.code)),
      );
      const inheritors = of('people').filter(
        (p) =>
          p.data.designations.some((d) => d.heritage && d.batch !== undefined) &&
          inside(area, p.data.region?.code),
      );
      const cases = of('cases').filter((c) =>
        inside(area, c.data.region.division ?? c.data.region.province),
      );
      const works = of('works').filter((w) => inside(area, w.data.region?.code));
      const expected = {
        items: new Set(entries.map((e) => e.code)).size,
        entries: new Set(entries.map((e) => e.entry)).size,
        inheritors: inheritors.length,
        cases: cases.length,
        works: works.length,
      };
      await page.goto(`/clusters/${cluster.slug}/`);
      const shown = Object.fromEntries(
        await Promise.all(
          Object.keys(expected).map(async (key) => [
            key,
            Number(await page.locator(`td[data-indicator="${key}"]`).textContent()),
          ]),
        ),
      );
      expect(shown).toEqual(expected);
    });
  }
});
