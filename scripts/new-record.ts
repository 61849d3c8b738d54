/**
 * `npm run new -- <work|craft|person|cluster|exhibition> "名称 / title"` creates a draft record
 * with the next free ID; `npm run new -- publish works/_slug` publishes it once it is complete.
 * Add `--content-dir DIR` to work on another content folder (tests, benchmarks).
 */
import { join, relative, resolve } from 'node:path';
import { callerDirectory, commandLine, fromCaller } from './lib/command-line.ts';
import { formatProblem } from './lib/problems.ts';
import { collectionOf, createRecord, publishDraft } from './lib/scaffold.ts';

const root = process.env.BAIGONG_ROOT ?? resolve(import.meta.dirname, '..');
const cwd = callerDirectory();

const usage = `用法 / usage:
  npm run new -- work "广彩人物纹大碗"       新建作品草稿 / new work (draft)
  npm run new -- craft|person|cluster|exhibition "名称"
  npm run new -- publish works/_guang-cai-ren-wu-wen-da-wan   检查并发布草稿 / check and publish a draft`;

const { values, positionals } = commandLine(
  {
    allowPositionals: true,
    options: {
      'content-dir': { type: 'string' },
      date: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  },
  usage,
);
const contentDir = values['content-dir']
  ? fromCaller(values['content-dir'])
  : join(root, 'content');
const [command, ...rest] = positionals;
if (values.help || !command || rest.length === 0) {
  console.log(usage);
  process.exit(values.help ? 0 : 2);
}
const show = (path: string) => relative(cwd, path) || '.';

if (command === 'publish') {
  const result = publishDraft(root, contentDir, rest.join(' '));
  if (result.file) {
    console.log(`已发布 / Published: ${show(result.file)}`);
    console.log('下一步：npm run dev 预览；用 git 提交，或请同事提交。');
    console.log('Next: preview with npm run dev; commit it with git (or ask a colleague to).');
    process.exit(0);
  }
  for (const problem of result.problems) console.log(formatProblem(problem));
  console.log('\n草稿尚未发布：请按上面的提示修改后再运行一次。');
  console.log('The draft was not published: fix the problems above and run the command again.');
  process.exit(1);
}

const collection = collectionOf(command);
if (!collection) {
  console.error(`不认识的记录类型 / unknown record type "${command}"\n\n${usage}`);
  process.exit(2);
}
const created = createRecord({ contentDir, collection, title: rest.join(' '), today: values.date });
const folder = show(join(created.file, '..'));
console.log(`已新建草稿 / Draft created: ${show(created.file)}  (${created.id})

下一步：
  1. 用文本编辑器打开 ${show(created.file)}，把每个 TODO 换成真实内容（每个字段上方有中英文说明）。
  2. 图片等媒体文件直接放进 ${folder}/，并在 images 中登记文件名、替代文字和权利。
  3. 运行 npm run new -- publish ${created.collection}/${created.folder}
     它会检查记录；通过后把文件夹改名为 ${created.slug}，网站即会显示这条记录。
  4. npm run dev 预览；草稿（文件夹名以 _ 开头）不会出现在网站上。

Next steps:
  1. Open ${show(created.file)} in a text editor and replace every TODO (each field has a note in Chinese and English).
  2. Put images and other media in ${folder}/ and list them under images with alt text and rights.
  3. Run npm run new -- publish ${created.collection}/${created.folder}
     It checks the record; when it passes, the folder is renamed to ${created.slug} and the site shows it.
  4. Preview with npm run dev; drafts (folders starting with _) never appear on the site.`);
