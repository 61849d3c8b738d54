/**
 * A Chinese title for a work from its English source title, through the thesaurus. Pure: the
 * import mappings call it (`scripts/lib/import/`), and the tests. Every word of the English title
 * must be a thesaurus label, a number or one of the few grammar words below; a title with any
 * other word gets no Chinese title, and the words are returned as `missing` so that curators can
 * extend the thesaurus. Nothing is guessed.
 *
 * The Chinese follows catalogue order: ware, glaze or decoration (or the material), motifs with
 * 纹, shape, parts, then the object: "Vase with carved peony design" + "porcelain with celadon
 * glaze" → 青釉刻花牡丹纹瓶. Paintings: 仿 + master, subjects, 图, format (册, 扇面).
 */
import { type Concept, type ConceptKind, type Thesaurus, thesaurus, withBroader } from './index.ts';

export interface TitleInput {
  /** The English title as the source gives it. */
  title: string;
  /** The source's materials text ("porcelain with underglaze blue"), for the prefix. */
  materials?: string | undefined;
  /** Craft category key of the work (`painting` makes a painting title). */
  category?: string | undefined;
}

export interface TitleResult {
  /** The Chinese title; undefined when the title is not covered. */
  zh?: string | undefined;
  /** The object type concept (for the facet), when the title names one. */
  objectType?: string | undefined;
  /** The other concepts the title was built from (motifs, techniques, forms …), in order. */
  concepts: string[];
  /** `working` when there is a Chinese title: built by machine, to be checked. */
  translation?: 'working' | undefined;
  /** Words of the English title that no thesaurus label covers. */
  missing: string[];
}

/** Words that carry grammar, not meaning of their own. */
const GRAMMAR = new Set([
  'a',
  'an',
  'the',
  'and',
  'with',
  'of',
  'on',
  'in',
  'for',
  'from',
  'by',
  'at',
  'to',
  'among',
  'beneath',
  'under',
  'through',
  'composed',
  'attached',
  'over',
  'its',
  'design',
  'designs',
  'decoration',
  'decorations',
  'decorated',
  'motif',
  'motifs',
  'pattern',
  'patterns',
  'scene',
  'scenes',
  'view',
  'views',
  'shape',
  'shaped',
  'form',
  'type',
  'style',
  'after',
  'portrait',
  'degree',
]);

const NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  hundred: 100,
  'one hundred': 100,
  thousand: 1000,
  myriad: 10000,
};
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
};
const DIGITS = '〇一二三四五六七八九';

/** 12 → 十二, 100 → 百, 500 → 五百. */
export function chineseNumber(n: number): string {
  if (n === 100) return '百';
  if (n === 1000) return '千';
  if (n === 10000) return '万';
  if (n > 100 && n < 1000 && n % 100 === 0) return `${DIGITS[n / 100]}百`;
  if (n >= 10 && n < 100) {
    const tens = Math.floor(n / 10);
    return `${tens === 1 ? '' : DIGITS[tens]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  }
  return DIGITS[n] ?? String(n);
}

/** Lower case, no hyphens or quotes, single spaces: the form labels and titles are matched in. */
export function normaliseLabel(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/["\u201c\u201d]/g, ' ')
    .replace(/(?<=[a-z0-9])-+(?=[a-z0-9])/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function plurals(label: string): string[] {
  // already plural, or not a word that takes -s
  if (/[^a-z]$|s$|men$|ren$/.test(label)) return [label];
  const forms = [label, `${label}s`, `${label}es`];
  if (/[^aeiou]y$/.test(label)) forms.push(`${label.slice(0, -1)}ies`);
  return forms;
}

/** English labels (and their plurals) → concepts, for one thesaurus. */
export interface LabelIndex {
  labels: ReadonlyMap<string, Concept[]>;
  /** Most words in a label. */
  longest: number;
}

const indexes = new WeakMap<Thesaurus, LabelIndex>();

export function labelIndex(t: Thesaurus = thesaurus()): LabelIndex {
  const known = indexes.get(t);
  if (known) return known;
  const labels = new Map<string, Concept[]>();
  let longest = 1;
  for (const concept of t.concepts) {
    if (['tradeTerm', 'objectClass', 'craftCategory'].includes(concept.kind)) continue;
    for (const label of [concept.en, ...concept.altEn, ...concept.hiddenEn]) {
      for (const form of plurals(normaliseLabel(label))) {
        const list = labels.get(form) ?? [];
        if (!list.includes(concept)) labels.set(form, [...list, concept]);
        longest = Math.max(longest, form.split(' ').length);
      }
    }
  }
  const index = { labels, longest };
  indexes.set(t, index);
  return index;
}

type Token =
  | { type: 'concept'; concept: Concept; text: string }
  | { type: 'number'; value: number; text: string }
  | { type: 'ordinal'; value: number; text: string }
  | { type: 'word'; text: string }
  | { type: 'punct'; text: string }
  | { type: 'unknown'; text: string };

/** Which kind wins when one English label names concepts of several kinds. */
const PREFERENCE: Record<'object' | 'painting', ConceptKind[]> = {
  object: [
    'objectType',
    'part',
    'shape',
    'ware',
    'glaze',
    'technique',
    'material',
    'motif',
    'subject',
    'attribute',
    'format',
    'person',
  ],
  painting: [
    'format',
    'motif',
    'subject',
    'person',
    'attribute',
    'technique',
    'material',
    'objectType',
    'shape',
    'part',
    'glaze',
    'ware',
  ],
};

function choose(
  candidates: Concept[],
  mode: 'object' | 'painting',
  headSeen: boolean,
): Concept | undefined {
  const order = PREFERENCE[mode];
  const rank = (c: Concept) =>
    // once the object is named, a word that may be a motif is the motif: "bowl with figures"
    headSeen && ['motif', 'subject'].includes(c.kind) ? -1 : order.indexOf(c.kind);
  return [...candidates].sort((a, b) => rank(a) - rank(b))[0];
}

/** Cataloguers' notes inside a title that are not part of it: "(see card)", "(#280, in black box)". */
const NOTES = [
  /\((?:see card|[^)]*#\d+[^)]*)\)/g,
  /[([](?:active|ca?\.|c\.)?[^()[\]a-z]*\d{3,4}[^()[\]a-z]*[)\]]/g,
  /\[active [^\]]*\]/g,
  /\(\s*$/g,
];

export function tokenize(
  text: string,
  mode: 'object' | 'painting',
  t: Thesaurus = thesaurus(),
): Token[] {
  const { labels, longest } = labelIndex(t);
  let clean = normaliseLabel(text);
  for (const note of NOTES) clean = clean.replace(note, ' ');
  const words = clean
    .replace(/([,:;()])/g, ' $1 ')
    .replace(/\.(?=\s|$)/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const tokens: Token[] = [];
  for (let i = 0; i < words.length;) {
    let matched = false;
    for (let n = Math.min(longest, words.length - i); n >= 1; n--) {
      const phrase = words.slice(i, i + n).join(' ');
      const found = labels.get(phrase);
      const headSeen = tokens.some(
        (tok) => tok.type === 'concept' && tok.concept.kind === 'objectType',
      );
      const concept = found ? choose(found, mode, headSeen) : undefined;
      if (concept) {
        tokens.push({ type: 'concept', concept, text: phrase });
        i += n;
        matched = true;
        break;
      }
      if (n === 2 && NUMBERS[phrase] !== undefined) {
        tokens.push({ type: 'number', value: NUMBERS[phrase], text: phrase });
        i += n;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const word = words[i]!;
    i++;
    if (/^[,:;()]$/.test(word)) tokens.push({ type: 'punct', text: word });
    else if (/^\d+$/.test(word)) tokens.push({ type: 'number', value: Number(word), text: word });
    else if (NUMBERS[word] !== undefined)
      tokens.push({ type: 'number', value: NUMBERS[word], text: word });
    else if (ORDINALS[word] !== undefined)
      tokens.push({ type: 'ordinal', value: ORDINALS[word], text: word });
    else if (GRAMMAR.has(word)) tokens.push({ type: 'word', text: word });
    else tokens.push({ type: 'unknown', text: word });
  }
  return tokens;
}

/** What a title says, sorted by the part each word plays in a Chinese title. */
interface Roles {
  head?: Concept | undefined;
  /** A more specific object type in brackets or after "type": "vase … (meiping)". */
  override?: Concept | undefined;
  /** Objects named beside the head: "cup and saucer". */
  companions: Concept[];
  /** What the object belongs to: "stand (for vase)", "collar from woman's coat". */
  purpose: Concept[];
  /** What a figure wears or holds: "lady with tall hat". */
  accessories: Concept[];
  /** "with stand", "on wooden stand". */
  stand: boolean;
  /** Motifs, subjects and persons depicted, with their numbers. */
  depicted: { concept: Concept; prefix: string }[];
  /** "in shape of a fish", "peach-shaped". */
  shapedAs: Concept[];
  shapes: Concept[];
  parts: { concept: Concept; prefix: string }[];
  attributes: Concept[];
  colours: Concept[];
  techniques: Concept[];
  glazes: Concept[];
  wares: Concept[];
  materials: Concept[];
  formats: Concept[];
  /** "after Shen Zhou": the master followed. */
  after: Concept[];
  rank?: number | undefined;
  pair?: Concept | undefined;
  burial: boolean;
  fragment: boolean;
  portrait: boolean;
}

const DEPICTED_KINDS: ConceptKind[] = ['motif', 'subject', 'person'];

function emptyRoles(): Roles {
  return {
    companions: [],
    purpose: [],
    accessories: [],
    stand: false,
    depicted: [],
    shapedAs: [],
    shapes: [],
    parts: [],
    attributes: [],
    colours: [],
    techniques: [],
    glazes: [],
    wares: [],
    materials: [],
    formats: [],
    after: [],
    burial: false,
    fragment: false,
    portrait: false,
  };
}

function isUnder(c: Concept, id: string, t: Thesaurus): boolean {
  return withBroader(c, t).some((b) => b.id === id);
}

/** 2 → 双 (twin pines, two loop handles), other numbers as written. */
const countPrefix = (n: number | undefined) =>
  n === undefined ? '' : n === 2 ? '双' : chineseNumber(n);

/** State while the tokens of a title are read left to right. */
interface Reading {
  count?: number | undefined;
  ordinal?: number | undefined;
  colour?: Concept | undefined;
  /** The last grammar word that governs what follows ("with", "for", "and" …). */
  prep?: string | undefined;
  after: boolean;
  shapeOf: boolean;
  inParen: boolean;
  /** The previous token was the head object. */
  justHead: boolean;
}

function readObjectType(c: Concept, roles: Roles, r: Reading, t: Thesaurus): void {
  const { prep } = r;
  if (c.id === 'fragment') roles.fragment = true;
  else if (c.id === 'stand' && roles.head && r.justHead && !prep) {
    roles.purpose.push(roles.head); // "teapot stand"
    roles.head = c;
  } else if (c.id === 'stand' && roles.head && prep !== 'for' && prep !== 'from')
    roles.stand = true;
  else if (c.id === 'lid' && roles.head && (prep === 'with' || prep === 'and'))
    roles.parts.push({ concept: t.byId.get('cover') ?? c, prefix: '' });
  else if (roles.head && (prep === 'for' || prep === 'from')) roles.purpose.push(c);
  else if (roles.head && (prep === 'type' || r.inParen)) roles.override = c;
  else if (!roles.head && roles.depicted.length > 0 && prep === 'with') roles.accessories.push(c);
  else if (!roles.head) roles.head = c;
  else if (roles.burial) roles.head = c;
  else roles.companions.push(c);
  if (r.count !== undefined && r.count > 1 && c === roles.head) roles.pair = t.byId.get('pair');
}

function readAttribute(c: Concept, roles: Roles, r: Reading, next: Token | undefined): void {
  if (c.id === 'pair' || c.id === 'one-of-pair') roles.pair = c;
  else if (c.id === 'twin') r.count = 2;
  else if (c.id.startsWith('colour-')) {
    if (next?.type === 'concept' && DEPICTED_KINDS.includes(next.concept.kind)) r.colour = c;
    else roles.colours.push(c);
  } else roles.attributes.push(c);
}

/** Sorts the tokens of a title into roles. */
function assignRoles(tokens: Token[], t: Thesaurus): Roles {
  const roles = emptyRoles();
  const r: Reading = { after: false, shapeOf: false, inParen: false, justHead: false };
  for (const [i, token] of tokens.entries()) {
    const next = tokens[i + 1];
    const wasHead = r.justHead;
    r.justHead = false;
    if (token.type === 'punct') {
      if (token.text === '(') r.inParen = true;
      if (token.text === ')') r.inParen = false;
      if (token.text === ':' && roles.head && isUnder(roles.head, 'tomb-figure', t)) {
        roles.burial = true;
        roles.head = undefined;
      }
      r.after = false;
      continue;
    }
    if (token.type === 'word') {
      if (token.text === 'after') r.after = true;
      else if (token.text === 'portrait') roles.portrait = true;
      else if (token.text === 'shape' && next?.text === 'of') r.shapeOf = true;
      else if (token.text === 'shaped') {
        const last = roles.depicted.pop();
        if (last) roles.shapedAs.push(last.concept);
      } else if (
        !['a', 'an', 'the', 'of', 'design', 'designs', 'decoration', 'motif'].includes(token.text)
      )
        r.prep = token.text;
      continue;
    }
    if (token.type === 'number') {
      r.count = token.value;
      continue;
    }
    if (token.type === 'ordinal') {
      if (next?.type === 'word' && next.text === 'degree') roles.rank = token.value;
      else r.ordinal = token.value;
      continue;
    }
    if (token.type === 'unknown') continue;
    const c = token.concept;
    r.justHead = false;
    if (r.after && (c.kind === 'person' || c.kind === 'subject')) roles.after.push(c);
    else if (c.kind === 'objectType') {
      r.justHead = !roles.head;
      readObjectType(c, roles, { ...r, justHead: wasHead }, t);
      r.justHead = roles.head === c;
    } else if (c.kind === 'part') {
      // "twin dragon handles": the dragons belong to the handles
      const last = roles.depicted.at(-1);
      const previous = tokens[i - 1];
      const own = last && previous?.type === 'concept' && previous.concept === last.concept;
      if (own) roles.depicted.pop();
      roles.parts.push({
        concept: c,
        prefix: `${countPrefix(own ? (last.prefix === '双' ? 2 : undefined) : r.count)}${own ? last.concept.zh : ''}`,
      });
    } else if (c.kind === 'shape') roles.shapes.push(c);
    else if (c.kind === 'attribute') {
      readAttribute(c, roles, r, next);
      continue;
    } else if (c.kind === 'technique') roles.techniques.push(c);
    else if (c.kind === 'glaze') roles.glazes.push(c);
    else if (c.kind === 'ware') roles.wares.push(c);
    else if (c.kind === 'material') roles.materials.push(c);
    else if (c.kind === 'format') roles.formats.push(c);
    else if (r.shapeOf) {
      roles.shapedAs.push(c);
      r.shapeOf = false;
    } else {
      const prefix = `${r.ordinal ? `第${chineseNumber(r.ordinal)}` : ''}${r.colour?.zh ?? ''}${countPrefix(r.count)}`;
      roles.depicted.push({ concept: c, prefix });
      r.colour = undefined;
      r.ordinal = undefined;
    }
    r.count = undefined;
  }
  return tidy(roles, t);
}

/** Each thing once; a broader concept gives way to a narrower one named beside it. */
function tidy(roles: Roles, t: Thesaurus): Roles {
  const depicted = roles.depicted.filter(
    (d, i) =>
      roles.depicted.findIndex((o) => o.concept === d.concept) === i &&
      !roles.depicted.some((o) => o.concept !== d.concept && isUnder(o.concept, d.concept.id, t)),
  );
  const head = roles.override ?? roles.head;
  const companions = roles.companions.filter(
    (c, i) =>
      roles.companions.indexOf(c) === i &&
      c !== head &&
      !(head && isUnder(head, c.id, t)) &&
      !(roles.head && isUnder(roles.head, c.id, t)),
  );
  const override =
    roles.override ??
    (roles.head && isUnder(roles.head, 'vessel', t) && roles.head.id === 'vessel'
      ? companions.find((c) => c.kind === 'objectType')
      : undefined);
  return {
    ...roles,
    depicted,
    override,
    companions: companions.filter((c) => c !== override),
  };
}

const CERAMIC =
  /porcelain|stoneware|earthenware|ceramic|glaze|celadon|\bware\b|biscuit|sancai|pottery/i;
const TEXTILE_CATEGORIES = ['textiles', 'embroidery'];

/** Concepts of the source's materials text that may stand in front of a title. */
function materialPrefix(input: TitleInput, t: Thesaurus): Roles {
  const roles = emptyRoles();
  const materials = input.materials;
  if (!materials) return roles;
  const ceramic = CERAMIC.test(materials);
  const textile = TEXTILE_CATEGORIES.includes(input.category ?? '');
  for (const token of tokenize(materials, 'object', t)) {
    if (token.type !== 'concept') continue;
    const c = token.concept;
    if (c.titleZh === '' || c.id === 'material-ink') continue;
    if (textile) {
      if (c.id === 'kesi') roles.techniques.push(c);
      continue;
    }
    if (c.kind === 'ware' && ceramic) roles.wares.push(c);
    else if (c.kind === 'glaze' && ceramic) roles.glazes.push(c);
    else if (c.kind === 'material') roles.materials.push(c);
    else if (c.kind === 'technique' && c.broader.length > 0 && !isUnder(c, 'textile-technique', t))
      roles.techniques.push(c);
  }
  return roles;
}

const inTitle = (c: Concept) => c.titleZh ?? c.zh;
const joined = (list: Concept[]) => [...new Set(list.map(inTitle))].join('');

/** Ware, then a glaze, decoration or material: from the title when it names one, else the materials text. */
function prefixOf(roles: Roles, input: TitleInput, t: Thesaurus): string {
  const fromMaterials = materialPrefix(input, t);
  const ceramic = CERAMIC.test(input.materials ?? '');
  const ware = joined(roles.wares.length ? roles.wares : fromMaterials.wares);
  const colours = roles.colours
    .map((c) => {
      const glaze = c.related.map((id) => t.byId.get(id)).find(Boolean);
      return ceramic && glaze ? glaze.zh : c.zh;
    })
    .join('');
  const own = joined(roles.materials) + joined(roles.glazes) + colours;
  if (own) return `${ware}${own}`;
  const decoration = fromMaterials.techniques[0];
  const material = fromMaterials.materials.find((m) => inTitle(m) !== '');
  if (decoration?.id === 'painted-decoration')
    return `${ware}${inTitle(decoration)}${material && !ceramic ? '' : material ? inTitle(material) : ''}`;
  if (decoration) return `${ware}${inTitle(decoration)}`;
  const glaze = fromMaterials.glazes[0];
  if (glaze) return `${ware}${inTitle(glaze)}`;
  return ware || (material ? inTitle(material) : '');
}

/** Decoration techniques the title names: 刻花, 印花 on ceramics; others everywhere. */
function titleTechniques(roles: Roles, ceramic: boolean, t: Thesaurus): string {
  return joined(roles.techniques.filter((c) => ceramic || !isUnder(c, 'ceramic-decoration', t)));
}

function depictedText(roles: Roles): string {
  return roles.depicted.map((d) => `${d.prefix}${d.concept.zh}`).join('');
}

function partsText(roles: Roles): string {
  const cover = roles.parts.filter((p) => p.concept.id === 'cover');
  const others = roles.parts.filter((p) => p.concept.id !== 'cover');
  return [...others, ...cover].map((p) => `${p.prefix}${p.concept.zh}`).join('');
}

function purposeText(roles: Roles): { before: string; after: string } {
  if (roles.purpose.length === 0) return { before: '', after: '' };
  const names = roles.purpose.map((c) => c.zh).join('及');
  return roles.purpose.length === 1
    ? { before: names, after: '' }
    : { before: '', after: `（${names}之一）` };
}

function suffixOf(roles: Roles, notes: string): string {
  return [
    roles.fragment ? '残片' : '',
    roles.stand ? '（附座）' : '',
    roles.pair ? `（${roles.pair.zh}）` : '',
    notes,
  ].join('');
}

const BURIAL_CLAY = /earthenware|stoneware|sancai|three[- ]colou?r|lead|pottery|biscuit/i;
const POSTURES = ['seated', 'standing', 'kneeling'];

/** A figure: material, posture, subject, then 像 for images and 俑 for burial figures. */
function figureTitle(
  roles: Roles,
  input: TitleInput,
  prefix: string,
  notes: string,
  t: Thesaurus,
): string {
  const head = roles.override ?? roles.head;
  const ending =
    head && !['figure', 'tomb-figure'].includes(head.id)
      ? head.zh
      : roles.depicted.some((d) =>
            ['buddhist-deity', 'daoist-deity'].some((id) => isUnder(d.concept, id, t)),
          ) || roles.portrait
        ? '像'
        : roles.burial || BURIAL_CLAY.test(input.materials ?? '') || head?.id === 'tomb-figure'
          ? '俑'
          : '像';
  const people = roles.depicted.filter((d) => d.concept.kind !== 'motif');
  const animals = roles.depicted.filter((d) => d.concept.kind === 'motif');
  const posture = roles.attributes
    .filter((a) => POSTURES.includes(a.id))
    .map((a) => a.zh)
    .join('');
  const riding = roles.attributes.some((a) => a.id === 'rider');
  const other = roles.attributes
    .filter((a) => !POSTURES.includes(a.id) && !(riding && a.id === 'rider' && animals.length > 0))
    .map((a) => a.zh)
    .join('');
  const worn = roles.accessories.map((c) => `${c.id === 'hat' ? '戴' : '持'}${c.zh}`).join('');
  const text = (list: typeof roles.depicted) =>
    list.map((d) => `${d.prefix}${d.concept.zh}`).join('');
  const parts = partsText(roles);
  if (people.length === 0 && ending === '俑' && !head) {
    // an animal or a thing: 陶马, 三彩骆驼; burial models are marked as such
    const burialNote = roles.burial ? '（明器）' : '';
    return `${prefix}${posture}${other}${text(animals)}${parts}${burialNote}${suffixOf(roles, notes)}`;
  }
  if (people.length === 0 && !head)
    return `${prefix}${posture}${other}${text(animals)}${parts}${suffixOf(roles, notes)}`;
  const subject =
    riding && animals.length > 0
      ? `${text(people)}骑${text(animals)}`
      : `${text(animals)}${text(people)}`;
  const end = subject.endsWith('像') && ending === '像' ? '' : ending;
  return `${prefix}${other}${worn}${subject}${parts}${posture}${end}${suffixOf(roles, notes)}`;
}

function objectTitle(
  roles: Roles,
  input: TitleInput,
  notes: string,
  t: Thesaurus,
): string | undefined {
  const ceramic = CERAMIC.test(input.materials ?? '');
  const head = roles.override ?? roles.head;
  const prefix = prefixOf(roles, input, t) + titleTechniques(roles, ceramic, t);
  const depicted = depictedText(roles);
  const attributes = roles.attributes.map((c) => c.zh).join('');
  const purpose = purposeText(roles);
  if (roles.burial && head) {
    const things = [head, ...roles.companions].map((c) => c.zh).join('及');
    return `${prefix}${attributes}${depicted}${things}（明器）${notes}`;
  }
  if (head && (isUnder(head, 'rank-badge', t) || isUnder(head, 'surcoat', t))) {
    const rank = roles.rank ? `${chineseNumber(roles.rank)}品` : '';
    const kept = roles.attributes
      .filter((a) => a.id !== 'formal')
      .map((a) => a.zh)
      .join('');
    return `${rank}${kept}${depicted}${head.zh}${suffixOf(roles, notes)}`;
  }
  if (!head || isUnder(head, 'figure', t)) {
    if (roles.depicted.length === 0 && !head) return undefined;
    return figureTitle(roles, input, prefix, notes, t);
  }
  const motifs = depicted ? (depicted.endsWith('纹') ? depicted : `${depicted}纹`) : '';
  const shapedAs = roles.shapedAs.map((c) => `${c.zh}形`).join('');
  const companions = roles.companions.map((c) => `及${c.zh}`).join('');
  return `${prefix}${motifs}${shapedAs}${joined(roles.shapes)}${partsText(roles)}${attributes}${purpose.before}${head.zh}${companions}${purpose.after}${suffixOf(roles, notes)}`;
}

const FAN = /fan painting|\bfan\b/i;
const WRITING_ORDER = ['cursive-script', 'five-character-poem', 'poem', 'painting', 'calligraphy'];

function paintingFormat(roles: Roles, input: TitleInput, t: Thesaurus): Concept | undefined {
  const named = roles.formats.find((f) =>
    ['album', 'fan-painting', 'hanging-scroll', 'handscroll', 'rubbing'].includes(f.id),
  );
  if (named) return named;
  if (/\balbum\b/i.test(input.materials ?? '')) return t.byId.get('album');
  if (roles.head?.id === 'fan' || FAN.test(input.materials ?? ''))
    return t.byId.get('fan-painting');
  if (/handscroll/i.test(input.materials ?? '')) return t.byId.get('handscroll');
  if (/rubbing/i.test(input.materials ?? '')) return t.byId.get('rubbing');
  return undefined;
}

function paintingTitle(roles: Roles, input: TitleInput, notes: string, t: Thesaurus) {
  const format = paintingFormat(roles, input, t);
  const after = roles.after.length ? `仿${roles.after.map((c) => c.zh).join('')}` : '';
  const writing = roles.formats
    .filter(
      (f) =>
        f !== format && !['album', 'fan-painting', 'hanging-scroll', 'handscroll'].includes(f.id),
    )
    .sort((a, b) => WRITING_ORDER.indexOf(a.id) - WRITING_ORDER.indexOf(b.id));
  const formatText = format?.zh ?? '';
  const ink = roles.materials.some((m) => m.id === 'material-ink') ? '墨' : '';
  const depicted = depictedText(roles);
  const attributes = roles.attributes.map((a) => a.zh).join('');
  const objectType =
    format ??
    writing.find((f) => ['calligraphy', 'painting'].includes(f.id)) ??
    t.byId.get('painting');
  if (writing.some((f) => f.id !== 'painting')) {
    const text = [...new Set(writing.map((f) => f.zh))].join('');
    return { zh: `${after}${depicted}${text}${formatText}${notes}`, objectType };
  }
  if (!depicted && !after) {
    if (!format) return undefined;
    return { zh: `画${formatText}${notes}`, objectType };
  }
  const ending = roles.portrait ? '像' : '图';
  return {
    zh: `${after}${ink}${attributes}${depicted}${depicted ? ending : '画'}${formatText}${notes}`,
    objectType,
  };
}

/** Notes a cataloguer put in the title: "(1 of 8 pages)" → 第一开, "(4 leaves)" → 四开. */
function leafNotes(title: string): { title: string; notes: string } {
  let notes = '';
  const rest = title
    .replace(/\((\d+) of (\d+) pages?\)/i, (_, n: string) => {
      notes += `（第${chineseNumber(Number(n))}开）`;
      return ' ';
    })
    .replace(/\((\d+) leaves\)/i, (_, n: string) => {
      notes += `（${chineseNumber(Number(n))}开）`;
      return ' ';
    });
  return { title: rest, notes };
}

const NOT_PAINTINGS = /^\s*(vase|chicken cup|ink box|ink stone|stand|tomb)/i;

/** The Chinese title of an English title, or the words it lacks. */
export function chineseTitle(input: TitleInput, t: Thesaurus = thesaurus()): TitleResult {
  const { title, notes } = leafNotes(input.title);
  const painting =
    (input.category === 'painting' ||
      /\bink\b.*\bon (silk|paper|satin)|colou?rs? on (silk|paper)/i.test(input.materials ?? '')) &&
    !NOT_PAINTINGS.test(title);
  const tokens = tokenize(title, painting ? 'painting' : 'object', t);
  const missing = [
    ...new Set(tokens.filter((tok) => tok.type === 'unknown').map((tok) => tok.text)),
  ];
  const concepts = [
    ...new Set(tokens.flatMap((tok) => (tok.type === 'concept' ? [tok.concept.id] : []))),
  ];
  if (missing.length > 0) return { concepts, missing };
  const roles = assignRoles(tokens, t);
  let zh: string | undefined;
  let objectType: Concept | undefined;
  if (painting) {
    const made = paintingTitle(roles, input, notes, t);
    zh = made?.zh;
    objectType = made?.objectType;
  } else {
    zh = objectTitle(roles, input, notes, t);
    const head = roles.override ?? roles.head;
    objectType =
      roles.burial || !head
        ? t.byId.get(
            roles.burial || BURIAL_CLAY.test(input.materials ?? '') ? 'tomb-figure' : 'figure',
          )
        : head;
  }
  if (!zh) return { concepts, missing: [] };
  const id = objectType?.id;
  return {
    zh,
    objectType: id,
    concepts: concepts.filter((c) => c !== id),
    missing: [],
    translation: 'working',
  };
}
