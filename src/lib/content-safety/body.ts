/**
 * The rules for a record's body, in one place for `npm run check` and for the site's build (the
 * Sätteri plugin in astro.config.mjs and `renderRecord`), so that no path renders a body the
 * check refuses. MDX runs at build time, so a body may use only the curator components of
 * `src/components/mdx/` with plain string attributes, Markdown and harmless HTML: no
 * import/export, no `{expressions}`, no scripts or event handlers, links only to web addresses
 * or inside the site, images only from the record's folder. A Markdown (`.md`) body follows the
 * same rules; its raw HTML is read with an HTML parser. Bodies are parsed by Sätteri, the parser
 * Astro renders them with, so the check sees exactly what the build compiles.
 * Not pure: its image rule looks at the record's files (media.ts).
 */
import { markdownToMdast, mdxToMdast } from 'satteri';
import type { Problem } from '../records/problems.ts';
import { htmlElementMessages, rawHtmlMessages, unsafeLinkMessage } from './html.ts';
import { bodyImageRefusal, type BodyImage } from './media.ts';
import { isSafeLink } from './urls.ts';

/** `md` for Markdown records (imported ones), `mdx` for MDX. */
export type BodyFormat = 'md' | 'mdx';

/** Components a curator may use, with the attributes each takes (all plain strings). */
export const allowedComponents: Record<string, readonly string[]> = {
  Zh: [],
  En: [],
  WorkCard: ['id'],
  Compare: ['left', 'right'],
  Model3D: ['work'],
  Figure: ['work', 'file'],
};

/** An ID that a component in the body refers to, for the reference check. */
export interface BodyReference {
  component: string;
  attribute: string;
  id: string;
  line: number;
  /** The image a `<Figure>` shows, which must be listed in the work's `images`. */
  file?: string;
}

export interface BodyCheck {
  problems: Problem[];
  references: BodyReference[];
  /** Images the body shows with Markdown, which Astro copies into the site. */
  images: BodyImage[];
}

interface JsxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | { type: string } | null;
}

/** The parts of an mdast node (with MDX) that the rules read. */
export interface BodyNode {
  type: string;
  name?: string | null;
  attributes?: readonly JsxAttribute[];
  value?: string;
  url?: string;
  identifier?: string;
  position?: { start: { line: number } } | undefined;
  children?: readonly BodyNode[];
}

type Message = Pick<Problem, 'en' | 'zh' | 'fix'>;
type Add = (node: BodyNode, message: Message) => void;

const fixComponents = `use only ${Object.keys(allowedComponents).join(', ')} / 只能使用这些组件`;

/** `{/* a note *\/}` is a comment and runs nothing; anything else in braces is code. */
const onlyComments = /^(?:\s*\/\*(?:[^*]|\*(?!\/))*\*\/)*\s*$/;

/**
 * Parses and checks a body; `firstLine` is the body's first line in the file. A Markdown body is
 * read as Astro's content loader hands it on, trimmed: indentation on its first line that would
 * make code of it here does not there.
 */
export function checkBody(body: string, format: BodyFormat, firstLine = 1): BodyCheck {
  if (format === 'md') {
    const leading = /^\s*/.exec(body)?.[0] ?? '';
    firstLine += leading.split('\n').length - 1;
    body = body.trim();
  }
  let tree: BodyNode;
  try {
    tree = (format === 'mdx' ? mdxToMdast : markdownToMdast)(body) as BodyNode;
  } catch (error) {
    const message = (error as Error).message;
    const line = /^(\d+):\d+:/.exec(message)?.[1];
    return {
      problems: [
        {
          field: '(body)',
          line: line ? Number(line) + firstLine - 1 : undefined,
          en: `the MDX body cannot be read: ${message}`,
          zh: 'MDX 正文无法解析',
          fix: 'check that every <Component> is closed and that { and < are not used as plain text (write &lt; or \\{) / 检查组件是否闭合，正文中的 { 和 < 请转义',
        },
      ],
      references: [],
      images: [],
    };
  }
  return checkBodyTree(tree, format, firstLine);
}

function walk(node: BodyNode, visit: (node: BodyNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

/** Checks a parsed body: the tree `npm run check` parses, or the one Astro is compiling. */
export function checkBodyTree(tree: BodyNode, format: BodyFormat, firstLine = 1): BodyCheck {
  const result: BodyCheck = { problems: [], references: [], images: [] };
  const at = (node: BodyNode) =>
    node.position ? node.position.start.line + firstLine - 1 : undefined;
  const add: Add = (node, message) =>
    result.problems.push({ field: '(body)', line: at(node), ...message });
  const definitions = new Map<string, string>();
  walk(tree, (node) => {
    if (node.type === 'definition' && node.identifier !== undefined)
      definitions.set(node.identifier.toLowerCase(), node.url ?? '');
  });

  walk(tree, (node) => {
    switch (node.type) {
      case 'mdxjsEsm':
        return add(node, {
          en: 'import/export statements are not allowed in a record',
          zh: '记录正文中不允许 import/export 语句',
          fix: `remove it; the components are available without importing: ${Object.keys(allowedComponents).join(', ')} / 删除该语句，组件无需导入`,
        });
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const code = (node.value ?? '').trim();
        if (onlyComments.test(code)) return;
        return add(node, {
          en: `{…} expressions run code at build time and are not allowed: {${code.slice(0, 40)}}`,
          zh: '正文中不允许使用 {…} 表达式（会在构建时执行代码）',
          fix: 'write the text directly, or escape a literal brace as \\{ / 请直接书写文字，字面大括号写作 \\{',
        });
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        return checkJsxElement(node, add, result.references, at);
      case 'html':
        // Markdown only: MDX has no raw HTML (tags are JSX, checked above)
        if (format === 'md') rawHtmlMessages(node.value ?? '').forEach((m) => add(node, m));
        return;
      case 'link':
      case 'definition':
        if (!isSafeLink(node.url ?? '')) add(node, unsafeLinkMessage('the link', node.url ?? ''));
        return;
      case 'image':
      case 'imageReference': {
        const src =
          node.type === 'image' ? node.url : definitions.get((node.identifier ?? '').toLowerCase());
        if (src === undefined) return; // an unresolved reference renders as text
        const refusal = bodyImageRefusal(src);
        if (refusal) add(node, refusal);
        else result.images.push({ src, line: at(node) });
        return;
      }
    }
  });
  return result;
}

function checkJsxElement(
  node: BodyNode,
  add: Add,
  references: BodyReference[],
  at: (node: BodyNode) => number | undefined,
): void {
  const name = node.name ?? '';
  const isComponent = /^[A-Z]/.test(name) || name.includes('.');
  if (name === '') {
    return add(node, {
      en: 'fragments <>…</> are not allowed',
      zh: '不允许使用 <>…</> 片段',
      fix: 'remove the empty tags / 删除空标签',
    });
  }
  if (isComponent && !(name in allowedComponents)) {
    return add(node, {
      en: `component <${name}> is not allowed in records`,
      zh: `记录中不允许使用组件 <${name}>`,
      fix: fixComponents,
    });
  }
  const plain: { name: string; value: string }[] = [];
  for (const attr of node.attributes ?? []) {
    if (
      attr.type === 'mdxJsxExpressionAttribute' ||
      (attr.value !== null && typeof attr.value === 'object')
    ) {
      add(node, {
        en: `<${name}> has a {…} attribute, which runs code`,
        zh: `<${name}> 的属性中使用了 {…} 表达式`,
        fix: 'write attribute values in quotes, e.g. id="BGW-000001" / 属性值请用引号',
      });
    } else {
      plain.push({ name: attr.name ?? '', value: attr.value ?? '' });
    }
  }
  if (!isComponent) {
    htmlElementMessages(name, plain).forEach((message) => add(node, message));
    return;
  }
  const takes = allowedComponents[name] ?? [];
  const file = plain.find((a) => a.name === 'file')?.value;
  for (const attr of plain) {
    if (/^on/i.test(attr.name)) {
      add(node, {
        en: `<${name}> has an event handler "${attr.name}"`,
        zh: `<${name}> 含有事件处理属性 ${attr.name}`,
        fix: 'remove it / 请删除该属性',
      });
    } else if (!takes.includes(attr.name)) {
      add(node, {
        en: `<${name}> has no attribute "${attr.name}"`,
        zh: `<${name}> 没有属性 “${attr.name}”`,
        fix: `use ${takes.join(', ') || 'no attributes'} / 请使用正确的属性`,
      });
    } else if (attr.name !== 'file') {
      references.push({
        component: name,
        attribute: attr.name,
        id: attr.value,
        line: at(node) ?? 0,
        ...(file !== undefined ? { file } : {}),
      });
    }
  }
  for (const required of takes) {
    if (!(node.attributes ?? []).some((a) => a.name === required)) {
      add(node, {
        en: `<${name}> needs the attribute "${required}"`,
        zh: `<${name}> 缺少属性 “${required}”`,
        fix: `add ${required}="…" / 请补充该属性`,
      });
    }
  }
}
