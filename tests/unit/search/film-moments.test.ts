/**
 * A search hit inside a film: the caption cues of the records' films go into the index with
 * their times, and a hit whose match is in a cue links to the record's page at that moment
 * (`?t=…#film-…`), against the real Meilisearch with the search page's own request.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRecordFile, type AnyRecord } from '../../../scripts/lib/content.ts';
import { indexRecords } from '../../../scripts/lib/meili/indexer.ts';
import { findMeiliBinary } from '../../../scripts/lib/meili/server.ts';
import { transcriptsOf } from '../../../scripts/lib/meili/transcripts.ts';
import type { MediaManifest, VideoEntry } from '../../../src/lib/records/media-manifest.ts';
import {
  HIGHLIGHT_ATTRIBUTES,
  HIT_ATTRIBUTES,
  type SearchHit,
} from '../../../src/lib/search/document.ts';
import { filmMoment } from '../../../src/lib/search/moments.ts';
import { throwawayMeili, type ThrowawayMeili } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const SLUG = 'chaozhou-wood-carving';
const FILM = 'making-illustration.mp4';

function loadCraft(slug: string): AnyRecord {
  const file = join(root, 'content', 'crafts', slug, 'index.mdx');
  const { record } = loadRecordFile(root, 'crafts', file);
  if (!record) throw new Error(`cannot load ${file}`);
  return record;
}

const craft = loadCraft(SLUG);
const other = loadCraft('guangcai-porcelain');
/** A manifest in which the ingest has published the film (only its kind is read here). */
const published: MediaManifest = {
  version: 1,
  generatedAt: '2026-12-02T00:00:00Z',
  items: { [`crafts/${SLUG}/${FILM}`]: { kind: 'video' } as VideoEntry },
};

describe('film moments in a hit', () => {
  const hit = {
    transcript_at: [0, 3, 6],
    transcript_film: [0, 0, 1],
    transcript_films: ['film-a', 'film-b'],
  };
  it('link to the first matched cue, in its own film', () => {
    expect(filmMoment(hit, { transcript: [{ indices: [2] }] }, '/crafts/x/')).toEqual({
      href: '/crafts/x/?t=6#film-b',
      seconds: 6,
    });
    expect(filmMoment(hit, { transcript: [{}, { indices: [1] }] }, '/en/crafts/x/')?.href).toBe(
      '/en/crafts/x/?t=3#film-a',
    );
  });
  it('are absent when no cue matched or the cue is unknown', () => {
    expect(filmMoment(hit, undefined, '/x/')).toBeUndefined();
    expect(filmMoment(hit, { transcript: [] }, '/x/')).toBeUndefined();
    expect(filmMoment(hit, { transcript: [{ indices: [9] }] }, '/x/')).toBeUndefined();
  });
});

describe('transcripts for the index', () => {
  it('hold the cues a person wrote for each published film, with their film anchor', () => {
    const films = transcriptsOf([craft, other], published).get(craft.data.id);
    expect(films?.map((f) => f.anchor)).toEqual(['film-making-illustration']);
    const cues = films?.[0]?.cues ?? [];
    expect(cues).toContainEqual(expect.objectContaining({ start: 6, end: 12 }));
    expect(cues.some((c) => c.text.includes('凿粗坯'))).toBe(true);
    expect(cues.some((c) => c.text.includes('Roughing out'))).toBe(true);
    // the traditional-script captions the site makes are not indexed as if written
    expect(cues.some((c) => c.text.includes('鑿'))).toBe(false);
    expect(transcriptsOf([other], published).size).toBe(0);
  });
  it('leave out films the ingest has not published (no page shows them)', () => {
    expect(transcriptsOf([craft], { ...published, items: {} }).size).toBe(0);
    expect(transcriptsOf([craft], undefined).size).toBe(0);
  });
});

const hasBinary = findMeiliBinary(root) !== undefined;

describe.skipIf(!hasBinary)('a search inside a film (real Meilisearch)', () => {
  let meili: ThrowawayMeili | undefined;
  beforeAll(async () => {
    meili = await throwawayMeili('baigong-film-');
    await indexRecords({
      host: meili.server.host,
      masterKey: meili.server.masterKey,
      records: [craft, other],
      media: published,
      indexName: 'films',
    });
  });
  afterAll(() => meili?.stop());

  /** The search page's request (ServerSearch.tsx) and the moment its hit card links to. */
  async function momentOf(query: string) {
    const { hits } = await meili!.admin.index('films').search(query, {
      attributesToRetrieve: [...HIT_ATTRIBUTES],
      attributesToHighlight: [...HIGHLIGHT_ATTRIBUTES],
      showMatchesPosition: true,
    });
    const hit = hits.find((h) => h['id'] === craft.data.id);
    if (!hit) return undefined;
    return filmMoment(hit as Partial<SearchHit>, hit._matchesPosition, String(hit['url_en']));
  }

  it('finds an English caption word at its moment', async () => {
    expect(await momentOf('chiselled')).toEqual({
      href: `/en/crafts/${SLUG}/?t=6#film-making-illustration`,
      seconds: 6,
    });
    expect((await momentOf('gold leaf'))?.seconds).toBe(24);
  });
  it('finds a Chinese caption phrase at its moment', async () => {
    expect((await momentOf('修整刀痕'))?.seconds).toBe(18);
  });
  it('gives no moment when the match is not in a caption', async () => {
    expect(await momentOf('Chaozhou')).toBeUndefined();
  });
});
