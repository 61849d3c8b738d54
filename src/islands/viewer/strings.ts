/** The viewer's interface texts in the site's two languages. */
import type { ViewerLang } from '../../lib/viewer/types.ts';

const strings = {
  viewer: { zh: '三维查看器', en: '3D viewer' },
  instructions: {
    zh: '用鼠标或手指拖动旋转模型，滚轮或双指缩放，右键或双指拖动平移。键盘：方向键旋转，Shift 加方向键平移，加号和减号缩放，Home 键复位，数字键跳到对应注释。',
    en: 'Drag to turn the model, scroll or pinch to zoom, right-drag or two-finger drag to pan. Keyboard: arrow keys turn, Shift with arrow keys pans, plus and minus zoom, Home resets, number keys go to the matching annotation.',
  },
  loadingScript: { zh: '正在准备查看器…', en: 'Preparing the viewer…' },
  loading: { zh: '正在加载模型', en: 'Loading the model' },
  decoding: { zh: '正在解码模型…', en: 'Decoding the model…' },
  ready: { zh: '模型已加载。', en: 'The model has loaded.' },
  loadButton: { zh: '加载三维模型', en: 'Load the 3D model' },
  saveData: {
    zh: '您的浏览器要求节省流量，三维模型不会自动加载。',
    en: 'Your browser asks to save data, so the 3D model does not load by itself.',
  },
  noWebgl: {
    zh: '此浏览器或设备无法显示三维图形（WebGL 不可用）。请参看上方图片。',
    en: 'This browser or device cannot show 3D graphics (WebGL is unavailable). Please see the image instead.',
  },
  contextLost: {
    zh: '图形处理器中断了三维显示。请参看图片，或重试。',
    en: 'The graphics processor stopped the 3D display. Please see the image, or try again.',
  },
  loadError: {
    zh: '模型未能加载。请参看图片，或稍后重试。',
    en: 'The model could not be loaded. Please see the image, or try again later.',
  },
  lowMemory: {
    zh: '此设备内存较少，为免页面卡顿，三维模型未加载。',
    en: 'This device has little memory, so the 3D model was not loaded to keep the page responsive.',
  },
  fullDetail: { zh: '加载完整细节', en: 'Load full detail' },
  loadingDetail: { zh: '正在加载完整细节', en: 'Loading full detail' },
  detailShown: { zh: '已显示完整细节', en: 'Full detail shown' },
  lighterShown: { zh: '当前为简化预览', en: 'Showing a lighter preview' },
  detailError: {
    zh: '完整细节未能加载，仍显示简化模型。',
    en: 'The full detail could not be loaded; the lighter model is still shown.',
  },
  triangles: { zh: '个三角面', en: 'triangles' },
  retry: { zh: '重试', en: 'Try again' },
  loadAnyway: { zh: '仍然加载', en: 'Load anyway' },
  reset: { zh: '复位视图', en: 'Reset view' },
  autoRotate: { zh: '自动旋转', en: 'Auto-rotate' },
  fullscreen: { zh: '全屏', en: 'Full screen' },
  exitFullscreen: { zh: '退出全屏', en: 'Exit full screen' },
  lighting: { zh: '光照', en: 'Lighting' },
  studio: { zh: '影棚光', en: 'Studio' },
  soft: { zh: '柔光', en: 'Soft' },
  raking: { zh: '侧光（掠射）', en: 'Raking light' },
  azimuth: { zh: '光源方位', en: 'Light direction' },
  elevation: { zh: '光源高度', en: 'Light height' },
  background: { zh: '背景', en: 'Background' },
  light: { zh: '浅色', en: 'Light' },
  grey: { zh: '灰色', en: 'Grey' },
  dark: { zh: '深色', en: 'Dark' },
  scale: { zh: '比例尺', en: 'Scale' },
  scaleAssumed: { zh: '（按模型单位估算）', en: '(assumed from model units)' },
  measure: { zh: '测量', en: 'Measure' },
  measureHint: {
    zh: '在模型上点击两点以测量距离。',
    en: 'Click two points on the model to measure the distance between them.',
  },
  distance: { zh: '距离', en: 'Distance' },
  annotations: { zh: '注释', en: 'Annotations' },
  tour: { zh: '导览', en: 'Guided tour' },
  startTour: { zh: '开始导览', en: 'Start the tour' },
  previous: { zh: '上一步', en: 'Previous' },
  next: { zh: '下一步', en: 'Next' },
  play: { zh: '自动播放', en: 'Play' },
  pause: { zh: '暂停', en: 'Pause' },
  endTour: { zh: '结束导览', en: 'End the tour' },
  step: { zh: '第 {n} 步，共 {total} 步', en: 'Step {n} of {total}' },
  author: { zh: '标注模式（开发）', en: 'Authoring mode (dev)' },
  authorHint: {
    zh: '点击模型表面，生成可粘贴到记录 frontmatter 的注释；或复制当前视角为导览步骤。',
    en: 'Click the model to get a hotspot ready to paste into the record’s frontmatter, or copy the current view as a tour step.',
  },
  copyStep: { zh: '复制当前视角为导览步骤', en: 'Copy the current view as a tour step' },
  copied: { zh: '已复制到剪贴板：', en: 'Copied to the clipboard:' },
  copyFailed: {
    zh: '无法写入剪贴板，请手动复制：',
    en: 'Could not write to the clipboard; copy it by hand:',
  },
  controls: { zh: '查看器控制', en: 'Viewer controls' },
} as const;

export type StringKey = keyof typeof strings;

/** A viewer text in `lang`, with `{name}` placeholders filled in. */
export function tr(
  lang: ViewerLang,
  key: StringKey,
  vars: Record<string, string | number> = {},
): string {
  return strings[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}
