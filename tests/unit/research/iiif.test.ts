/* eslint-disable @typescript-eslint/no-explicit-any -- the tests walk loosely typed JSON documents */
/**
 * IIIF Presentation 3 builders: the manifest of a work and the works collection validate against
 * the official schema, for hand-written fixtures and for every real record with processed images
 * (content/ + generated/media.json, through the same pure builder the endpoints use).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecords } from '../../../scripts/lib/content.ts';
import {
  craftFilmManifest,
  dragAndDropHref,
  hasManifest,
  iiifRights,
  workManifest,
  worksCollection,
} from '../../../src/lib/research/iiif.ts';
import { getMedia, isImageEntry } from '../../../src/lib/records/media-manifest.ts';
import { EMPTY_MEDIA_MANIFEST, readMediaManifest } from '../../../src/lib/records/media-file.ts';
import { recordsOf, type ImageLookup } from '../../../src/lib/records/record-ref.ts';
import { iiifErrors } from '../../fixtures/iiif/validate.ts';
import { craft, fakeAv, fakeLookup, SITE, work } from './fixtures.ts';

const bowl = work;
const ctx = { site: SITE, image: fakeLookup };

describe('craft film manifest (IIIF audio/video)', () => {
  const media = fakeAv('crafts', 'guangcai-porcelain', 'firing.mp4')!;
  const film = {
    ...craft.data.films[0]!,
    media,
    captions: [
      {
        language: 'zh-Hans',
        generated: false,
        url: '/captions/crafts/guangcai-porcelain/firing.zh-Hans.vtt',
      },
      {
        language: 'zh-Hant',
        generated: true,
        url: '/captions/crafts/guangcai-porcelain/firing.zh-Hant.vtt',
      },
    ],
    chapters: [{ title: { zh: '烤花', en: 'Firing' }, start: 12, end: 40.5 }],
  };
  const manifest = craftFilmManifest(craft, [film], SITE) as Record<string, any>;

  it('validates against the official schema', () => {
    expect(iiifErrors(manifest)).toEqual([]);
  });

  it('paints a canvas of the film’s length with the MP4, captions supplementing it', () => {
    const [canvas] = manifest['items'];
    expect(canvas).toMatchObject({ type: 'Canvas', width: 1280, height: 720, duration: 61.4 });
    expect(canvas.label.en).toEqual(['Firing (illustration)']);
    expect(canvas.metadata[0].value.en).toEqual(['Illustration, not filmed work']);
    expect(canvas.items[0].items[0]).toMatchObject({
      motivation: 'painting',
      body: {
        id: `${SITE}/media/crafts/guangcai-porcelain/firing-720p.mp4`,
        type: 'Video',
        format: 'video/mp4',
        duration: 61.4,
      },
      target: canvas.id,
    });
    const captions = canvas.annotations[0].items;
    expect(captions.map((a: any) => [a.motivation, a.body.format, a.body.language])).toEqual([
      ['supplementing', 'text/vtt', 'zh-Hans'],
      ['supplementing', 'text/vtt', 'zh-Hant'],
    ]);
    expect(captions[0].body.id).toBe(
      `${SITE}/captions/crafts/guangcai-porcelain/firing.zh-Hans.vtt`,
    );
  });

  it('gives the steps the film shows as ranges of its time', () => {
    const [steps] = manifest['structures'];
    expect(steps.items).toEqual([
      {
        id: `${SITE}/iiif/BGC-000001/range/1/1`,
        type: 'Range',
        label: { zh: ['烤花'], en: ['Firing'] },
        items: [{ id: `${manifest['items'][0].id}#t=12,40.5`, type: 'Canvas' }],
      },
    ]);
  });

  it('is not made for a craft without processed films', () => {
    expect(craftFilmManifest(craft, [], SITE)).toBeUndefined();
  });

  it('fails validation when a film canvas loses its duration (the check can fail)', () => {
    const broken = structuredClone(manifest);
    broken['items'][0].items[0].items[0].body.duration = 'long';
    expect(iiifErrors(broken)).not.toEqual([]);
  });
});

describe('work manifest', () => {
  const manifest = workManifest(bowl, ctx) as Record<string, any>;

  it('validates against the official schema', () => {
    expect(iiifErrors(manifest)).toEqual([]);
  });

  it('labels in both languages, with rights and credit', () => {
    expect(manifest['id']).toBe(`${SITE}/iiif/BGW-000001/manifest.json`);
    expect(manifest['label']).toEqual({
      zh: ['广彩人物纹大碗'],
      en: ['Guangcai punch bowl with figures'],
    });
    expect(manifest['rights']).toBe('http://creativecommons.org/licenses/by/4.0/');
    expect(manifest['requiredStatement'].value).toEqual({ none: ['Baigong Cloud, CC BY 4.0'] });
    const labels = manifest['metadata'].map((m: any) => m.label.en[0]);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Record ID',
        'Category',
        'Date',
        'Materials',
        'Region',
        'Dimensions',
      ]),
    );
    for (const row of manifest['metadata'])
      expect(Object.keys(row.value).length).toBeGreaterThan(0);
  });

  it('has one canvas per image sized from the image, painting the largest derivative', () => {
    const [first, second] = manifest['items'];
    expect(manifest['items']).toHaveLength(2);
    expect([first.width, first.height]).toEqual([4000, 3000]);
    const body = first.items[0].items[0].body;
    expect(body.id).toBe(`${SITE}/media/works/guangcai-punch-bowl/bowl-2560.jpg`);
    expect(body.service).toEqual([
      {
        id: `${SITE}/media/works/guangcai-punch-bowl/bowl/iiif`,
        type: 'ImageService3',
        profile: 'level0',
      },
    ]);
    expect(first.rights).toBe('http://creativecommons.org/publicdomain/zero/1.0/');
    expect(first.requiredStatement.value).toEqual({ none: ['Photo: Museum, CC0'] });
    expect(second.items[0].items[0].body.service).toBeUndefined();
    expect(first.items[0].items[0].target).toBe(first.id);
  });

  it('links thumbnail, homepages and the record data', () => {
    expect(manifest['thumbnail'][0].id).toMatch(/bowl-640\.jpg$/);
    expect(manifest['homepage'].map((h: any) => h.id)).toEqual([
      `${SITE}/works/guangcai-punch-bowl/`,
      `${SITE}/en/works/guangcai-punch-bowl/`,
    ]);
    expect(manifest['seeAlso'][0].id).toBe(`${SITE}/api/works/BGW-000001.json`);
  });

  it('is not made for a work without processed images', () => {
    const none: ImageLookup = () => undefined;
    expect(hasManifest(bowl, none)).toBe(false);
    expect(workManifest(bowl, { site: SITE, image: none })).toBeUndefined();
  });
});

describe('works collection', () => {
  it('lists the works with manifests and validates', () => {
    const collection = worksCollection([bowl], ctx) as Record<string, any>;
    expect(iiifErrors(collection)).toEqual([]);
    expect(collection['items']).toHaveLength(1);
    expect(collection['items'][0].id).toBe(`${SITE}/iiif/BGW-000001/manifest.json`);
  });
});

describe('helpers', () => {
  it('gives rights URIs in the http form IIIF requires, and only for CC and RightsStatements', () => {
    expect(iiifRights('https://rightsstatements.org/vocab/InC/1.0/')).toBe(
      'http://rightsstatements.org/vocab/InC/1.0/',
    );
    expect(iiifRights('https://example.org/license')).toBeUndefined();
  });
  it('builds the drag-and-drop link', () => {
    expect(dragAndDropHref('https://a.org/iiif/BGW-000001/manifest.json')).toBe(
      'https://a.org/iiif/BGW-000001/manifest.json?manifest=https%3A%2F%2Fa.org%2Fiiif%2FBGW-000001%2Fmanifest.json',
    );
  });
});

describe('the real records', () => {
  const root = resolve(import.meta.dirname, '../../..');
  const media = readMediaManifest(root) ?? EMPTY_MEDIA_MANIFEST;
  const lookup: ImageLookup = (collection, slug, file) => {
    const found = getMedia(media, collection, slug, file);
    return isImageEntry(found) ? found : undefined;
  };
  const works = recordsOf(loadRecords(root).records, 'works');
  const site = 'http://localhost:4321';

  it('every manifest and the collection validate', () => {
    for (const ref of works) {
      const manifest = workManifest(ref, { site, image: lookup });
      if (manifest) expect(iiifErrors(manifest), ref.data.id).toEqual([]);
    }
    expect(iiifErrors(worksCollection(works, { site, image: lookup }))).toEqual([]);
  });
});

describe('the validator', () => {
  it('rejects a manifest that breaks the specification', () => {
    const manifest = workManifest(bowl, ctx) as Record<string, any>;
    expect(
      iiifErrors({ ...manifest, rights: 'https://creativecommons.org/licenses/by/4.0/' }),
    ).not.toEqual([]);
    expect(iiifErrors({ ...manifest, label: 'not a language map' })).not.toEqual([]);
  });
});
