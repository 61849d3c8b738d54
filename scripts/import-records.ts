/**
 * `npm run import -- <file.csv|file.json> --map <mapping> [--dry-run] [--force] [--limit N]
 *  [--content-dir DIR] [--json]`
 *
 * Creates or updates records from a spreadsheet or a museum export through a mapping file in
 * `import-mappings/`. Every rejected or skipped row is printed with its reason; the summary counts
 * created / updated / unchanged / skipped / rejected rows. Exit code 0 unless the command itself
 * fails (bad mapping, unreadable file): rejected rows are reported, not fatal.
 */
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runImport, type RowResult } from './lib/import/importer.ts';

const root = process.env.BAIGONG_ROOT ?? resolve(import.meta.dirname, '..');
// npm runs scripts in the project folder; paths typed by the user are relative to where they were
const cwd = process.env.INIT_CWD ?? process.cwd();
const fromUser = (path: string) => (isAbsolute(path) ? path : resolve(cwd, path));

const usage = `usage / 用法:
  npm run import -- <file.csv|file.json> --map <mapping> [--dry-run] [--force] [--limit N] [--content-dir DIR] [--json]
  npm run import -- --map ima          (uses the source file named in the mapping / 使用映射中指定的数据文件)

  --map NAME|FILE   mapping in import-mappings/ (ima, ich) or a path / 映射文件
  --dry-run         show what would change, write nothing / 只显示计划，不写入
  --force           also overwrite records edited by hand / 覆盖人工修改过的记录
  --limit N         only the first N rows / 只处理前 N 行
  --content-dir DIR write into DIR instead of content/ / 写入其他内容目录`;

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      map: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      limit: { type: 'string' },
      'content-dir': { type: 'string' },
      date: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}
const { values, positionals } = args;
if (values.help || !values.map || positionals.length > 1) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
const limit = values.limit === undefined ? undefined : Number(values.limit);
if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
  console.error(`--limit needs a positive whole number / --limit 须为正整数\n\n${usage}`);
  process.exit(2);
}

let report;
try {
  report = runImport({
    root,
    mapping:
      values.map.includes('/') || values.map.includes('.') ? fromUser(values.map) : values.map,
    source: positionals[0] ? fromUser(positionals[0]) : undefined,
    contentDir: values['content-dir'] ? fromUser(values['content-dir']) : undefined,
    dryRun: values['dry-run'],
    force: values.force,
    limit,
    today: values.date,
  });
} catch (error) {
  console.error(`import failed / 导入失败: ${(error as Error).message}`);
  process.exit(1);
}

if (values.json) {
  console.log(JSON.stringify(report, null, 2));
  process.exit(0);
}

const verb: Record<RowResult['action'], string> = {
  created: report.dryRun ? 'would create / 将新建' : 'created / 已新建',
  updated: report.dryRun ? 'would update / 将更新' : 'updated / 已更新',
  unchanged: 'unchanged / 无变化',
  'skipped-edited': 'skipped, edited by hand / 跳过（人工修改过）',
  'skipped-existing': 'skipped, already in the archive / 跳过（已有记录）',
  'skipped-retired': 'skipped, retired / 跳过（编号已退役）',
  rejected: 'REJECTED / 拒绝',
};
const where = (r: RowResult) =>
  `row ${r.row}${r.line ? ` (line ${r.line})` : ''}${r.key ? ` [${r.key}]` : ''}`;
for (const r of report.rows) {
  if (r.action === 'unchanged') continue;
  const detail =
    r.action === 'rejected'
      ? `${r.field}: ${r.reason}`
      : [r.id, r.file, r.reason].filter(Boolean).join(' ');
  console.log(`${where(r)}: ${verb[r.action]}: ${detail}`);
}
const c = report.counts;
console.log(
  `\n${report.dryRun ? 'DRY RUN (nothing written) / 演练（未写入）: ' : ''}${report.source} → ${report.collection} via "${report.mapping}": ` +
    `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c['skipped-edited']} skipped-edited, ` +
    `${c['skipped-existing']} skipped-existing, ${c['skipped-retired']} skipped-retired, ${c.rejected} rejected\n` +
    `新建 ${c.created}，更新 ${c.updated}，无变化 ${c.unchanged}，跳过（人工修改）${c['skipped-edited']}，` +
    `跳过（已有记录）${c['skipped-existing']}，跳过（已退役）${c['skipped-retired']}，拒绝 ${c.rejected}`,
);
if (!report.dryRun && c.created + c.updated > 0) {
  console.log(
    'Next: npm run check, then npm run dev to look at them / 下一步：npm run check，然后 npm run dev 预览',
  );
}
