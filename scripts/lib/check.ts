/**
 * Every check that runs on content: schema (through `loadRecords`), unique IDs, references
 * between records, and media files that must exist inside each record's folder.
 */
import { thesaurusProblems } from './thesaurus-check.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { captionFileOf, parseCaptions } from '../../src/lib/media/captions.ts';
import { AUDIO_EXTENSIONS, VIDEO_EXTENSIONS } from './ingest/discover.ts';
import { idPrefixes, type Collection } from '../../src/schemas/index.ts';
import { isInsideFolder, loadRecords, type AnyRecord } from './content.ts';
import { bodyImageFileProblems } from '../../src/lib/content-safety/media.ts';
import { formatOf } from '../../src/lib/content-safety/record.ts';
import { checkBody } from './mdx-check.ts';
import { sniffMediaFile } from './media-sniff.ts';
import type { Problem } from './problems.ts';

/** Every record ID a record points at, with the field that holds it. */
export function referencesOf(record: AnyRecord): { field: string; id: string }[] {
  const refs: { field: string; id: string }[] = [];
  const add = (field: string, ids: readonly string[]) =>
    ids.forEach((id, i) => refs.push({ field: `${field}.${i}`, id }));
  switch (record.collection) {
    case 'works': {
      const d = record.data;
      add('techniques', d.techniques);
      d.makers.forEach(
        (m, i) => m.person && refs.push({ field: `makers.${i}.person`, id: m.person }),
      );
      if (d.cluster) refs.push({ field: 'cluster', id: d.cluster });
      break;
    }
    case 'crafts':
      add('relatedWorks', record.data.relatedWorks);
      break;
    case 'people':
      add('crafts', record.data.crafts);
      break;
    case 'clusters':
      add('crafts', record.data.crafts);
      add('works', record.data.works);
      add('people', record.data.people);
      break;
    case 'exhibitions':
      add('works', record.data.works);
      break;
  }
  return refs;
}

/** Media files a record names, with their fields. */
export function mediaFilesOf(record: AnyRecord): { field: string; file: string }[] {
  const files: { field: string; file: string }[] = [];
  const data = record.data as {
    images?: { file: string }[];
    models?: { file: string; poster?: string | undefined }[];
    cover?: { file: string } | undefined;
    steps?: { image?: string | undefined; clip?: { film: string } | undefined }[];
    films?: { file: string }[];
  };
  data.images?.forEach((m, i) => files.push({ field: `images.${i}.file`, file: m.file }));
  data.models?.forEach((m, i) => {
    files.push({ field: `models.${i}.file`, file: m.file });
    if (m.poster) files.push({ field: `models.${i}.poster`, file: m.poster });
  });
  if (data.cover) files.push({ field: 'cover.file', file: data.cover.file });
  data.steps?.forEach(
    (s, i) => s.image && files.push({ field: `steps.${i}.image`, file: s.image }),
  );
  data.films?.forEach((f, i) => files.push({ field: `films.${i}.file`, file: f.file }));
  data.steps?.forEach(
    (s, i) => s.clip && files.push({ field: `steps.${i}.clip.film`, file: s.clip.film }),
  );
  return files;
}

const singular: Record<Collection, string> = {
  works: 'work',
  crafts: 'craft',
  people: 'person',
  clusters: 'cluster',
  exhibitions: 'exhibition',
  cases: 'case',
};

function collectionOfId(id: string): Collection | undefined {
  const prefix = id.split('-')[0];
  return (Object.keys(idPrefixes) as Collection[]).find((c) => idPrefixes[c] === prefix);
}

function duplicateIds(records: AnyRecord[]): Problem[] {
  const first = new Map<string, AnyRecord>();
  const problems: Problem[] = [];
  for (const record of records) {
    const other = first.get(record.data.id);
    if (other) {
      problems.push({
        file: record.file,
        field: 'id',
        en: `ID ${record.data.id} is already used by ${other.file}`,
        zh: `编号 ${record.data.id} 已被 ${other.file} 使用`,
        fix: 'give this record the next free ID (npm run new picks one); IDs are never reused / 请改用下一个未使用的编号',
      });
    } else first.set(record.data.id, record);
  }
  return problems;
}

function brokenReferences(records: AnyRecord[]): Problem[] {
  const ids = new Set(records.map((r) => r.data.id));
  return records.flatMap((record) =>
    referencesOf(record)
      .filter((ref) => !ids.has(ref.id))
      .map((ref) => ({
        file: record.file,
        field: ref.field,
        en: `refers to ${ref.id}, but no ${singular[collectionOfId(ref.id) ?? 'works'] ?? 'record'} has that ID`,
        zh: `引用的编号 ${ref.id} 不存在`,
        fix: 'correct the ID, or add the record it refers to / 请更正编号或先添加被引用的记录',
      })),
  );
}

function missingMedia(records: AnyRecord[]): Problem[] {
  return records.flatMap((record) =>
    mediaFilesOf(record).flatMap(({ field, file }): Problem[] => {
      if (!isInsideFolder(record.dir, file)) {
        return [
          {
            file: record.file,
            field,
            en: `"${file}" is outside the record's folder`,
            zh: `“${file}” 不在本记录的文件夹内`,
            fix: "copy the file into the record's folder and name it there / 请把文件复制到记录文件夹内",
          },
        ];
      }
      const path = join(record.dir, file);
      // Present: sniff its headers (format, pixel count, end marker, SVG safety), no decoding.
      if (existsSync(path))
        return sniffMediaFile(path, file, field).map((p) => ({ ...p, file: record.file }));
      return [
        {
          file: record.file,
          field,
          en: `media file "${file}" does not exist`,
          zh: `媒体文件 “${file}” 不存在`,
          fix: 'put the file next to index.mdx or correct the name (names are case-sensitive) / 请把文件放在 index.mdx 旁或更正文件名（区分大小写）',
        },
      ];
    }),
  );
}

/**
 * Bodies, Markdown and MDX alike: only the allowed components and HTML, no code, safe links,
 * images from the record's folder; the IDs components name must exist (works with a model for
 * Model3D).
 */
function bodyProblems(records: AnyRecord[]): Problem[] {
  const works = new Map(
    records.flatMap((r) => (r.collection === 'works' ? [[r.data.id, r] as const] : [])),
  );
  return records.flatMap((record) => {
    const { problems, references, images } = checkBody(
      record.body,
      formatOf(record.file),
      record.bodyLine,
    );
    problems.push(...bodyImageFileProblems(record.dir, images));
    for (const ref of references) {
      const work = works.get(ref.id);
      if (!work) {
        problems.push({
          field: '(body)',
          line: ref.line,
          en: `<${ref.component} ${ref.attribute}="${ref.id}"> names a work that does not exist`,
          zh: `<${ref.component}> 引用的作品 ${ref.id} 不存在`,
          fix: 'use the ID of an existing work (BGW-…) / 请使用已有作品的编号',
        });
      } else if (ref.file !== undefined && !work.data.images.some((img) => img.file === ref.file)) {
        problems.push({
          field: '(body)',
          line: ref.line,
          en: `<Figure file="${ref.file}"> is not among the images of ${ref.id}`,
          zh: `作品 ${ref.id} 的图片中没有 “${ref.file}”`,
          fix: "list the image under that work's images first / 请先在该作品的 images 中登记这张图片",
        });
      } else if (ref.component === 'Model3D' && work.data.models.length === 0) {
        problems.push({
          field: '(body)',
          line: ref.line,
          en: `<Model3D work="${ref.id}"> names a work without a 3D model`,
          zh: `作品 ${ref.id} 没有三维模型`,
          fix: 'add a model to that work, or use <WorkCard> instead / 请先为该作品添加模型，或改用 <WorkCard>',
        });
      }
    }
    return problems.map((p) => ({ ...p, file: record.file }));
  });
}

/**
 * Captions beside films and recordings: named `<master stem>.<zh-Hans|zh-Hant|en>.vtt` after a
 * film or recording in the same folder, and valid WebVTT (each problem at its line).
 */
/** A step's clip must name one of the record's `films`: the page shows chapters of those only. */
function clipProblems(records: AnyRecord[]): Problem[] {
  return records.flatMap((record) => {
    if (record.collection !== 'crafts') return [];
    const films = new Set(record.data.films.map((f) => f.file));
    return record.data.steps.flatMap((step, i): Problem[] =>
      step.clip && !films.has(step.clip.film)
        ? [
            {
              file: record.file,
              field: `steps.${String(i)}.clip.film`,
              en: `${step.clip.film} is not listed under films`,
              zh: `${step.clip.film} 未列在 films 中`,
              fix: 'add the film under films (file, title, rights), or correct the name / 请在 films 中列出该影片，或更正文件名',
            },
          ]
        : [],
    );
  });
}

function captionProblems(root: string, records: AnyRecord[]): Problem[] {
  return records.flatMap((record) => {
    const files = readdirSync(record.dir, { recursive: true, encoding: 'utf8' }).sort();
    const stems = new Set(
      files.flatMap((f) => {
        const ext = extname(f).slice(1).toLowerCase();
        return VIDEO_EXTENSIONS.has(ext) || AUDIO_EXTENSIONS.has(ext)
          ? [f.slice(0, -ext.length - 1)]
          : [];
      }),
    );
    return files
      .filter((f) => f.toLowerCase().endsWith('.vtt'))
      .flatMap((f): Problem[] => {
        const file = relative(root, join(record.dir, f)).split(sep).join('/');
        const named = captionFileOf(f);
        if (!named || !stems.has(named.stem))
          return [
            {
              file,
              field: '(captions)',
              en: named
                ? `no film or recording named ${named.stem} beside these captions`
                : 'a captions file is named <film>.zh-Hans.vtt, <film>.zh-Hant.vtt or <film>.en.vtt',
              zh: named ? `字幕旁没有名为 ${named.stem} 的影片或录音` : '字幕文件名格式不对',
              fix: 'name the captions after their film, e.g. steps.mp4 → steps.zh-Hans.vtt / 字幕文件应以影片命名，如 steps.mp4 → steps.zh-Hans.vtt',
            },
          ];
        return parseCaptions(readFileSync(join(record.dir, f), 'utf8')).problems.map((p) => ({
          file,
          line: p.line,
          field: '(captions)',
          en: p.message,
          zh: `字幕格式错误：${p.message}`,
          fix: 'correct the WebVTT at that line / 请更正该行的 WebVTT',
        }));
      });
  });
}

/** Hotspots and tour steps must point at things that exist. */
function annotationProblems(records: AnyRecord[]): Problem[] {
  return records.flatMap((record) => {
    if (record.collection !== 'works') return [];
    return record.data.models.flatMap((model, m) => {
      const ids = new Set(model.hotspots.map((h) => h.id));
      const problems: Problem[] = [];
      model.hotspots.forEach((h, i) => {
        if (model.hotspots.findIndex((o) => o.id === h.id) !== i) {
          problems.push({
            file: record.file,
            field: `models.${m}.hotspots.${i}.id`,
            en: `hotspot id "${h.id}" is used twice`,
            zh: `热点编号 “${h.id}” 重复`,
            fix: 'give each hotspot its own id / 每个热点需有唯一编号',
          });
        }
      });
      model.tour.forEach((step, i) => {
        if (step.hotspot && !ids.has(step.hotspot)) {
          problems.push({
            file: record.file,
            field: `models.${m}.tour.${i}.hotspot`,
            en: `tour step names hotspot "${step.hotspot}", which this model does not have`,
            zh: `导览步骤引用的热点 “${step.hotspot}” 不存在`,
            fix: `use one of: ${[...ids].join(', ') || '(no hotspots yet)'} / 请使用本模型已有的热点编号`,
          });
        }
      });
      return problems;
    });
  });
}

/** Review notes ("needs review"): warnings, so that what is still to be checked stays in view. */
function reviewWarnings(records: AnyRecord[]): Problem[] {
  return records.flatMap((record) =>
    record.collection === 'works'
      ? record.data.review.map((r, i): Problem => ({
          file: record.file,
          field: `review.${i}`,
          en: `needs review (${r.field}): ${r.note.en}`,
          zh: `待核（${r.field}）：${r.note.zh}`,
          fix: 'check the sources, correct the record, then delete the note / 核对来源、修正记录后删除此条说明',
          warning: true,
        }))
      : [],
  );
}

export interface CheckResult {
  records: number;
  problems: Problem[];
}

/** Runs every content check over the project at `root`. */
export function checkContent(root: string, contentDir = join(root, 'content')): CheckResult {
  const { files, records, problems } = loadRecords(root, contentDir);
  problems.push(
    ...duplicateIds(records),
    ...brokenReferences(records),
    ...missingMedia(records),
    ...bodyProblems(records),
    ...annotationProblems(records),
    ...captionProblems(root, records),
    ...clipProblems(records),
    ...thesaurusProblems(),
    ...reviewWarnings(records),
  );
  return { records: files, problems };
}
