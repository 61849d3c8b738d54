/**
 * The HTML a record's body may contain, as JSX in MDX or as raw HTML in Markdown: a list of
 * harmless elements and attributes, links only to web addresses or inside the site, and images
 * only from the record's folder. Anything not listed is refused, which also covers elements that
 * change how the browser reads what follows (`<textarea>`, `<svg>`, `<template>` …).
 * Not pure: its image rule looks at the record's files (media.ts).
 */
import { htmlToHast } from 'satteri';
import type { Problem } from '../records/problems.ts';
import { bodyImageRefusal } from './media.ts';
import { isSafeLink } from './urls.ts';

type Message = Pick<Problem, 'en' | 'zh' | 'fix'>;

/** Attributes any allowed element may have. */
const globalAttributes = ['lang', 'dir', 'title', 'translate'];

/** Allowed elements, with the attributes each takes beyond the global ones. */
export const allowedElements: Record<string, readonly string[]> = {
  a: ['href', 'hreflang'],
  abbr: [],
  b: [],
  bdi: [],
  bdo: [],
  blockquote: ['cite'],
  br: [],
  caption: [],
  cite: [],
  code: [],
  col: ['span'],
  colgroup: ['span'],
  data: ['value'],
  dd: [],
  del: ['cite', 'datetime'],
  details: ['open'],
  dfn: [],
  div: [],
  dl: [],
  dt: [],
  em: [],
  figcaption: [],
  figure: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  hr: [],
  i: [],
  img: ['src', 'alt', 'width', 'height'],
  ins: ['cite', 'datetime'],
  kbd: [],
  li: ['value'],
  mark: [],
  ol: ['start', 'reversed'],
  p: [],
  pre: [],
  q: ['cite'],
  rp: [],
  rt: [],
  ruby: [],
  s: [],
  samp: [],
  small: [],
  span: [],
  strong: [],
  sub: [],
  summary: [],
  sup: [],
  table: [],
  tbody: [],
  td: ['colspan', 'rowspan'],
  tfoot: [],
  th: ['colspan', 'rowspan', 'scope'],
  thead: [],
  time: ['datetime'],
  tr: [],
  u: [],
  ul: [],
  var: [],
  wbr: [],
};

/** Attributes holding an address the browser follows as a link. */
const linkAttributes = new Set(['href', 'cite']);

/** The message for a link that could run code or leave the web (`javascript:`, `data:` …). */
export function unsafeLinkMessage(what: string, url: string): Message {
  return {
    en: `${what} links to "${url.slice(0, 60)}", which is not a web address (only https:, http: or a link inside the site)`,
    zh: `${what} 的链接 “${url.slice(0, 60)}” 不安全：只允许 https:、http: 或站内链接`,
    fix: 'link to an https:// address or to a page of this site / 请改为 https:// 网址或本站页面',
  };
}

/** Problems with one HTML element (lower-case HTML name) and its plain attributes. */
export function htmlElementMessages(
  element: string,
  attributes: readonly { name: string; value: string }[],
): Message[] {
  const name = element.toLowerCase();
  const allowed = allowedElements[name];
  if (!allowed) {
    return [
      {
        en: `<${element}> is not allowed in records`,
        zh: `记录中不允许使用 <${element}>`,
        fix: 'remove it; use Markdown for text, links and images (HTML is limited to text elements such as <div lang>, <span>, <abbr>, <ruby>, <sup>, tables) / 请删除，正文请用 Markdown',
      },
    ];
  }
  return attributes.flatMap(({ name: attribute, value }): Message[] => {
    const key = attribute.toLowerCase();
    if (key.startsWith('on')) {
      return [
        {
          en: `<${element}> has an event handler "${attribute}"`,
          zh: `<${element}> 含有事件处理属性 ${attribute}`,
          fix: 'remove it / 请删除该属性',
        },
      ];
    }
    if (!globalAttributes.includes(key) && !allowed.includes(key)) {
      return [
        {
          en: `<${element}> may not have the attribute "${attribute}"`,
          zh: `<${element}> 不能使用属性 “${attribute}”`,
          fix: `use only ${[...globalAttributes, ...allowed].join(', ')} / 只能使用这些属性`,
        },
      ];
    }
    if (linkAttributes.has(key) && !isSafeLink(value)) {
      return [unsafeLinkMessage(`<${element} ${attribute}>`, value)];
    }
    if (name === 'img' && key === 'src') {
      const refusal = bodyImageRefusal(value);
      return refusal ? [refusal] : [];
    }
    return [];
  });
}

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** Marks the end of a raw HTML snippet; see `rawHtmlMessages`. */
const END = 'baigong-end-of-snippet';

function elementsOf(node: HastNode, out: HastNode[] = []): HastNode[] {
  if (node.type === 'element') out.push(node);
  for (const child of node.children ?? []) elementsOf(child, out);
  return out;
}

/** The HTML attribute name of a hast property (`className` → `class`, `onError` → `onerror`). */
function attributeName(property: string): string {
  const special: Record<string, string> = { className: 'class', htmlFor: 'for' };
  if (special[property]) return special[property];
  if (/^(data|aria)[A-Z]/.test(property))
    return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return property.toLowerCase();
}

function attributeText(value: unknown): string {
  return Array.isArray(value) ? value.join(' ') : value === true ? '' : String(value);
}

/**
 * Problems with one raw HTML snippet of a Markdown body, read by a real HTML parser. A snippet
 * must also end where the browser is back in ordinary text: one that stops inside a tag, a quoted
 * value, a comment or a raw-text element would swallow the Markdown after it, so that text could
 * turn into attributes. An element appended to the snippet must therefore come out as an element
 * (the table parser may move it, so it is looked for anywhere).
 */
export function rawHtmlMessages(html: string): Message[] {
  // imported records repeat the same few snippets (`<div lang="en">`): parse each once
  const known = snippetMessages.get(html);
  if (known) return known;
  const messages = parseSnippetMessages(html);
  if (snippetMessages.size > 10_000) snippetMessages.clear();
  snippetMessages.set(html, messages);
  return messages;
}

const snippetMessages = new Map<string, Message[]>();

function parseSnippetMessages(html: string): Message[] {
  if (html.toLowerCase().includes(END)) return htmlElementMessages(END, []);
  const tree = htmlToHast(`${html}<${END}></${END}>`, { fragment: true }) as HastNode;
  const elements = elementsOf(tree);
  const complete = elements.some((element) => element.tagName === END);
  const messages = elements
    .filter((element) => element.tagName !== END)
    .flatMap((element) =>
      htmlElementMessages(
        element.tagName ?? '',
        Object.entries(element.properties ?? {}).map(([name, value]) => ({
          name: attributeName(name),
          value: attributeText(value),
        })),
      ),
    );
  if (!complete && messages.length === 0) {
    messages.push({
      en: `the HTML "${html.slice(0, 60)}" is not complete (an unclosed tag, quote or comment)`,
      zh: `HTML “${html.slice(0, 60)}” 不完整（标签、引号或注释未闭合）`,
      fix: 'close the tag, quote or comment within the same block / 请在同一段内闭合标签、引号或注释',
    });
  }
  return messages;
}
