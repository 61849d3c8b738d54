/**
 * One rule says which folders are records (src/lib/records/record-files.ts), and every command
 * reads the records through `listRecordFolders`: the checker and indexer (`loadRecords`), the
 * ingest (`discoverMasters`) and the ID registry of `npm run new` / `npm run import`
 * (`scanContent`). Real folders in a temporary directory.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { globSync } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRecords } from '../../../scripts/lib/content.ts';
import { discoverMasters } from '../../../scripts/lib/ingest/discover.ts';
import { scanContent } from '../../../scripts/lib/import/registry.ts';
import {
  collections,
  draftFolder,
  isDraftFolder,
  listRecordFolders,
  publishedSlug,
  recordPattern,
  recordSlug,
} from '../../../src/lib/records/record-files.ts';
import { validCraft, validWork } from '../../fixtures/content/records.ts';

let root: string;
let content: string;

function write(path: string, text = ''): void {
  const full = join(content, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
}

const workWithId = (id: string) => validWork.replace(/^id: .*$/m, `id: ${id}`);

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'bg-record-files-'));
  content = join(root, 'content');
  write('works/bowl/index.mdx', workWithId('BGW-000001'));
  write('works/vase/index.md', workWithId('BGW-000002'));
  write('works/both/index.mdx', workWithId('BGW-000003'));
  write('works/both/index.md', workWithId('BGW-000099'));
  write('works/_draft/index.mdx', workWithId('BGW-000004'));
  write('works/.hidden/index.mdx', workWithId('BGW-000005'));
  write('works/no-record/notes.txt', 'a folder without a record file');
  write('works/stray.mdx', 'a file beside the folders');
  write('works/nested/deeper/index.mdx', workWithId('BGW-000006'));
  write('crafts/guangcai/index.mdx', validCraft);
  write('elsewhere/linked/index.mdx', workWithId('BGW-000007'));
  symlinkSync(join(content, 'elsewhere', 'linked'), join(content, 'works', 'linked'), 'dir');
  // A master beside every record file, so the ingest shows which folders it reads.
  for (const index of globSync('**/index.{md,mdx}', { cwd: content, dot: true })) {
    write(join(dirname(index), 'photo.png'), 'not read here');
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const published = ['crafts/guangcai', 'works/both', 'works/bowl', 'works/linked', 'works/vase'];

describe('listRecordFolders', () => {
  it('lists the folders with an index.mdx or index.md, drafts and hidden folders left out', () => {
    const found = listRecordFolders(content).map((f) => `${f.collection}/${f.slug}`);
    expect([...found].sort()).toEqual(published);
  });

  it('goes collection by collection in the schemas’ order, each by slug', () => {
    const found = listRecordFolders(content).map((f) => `${f.collection}/${f.slug}`);
    expect(found).toEqual([
      'works/both',
      'works/bowl',
      'works/linked',
      'works/vase',
      'crafts/guangcai',
    ]);
    expect(collections.indexOf('works')).toBeLessThan(collections.indexOf('crafts'));
  });

  it('reads index.mdx when a folder has both files', () => {
    const both = listRecordFolders(content).find((f) => f.slug === 'both');
    expect(both?.file).toBe(join(content, 'works', 'both', 'index.mdx'));
  });

  it('includes drafts when asked (the ID registry counts them) and one collection when asked', () => {
    const withDrafts = listRecordFolders(content, { drafts: true, only: ['works'] });
    expect(withDrafts.map((f) => f.slug)).toEqual(['_draft', 'both', 'bowl', 'linked', 'vase']);
    expect(listRecordFolders(join(root, 'missing'))).toEqual([]);
  });

  it('runs the pattern the site’s glob loader runs, so the site sees the same folders', () => {
    const site = collections.flatMap((c) =>
      globSync(recordPattern, { cwd: join(content, c), expandDirectories: false }).map(
        (entry) => `${c}/${recordSlug(entry)}`,
      ),
    );
    expect([...new Set(site)].sort()).toEqual(published);
  });

  it('names drafts by one prefix', () => {
    expect(draftFolder('bowl')).toBe('_bowl');
    expect(isDraftFolder('_bowl')).toBe(true);
    expect(publishedSlug('_bowl')).toBe('bowl');
    expect(publishedSlug('bowl')).toBe('bowl');
  });
});

describe('every command', () => {
  it('sees the same record folders', async () => {
    const checked = loadRecords(root).records.map((r) => `${r.collection}/${r.slug}`);
    const masters = await discoverMasters(content);
    const ingested = new Set(masters.map((m) => `${m.collection}/${m.slug}`));
    const registered = scanContent(content)
      .filter((r) => !isDraftFolder(r.folder))
      .map((r) => `${r.collection}/${r.folder}`);
    expect([...checked].sort()).toEqual(published);
    expect([...ingested].sort()).toEqual(published);
    expect([...registered].sort()).toEqual(published);
  });
});
