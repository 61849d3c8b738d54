/** A labelled slider in degrees (the raking light's direction and height). */
import type { ViewerLang } from '../../lib/viewer/types.ts';
import { tr, type StringKey } from './strings.ts';

export default function Range(props: {
  lang: ViewerLang;
  name: StringKey;
  range: { min: number; max: number; step: number };
  value: number;
  onChange: (value: number) => void;
}) {
  const { range, value } = props;
  return (
    <label className="mv-field">
      {tr(props.lang, props.name)}{' '}
      <input
        type="range"
        min={range.min}
        max={range.max}
        step={range.step}
        value={value}
        onChange={(e) => props.onChange(Number(e.currentTarget.value))}
        aria-valuetext={`${value}°`}
        data-control={props.name}
      />
    </label>
  );
}
