/**
 * MDX runs at build time, so a record's body could run code. A body may only use the
 * components in `src/components/mdx/` with plain string attributes, plus ordinary Markdown and
 * harmless HTML: no import/export, no `{expressions}`, no scripts or event handlers.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { visit } from 'unist-util-visit';
import type { Problem } from './problems.ts';

/** Components a curator may use, with the attributes each takes (all plain strings). */
export const allowedComponents: Record<string, readonly string[]> = {
  Zh: [],
  En: [],
  WorkCard: ['id'],
  Compare: ['left', 'right'],
  Model3D: ['work'],
  Figure: ['work', 'file'],
};

/** HTML elements that could run code or pull in outside content. */
const forbiddenElements = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'form',
  'link',
  'meta',
  'base',
]);

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
}

interface JsxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | { type: string } | null;
}

interface Node {
  type: string;
  name?: string | null;
  attributes?: JsxAttribute[];
  value?: string;
  position?: { start: { line: number } };
}

const fixComponents = `use only ${Object.keys(allowedComponents).join(', ')} / 只能使用这些组件`;

/** Checks an MDX body; `firstLine` is the body's first line in the file. */
export function checkMdxBody(body: string, firstLine: number): BodyCheck {
  const problems: Problem[] = [];
  const references: BodyReference[] = [];
  let tree;
  try {
    tree = fromMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
  } catch (error) {
    const e = error as { message: string; line?: number };
    return {
      problems: [
        {
          field: '(body)',
          line: e.line ? e.line + firstLine - 1 : undefined,
          en: `the MDX body cannot be read: ${e.message}`,
          zh: 'MDX 正文无法解析',
          fix: 'check that every <Component> is closed and that { and < are not used as plain text (write &lt; or \\{) / 检查组件是否闭合，正文中的 { 和 < 请转义',
        },
      ],
      references,
    };
  }
  const at = (node: Node) => (node.position ? node.position.start.line + firstLine - 1 : undefined);
  const add = (node: Node, en: string, zh: string, fix: string) =>
    problems.push({ field: '(body)', line: at(node), en, zh, fix });

  visit(tree, (raw) => {
    const node = raw as unknown as Node;
    if (node.type === 'mdxjsEsm') {
      add(
        node,
        'import/export statements are not allowed in a record',
        '记录正文中不允许 import/export 语句',
        `remove it; the components are available without importing: ${Object.keys(allowedComponents).join(', ')} / 删除该语句，组件无需导入`,
      );
    } else if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      const code = (node.value ?? '').trim();
      if (code !== '' && !/^\/\*[\s\S]*\*\/$/.test(code)) {
        add(
          node,
          `{…} expressions run code at build time and are not allowed: {${code.slice(0, 40)}}`,
          '正文中不允许使用 {…} 表达式（会在构建时执行代码）',
          'write the text directly, or escape a literal brace as \\{ / 请直接书写文字，字面大括号写作 \\{',
        );
      }
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      checkElement(node, add, references, at);
    }
  });
  return { problems, references };
}

function checkElement(
  node: Node,
  add: (node: Node, en: string, zh: string, fix: string) => void,
  references: BodyReference[],
  at: (node: Node) => number | undefined,
): void {
  const name = node.name ?? '';
  const isComponent = /^[A-Z]/.test(name) || name.includes('.');
  if (name === '') {
    add(
      node,
      'fragments <>…</> are not allowed',
      '不允许使用 <>…</> 片段',
      'remove the empty tags / 删除空标签',
    );
    return;
  }
  if (isComponent && !(name in allowedComponents)) {
    add(
      node,
      `component <${name}> is not allowed in records`,
      `记录中不允许使用组件 <${name}>`,
      fixComponents,
    );
    return;
  }
  if (!isComponent && forbiddenElements.has(name.toLowerCase())) {
    add(
      node,
      `<${name}> is not allowed in records`,
      `记录中不允许使用 <${name}>`,
      'remove it; use Markdown for text and images / 请删除，正文请用 Markdown',
    );
    return;
  }
  for (const attr of node.attributes ?? []) {
    if (
      attr.type === 'mdxJsxExpressionAttribute' ||
      (attr.value !== null && typeof attr.value === 'object')
    ) {
      add(
        node,
        `<${name}> has a {…} attribute, which runs code`,
        `<${name}> 的属性中使用了 {…} 表达式`,
        'write attribute values in quotes, e.g. id="BGW-000001" / 属性值请用引号',
      );
      continue;
    }
    const attrName = attr.name ?? '';
    if (/^on/i.test(attrName)) {
      add(
        node,
        `<${name}> has an event handler "${attrName}"`,
        `<${name}> 含有事件处理属性 ${attrName}`,
        'remove it / 请删除该属性',
      );
    } else if (isComponent && !allowedComponents[name]?.includes(attrName)) {
      add(
        node,
        `<${name}> has no attribute "${attrName}"`,
        `<${name}> 没有属性 “${attrName}”`,
        `use ${allowedComponents[name]?.join(', ') || 'no attributes'} / 请使用正确的属性`,
      );
    } else if (isComponent && typeof attr.value === 'string' && attrName !== 'file') {
      const file = (node.attributes ?? []).find((a) => a.name === 'file')?.value;
      references.push({
        component: name,
        attribute: attrName,
        id: attr.value,
        line: at(node) ?? 0,
        ...(typeof file === 'string' ? { file } : {}),
      });
    }
  }
  if (isComponent) {
    for (const required of allowedComponents[name] ?? []) {
      if (!(node.attributes ?? []).some((a) => a.name === required)) {
        add(
          node,
          `<${name}> needs the attribute "${required}"`,
          `<${name}> 缺少属性 “${required}”`,
          `add ${required}="…" / 请补充该属性`,
        );
      }
    }
  }
}
