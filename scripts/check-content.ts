/**
 * `npm run check`: validates every record and prints each problem as
 * `file:line: field: what is wrong — how to fix it`. Exit 1 when there is any error.
 */
import { resolve } from 'node:path';
import { checkContent } from './lib/check.ts';
import { commandLine } from './lib/command-line.ts';
import { formatProblem } from './lib/problems.ts';

const root = process.env.BAIGONG_ROOT ?? resolve(import.meta.dirname, '..');
const { values } = commandLine(
  { options: { json: { type: 'boolean', default: false } } },
  'usage / 用法: npm run check -- [--json]',
);
const { problems, records } = checkContent(root);
const errors = problems.filter((p) => !p.warning);

if (values.json) {
  console.log(JSON.stringify({ records, problems }, null, 2));
} else {
  for (const problem of problems) console.log(formatProblem(problem));
  const summary = `${records} records checked: ${errors.length} error(s), ${problems.length - errors.length} warning(s)`;
  const summaryZh = `已检查 ${records} 条记录：${errors.length} 个错误，${problems.length - errors.length} 个警告`;
  console.log(`\n${summary} / ${summaryZh}`);
}
process.exit(errors.length > 0 ? 1 : 0);
