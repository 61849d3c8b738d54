/** The viewer's controls: reset, auto-rotate, full screen, measure, light and background. */
import {
  BACKGROUND_CHOICES,
  LIGHTING_PRESETS,
  RAKING_RANGE,
  type Look,
} from '../../lib/viewer/lighting.ts';
import type { ViewerMode } from '../../lib/viewer/modes.ts';
import type { ViewerLang } from '../../lib/viewer/types.ts';
import Button from './Button.tsx';
import Choice from './Choice.tsx';
import Range from './Range.tsx';
import { tr } from './strings.ts';

export interface ToolbarProps {
  lang: ViewerLang;
  look: Look;
  onLook: (change: Partial<Look>) => void;
  autoRotate: boolean;
  onAutoRotate: () => void;
  fullscreen: boolean;
  onFullscreen: () => void;
  mode: ViewerMode;
  onMode: (mode: 'measure' | 'author') => void;
  onReset: () => void;
}

export default function Toolbar(props: ToolbarProps) {
  const { lang, look, onLook, mode } = props;
  const toggleMode = (to: 'measure' | 'author') => ({
    pressed: mode === to,
    onClick: () => props.onMode(to),
  });
  return (
    <div className="mv-toolbar" role="group" aria-label={tr(lang, 'controls')}>
      <Button lang={lang} action="reset" label="reset" onClick={props.onReset} />
      <Button
        lang={lang}
        action="auto-rotate"
        label="autoRotate"
        pressed={props.autoRotate}
        onClick={props.onAutoRotate}
      />
      <Button
        lang={lang}
        action="fullscreen"
        label={props.fullscreen ? 'exitFullscreen' : 'fullscreen'}
        onClick={props.onFullscreen}
      />
      <Button lang={lang} action="measure" label="measure" {...toggleMode('measure')} />
      <Choice
        lang={lang}
        name="lighting"
        value={look.lighting}
        options={LIGHTING_PRESETS}
        onChange={(lighting) => onLook({ lighting })}
      />
      {look.lighting === 'raking' &&
        (['azimuth', 'elevation'] as const).map((angle) => (
          <Range
            key={angle}
            lang={lang}
            name={angle}
            range={RAKING_RANGE[angle]}
            value={look[angle]}
            onChange={(value) => onLook({ [angle]: value })}
          />
        ))}
      <Choice
        lang={lang}
        name="background"
        value={look.background}
        options={BACKGROUND_CHOICES}
        onChange={(background) => onLook({ background })}
      />
      {/* Authoring is for curators in `npm run dev`: the production build drops the button. */}
      {import.meta.env.DEV && (
        <Button lang={lang} action="author" label="author" {...toggleMode('author')} />
      )}
    </div>
  );
}
