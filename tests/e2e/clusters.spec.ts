/**
 * Cluster monitoring: each cluster page's indicators and the national overview, as built, against
 * counts made here from the record files with a rule of their own (a division's code shares its first two, four or six
 * digits with everything inside it).
 */
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
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

/** The headline counts of a cluster, counted here from the record files. */
function expectedCounts(cluster: LoadedRecord<'clusters'>) {
  const region = cluster.data.region;
  const area = region.county ?? region.city ?? region.province;
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
  return {
    area,
    counts: {
      items: new Set(entries.map((e) => e.code)).size,
      entries: new Set(entries.map((e) => e.entry)).size,
      inheritors: inheritors.length,
      cases: cases.length,
      works: works.length,
    },
  };
}

/** The numbers shown in the cells `td[data-indicator=…]` under `scope`. */
async function shownCounts(page: Page, scope: string, keys: string[]) {
  return Object.fromEntries(
    await Promise.all(
      keys.map(async (key) => [
        key,
        Number(await page.locator(`${scope} td[data-indicator="${key}"]`).textContent()),
      ]),
    ),
  );
}

test.describe('cluster monitoring indicators', () => {
  for (const cluster of of('clusters')) {
    const { area, counts } = expectedCounts(cluster);
    test(`${cluster.slug} counts what lies in ${area}`, async ({ page }) => {
      await page.goto(`/clusters/${cluster.slug}/`);
      expect(await shownCounts(page, '.cluster-indicators', Object.keys(counts))).toEqual(counts);
    });
  }

  test('a cluster report gives the same counts, lists the entries in its area, and prints', async ({
    page,
  }) => {
    const cluster = of('clusters').find((c) => expectedCounts(c).counts.entries > 0);
    if (!cluster) throw new Error('no cluster with regional entries in its area');
    const { counts } = expectedCounts(cluster);
    await page.goto(`/reports/clusters/${cluster.slug}/`);
    expect(await shownCounts(page, '.cluster-indicators', Object.keys(counts))).toEqual(counts);
    await expect(page.locator('.report-entries tbody tr')).toHaveCount(counts.entries);
    const csv = await page.request.get(`/data/cluster-reports/${cluster.slug}.csv`);
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('series,key,label_zh,label_en,count');
    const byBatch = lines.filter((l) => l.startsWith('inheritors-by-batch,'));
    expect(byBatch.reduce((n, l) => n + Number(l.split(',').at(-1)), 0)).toBe(counts.inheritors);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('the national overview gives the same counts for every cluster, and prints', async ({
    page,
  }) => {
    await page.goto('/reports/clusters/');
    for (const cluster of of('clusters')) {
      const { counts } = expectedCounts(cluster);
      const row = `tr[data-cluster="${cluster.data.id}"]`;
      expect(await shownCounts(page, row, Object.keys(counts)), cluster.slug).toEqual(counts);
    }
    // one chart per headline count, each an image named by its title
    await expect(page.locator('figure.bar-chart svg[role="img"]')).toHaveCount(6);
    const csv = await page.request.get('/data/cluster-indicators.csv');
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect((await csv.text()).trim().split('\r\n')).toHaveLength(of('clusters').length + 1);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
