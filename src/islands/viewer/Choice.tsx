/** A labelled menu of the toolbar (lighting, background): `name` is its label and `data-control`. */
import type { ViewerLang } from '../../lib/viewer/types.ts';
import { tr, type StringKey } from './strings.ts';

export default function Choice<T extends StringKey>(props: {
  lang: ViewerLang;
  name: StringKey;
  value: T;
  options: readonly T[];
  onChange: (value: T) => void;
}) {
  const { lang } = props;
  return (
    <label className="mv-field">
      {tr(lang, props.name)}{' '}
      <select
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value as T)}
        data-control={props.name}
      >
        {props.options.map((option) => (
          <option key={option} value={option}>
            {tr(lang, option)}
          </option>
        ))}
      </select>
    </label>
  );
}
