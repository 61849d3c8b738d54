/**
 * `npm run check` on the thesaurus (`src/data/thesaurus/`): unique IDs, labels in both
 * languages, pinyin for every Chinese label, known kinds, broader concepts that exist and never
 * loop back, sources that resolve to `sources.json`, and English labels that name one concept
 * only (the title translation reads them).
 */
import {
  CONCEPT_FILES,
  CONCEPT_KINDS,
  THESAURUS_SOURCES,
  VOCABULARY_CONCEPTS,
  buildThesaurus,
  loadConcepts,
  type Concept,
  type ConceptFile,
  type Thesaurus,
  type ThesaurusSource,
  type VocabularyConcept,
} from '../../src/lib/thesaurus/index.ts';
import { linkScheme } from '../../src/lib/content-safety/urls.ts';
import { normaliseLabel } from '../../src/lib/thesaurus/title-zh.ts';
import type { Problem } from './problems.ts';

const DIR = 'src/data/thesaurus';
const HAN = /\p{Script=Han}/u;
/** Pinyin syllables with tone marks (or none), separated by spaces. */
const PINYIN = /^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]+(?: [a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]+)*$/;

const problem = (file: string, field: string, en: string, zh: string, fix: string): Problem => ({
  file: `${DIR}/${file}`,
  field,
  en,
  zh,
  fix,
});

function kindProblems(files: readonly ConceptFile[]): Problem[] {
  return files
    .filter((f) => !(CONCEPT_KINDS as readonly string[]).includes(f.kind))
    .map((f) =>
      problem(
        f.file,
        'kind',
        `unknown kind "${f.kind}"`,
        `未知的概念类别 “${f.kind}”`,
        `use one of ${CONCEPT_KINDS.join(', ')} / 请使用已定义的类别`,
      ),
    );
}

function vocabularyProblems(terms: readonly VocabularyConcept[], concepts: Concept[]): Problem[] {
  const loaded = new Set(concepts.map((c) => c.id));
  return terms
    .filter((t) => !loaded.has(t.id))
    .map((t) =>
      problem(
        'vocabulary-terms.json',
        t.id,
        `"${t.vocabulary}" has no term "${t.key}"`,
        `词表 “${t.vocabulary}” 中没有 “${t.key}”`,
        'name a vocabulary (materials, craftCategories) and one of its keys / 请填写词表名及其中的术语键',
      ),
    );
}

function labelProblems(c: Concept): Problem[] {
  const out: Problem[] = [];
  const at = (field: string, en: string, zh: string, fix: string) =>
    out.push(problem(c.file, `${c.id}.${field}`, en, zh, fix));
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(c.id))
    at(
      'id',
      'the ID must be lower-case words joined by hyphens',
      '编号须为以连字符连接的小写英文',
      'e.g. lotus-scroll / 例如 lotus-scroll',
    );
  if (!c.zh.trim() || !HAN.test(c.zh))
    at('zh', 'the Chinese label is missing', '缺少中文名称', 'add "zh" / 请填写中文名称');
  if (!c.en.trim())
    at('en', 'the English label is missing', '缺少英文名称', 'add "en" / 请填写英文名称');
  if (HAN.test(c.zh) && !PINYIN.test(c.pinyin ?? ''))
    at(
      'pinyin',
      'pinyin is missing or not in tone-marked syllables',
      '缺少拼音，或拼音不是带声调的音节',
      'write it like "méi píng" / 请按 “méi píng” 的格式填写',
    );
  if (c.note && (!c.note.en || !c.note.zh))
    at(
      'note',
      'the scope note needs both languages',
      '范围注释须有中英文',
      'add note.zh and note.en / 请补全 note.zh 与 note.en',
    );
  if (c.sources.length === 0)
    at(
      'sources',
      'no source is cited',
      '未注明出处',
      'cite a source of sources.json / 请引用 sources.json 中的出处',
    );
  return out;
}

function referenceProblems(c: Concept, t: Thesaurus): Problem[] {
  const out: Problem[] = [];
  for (const id of c.sources.filter((s) => !t.sources.has(s)))
    out.push(
      problem(
        c.file,
        `${c.id}.sources`,
        `source "${id}" is not in sources.json`,
        `出处 “${id}” 不在 sources.json 中`,
        'add it to sources.json with a full citation, or fix the ID / 请在 sources.json 中补充完整出处或改正编号',
      ),
    );
  for (const [field, ids] of [
    ['broader', c.broader],
    ['related', c.related],
  ] as const)
    for (const id of ids.filter((b) => !t.byId.has(b)))
      out.push(
        problem(
          c.file,
          `${c.id}.${field}`,
          `no concept "${id}"`,
          `没有编号为 “${id}” 的概念`,
          'use the ID of a concept in src/data/thesaurus/ / 请填写术语表中已有的概念编号',
        ),
      );
  return out;
}

/** Concepts whose broader chain leads back to themselves. */
function cycleProblems(t: Thesaurus): Problem[] {
  const out: Problem[] = [];
  for (const c of t.concepts) {
    const seen = new Set<string>();
    const queue = [...c.broader];
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (id === c.id) {
        out.push(
          problem(
            c.file,
            `${c.id}.broader`,
            'the broader concepts lead back to this concept (a cycle)',
            '上位概念形成循环',
            'remove one of the broader links / 请删去其中一个上位关系',
          ),
        );
        break;
      }
      if (seen.has(id)) continue;
      seen.add(id);
      queue.push(...(t.byId.get(id)?.broader ?? []));
    }
  }
  return out;
}

function duplicateProblems(t: Thesaurus): Problem[] {
  const out: Problem[] = [];
  const ids = new Map<string, Concept>();
  const prefZh = new Map<string, Concept>();
  const english = new Map<string, Concept>();
  for (const c of t.concepts) {
    const first = ids.get(c.id);
    if (first)
      out.push(
        problem(
          c.file,
          c.id,
          `the ID is also used in ${first.file}`,
          `编号与 ${first.file} 重复`,
          'give each concept its own ID / 每个概念须有唯一编号',
        ),
      );
    ids.set(c.id, c);
    const key = `${c.kind} ${c.zh}`;
    const same = prefZh.get(key);
    if (same)
      out.push(
        problem(
          c.file,
          `${c.id}.zh`,
          `"${c.zh}" is also the label of ${same.id}`,
          `中文名称 “${c.zh}” 与 ${same.id} 重复`,
          'make the preferred labels of one kind distinct / 同类概念的首选名称须不同',
        ),
      );
    prefZh.set(key, c);
    if (['tradeTerm', 'objectClass', 'craftCategory'].includes(c.kind)) continue;
    for (const label of new Set([c.en, ...c.altEn, ...c.hiddenEn].map(normaliseLabel))) {
      const other = english.get(`${c.kind} ${label}`);
      if (other && other !== c)
        out.push(
          problem(
            c.file,
            `${c.id}.altEn`,
            `"${label}" also names ${other.id}`,
            `英文名称 “${label}” 同时指向 ${other.id}`,
            'keep each English label on one concept of a kind / 同类中每个英文名称只能对应一个概念',
          ),
        );
      english.set(`${c.kind} ${label}`, c);
    }
  }
  return out;
}

function sourceProblems(sources: readonly ThesaurusSource[]): Problem[] {
  const incomplete = sources
    .filter((s) => !s.id || !s.zh?.trim() || !s.en?.trim())
    .map((s) =>
      problem(
        'sources.json',
        s.id || '(source)',
        'a source needs an ID and a citation in both languages',
        '出处须有编号及中英文著录',
        'fill id, zh and en / 请填写 id、zh、en',
      ),
    );
  // the thesaurus pages link a source's url: only a web address may become a link
  const badUrls = sources
    .filter((s) => s.url !== undefined && !['http', 'https'].includes(linkScheme(s.url) ?? ''))
    .map((s) =>
      problem(
        'sources.json',
        `${s.id || '(source)'}.url`,
        `"${s.url ?? ''}" is not a web address (https: or http:)`,
        `“${s.url ?? ''}” 不是网址（须以 https: 或 http: 开头）`,
        'give the https:// address of the source, or remove url / 请填写出处的 https:// 网址，或删除 url',
      ),
    );
  return [...incomplete, ...badUrls];
}

/** Every problem of the thesaurus. */
export function thesaurusProblems(
  files: readonly ConceptFile[] = CONCEPT_FILES,
  vocabularyTerms: readonly VocabularyConcept[] = VOCABULARY_CONCEPTS,
  sources: readonly ThesaurusSource[] = THESAURUS_SOURCES,
): Problem[] {
  const concepts = loadConcepts(files, vocabularyTerms);
  const t = buildThesaurus(concepts, sources);
  return [
    ...kindProblems(files),
    ...vocabularyProblems(vocabularyTerms, concepts),
    ...sourceProblems(sources),
    ...concepts.flatMap(labelProblems),
    ...concepts.flatMap((c) => referenceProblems(c, t)),
    ...cycleProblems(t),
    ...duplicateProblems(t),
  ];
}
