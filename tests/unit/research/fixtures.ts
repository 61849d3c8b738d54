/** Small hand-written records of every type, parsed by the real schemas, for the research tests. */
import { schemas } from '../../../src/schemas/index.ts';
import type { ImageLookup, RecordRef } from '../../../src/lib/records/record-ref.ts';
import type { ImageEntry, VideoEntry } from '../../../src/lib/records/media-manifest.ts';

export const SITE = 'https://baigong.example.org';

const refs = [{ title: '国家级非物质文化遗产代表性项目名录', publisher: '国务院', year: 2008 }];

export const work: RecordRef<'works'> = {
  collection: 'works',
  slug: 'guangcai-punch-bowl',
  data: schemas.works.parse({
    id: 'BGW-000001',
    title: { zh: '广彩人物纹大碗', en: 'Guangcai punch bowl with figures' },
    summary: { zh: '清代广州绘制的外销大碗。', en: 'An export bowl painted in Guangzhou.' },
    category: 'ceramics',
    heritage: ['VIII-97'],
    techniques: ['BGC-000001'],
    makers: [
      { name: { zh: '佚名画工', en: 'Unknown painter' }, role: { zh: '绘瓷', en: 'painter' } },
    ],
    period: 'qing',
    date: { start: 1736, end: 1795, display: { zh: '清乾隆', en: 'Qianlong reign' } },
    region: { code: '440100', place: { zh: '广州', en: 'Guangzhou' } },
    materials: ['porcelain', 'enamel'],
    dimensions: { height: 15.5, diameter: 36 },
    rights: { license: 'CC-BY-4.0', holder: 'Baigong Cloud', credit: 'Baigong Cloud, CC BY 4.0' },
    holding: { institution: { zh: '某博物馆', en: 'A Museum' }, accession: '1990.12' },
    references: refs,
    images: [
      {
        file: 'bowl.jpg',
        alt: { zh: '大碗正面', en: 'Front of the bowl' },
        caption: { zh: '正面', en: 'Front' },
        rights: { license: 'CC0-1.0', holder: 'Museum', credit: 'Photo: Museum, CC0' },
      },
      {
        file: 'inside.jpg',
        alt: { zh: '碗心', en: 'Inside of the bowl' },
        rights: { license: 'CC-BY-4.0', holder: 'Museum', credit: 'Photo: Museum, CC BY 4.0' },
      },
    ],
    tags: ['export', '外销'],
    added: '2026-11-30',
  }),
};

export const craft: RecordRef<'crafts'> = {
  collection: 'crafts',
  slug: 'guangcai-porcelain',
  data: schemas.crafts.parse({
    id: 'BGC-000001',
    name: { zh: '广彩瓷烧制技艺', en: 'Guangcai overglaze porcelain painting' },
    summary: {
      zh: '广州的釉上彩瓷技艺。',
      en: 'Overglaze enamel painting on porcelain in Guangzhou.',
    },
    category: 'ceramics',
    heritage: [{ code: 'VIII-97', batch: 2 }],
    regions: [{ code: '440100', place: { zh: '广州', en: 'Guangzhou' } }],
    materials: ['porcelain'],
    steps: [
      {
        title: { zh: '选胎', en: 'Choosing the blank' },
        text: { zh: '挑选白瓷胎。', en: 'A white blank is chosen.' },
      },
      {
        title: { zh: '烤花', en: 'Firing' },
        text: { zh: '低温烤烧。', en: 'Low-temperature firing.' },
        clip: { film: 'firing.mp4', start: 12, end: 40.5 },
      },
    ],
    films: [
      {
        file: 'firing.mp4',
        title: { zh: '烤花（示意）', en: 'Firing (illustration)' },
        rights: { license: 'CC-BY-4.0', holder: '百工·云', credit: '百工·云, CC BY 4.0' },
        illustration: true,
      },
      // not processed by the ingest: no page shows it, the linked data does not describe it
      {
        file: 'unprocessed.mov',
        title: { zh: '未处理', en: 'Unprocessed' },
        rights: { license: 'CC-BY-4.0', holder: '百工·云', credit: '百工·云' },
      },
    ],
    references: refs,
    added: '2026-11-30',
    modified: '2027-01-05',
  }),
};

export const person: RecordRef<'people'> = {
  collection: 'people',
  slug: 'chen-caihua',
  data: schemas.people.parse({
    id: 'BGP-000001',
    name: { zh: '陈彩华', en: 'Chen Caihua', pinyin: 'Chén Cǎihuá' },
    summary: { zh: '广彩艺人。', en: 'A Guangcai painter.' },
    living: false,
    life: { born: 1920, died: 1990 },
    region: { code: '440100', place: { zh: '广州', en: 'Guangzhou' } },
    crafts: ['BGC-000001'],
    references: refs,
    added: '2026-12-01',
  }),
};

export const cluster: RecordRef<'clusters'> = {
  collection: 'clusters',
  slug: 'guangzhou-guangcai',
  data: schemas.clusters.parse({
    id: 'BGJ-000001',
    name: { zh: '广州广彩聚集区', en: 'Guangzhou Guangcai cluster' },
    region: {
      province: '440000',
      city: '440100',
      place: { zh: '广东省广州市', en: 'Guangzhou, Guangdong' },
    },
    applicant: { zh: '示例申报主体', en: 'Example applicant' },
    introduction: { zh: '简介。', en: 'Introduction.' },
    crafts: ['BGC-000001'],
    works: ['BGW-000001'],
    references: refs,
    added: '2026-11-30',
  }),
};

export const exhibition: RecordRef<'exhibitions'> = {
  collection: 'exhibitions',
  slug: 'southern-seas',
  data: schemas.exhibitions.parse({
    id: 'BGE-000001',
    title: { zh: '南海之彩', en: 'Colours of the Southern Seas' },
    summary: { zh: '外销瓷的故事。', en: 'The story of export porcelain.' },
    curator: { zh: '百工·云编辑部', en: 'Baigong Cloud editors' },
    dates: { start: '2026-12-01' },
    works: ['BGW-000001'],
    added: '2026-12-01',
  }),
};

export const allFixtures = [work, craft, person, cluster, exhibition];

/** A processed image as the ingest would describe it; `tiles` adds a static IIIF level-0 service. */
export function fakeImage(
  slug: string,
  name: string,
  width: number,
  height: number,
  tiles: boolean,
): ImageEntry {
  const base = `/media/works/${slug}/${name}`;
  const sizes = [320, 640, 1280, 2048].filter((w) => w < width).concat([Math.min(width, 2560)]);
  return {
    kind: 'image',
    master: { sha256: '0'.repeat(64), bytes: 1000, format: 'jpeg' },
    width,
    height,
    hasAlpha: false,
    placeholder: 'data:image/webp;base64,AAAA',
    derivatives: (['avif', 'webp', 'jpeg'] as const).flatMap((format) =>
      sizes.map((w) => ({
        format,
        width: w,
        height: Math.round((w * height) / width),
        url: `${base}-${w}.${format === 'jpeg' ? 'jpg' : format}`,
        bytes: 100,
      })),
    ),
    ...(tiles
      ? {
          iiif: {
            id: `${SITE}${base}/iiif`,
            info: `${base}/iiif/info.json`,
            width,
            height,
            tileSize: 512,
          },
        }
      : {}),
    tags: {
      dominant: { hex: '#ffffff', name: { zh: '白', en: 'white' } },
      palette: [],
      orientation: width > height ? 'landscape' : 'portrait',
      width,
      height,
      phash: '0'.repeat(16),
    },
    warnings: [],
  };
}

const media: Record<string, ImageEntry> = {
  'works/guangcai-punch-bowl/bowl.jpg': fakeImage('guangcai-punch-bowl', 'bowl', 4000, 3000, true),
  'works/guangcai-punch-bowl/inside.jpg': fakeImage(
    'guangcai-punch-bowl',
    'inside',
    1600,
    1600,
    false,
  ),
};

export const fakeLookup: ImageLookup = (collection, slug, file) =>
  media[`${collection}/${slug}/${file}`];

/** The ingest's entry for the craft fixture's film, as `media.json` holds it. */
export const fakeAv = (collection: string, slug: string, file: string): VideoEntry | undefined =>
  `${collection}/${slug}/${file}` === 'crafts/guangcai-porcelain/firing.mp4'
    ? {
        kind: 'video',
        master: { sha256: 'a'.repeat(64), bytes: 1000, format: 'mp4' },
        seconds: 61.4,
        width: 1280,
        height: 720,
        fps: 24,
        sound: false,
        renditions: [
          {
            url: '/media/crafts/guangcai-porcelain/firing-720p.mp4',
            width: 1280,
            height: 720,
            bytes: 9,
          },
        ],
        poster: {
          url: '/media/crafts/guangcai-porcelain/firing-poster.webp',
          width: 1280,
          height: 720,
        },
        warnings: [],
      }
    : undefined;
