/**
 * Decap CMS configuration for the local web editor (`npm run cms`), built from the same data as
 * the schemas: vocabularies become select lists, required fields are required, IDs default to the
 * next free ID. Records are written where the site reads them (`content/<collection>/<slug>/
 * index.mdx`) and media go into the record's own folder. The backend is Decap's `proxy` backend
 * talking to `decap-server` on this machine: no cloud service, no login.
 */
import { vocabularies, type VocabularyName } from '../../src/lib/vocabularies.ts';
import { INTRODUCTION_MAX } from '../../src/schemas/cluster.ts';
import { IdAllocator } from './import/registry.ts';

type Field = Record<string, unknown>;

const options = (name: VocabularyName) =>
  vocabularies[name].map((t) => ({ label: `${t.zh} ${t.en} (${t.key})`, value: t.key }));

const str = (name: string, label: string, extra: Field = {}): Field => ({
  name,
  label,
  widget: 'string',
  ...extra,
});
const text = (name: string, label: string, extra: Field = {}): Field => ({
  name,
  label,
  widget: 'text',
  ...extra,
});
const num = (name: string, label: string, extra: Field = {}): Field => ({
  name,
  label,
  widget: 'number',
  value_type: 'float',
  required: false,
  ...extra,
});
/**
 * Decap checks the fields inside an object even when the object itself is optional and absent,
 * so a record without it could not be saved. Inside an optional object every field is optional
 * (`npm run check` still requires them when the object is there).
 */
function optionalTree(field: Field): Field {
  const inner = field['fields'] as Field[] | undefined;
  return { ...field, required: false, ...(inner ? { fields: inner.map(optionalTree) } : {}) };
}

const obj = (name: string, label: string, fields: Field[], extra: Field = {}): Field => ({
  name,
  label,
  widget: 'object',
  collapsed: false,
  fields: extra['required'] === false ? fields.map(optionalTree) : fields,
  ...extra,
});
const list = (name: string, label: string, fields: Field[], extra: Field = {}): Field => ({
  name,
  label,
  widget: 'list',
  required: false,
  fields,
  ...extra,
});
const stringList = (name: string, label: string, extra: Field = {}): Field => ({
  name,
  label,
  widget: 'list',
  required: false,
  default: [],
  ...extra,
});
const select = (
  name: string,
  label: string,
  vocabulary: VocabularyName,
  extra: Field = {},
): Field => ({ name, label, widget: 'select', options: options(vocabulary), ...extra });
const date = (name: string, label: string, extra: Field = {}): Field => ({
  name,
  label,
  widget: 'datetime',
  format: 'YYYY-MM-DD',
  date_format: 'YYYY-MM-DD',
  time_format: false,
  ...extra,
});
const localized = (name: string, label: string, extra: Field = {}, long = false): Field =>
  obj(
    name,
    label,
    [(long ? text : str)('zh', '中文 Chinese'), (long ? text : str)('en', 'English')],
    extra,
  );
const idField = (prefix: string, next: string): Field =>
  str('id', '稳定编号 Stable ID (never change / 切勿修改)', {
    default: next,
    pattern: [`^${prefix}-\\d{6}$`, `${prefix}-000123`],
    hint: '新记录已填入下一个可用编号；同一次会话中新建第二条记录前请刷新页面。A new record gets the next free ID; reload the page before creating a second one.',
  });

const rightsField = (name = 'rights', label = '权利 Rights'): Field =>
  obj(name, label, [
    select('license', '许可 License', 'licenses'),
    str('holder', '权利人 Rights holder'),
    str('credit', '署名 Credit line'),
  ]);

const sourceFields = (): Field[] => [
  str('title', '题名 Title'),
  str('publisher', '出版者 Publisher', { required: false }),
  num('year', '年份 Year', { value_type: 'int' }),
  str('url', '网址 URL', { required: false, pattern: ['^https?://', 'https://…'] }),
  date('accessed', '访问日期 Accessed', { required: false }),
  str('note', '说明 Note', { required: false }),
];
const references = (required: boolean): Field =>
  list('references', '资料来源 Sources', sourceFields(), { required, min: required ? 1 : 0 });

const imageFields = (): Field[] => [
  {
    name: 'file',
    label: '文件 File (in this record folder / 存于本记录文件夹)',
    widget: 'image',
    choose_url: false,
  },
  localized('alt', '替代文字 Alt text (required / 必填)'),
  localized('caption', '图注 Caption', { required: false }),
  rightsField('rights', '该文件的权利 Rights in this file'),
  {
    name: 'illustration',
    label: '示意图（非实物照片）Illustration, not a photograph',
    widget: 'boolean',
    default: false,
    required: false,
  },
];
const images = (): Field => list('images', '图片 Images', imageFields(), { default: [] });

const regionFields = (): Field[] => [
  str('code', '行政区划代码 GB/T 2260 code', { pattern: ['^\\d{6}$', '440100'] }),
  localized('place', '地名 Place name'),
];

const vec3 = (name: string, label: string, required = true): Field => ({
  name,
  label: `${label} [x, y, z]`,
  widget: 'list',
  field: { name: 'v', label: 'value', widget: 'number', value_type: 'float' },
  min: 3,
  max: 3,
  required,
});
const camera = (): Field =>
  obj('camera', '相机 Camera', [vec3('position', '位置 Position'), vec3('target', '目标 Target')], {
    required: false,
  });

function bodyField(): Field {
  return {
    name: 'body',
    label: '正文 Body (MDX: <Zh>…</Zh> <En>…</En>)',
    widget: 'markdown',
    modes: ['raw'],
    hint: '只能使用 CURATING.md 中列出的组件，不可 import/export。Only the components listed in CURATING.md; no import or export.',
  };
}

const recordDates = (today: string): Field[] => [
  date('added', '首次发布 Added', { default: today }),
  date('modified', '最近修改 Modified', { required: false }),
];

/** Fields of the `imported` block, kept as they are so a re-import recognises the record. */
const importedField = (): Field =>
  obj(
    'imported',
    '导入信息 Import (set by npm run import; do not edit)',
    [
      { name: 'mapping', label: 'mapping', widget: 'hidden' },
      { name: 'key', label: 'key', widget: 'hidden' },
      { name: 'hash', label: 'hash', widget: 'hidden' },
    ],
    { required: false, collapsed: true },
  );

function collection(
  name: string,
  label: string,
  fields: Field[],
  summary: string,
  slug: string,
): Field {
  return {
    name,
    label,
    folder: `content/${name}`,
    path: '{{slug}}/index',
    extension: 'mdx',
    format: 'frontmatter',
    create: true,
    slug,
    summary,
    media_folder: '',
    public_folder: '',
    fields: [...fields, bodyField()],
  };
}

/** The whole Decap configuration, for the project whose content is at `contentDir`. */
export function cmsConfig(
  contentDir: string,
  proxyUrl: string,
  today = new Date().toISOString().slice(0, 10),
): Field {
  const ids = IdAllocator.forContent(contentDir);
  const dates = recordDates(today);
  const works = collection(
    'works',
    '作品 Works',
    [
      idField('BGW', ids.next('works')),
      localized('title', '名称 Title'),
      stringList('otherNames', '别名 Other names'),
      localized('summary', '简介 Summary', { required: false }, true),
      select('category', '工艺门类 Category', 'craftCategories'),
      stringList('heritage', '非遗项目编号 Heritage list codes (VIII-97)'),
      stringList('techniques', '技艺编号 Craft IDs (BGC-…)'),
      list('makers', '制作者 Makers', [
        str('person', '人物编号 Person ID (BGP-…)', { required: false }),
        localized('name', '姓名 Name', { required: false }),
        localized('role', '角色 Role', { required: false }),
      ]),
      select('period', '时代 Period', 'periods'),
      obj('date', '年代 Date (BCE negative / 公元前为负数)', [
        num('start', '起 Start year', { value_type: 'int', required: true }),
        num('end', '止 End year', { value_type: 'int', required: true }),
        localized('display', '显示文字 As shown', { required: false }),
      ]),
      obj('region', '产地 Where made', regionFields(), { required: false }),
      str('cluster', '聚集区编号 Cluster ID (BGJ-…)', { required: false }),
      select('materials', '材质 Materials', 'materials', { multiple: true, min: 1 }),
      obj(
        'dimensions',
        '尺寸（厘米、克）Dimensions (cm, g)',
        [
          num('height', '高 Height'),
          num('width', '宽 Width'),
          num('depth', '深 Depth'),
          num('diameter', '径 Diameter'),
          num('length', '长 Length'),
          num('weight', '重（克）Weight (g)'),
          str('note', '原始记录 As stated', { required: false }),
        ],
        { required: false },
      ),
      rightsField('rights', '本记录的权利 Rights in this record'),
      obj(
        'holding',
        '收藏机构 Holding institution',
        [
          localized('institution', '机构 Institution'),
          str('accession', '馆藏编号 Accession number', { required: false }),
          str('url', '网址 URL', { required: false }),
        ],
        { required: false },
      ),
      localized('provenance', '递藏 Provenance', { required: false }, true),
      references(true),
      images(),
      list(
        'models',
        '三维模型 3D models',
        [
          { name: 'file', label: '文件 File (.glb/.gltf)', widget: 'file', choose_url: false },
          localized('alt', '替代文字 Alt text'),
          localized('caption', '图注 Caption', { required: false }),
          rightsField('rights', '该文件的权利 Rights in this file'),
          {
            name: 'illustration',
            label: '示意模型 Illustrative model',
            widget: 'boolean',
            default: false,
            required: false,
          },
          {
            name: 'poster',
            label: '封面图 Poster image',
            widget: 'image',
            required: false,
            choose_url: false,
          },
          list(
            'hotspots',
            '标注 Hotspots',
            [
              str('id', '标识 id (a-z, 0-9, -)', { pattern: ['^[a-z0-9-]+$', 'glaze-detail'] }),
              vec3('position', '位置 Position'),
              vec3('normal', '法线 Normal'),
              localized('title', '标题 Title'),
              localized('text', '说明 Text', {}, true),
              camera(),
            ],
            { default: [] },
          ),
          list(
            'tour',
            '导览 Tour',
            [
              camera(),
              str('hotspot', '标注 id Hotspot id', { required: false }),
              {
                name: 'lighting',
                label: '灯光 Lighting',
                widget: 'select',
                options: ['studio', 'soft', 'raking'],
                required: false,
              },
              localized('text', '文字 Text', {}, true),
            ],
            { default: [] },
          ),
        ],
        { default: [] },
      ),
      stringList('tags', '关键词 Tags'),
      {
        name: 'featured',
        label: '首页推荐 Featured',
        widget: 'boolean',
        default: false,
        required: false,
      },
      importedField(),
      ...dates,
    ],
    '{{title.zh}} · {{id}}',
    '{{fields.title.en}}',
  );
  const crafts = collection(
    'crafts',
    '技艺 Crafts',
    [
      idField('BGC', ids.next('crafts')),
      localized('name', '名称 Name'),
      stringList('otherNames', '别名 Other names'),
      localized('summary', '简介 Summary', {}, true),
      select('category', '工艺门类 Category', 'craftCategories'),
      list(
        'heritage',
        '国家级非遗名录 National list',
        [
          str('code', '编号 Code (VIII-97)', { pattern: ['^VII{1,2}-\\d+$', 'VIII-97'] }),
          num('batch', '批次 Batch (1–5)', { value_type: 'int', required: true, min: 1, max: 5 }),
          str('name', '公布名称 Listed name', { required: false }),
        ],
        { default: [] },
      ),
      list('regions', '流布地区 Regions', regionFields(), { default: [] }),
      select('materials', '材料 Materials', 'materials', {
        multiple: true,
        required: false,
        default: [],
      }),
      list('tools', '工具 Tools', [str('zh', '中文 Chinese'), str('en', 'English')], {
        default: [],
      }),
      list(
        'steps',
        '工序 Steps',
        [
          localized('title', '步骤 Step'),
          localized('text', '说明 Text', {}, true),
          {
            name: 'image',
            label: '图片 Image',
            widget: 'image',
            required: false,
            choose_url: false,
          },
        ],
        { default: [] },
      ),
      localized('history', '简史 History', { required: false }, true),
      stringList('relatedWorks', '相关作品编号 Related work IDs (BGW-…)'),
      references(true),
      images(),
      importedField(),
      ...dates,
    ],
    '{{name.zh}} · {{id}}',
    '{{fields.name.en}}',
  );
  const people = collection(
    'people',
    '人物 People',
    [
      idField('BGP', ids.next('people')),
      obj('name', '姓名 Name', [
        str('zh', '汉字 Chinese'),
        str('en', 'English'),
        str('pinyin', '拼音 Pinyin'),
      ]),
      localized('summary', '简介 Summary', {}, true),
      obj(
        'life',
        '生卒年 Life dates',
        [
          num('born', '生 Born', { value_type: 'int' }),
          num('died', '卒 Died', { value_type: 'int' }),
        ],
        { required: false },
      ),
      { name: 'living', label: '在世 Living', widget: 'boolean', default: true },
      obj('region', '地区 Region', regionFields(), { required: false }),
      stringList('crafts', '技艺编号 Craft IDs (BGC-…)'),
      list(
        'honours',
        '荣誉 Honours (each with its source / 须注明出处)',
        [
          localized('title', '称号 Title'),
          num('year', '年份 Year', { value_type: 'int' }),
          num('batch', '批次 Batch', { value_type: 'int' }),
          obj('source', '出处 Source', sourceFields()),
        ],
        { default: [] },
      ),
      references(true),
      images(),
      ...dates,
    ],
    '{{name.zh}} · {{id}}',
    '{{fields.name.en}}',
  );
  const clusters = collection(
    'clusters',
    '聚集区 Clusters',
    [
      idField('BGJ', ids.next('clusters')),
      localized('name', '名称 Name'),
      obj('region', '所在地 Where', [
        str('province', '省级代码 Province code', { pattern: ['^\\d{6}$', '440000'] }),
        str('city', '地级代码 City code', { required: false, pattern: ['^\\d{6}$', '440100'] }),
        str('county', '县级代码 County code', {
          required: false,
          pattern: ['^\\d{6}$', '440103'],
        }),
        localized('place', '地名 Place name'),
      ]),
      localized('applicant', '申报主体 Applicant'),
      localized(
        'introduction',
        `产业简介（各不超过 ${INTRODUCTION_MAX} 字）Introduction (at most ${INTRODUCTION_MAX} characters each)`,
        {},
        true,
      ),
      stringList('crafts', '主要技艺编号 Leading craft IDs (BGC-…)'),
      stringList('works', '代表作品编号 Representative work IDs (BGW-…)'),
      stringList('people', '代表人物编号 Representative people IDs (BGP-…)'),
      references(true),
      images(),
      ...dates,
    ],
    '{{name.zh}} · {{id}}',
    '{{fields.name.en}}',
  );
  const exhibitions = collection(
    'exhibitions',
    '展览 Exhibitions',
    [
      idField('BGE', ids.next('exhibitions')),
      localized('title', '标题 Title'),
      localized('subtitle', '副标题 Subtitle', { required: false }),
      localized('summary', '简介 Summary', {}, true),
      localized('curator', '策展人 Curator'),
      obj('dates', '展期 Dates', [
        date('start', '开幕 Opens', { default: today }),
        date('end', '闭幕 Closes', { required: false }),
      ]),
      obj('cover', '封面 Cover', imageFields(), { required: false }),
      stringList('works', '展品编号 Work IDs (BGW-…)'),
      references(false),
      images(),
      {
        name: 'featured',
        label: '首页推荐 Featured',
        widget: 'boolean',
        default: false,
        required: false,
      },
      ...dates,
    ],
    '{{title.zh}} · {{id}}',
    '{{fields.title.en}}',
  );
  return {
    backend: { name: 'proxy', proxy_url: proxyUrl, branch: 'main' },
    locale: 'zh_Hans',
    // uploads go to the record's own folder (media_folder '' on each collection)
    media_folder: 'content',
    public_folder: '',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    site_url: 'http://127.0.0.1:4321/',
    display_url: 'http://127.0.0.1:4321/',
    collections: [works, crafts, people, clusters, exhibitions],
  };
}
