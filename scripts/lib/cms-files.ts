/**
 * Which files the web editor's API may touch. Decap CMS names files by path in the body of each
 * POST /api/v1 action (`getEntry`, `persistEntry`, `persistMedia`, `deleteFiles` …); decap-server
 * would read, write or delete any of them inside its repository. Before an action reaches it,
 * every path it names must be a plain path to a record (`.mdx`, `.md`) or a media file (the image
 * and model formats `npm run ingest` takes) inside a collection folder of `content/`, and must not
 * lead out of `content/` through a symbolic link. Folders may be `content/` itself or lie inside a
 * collection folder. Anything else is refused with a problem naming the path and the field.
 *
 * decap-server itself is rooted at `content/`, so the editor's paths (`content/works/…`, as in
 * the Decap configuration) lose their `content/` prefix on the way in and get it back on the way
 * out (`toDecapAction`, `toEditorResponse`).
 */
import { lstat, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { collections } from '../../src/schemas/index.ts';
import { IMAGE_EXTENSIONS, MODEL_EXTENSIONS } from './ingest/discover.ts';
import type { Problem } from './problems.ts';

const CONTENT = 'content';
export const RECORD_EXTENSIONS = new Set(['mdx', 'md']);
export const MEDIA_EXTENSIONS = new Set([...IMAGE_EXTENSIONS, ...MODEL_EXTENSIONS]);

/** What a path named by an action must be. */
type PathKind = 'folder' | 'record' | 'media' | 'record or media';

/** One path an action names: where in the body, and what it must be. */
interface Slot {
  field: string;
  kind: PathKind;
  owner: Record<string, unknown>;
  key: string | number;
}

type Body = Record<string, unknown>;

const isObject = (value: unknown): value is Body =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The slot `owner[key]`, or none when the (optional) value is absent. */
function slot(owner: unknown, key: string | number, field: string, kind: PathKind): Slot[] {
  if (!isObject(owner) && !Array.isArray(owner)) return [];
  const record = owner as Record<string, unknown>;
  return record[key] === undefined ? [] : [{ owner: record, key, field, kind }];
}

/** A required slot: there even when the value is missing, so that the check reports it. */
function required(owner: unknown, key: string | number, field: string, kind: PathKind): Slot[] {
  const found = slot(owner, key, field, kind);
  const container = isObject(owner) || Array.isArray(owner);
  return found.length > 0 || !container ? found : [{ owner: owner as Body, key, field, kind }];
}

/** The slots `inner` finds in every element of the array `owner[key]`. */
function each(
  owner: unknown,
  key: string,
  field: string,
  inner: (items: unknown[], index: number, field: string) => Slot[],
): Slot[] {
  const items = isObject(owner) ? owner[key] : undefined;
  return Array.isArray(items) ? items.flatMap((_, i) => inner(items, i, `${field}.${i}`)) : [];
}

/** A written record file: its path and, when renamed, its new path. */
const recordFile = (item: unknown, field: string): Slot[] => [
  ...required(item, 'path', `${field}.path`, 'record'),
  ...slot(item, 'newPath', `${field}.newPath`, 'record'),
];
const recordFileIn = (items: unknown[], i: number, field: string) => recordFile(items[i], field);
/** The `path` of the i-th element, which must be a `kind`. */
const pathIn =
  (kind: PathKind) =>
  (items: unknown[], i: number, field: string): Slot[] =>
    required(items[i], 'path', `${field}.path`, kind);

/**
 * The actions the editor offers (decap-server's file-system mode) and the paths each one names.
 * The editorial-workflow actions are not offered: the editor publishes straight to the files.
 */
const actions: Record<string, (params: unknown) => Slot[]> = {
  info: () => [],
  getDeployPreview: () => [],
  entriesByFolder: (p) => required(p, 'folder', 'params.folder', 'folder'),
  entriesByFiles: (p) => each(p, 'files', 'params.files', pathIn('record')),
  getEntry: (p) => required(p, 'path', 'params.path', 'record'),
  persistEntry: (p) => [
    ...(isObject(p) && p['entry'] !== undefined ? recordFile(p['entry'], 'params.entry') : []),
    ...each(p, 'dataFiles', 'params.dataFiles', recordFileIn),
    ...each(p, 'assets', 'params.assets', pathIn('media')),
  ],
  getMedia: (p) => required(p, 'mediaFolder', 'params.mediaFolder', 'folder'),
  getMediaFile: (p) => required(p, 'path', 'params.path', 'media'),
  persistMedia: (p) =>
    isObject(p) ? required(p['asset'], 'path', 'params.asset.path', 'media') : [],
  deleteFile: (p) => required(p, 'path', 'params.path', 'record or media'),
  deleteFiles: (p) =>
    each(p, 'paths', 'params.paths', (items, i, field) =>
      required(items, i, field, 'record or media'),
    ),
};

export const EDITOR_ACTIONS = Object.keys(actions);

const extensionOf = (path: string) => posix.extname(path).slice(1).toLowerCase();

const kindAllows = (kind: PathKind, extension: string) =>
  (kind !== 'media' && kind !== 'folder' && RECORD_EXTENSIONS.has(extension)) ||
  (kind !== 'record' && kind !== 'folder' && MEDIA_EXTENSIONS.has(extension));

const describeKind: Record<PathKind, string> = {
  folder: 'a folder',
  record: `a record (${[...RECORD_EXTENSIONS].join(', ')})`,
  media: `a media file (${[...MEDIA_EXTENSIONS].join(', ')})`,
  'record or media': 'a record or a media file',
};

const FIX =
  'the editor reads and writes only records and their media in the collection folders of content/; edit other files in a text editor and commit them / 编辑器只能读写 content/ 各集合文件夹中的记录及其媒体文件，其他文件请用文本编辑器修改并提交';

function problem(path: unknown, field: string, en: string, zh: string, fix = FIX): Problem {
  return { file: typeof path === 'string' ? path : '(request)', field, en, zh, fix };
}

/**
 * Why `value` may not stand in a `kind` slot, judged on the text alone (no `.` or `..` segments,
 * no backslashes, inside a collection folder of content/, a record or media extension).
 */
export function pathProblem(value: unknown, field: string, kind: PathKind): Problem | undefined {
  if (typeof value !== 'string' || value === '') {
    return problem(value, field, 'expected a path', '应为文件路径');
  }
  const segments = value.split('/');
  const plain =
    !value.includes('\\') &&
    !value.includes('\0') &&
    segments.every((s) => s !== '' && s !== '.' && s !== '..');
  const [top, collection] = segments;
  const isContentRoot = kind === 'folder' && value === CONTENT;
  const inCollection =
    top === CONTENT && collections.includes(collection as (typeof collections)[number]);
  const deepEnough = kind === 'folder' ? segments.length >= 2 : segments.length >= 3;
  if (!plain || !(isContentRoot || (inCollection && deepEnough))) {
    return problem(
      value,
      field,
      `"${value}" is not a path inside a collection folder of content/ (${collections.join(', ')})`,
      `“${value}”不在 content/ 的集合文件夹中`,
    );
  }
  if (kind !== 'folder' && !kindAllows(kind, extensionOf(value))) {
    return problem(
      value,
      field,
      `"${value}" is not ${describeKind[kind]}`,
      `“${value}”不是编辑器可读写的文件类型`,
    );
  }
  return undefined;
}

/** The nearest existing file or folder at or above `path` (a new file's folder may not exist). */
async function nearestExisting(path: string): Promise<string> {
  for (let at = path; ; at = dirname(at)) {
    try {
      await lstat(at);
      return at;
    } catch (error) {
      const missing = ['ENOENT', 'ENOTDIR'].includes(String((error as NodeJS.ErrnoException).code));
      if (!missing || dirname(at) === at) throw error;
    }
  }
}

/**
 * Whether `editorPath` (already plain) stays inside `contentDir` once symbolic links are
 * followed: a record folder may hold a link to package.json or scripts/, and content is
 * untrusted input.
 */
async function staysInside(contentDir: string, editorPath: string): Promise<boolean> {
  const root = await realpath(contentDir);
  const target = resolve(contentDir, ...editorPath.split('/').slice(1));
  const rel = relative(root, await realpath(await nearestExisting(target)));
  return !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
}

/** `content/works/x` → `works/x` (decap-server is rooted at content/); `content` → `.`. */
export const toDecapPath = (editorPath: string) =>
  editorPath === CONTENT ? '.' : editorPath.slice(CONTENT.length + 1);

/** `works/x` → `content/works/x`. */
export const toEditorPath = (decapPath: string) =>
  posix.join(CONTENT, decapPath.replace(/\\/g, '/'));

export type Confined = { body: Body } | { problem: Problem };

/**
 * The action `body` with every path it names checked and turned into decap-server's paths, or
 * the first problem found. `contentDir` is the project's content/ folder.
 */
export async function toDecapAction(body: unknown, contentDir: string): Promise<Confined> {
  const action = isObject(body) ? body['action'] : undefined;
  if (typeof action !== 'string' || !Object.hasOwn(actions, action)) {
    return { problem: unknownAction(action) };
  }
  const copy = structuredClone(body as Body);
  for (const { owner, key, field, kind } of actions[action]!(copy['params'])) {
    const value = owner[key];
    const found = pathProblem(value, field, kind) ?? (await linkProblem(contentDir, value, field));
    if (found) return { problem: found };
    owner[key] = toDecapPath(value as string);
  }
  const found = action === 'entriesByFolder' ? extensionProblem(copy['params']) : undefined;
  return found ? { problem: found } : { body: copy };
}

const unknownAction = (action: unknown): Problem =>
  problem(
    undefined,
    'action',
    `action "${String(action)}" is not offered by this editor`,
    `编辑器不提供操作“${String(action)}”`,
    `use one of ${EDITOR_ACTIONS.join(', ')} / 请使用上列操作之一`,
  );

/** A plain path that leads out of content/ through a symbolic link. */
async function linkProblem(
  contentDir: string,
  path: unknown,
  field: string,
): Promise<Problem | undefined> {
  if (await staysInside(contentDir, path as string)) return undefined;
  return problem(
    path,
    field,
    `"${String(path)}" leads outside content/ through a symbolic link`,
    `“${String(path)}”经符号链接指向 content/ 之外`,
  );
}

/** entriesByFolder lists files by extension: only records may be listed. */
function extensionProblem(params: unknown): Problem | undefined {
  const extension = isObject(params) ? params['extension'] : undefined;
  if (typeof extension === 'string' && RECORD_EXTENSIONS.has(extension)) return undefined;
  return problem(
    undefined,
    'params.extension',
    `records are ${[...RECORD_EXTENSIONS].join(' or ')} files, not "${String(extension)}"`,
    '记录文件只能是 mdx 或 md',
  );
}

/** A file decap-server read: an entry (`{ data, file: { path } }`) or a media file (`{ path }`). */
type Answer = Body & { path?: string; file?: Body & { path?: string }; data?: unknown };

/** An entry or media file whose path is given back in the editor's terms. */
function answerInEditorTerms(answer: Answer): Answer {
  if (isObject(answer.file) && typeof answer.file.path === 'string') {
    return { ...answer, file: { ...answer.file, path: toEditorPath(answer.file.path) } };
  }
  return typeof answer.path === 'string' ? { ...answer, path: toEditorPath(answer.path) } : answer;
}

/** Whether an answer in a listing may be shown: readable, and of a type the editor handles. */
function listable(action: string, answer: Answer): boolean {
  if (action === 'getMedia') return MEDIA_EXTENSIONS.has(extensionOf(String(answer.path)));
  // decap-server answers `data: null` for a file it could not read (one whose symbolic link
  // leads out of content/, or one deleted meanwhile): leave it out rather than show it empty
  return !(action === 'entriesByFolder' || action === 'entriesByFiles') || answer.data !== null;
}

/** decap-server's answer to `action`, with its paths turned back into the editor's. */
export function toEditorResponse(action: string, response: unknown): unknown {
  if (Array.isArray(response)) {
    return (response as Answer[])
      .filter((answer) => isObject(answer) && listable(action, answer))
      .map(answerInEditorTerms);
  }
  return isObject(response) ? answerInEditorTerms(response) : response;
}
