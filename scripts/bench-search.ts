/**
 * `npm run bench:search`: search benchmark (not a timed test). Builds 10,000 and 100,000 varied
 * documents from real names in ../shared/data (the national ICH list and its regional entries,
 * the IMA Chinese collection's titles, materials and makers) combined with the project's
 * vocabularies, passes them through the real document builder, indexes them in an embedded
 * Meilisearch on loopback, and measures query latency at 1 and 8 concurrent clients, with the
 * server's peak memory and the index's size on disk at each size. Documents are made and sent in
 * batches of 10,000, so a million never sit in this process's memory at once.
 * Writes bench/results/search.json and bench/results/search.md; a size measured before and not
 * in this run keeps its row (with its own date and load).
 *
 *   npm run bench:search                 # 10k and 100k
 *   npm run bench:search -- --sizes 1000000
 *   npm run bench:search -- --sizes 10000 --queries 300
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { Agent, request } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';
import type { AnyRecordRef } from '../src/lib/records/record-ref.ts';
import { Meilisearch } from 'meilisearch';
import { toSearchDocument } from '../src/lib/search/build-document.ts';
import type { SearchDocument } from '../src/lib/search/document.ts';
import { traditionalForms } from '../src/lib/search/chinese-forms.ts';
import { diskBytes, sampleResident } from './lib/bench-scale.ts';
import { commandLine, wholeNumber } from './lib/command-line.ts';
import { parseCsv } from './lib/import/source.ts';
import { indexDocuments } from './lib/meili/indexer.ts';
import { startMeili } from './lib/meili/server.ts';
import { provinces } from '../src/lib/records/regions.ts';
import { vocabularies } from '../src/lib/records/vocabularies.ts';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const shared = resolve(root, process.env['SHARED_DATA'] ?? join('..', 'shared', 'data'));

const usage = 'usage / 用法: npm run bench:search -- [--sizes 10000,100000] [--queries 600]';
const { values: args } = commandLine(
  {
    options: {
      sizes: { type: 'string', default: '10000,100000' },
      queries: { type: 'string', default: '600' },
    },
  },
  usage,
);
const SIZES = args.sizes.split(',').map((size) => wholeNumber('sizes', size, usage) ?? 0);
const QUERIES = wholeNumber('queries', args.queries, usage) ?? 600; // per run (bounded)
/** Documents made and sent at a time. */
const BATCH = 10_000;
const WARMUP = 50;
const CLIENTS = [1, 8];

// ---------------------------------------------------------------- deterministic randomness
let seed = 20240601;
function rand(): number {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
}
function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

// ---------------------------------------------------------------- real source data
/** Rows of a CSV file of the shared data, keyed by its header. */
function csvRows(path: string): Record<string, string>[] {
  return parseCsv(readFileSync(path, 'utf8')).map((row) => row.data);
}

interface ImaObject {
  title: string | null;
  dynasty: string | null;
  materials: string | null;
  actors: { display_name: string | null }[];
}

const ichItems = csvRows(join(shared, 'ich', 'crafts-items.csv'));
const regional = csvRows(join(shared, 'ich', 'crafts-regional-entries.csv'));
const ima = (
  JSON.parse(
    readFileSync(join(shared, 'museum', 'ima-chinese-objects.json'), 'utf8'),
  ) as ImaObject[]
).filter((o) => o.title);
const imaTitles = ima.map((o) => o.title ?? '').filter(Boolean);
const imaMakers = [
  ...new Set(ima.flatMap((o) => o.actors.map((a) => a.display_name ?? '')).filter(Boolean)),
];
const englishWords = [
  ...new Set(imaTitles.flatMap((t) => t.toLowerCase().match(/[a-z]{4,}/g) ?? [])),
].filter((w) => !['with', 'from', 'that', 'this', 'their'].includes(w));

const provinceByName = new Map(provinces.map((p) => [p.zh, p]));
const itemNames = ichItems.map((i) => ({ code: i['code'] ?? '', name: i['name'] ?? '' }));
const heritageCodes = new Set(itemNames.map((i) => i.code));
const places = regional
  .map((r) => ({
    code: r['code'] ?? '',
    name: r['name'] ?? '',
    region: r['region'] ?? '',
    province: provinceByName.get(r['province'] ?? ''),
    unit: (r['protection_unit'] ?? '').split(/[、，,]/)[0] ?? '',
  }))
  .filter((p) => p.province && heritageCodes.has(p.code));

// Object words and motifs (project vocabulary for object titles).
const objects = [
  '碗',
  '盘',
  '瓶',
  '壶',
  '罐',
  '盒',
  '炉',
  '杯',
  '屏',
  '挂屏',
  '挂幛',
  '扇',
  '轴',
  '册页',
  '摆件',
  '枕',
  '镜',
  '簪',
  '佩',
  '如意',
];
const motifs = [
  '人物纹',
  '花鸟纹',
  '缠枝莲纹',
  '龙纹',
  '凤纹',
  '山水',
  '婴戏图',
  '博古纹',
  '牡丹纹',
  '鱼藻纹',
  '云鹤纹',
  '八宝纹',
  '开光',
  '百子图',
  '荷塘',
];
const categories = vocabularies.craftCategories.map((t) => t.key);
const materials = vocabularies.materials.map((t) => t.key);
const periods = vocabularies.periods;
const licenses = vocabularies.licenses.map((t) => t.key);

function shortName(name: string): string {
  // 广彩瓷烧制技艺 → 广彩瓷; 粤绣(广绣) → 粤绣
  return name
    .replace(/[（(].*$/, '')
    .replace(/(烧制|制作|织造|雕刻|印染|锻制|营造|传统|技艺|工艺).*$/, '')
    .slice(0, 6);
}

/** A model entry: the builder only notes that a work has one. */
const benchModel = {
  file: 'model.glb',
  alt: { zh: '模型', en: 'Model' },
  rights: { license: 'CC-BY-4.0', holder: 'Bench', credit: 'Bench' },
  illustration: false,
  hotspots: [],
  tour: [],
};

function makeRecord(n: number): AnyRecordRef {
  const place = pick(places);
  const province = place.province ?? provinces[0];
  const period = pick(periods);
  const start = period.start + Math.floor(rand() * Math.max(1, period.end - period.start));
  const craft = shortName(place.name) || place.name;
  const title = `${craft}${pick(motifs)}${pick(objects)}`;
  const imaTitle = pick(imaTitles);
  const kind = rand();
  const id = String(n).padStart(6, '0');
  const summaryZh = `${place.region}${craft}${pick(objects)}，${period.zh}。${place.unit ? `${place.unit}藏。` : ''}`;
  const summaryEn = `${imaTitle}, ${period.en}, ${province?.en ?? ''}; ${pick(imaTitles)}.`;
  const region = {
    code: province?.code ?? '110000',
    place: { zh: place.region, en: province?.en ?? '' },
  };
  if (kind < 0.8) {
    return {
      collection: 'works',
      slug: `work-${id}`,
      body: '',
      data: {
        id: `BGW-${id}`,
        title: { zh: title, en: `${imaTitle[0]?.toUpperCase() ?? ''}${imaTitle.slice(1)} (${n})` },
        concepts: [],
        otherNames: rand() < 0.2 ? [`${shortName(pick(itemNames).name)}${pick(objects)}`] : [],
        summary: { zh: summaryZh, en: summaryEn },
        category: pick(categories),
        heritage: [place.code],
        techniques: [],
        makers: rand() < 0.3 ? [{ name: { zh: pick(imaMakers), en: pick(imaMakers) } }] : [],
        period: period.key,
        date: { start, end: start + Math.floor(rand() * 40) },
        region,
        materials: [pick(materials), ...(rand() < 0.4 ? [pick(materials)] : [])],
        rights: { license: pick(licenses), holder: 'Bench', credit: 'Bench' },
        references: [],
        images: [],
        models: rand() < 0.05 ? [benchModel] : [],
        tags: rand() < 0.3 ? [pick(englishWords)] : [],
        featured: false,
        reproduction: false,
        review: [],
        added: new Date(0),
      },
    };
  }
  if (kind < 0.92) {
    const item = pick(itemNames);
    return {
      collection: 'crafts',
      slug: `craft-${id}`,
      body: '',
      data: {
        id: `BGC-${id}`,
        name: {
          zh: `${place.region.slice(0, 6)}${item.name}`,
          en: `${province?.en ?? ''} craft ${n}`,
        },
        otherNames: [shortName(item.name)],
        summary: { zh: summaryZh, en: summaryEn },
        category: pick(categories),
        heritage: [{ code: item.code, batch: 1 }],
        entries: [],
        regions: [region],
        materials: [pick(materials)],
        tools: [],
        glossary: [],
        steps: [],
        relatedWorks: [],
        references: [],
        images: [],
        films: [],
        added: new Date(0),
      },
    };
  }
  const surname = pick([...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐']);
  const given =
    pick([...'华明国建文丽英秀玉彩瓷绣雕金银漆竹云']) + pick([...'华明国建文丽英秀玉彩春芳']);
  const name = `${surname}${given}`;
  const py = pinyin(name, { toneType: 'none', type: 'array' });
  return {
    collection: 'people',
    slug: `person-${id}`,
    body: '',
    data: {
      id: `BGP-${id}`,
      name: {
        zh: name,
        en: py.map((s) => s[0]?.toUpperCase() + s.slice(1)).join(' '),
        pinyin: py.join(' '),
      },
      summary: {
        zh: `${place.region}${craft}传承人。`,
        en: `A maker of ${craft} from ${province?.en ?? ''}.`,
      },
      living: false,
      life: { born: 1900 + Math.floor(rand() * 80) },
      region,
      crafts: [],
      designations: [],
      otherNames: [],
      references: [],
      images: [],
      added: new Date(0),
    },
  };
}

// ---------------------------------------------------------------- query mix
type QueryKind = 'zh' | 'pinyin' | 'initials' | 'traditional' | 'en' | 'typo' | 'zh+filter';
const MIX: [QueryKind, number][] = [
  ['zh', 0.3],
  ['pinyin', 0.15],
  ['initials', 0.1],
  ['traditional', 0.1],
  ['en', 0.15],
  ['typo', 0.05],
  ['zh+filter', 0.15],
];
const FACETS = [
  'type',
  'category',
  'materials',
  'period',
  'province_zh',
  'heritage_label',
  'hasModel',
  'license',
];

function makeQuery(): { kind: QueryKind; body: Record<string, unknown> } {
  let r = rand();
  let kind: QueryKind = 'zh';
  for (const [k, share] of MIX) {
    if (r < share) {
      kind = k;
      break;
    }
    r -= share;
  }
  const word = shortName(pick(places).name).slice(0, 2 + Math.floor(rand() * 2)) || '广彩';
  const syllables = pinyin(word, { toneType: 'none', type: 'array', v: true });
  let q: string;
  switch (kind) {
    case 'pinyin':
      q = syllables.join('');
      break;
    case 'initials':
      q = syllables.map((s) => s[0]).join('');
      break;
    case 'traditional':
      q = traditionalForms(word)[0] ?? word;
      break;
    case 'en':
      q = pick(englishWords);
      break;
    case 'typo': {
      const full = syllables.join('');
      const i = Math.max(1, Math.floor(full.length / 2));
      q =
        full.length > 4
          ? full.slice(0, i) + (full[i + 1] ?? '') + (full[i] ?? '') + full.slice(i + 2)
          : full;
      break;
    }
    default:
      q = word;
  }
  // What the search page sends: 20 hits, highlights and the facet counts of the sidebar.
  const body: Record<string, unknown> = {
    q,
    hitsPerPage: 20,
    page: 1,
    facets: FACETS,
    attributesToHighlight: ['title_zh', 'title_en', 'summary_zh', 'summary_en'],
    attributesToRetrieve: [
      'id',
      'type',
      'url_zh',
      'title_zh',
      'title_en',
      'summary_zh',
      'thumbnail',
    ],
  };
  if (kind === 'zh+filter') body['filter'] = [`category = ${pick(categories)}`];
  return { kind, body };
}

// ---------------------------------------------------------------- measurement
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, i)] ?? 0) * 100) / 100;
}

interface LatencyResult {
  clients: number;
  queries: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  throughputQps: number;
  zeroHitShare: number;
  byKind: Record<string, { n: number; p50: number; p95: number }>;
}

/**
 * One search over a kept-alive loopback connection with Nagle off. (Node's fetch/undici stalls
 * ~40 ms on larger responses here — a client artefact browsers do not have — so plain
 * node:http is used.)
 */
function post(
  agent: Agent,
  url: string,
  key: string,
  body: string,
): Promise<{ status: number; json: string }> {
  return new Promise((resolvePost, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          Authorization: `Bearer ${key}`,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolvePost({ status: response.statusCode ?? 0, json: Buffer.concat(chunks).toString() }),
        );
        response.on('error', reject);
      },
    );
    req.on('socket', (socket) => socket.setNoDelay(true));
    req.on('error', reject);
    req.end(body);
  });
}

async function runLatency(
  host: string,
  key: string,
  index: string,
  clients: number,
): Promise<LatencyResult> {
  const url = `${host}/indexes/${index}/search`;
  const queries = Array.from({ length: QUERIES + WARMUP * clients }, makeQuery);
  let next = 0;
  const times: { kind: QueryKind; ms: number; hits: number }[] = [];
  const started = performance.now();
  let measuredStart = started;
  const worker = async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    for (;;) {
      const n = next++;
      const query = queries[n];
      if (!query) break;
      if (n === WARMUP * clients) measuredStart = performance.now();
      const t0 = performance.now();
      const response = await post(agent, url, key, JSON.stringify(query.body));
      const ms = performance.now() - t0;
      const json = JSON.parse(response.json) as { totalHits?: number; message?: string };
      if (response.status !== 200)
        throw new Error(`search failed: ${json.message ?? response.status}`);
      if (n >= WARMUP * clients) times.push({ kind: query.kind, ms, hits: json.totalHits ?? 0 });
    }
    agent.destroy();
  };
  await Promise.all(Array.from({ length: clients }, worker));
  const elapsed = (performance.now() - measuredStart) / 1000;
  const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
  const byKind: LatencyResult['byKind'] = {};
  for (const [kind] of MIX) {
    const list = times
      .filter((t) => t.kind === kind)
      .map((t) => t.ms)
      .sort((a, b) => a - b);
    byKind[kind] = { n: list.length, p50: percentile(list, 50), p95: percentile(list, 95) };
  }
  return {
    clients,
    queries: times.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: Math.round((sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)) * 100) / 100,
    max: percentile(sorted, 100),
    throughputQps: Math.round(times.length / elapsed),
    zeroHitShare:
      Math.round((times.filter((t) => t.hits === 0).length / Math.max(1, times.length)) * 1000) /
      1000,
    byKind,
  };
}

/** One size's figures as search.json keeps them. */
interface SizeRun {
  date: string;
  documents: number;
  documentBytes: number;
  buildDocumentsMs: number;
  indexingMs: number;
  /** Not measured before 2026-12-02. */
  server?: { indexingPeakMB?: number; queryPeakMB?: number; diskMB: number };
  /** 1-minute load averages before and after the run that measured this size. */
  load: { before: number[]; after: number[] };
  latency: LatencyResult[];
}

/** The sizes an earlier run measured (dated by that run when it did not date each size). */
function earlierRuns(file: string): SizeRun[] {
  if (!existsSync(file)) return [];
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    date: string;
    machine: { loadBefore?: number[]; loadAfter?: number[] };
    runs: (Omit<SizeRun, 'date' | 'load'> & Partial<Pick<SizeRun, 'date' | 'load'>>)[];
  };
  return report.runs.map((run) => ({
    ...run,
    date: run.date ?? report.date,
    load: run.load ?? {
      before: report.machine.loadBefore ?? [],
      after: report.machine.loadAfter ?? [],
    },
  }));
}

// ---------------------------------------------------------------- main
async function main(): Promise<void> {
  for (const file of ['ich/crafts-items.csv', 'museum/ima-chinese-objects.json']) {
    if (!existsSync(join(shared, file)))
      throw new Error(`missing ${join(shared, file)} (set SHARED_DATA)`);
  }
  const work = join(root, 'bench', 'tmp', 'search');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const server = await startMeili({
    root,
    port: 0,
    dataDir: join(work, 'data'),
    keyFile: join(work, 'master-key'),
    forceEmbedded: true,
  });
  const runs = [];
  const loadBefore = loadavg().map((l) => Math.round(l * 100) / 100);
  const versionResponse = await fetch(`${server.host}/version`, {
    headers: { Authorization: `Bearer ${server.masterKey}` },
  });
  const version =
    ((await versionResponse.json()) as { pkgVersion?: string }).pkgVersion ?? 'unknown';
  try {
    for (const size of SIZES) {
      seed = 20240601 + size;
      const made = { ms: 0, bytes: 0 };
      /** The documents in batches, made as the indexer asks for them (timed apart). */
      function* documentBatches(): Generator<SearchDocument[]> {
        for (let first = 1; first <= size; first += BATCH) {
          const t0 = performance.now();
          const count = Math.min(BATCH, size - first + 1);
          const batch = Array.from({ length: count }, (_, i) =>
            toSearchDocument(makeRecord(first + i)),
          );
          made.bytes += batch.reduce((sum, d) => sum + JSON.stringify(d).length, 0);
          made.ms += performance.now() - t0;
          yield batch;
        }
      }
      const index = `bench_${size}`;
      console.log(`${size.toLocaleString('en')} documents: making and indexing…`);
      const serverPid = Number(readFileSync(join(work, 'meili.pid'), 'utf8'));
      const memory = sampleResident(serverPid);
      const result = await indexDocuments({
        host: server.host,
        masterKey: server.masterKey,
        documents: documentBatches,
        indexName: index,
        batchSize: BATCH,
        taskTimeoutMs: 60 * 60_000,
      });
      const buildMs = Math.round(made.ms);
      const indexingMs = result.durationMs - buildMs;
      const indexingPeakMB = memory.stop();
      const diskMB = Math.round(diskBytes(join(work, 'data')) / 2 ** 20);
      console.log(
        `  made in ${(buildMs / 1000).toFixed(1)} s, indexed in ${(indexingMs / 1000).toFixed(1)} s; ` +
          `server peak ${String(indexingPeakMB)} MB, ${String(diskMB)} MB on disk`,
      );
      const queryMemory = sampleResident(serverPid);
      const latency = [];
      for (const clients of CLIENTS) {
        seed = 99 + clients;
        const r = await runLatency(server.host, server.masterKey, index, clients);
        console.log(
          `  ${clients} client(s): p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, ${r.throughputQps} q/s`,
        );
        latency.push(r);
      }
      runs.push({
        date: new Date().toISOString(),
        documents: size,
        documentBytes: made.bytes,
        buildDocumentsMs: buildMs,
        indexingMs,
        server: {
          indexingPeakMB,
          queryPeakMB: queryMemory.stop(),
          diskMB,
        },
        latency,
      });
      // Free the disk and memory before the next size (and its disk figure).
      await new Meilisearch({ host: server.host, apiKey: server.masterKey })
        .deleteIndex(index)
        .waitTask({ timeout: 10 * 60_000 });
    }
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }

  const loadAfter = loadavg().map((l) => Math.round(l * 100) / 100);
  const outDir = join(root, 'bench', 'results');
  const resultFile = join(outDir, 'search.json');
  const measured = [
    ...earlierRuns(resultFile).filter((run) => !SIZES.includes(run.documents)),
    ...runs.map((run) => ({ ...run, load: { before: loadBefore, after: loadAfter } })),
  ].sort((a, b) => a.documents - b.documents);
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: availableParallelism(),
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      meilisearch: version,
      /** 1/5/15-minute load averages before and after the run (other work on the machine skews figures). */
      loadBefore,
      loadAfter,
    },
    method: {
      network:
        'loopback (127.0.0.1), HTTP/1.1 keep-alive, one connection per client, TCP_NODELAY, node:http',
      queriesPerRun: QUERIES,
      warmupPerClient: WARMUP,
      clients: CLIENTS,
      queryMix: Object.fromEntries(MIX),
      request:
        'POST /indexes/<index>/search with hitsPerPage 20, highlights on titles and summaries, and facet counts for 8 attributes (what the search page sends); zh+filter adds a category filter',
      sources:
        'titles combine ICH regional-entry places and item names (shared/data/ich) with object and motif words; English titles, summaries and makers from IMA titles (shared/data/museum); category, material, period and license from the project vocabularies; documents made by the real builder (pinyin, initials, traditional forms)',
    },
    targets: { p95MsAt100kOneClient: 30, indexing100kSeconds: 120 },
    runs: measured,
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(resultFile, `${JSON.stringify(report, null, 2)}\n`);
  const mb = (n: number | undefined) => (n === undefined ? 'n/a' : n.toLocaleString('en'));

  const lines = [
    '# Search benchmark',
    '',
    `Last run ${report.date} on ${report.machine.cpus} cores (${report.machine.cpuModel}), ${report.machine.memoryGiB} GiB, Node ${report.machine.node}, Meilisearch ${report.machine.meilisearch}, over loopback. Each size's date and the load average around its run are in its row and in search.json.`,
    '',
    `Query mix: ${MIX.map(([k, s]) => `${k} ${Math.round(s * 100)}%`).join(', ')}. Each request is what the search page sends: 20 hits, highlights, facet counts for 8 attributes. ${QUERIES} measured queries per run after ${WARMUP} warm-up queries per client.`,
    '',
    'Targets: p95 under 30 ms at 100,000 documents with one client; indexing 100,000 documents in under 2 minutes.',
    '',
    '| documents | build docs (s) | indexing (s) | clients | p50 (ms) | p95 (ms) | p99 (ms) | q/s | zero-hit share | date (load before/after) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...measured.flatMap((run) =>
      run.latency.map(
        (l) =>
          `| ${run.documents.toLocaleString('en')} | ${(run.buildDocumentsMs / 1000).toFixed(1)} | ${(run.indexingMs / 1000).toFixed(1)} | ${l.clients} | ${l.p50} | ${l.p95} | ${l.p99} | ${l.throughputQps} | ${l.zeroHitShare} | ${run.date.slice(0, 10)} (${run.load.before[0] ?? '?'} / ${run.load.after[0] ?? '?'}) |`,
      ),
    ),
    '',
    'Meilisearch server memory (peak resident set while indexing, and while answering the queries) and the index data on disk:',
    '',
    '| documents | document JSON (MB) | server peak, indexing (MB) | server peak, queries (MB) | data on disk (MB) |',
    '|---:|---:|---:|---:|---:|',
    ...measured.map(
      (run) =>
        `| ${run.documents.toLocaleString('en')} | ${mb(Math.round(run.documentBytes / 2 ** 20))} | ${mb(run.server?.indexingPeakMB)} | ${mb(run.server?.queryPeakMB)} | ${mb(run.server?.diskMB)} |`,
    ),
    '',
    'p95 by query kind (ms):',
    '',
    `| documents | clients | ${MIX.map(([k]) => k).join(' | ')} |`,
    `|---:|---:|${MIX.map(() => '---:').join('|')}|`,
    ...measured.flatMap((run) =>
      run.latency.map(
        (l) =>
          `| ${run.documents.toLocaleString('en')} | ${l.clients} | ${MIX.map(([k]) => l.byKind[k]?.p95 ?? '').join(' | ')} |`,
      ),
    ),
    '',
    `Sources: ${report.method.sources}.`,
    '',
  ];
  writeFileSync(join(outDir, 'search.md'), lines.join('\n'));
  console.log(`Wrote bench/results/search.json and search.md`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
