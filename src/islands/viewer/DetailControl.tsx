/**
 * The quality level shown, and the control that loads the full detail (with its size), its
 * progress, or why it did not load. Only for models with lighter levels; rendered with the page
 * (not once the model shows) and placed last in the viewer, so that nothing moves around it.
 */
import type { ViewerLevel } from '../../lib/viewer/levels.ts';
import type { ViewerLang } from '../../lib/viewer/types.ts';
import Button from './Button.tsx';
import { tr } from './strings.ts';
import type { LevelsState } from './useLevels.ts';

const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

export default function DetailControl(props: {
  lang: ViewerLang;
  levels: ViewerLevel[];
  state: LevelsState;
  onFull: () => void;
}) {
  const { lang, levels, state } = props;
  const full = levels.at(-1)!;
  // Before the first level is on screen, the one that will be.
  const shown = levels[Math.max(0, state.shown)]!;
  const count = (level: ViewerLevel) =>
    `${level.triangles.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')} ${tr(lang, 'triangles')}`;
  const { progress } = state;
  const loading = progress !== null;
  return (
    <p className="mv-detail" data-detail={shown.name}>
      <span role="status">
        {shown === full ? tr(lang, 'detailShown') : tr(lang, 'lighterShown')} ({count(shown)})
        {progress !== null && (
          <>
            {' · '}
            {tr(lang, 'loadingDetail')}{' '}
            {progress === 'decoding' ? '…' : `${Math.round(progress * 100)}%`}
          </>
        )}
        {state.failed && <> · {tr(lang, 'detailError')}</>}
      </span>{' '}
      {/* Kept while loading (disabled) so that nothing around it moves under the pointer. */}
      {shown !== full && (
        <Button
          lang={lang}
          action="full-detail"
          label="fullDetail"
          onClick={props.onFull}
          disabled={loading}
        >
          {` (${megabytes(full.bytes)})`}
        </Button>
      )}
    </p>
  );
}
