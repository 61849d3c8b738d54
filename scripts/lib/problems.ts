/**
 * Problems found in content, in the one shape every checker reports:
 * `file:line: field: what is wrong — how to fix it`, in English and Chinese.
 */
import type { z } from 'astro/zod';
import type { Problem } from '../../src/lib/records/problems.ts';

export { formatProblem, type Problem } from '../../src/lib/records/problems.ts';

type Issue = z.core.$ZodIssue;

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Turns a schema issue into a curator-readable problem. */
export function describeIssue(issue: Issue, raw: unknown): Problem {
  const field = issue.path.join('.') || '(record)';
  const value = valueAt(raw, issue.path);
  const custom = issue.code === 'invalid_type' && issue.expected === 'never';
  if (
    (issue.code === 'invalid_type' || issue.code === 'invalid_value') &&
    value === undefined &&
    !custom
  ) {
    return {
      field,
      en: 'required field is missing',
      zh: '缺少必填字段',
      fix: `add "${field}" (see CURATING.md for its format) / 请补充该字段`,
    };
  }
  if (issue.code === 'invalid_type' && !custom) {
    return {
      field,
      en: `expected ${issue.expected}, found ${JSON.stringify(value)}`,
      zh: `类型错误：应为 ${issue.expected}`,
      fix: `write a ${issue.expected} here / 请改为正确的类型`,
    };
  }
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map(String);
    return {
      field,
      en: `unknown term "${String(value)}"`,
      zh: `不在受控词表中：“${String(value)}”`,
      fix: `use one of: ${allowed.join(', ')} (vocabularies live in src/data/vocabularies/) / 请使用词表中的值`,
    };
  }
  if (issue.code === 'too_small' && Array.isArray(value)) {
    return {
      field,
      en: `needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}`,
      zh: `至少需要 ${String(issue.minimum)} 项`,
      fix: 'add the missing entries / 请补充条目',
    };
  }
  if (issue.code === 'too_small') {
    return { field, en: 'must not be empty', zh: '不能为空', fix: 'fill it in / 请填写内容' };
  }
  if (issue.code === 'invalid_format' && issue.format === 'url') {
    return {
      field,
      en: `"${String(value)}" is not a web address`,
      zh: '不是有效的网址',
      fix: 'write a full address starting with https:// / 请填写以 https:// 开头的完整网址',
    };
  }
  const [en, zh] = issue.message.split(' / ');
  return {
    field,
    en: en ?? issue.message,
    zh: zh ?? issue.message,
    fix: zh ? 'correct the value as described / 请按说明修改' : 'correct the value / 请修改该值',
  };
}
