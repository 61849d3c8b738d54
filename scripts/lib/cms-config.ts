/**
 * Decap CMS configuration for the local web editor (`npm run cms`), built from the same data as
 * the schemas: vocabularies become select lists, required fields are required, IDs default to the
 * next free ID. Records are written where the site reads them (`content/<collection>/<slug>/
 * index.mdx`) and media go into the record's own folder. The backend is Decap's `proxy` backend
 * talking to `decap-server` on this machine: no cloud service, no login.
 */
import { vocabularies, type VocabularyName } from '../../src/lib/records/vocabularies.ts';
import { INTRODUCTION_MAX } from '../../src/schemas/cluster.ts';
import { idPrefixes, type Collection } from '../../src/schemas/index.ts';
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
  /**
   * A record collection: its ID first, then the type's own fields, the dates and the body. The
   * folder name comes from the English name, or the Chinese one where English may be missing.
   */
  const records = (
    name: Collection,
    label: string,
    nameField: 'title' | 'name',
    fields: Field[],
    slugLang: 'zh' | 'en' = 'en',
  ) =>
    collection(
      name,
      label,
      [idField(idPrefixes[name], ids.next(name)), ...fields, ...dates],
      `{{${nameField}.zh}} · {{id}}`,
      `{{fields.${nameField}.${slugLang}}}`,
    );
  const works = records('works', '作品 Works', 'title', [
    localized('title', '名称 Title'),
    obj(
      'sourceTitle',
      '原名（收藏机构所给）Source title, verbatim',
      [
        str('text', '原文 Text'),
        { name: 'lang', label: '语言 Language', widget: 'select', options: ['zh', 'en'] },
      ],
      { required: false },
    ),
    {
      name: 'titleTranslation',
      label: '译名状态 Title translation',
      widget: 'select',
      options: ['working', 'reviewed'],
      required: false,
    },
    str('objectType', '器类（术语表编号）Object type (thesaurus ID)', { required: false }),
    stringList('concepts', '术语（术语表编号）Thesaurus concepts'),
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
    {
      name: 'reproduction',
      label: '现代复制品 Modern reproduction',
      widget: 'boolean',
      default: false,
      required: false,
    },
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
    list(
      'review',
      '待核 Needs review',
      [str('field', '字段 Field'), localized('note', '说明 Note', {}, true)],
      { default: [] },
    ),
    importedField(),
  ]);
  const crafts = records('crafts', '技艺 Crafts', 'name', [
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
    list(
      'entries',
      '地区子项 Regional entries (filled by npm run import -- --map ich-entries; a re-import replaces them / 由导入填写)',
      [
        str('entry', '子项编号 Entry number (VII-001_01_120000)'),
        str('code', '项目编号 Item code (VIII-97)', { pattern: ['^VII{1,2}-\\d+$', 'VIII-97'] }),
        str('name', '公布名称 Listed name'),
        num('batch', '批次 Batch (1–5)', { value_type: 'int', required: true, min: 1, max: 5 }),
        num('year', '年份 Year', { value_type: 'int', required: true }),
        {
          name: 'type',
          label: '类型 Type',
          widget: 'select',
          options: [
            { label: '新增 new', value: 'new' },
            { label: '扩展 extension', value: 'extension' },
          ],
        },
        str('declaredBy', '申报地区或单位 Declared by'),
        obj('region', '地区 Region', regionFields(), { required: false }),
        str('protectionUnit', '保护单位 Protection unit', { required: false }),
      ],
      { default: [], collapsed: true },
    ),
    list('regions', '流布地区 Regions', regionFields(), { default: [] }),
    select('materials', '材料 Materials', 'materials', {
      multiple: true,
      required: false,
      default: [],
    }),
    select('tools', '工具与设备 Tools and equipment', 'tools', {
      multiple: true,
      required: false,
      default: [],
    }),
    list(
      'steps',
      '工序 Steps',
      [
        localized('title', '步骤 Step'),
        localized('text', '说明 Text', {}, true),
        select('tools', '本工序的工具 Tools of the step', 'tools', {
          multiple: true,
          required: false,
          default: [],
        }),
        select('materials', '本工序的材料 Materials of the step', 'materials', {
          multiple: true,
          required: false,
          default: [],
        }),
        localized('duration', '所需时间 Duration (in words: 数日 / several days)', {
          required: false,
        }),
        {
          name: 'image',
          label: '图片 Image',
          widget: 'image',
          required: false,
          choose_url: false,
        },
        obj(
          'clip',
          '影片中的这道工序 Where a film shows this step',
          [
            str('film', '影片文件 Film file (listed under Films / 须列于“影像”)'),
            num('start', '开始（秒）Start (seconds)', { value_type: 'float' }),
            num('end', '结束（秒）End (seconds)', { value_type: 'float' }),
          ],
          { required: false },
        ),
      ],
      { default: [] },
    ),
    list(
      'glossary',
      '行话术语 Terms of the trade',
      [
        str('term', '术语 Term (Chinese)'),
        str('pinyin', '拼音 Pinyin', { required: false }),
        str('en', '英文 English', { required: false }),
        localized('definition', '释义 Definition', {}, true),
        obj('source', '出处 Source', sourceFields()),
      ],
      { default: [] },
    ),
    localized('history', '简史 History', { required: false }, true),
    localized(
      'transmission',
      '传承 Transmission (with its source in Sources)',
      { required: false },
      true,
    ),
    localized('protection', '保护 Protection (as a source states it)', { required: false }, true),
    stringList('relatedWorks', '相关作品编号 Related work IDs (BGW-…)'),
    references(true),
    images(),
    list(
      'films',
      '影像 Films and recordings',
      [
        {
          name: 'file',
          label: '文件 File (.mp4, .mov, .wav … in this record folder / 存于本记录文件夹)',
          widget: 'file',
          choose_url: false,
        },
        localized('title', '标题 Title'),
        localized('description', '说明 Description', { required: false }),
        rightsField('rights', '该影片的权利 Rights in this film'),
        {
          name: 'illustration',
          label: '本站生成的示意影片 Generated by this project (an illustration)',
          widget: 'boolean',
          default: false,
          required: false,
        },
      ],
      { default: [] },
    ),
    importedField(),
  ]);
  const people = records('people', '人物 People', 'name', [
    obj('name', '姓名 Name', [
      str('zh', '汉字 Chinese'),
      str('en', 'English'),
      str('pinyin', '拼音 Pinyin'),
    ]),
    stringList('otherNames', '别名 Other names (as a source gives them)'),
    localized('summary', '简介 Summary', {}, true),
    {
      name: 'gender',
      label: '性别 Gender (only as a source gives it / 仅据出处)',
      widget: 'select',
      options: [
        { label: '女 female', value: 'female' },
        { label: '男 male', value: 'male' },
      ],
      required: false,
    },
    select('ethnicGroup', '民族 Ethnic group (GB/T 3304)', 'ethnicGroups', { required: false }),
    obj(
      'life',
      '生卒年 Life dates',
      [
        num('born', '生 Born', { value_type: 'int' }),
        num('died', '卒 Died', { value_type: 'int' }),
      ],
      { required: false },
    ),
    {
      // A choice, not a checkbox: a checkbox cannot go back to "unknown" (unticked it says "has
      // died"); the schema reads the written "true"/"false" as booleans.
      name: 'living',
      label:
        '在世与否 Living or not (only when a source says; leave empty when unknown / 仅据出处填写，不详则留空)',
      widget: 'select',
      options: [
        { label: '在世（有出处）Living (a source says so)', value: 'true' },
        { label: '已故（有出处）Has died (a source says so)', value: 'false' },
      ],
      required: false,
    },
    obj('region', '地区 Region', regionFields(), { required: false }),
    stringList('crafts', '技艺编号 Craft IDs (BGC-…)'),
    list(
      'designations',
      '称号 Official titles (each with its conferring body and source / 须注明授予机构和出处)',
      [
        localized('title', '称号 Title'),
        localized('conferredBy', '授予机构 Conferred by'),
        num('year', '年份 Year', { value_type: 'int' }),
        num('batch', '批次 Batch', { value_type: 'int' }),
        str('number', '名单编号 Number on the list', { required: false }),
        obj(
          'heritage',
          '非遗项目 Heritage item',
          [
            str('code', '项目编号 Item code (VIII-97)'),
            str('entry', '子项编号 Entry number', { required: false }),
            str('name', '公布名称 Listed name'),
          ],
          { required: false },
        ),
        str('declaredBy', '申报地区或单位 Declared by', { required: false }),
        obj('source', '出处 Source', sourceFields()),
      ],
      { default: [] },
    ),
    references(true),
    images(),
    importedField(),
  ]);
  const clusters = records('clusters', '聚集区 Clusters', 'name', [
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
  ]);
  const exhibitions = records('exhibitions', '展览 Exhibitions', 'title', [
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
  ]);
  const cases = records(
    'cases',
    '典型案例 Typical cases',
    'name',
    [
      obj('name', '名称 Name', [
        str('zh', '中文 Chinese'),
        str('en', 'English (only an accepted name / 仅填公认译名)', { required: false }),
      ]),
      select('kind', '类型 Kind', 'caseKinds'),
      obj('region', '所在地 Where', [
        str('province', '省级代码 Province code', { pattern: ['^\\d{6}$', '440000'] }),
        str('division', '地级或县级代码 City or county code', {
          required: false,
          pattern: ['^\\d{6}$', '440103'],
        }),
      ]),
      localized('summary', '简介 Summary', { required: false }, true),
      stringList('crafts', '技艺编号 Craft IDs (BGC-…)'),
      stringList('clusters', '聚集区编号 Cluster IDs (BGJ-…)'),
      stringList('people', '人物编号 People IDs (BGP-…)'),
      stringList('works', '作品编号 Work IDs (BGW-…)'),
      list(
        'designations',
        '认定与称号 Designations (each with its source / 须注明来源)',
        [
          select('type', '类别 Type', 'caseDesignations'),
          obj('title', '名称 Title', [
            str('zh', '中文 Chinese'),
            str('en', 'English', { required: false }),
          ]),
          str('conferredBy', '认定机构 Conferred by'),
          num('year', '年份 Year', { value_type: 'int', required: false }),
          num('batch', '批次 Batch', { value_type: 'int', required: false }),
          str('heritage', '非遗项目编号 Heritage code (VIII-97)', { required: false }),
          str('entry', '地区子项编号 Regional entry number', { required: false }),
          obj('source', '来源 Source', sourceFields()),
        ],
        { default: [] },
      ),
      list(
        'narrative',
        '典型经验 Narrative (every claim with its source / 每条须有来源)',
        [
          {
            name: 'aspect',
            label: '方面 Aspect',
            widget: 'select',
            options: ['practice', 'innovation', 'brand', 'technology', 'training'],
          },
          localized('text', '内容 Claim', {}, true),
          obj('source', '来源 Source', sourceFields()),
        ],
        { default: [] },
      ),
      references(false),
      images(),
      importedField(),
    ],
    'zh',
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
    collections: [works, crafts, people, clusters, exhibitions, cases],
  };
}
