/**
 * `npm run import [-- <file.csv|file.json>] [--map <mapping> …] [--dry-run] [--force] [--limit N]
 *  [--content-dir DIR] [--date YYYY-MM-DD] [--json]`
 *
 * Creates or updates records from a spreadsheet or a museum export through a mapping file in
 * `import-mappings/`. Without `--map`, runs every mapping that names its source file, each after
 * the mappings it joins (`after`): the national list's items, their regional entries, their
 * inheritors. Every rejected or skipped row is printed with its reason; the summary counts
 * created / updated / unchanged / skipped / rejected rows. Exit code 0 unless the command itself
 * fails (bad mapping, unreadable file): rejected rows are reported, not fatal.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { commandLine, fromCaller, wholeNumber } from './lib/command-line.ts';
import { runImport, type ImportReport, type RowResult } from './lib/import/importer.ts';
import { loadMapping, resolveMappingPath } from './lib/import/mapping.ts';

const root = process.env.BAIGONG_ROOT ?? resolve(import.meta.dirname, '..');
// npm runs scripts in the project folder; paths typed by the user are relative to where they were

const usage = `usage / 用法:
  npm run import                      (every mapping with a source, in order / 按顺序运行所有指定了数据文件的映射)
  npm run import -- --map ich --map ich-entries --map ich-inheritors
  npm run import -- <file.csv|file.json> --map <mapping> [--dry-run] [--force] [--limit N] [--content-dir DIR] [--json]

  --map NAME|FILE   a mapping in import-mappings/ (ima, chinesenotes-photos, ich, …) or a path;
                    may be given more than once / 映射文件，可多次指定
  --dry-run         show what would change, write nothing / 只显示计划，不写入
  --force           also overwrite records edited by hand / 覆盖人工修改过的记录
  --limit N         only the first N rows / 只处理前 N 行
  --content-dir DIR write into DIR instead of content/ / 写入其他内容目录
  --date YYYY-MM-DD the date written as added/modified (default today) / 写入的日期
  --json            print the report as JSON / 以 JSON 输出报告
The mapping format: import-mappings/README.md`;

const { values, positionals } = commandLine(
  {
    allowPositionals: true,
    options: {
      map: { type: 'string', multiple: true },
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      limit: { type: 'string' },
      'content-dir': { type: 'string' },
      date: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  },
  usage,
);
const maps = values.map ?? [];
if (values.help || positionals.length > 1 || (positionals.length === 1 && maps.length !== 1)) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
const limit = wholeNumber('limit', values.limit, usage);

/** Every mapping in import-mappings/ that names a source, each after those it joins. */
function mappingsInOrder(): string[] {
  const dir = join(root, 'import-mappings');
  const named = readdirSync(dir)
    .filter((f) => ['.json', '.yaml', '.yml'].includes(extname(f)))
    .map((f) => loadMapping(join(dir, f)))
    .filter((m) => m.source !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
  const order: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (order.includes(name)) return;
    if (path.includes(name))
      throw new Error(`mappings join in a circle: ${[...path, name].join(' → ')}`);
    const mapping = named.find((m) => m.name === name);
    for (const first of mapping?.after ?? []) visit(first, [...path, name]);
    if (mapping) order.push(name);
  };
  for (const m of named) visit(m.name, []);
  return order;
}

const mapPath = (map: string) =>
  map.includes('/') || map.includes('.') ? fromCaller(map) : resolveMappingPath(root, map);

const reports: ImportReport[] = [];
try {
  const chosen = maps.length > 0 ? maps : mappingsInOrder();
  for (const map of chosen) {
    const path = mapPath(map);
    const mapping = loadMapping(path);
    if (!positionals[0] && mapping.source && !existsSync(join(root, mapping.source))) {
      throw new Error(
        `mapping "${basename(path)}" reads ${mapping.source}, which is missing: give the file as an argument / 找不到数据文件`,
      );
    }
    reports.push(
      runImport({
        root,
        mapping: path,
        source: positionals[0] ? fromCaller(positionals[0]) : undefined,
        contentDir: values['content-dir'] ? fromCaller(values['content-dir']) : undefined,
        dryRun: values['dry-run'],
        force: values.force,
        limit,
        today: values.date,
      }),
    );
  }
} catch (error) {
  console.error(`import failed / 导入失败: ${(error as Error).message}`);
  process.exit(1);
}

if (values.json) {
  console.log(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
  process.exit(0);
}

const where = (r: RowResult) =>
  `row ${r.row}${r.joined ? ` (+ ${r.joined.join(', ')})` : ''}${r.line ? ` (line ${r.line})` : ''}${r.key ? ` [${r.key}]` : ''}`;

function print(report: ImportReport): void {
  const verb: Record<RowResult['action'], string> = {
    created: report.dryRun ? 'would create / 将新建' : 'created / 已新建',
    updated: report.dryRun ? 'would update / 将更新' : 'updated / 已更新',
    unchanged: 'unchanged / 无变化',
    'skipped-edited': 'skipped, edited by hand / 跳过（人工修改过）',
    'skipped-existing': 'skipped, already in the archive / 跳过（已有记录）',
    'skipped-retired': 'skipped, retired / 跳过（编号已退役）',
    'skipped-scope': 'skipped, outside the archive / 跳过（不在收录范围）',
    rejected: 'REJECTED / 拒绝',
  };
  for (const r of report.rows) {
    if (r.action === 'unchanged' && !r.reason) continue;
    const detail =
      r.action === 'rejected' || r.action === 'skipped-scope'
        ? `${r.field}: ${r.reason}`
        : [r.id, r.file, r.reason].filter(Boolean).join(' ');
    console.log(`${where(r)}: ${verb[r.action]}: ${detail}`);
  }
  printTitles(report.rows);
  const c = report.counts;
  console.log(
    `\n${report.dryRun ? 'DRY RUN (nothing written) / 演练（未写入）: ' : ''}${report.source} → ${report.collection} via "${report.mapping}": ` +
      `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c['skipped-edited']} skipped-edited, ` +
      `${c['skipped-existing']} skipped-existing, ${c['skipped-retired']} skipped-retired, ${c['skipped-scope']} skipped-scope, ${c.rejected} rejected\n` +
      `新建 ${c.created}，更新 ${c.updated}，无变化 ${c.unchanged}，跳过（人工修改）${c['skipped-edited']}，` +
      `跳过（已有记录）${c['skipped-existing']}，跳过（已退役）${c['skipped-retired']}，跳过（不在收录范围）${c['skipped-scope']}，拒绝 ${c.rejected}`,
  );
  const u = report.units;
  if (u) {
    console.log(
      `${u.rows} rows, ${u.outOfScope} outside the craft scope; ${u.organisations} organisations, ` +
        `${u.skipped} skipped by a rule (public bodies …), ${u.merged} mentions merged into an organisation named before\n` +
        `共 ${u.rows} 行，${u.outOfScope} 行不属于工艺范围；机构 ${u.organisations} 个，按规则跳过 ${u.skipped} 个（公共文化机构等），合并重复出现 ${u.merged} 次`,
    );
  }
  console.log('');
}

/** Titles the thesaurus could not translate, with the words it lacks, and those words counted. */
function printTitles(rows: RowResult[]): void {
  const titled = rows.filter((r) => r.title && r.action !== 'rejected');
  if (titled.length === 0) return;
  const untranslated = titled.filter((r) => r.title?.zh === undefined);
  for (const r of untranslated)
    console.log(
      `${where(r)}: untranslated title / 标题未译: "${r.title?.source}"${r.title?.missing.length ? ` — missing terms / 术语表缺少: ${r.title.missing.join(', ')}` : ''}`,
    );
  const counts = new Map<string, number>();
  for (const r of untranslated)
    for (const word of r.title?.missing ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 20);
  const share = ((100 * (titled.length - untranslated.length)) / titled.length).toFixed(1);
  console.log(
    `\nTitles translated through the thesaurus: ${titled.length - untranslated.length} of ${titled.length} (${share}%) / 经术语表译出的标题：${titled.length - untranslated.length}/${titled.length}` +
      (top.length
        ? `\nMost wanted terms (add them to src/data/thesaurus/) / 最常缺少的术语：${top.map(([w, n]) => `${w} ×${n}`).join(', ')}`
        : ''),
  );
}

reports.forEach(print);
if (!values['dry-run'] && reports.some((r) => r.counts.created + r.counts.updated > 0)) {
  console.log(
    'Next: npm run check, then npm run dev to look at them / 下一步：npm run check，然后 npm run dev 预览',
  );
}
