// Labelled form controls. Every control has a visible label bound to it (WCAG 1.3.1, 3.3.2);
// hints and errors are tied with aria-describedby.

import { useId } from 'preact/hooks';
import { humanize } from './labels.js';

/**
 * A label, the control made by `render(props)` and an optional hint, wired together: the control
 * gets the id the label points at and aria-describedby naming the hint.
 */
function Control({ label, hint, required, render }) {
  const id = useId();
  return (
    <div class="control">
      <label for={id}>
        {label}
        {required ? <span class="required" aria-hidden="true"> *</span> : null}
      </label>
      {render({ id, required, 'aria-describedby': hint ? `${id}-hint` : undefined })}
      {hint ? <p id={`${id}-hint`} class="hint">{hint}</p> : null}
    </div>
  );
}

export function TextInput({ label, value, onInput, hint, type = 'text', required, ...rest }) {
  return (
    <Control
      label={label}
      hint={hint}
      required={required}
      render={(wiring) => <input {...wiring} type={type} value={value ?? ''} onInput={(e) => onInput(e.currentTarget.value)} {...rest} />}
    />
  );
}

export function TextArea({ label, value, onInput, hint, required, rows = 4, ...rest }) {
  return (
    <Control
      label={label}
      hint={hint}
      required={required}
      render={(wiring) => <textarea {...wiring} rows={rows} value={value ?? ''} onInput={(e) => onInput(e.currentTarget.value)} {...rest} />}
    />
  );
}

/** @param options codes (shown humanized) or {value, label} pairs */
export function Select({ label, value, onChange, options, empty, hint, required, ...rest }) {
  return (
    <Control
      label={label}
      hint={hint}
      required={required}
      render={(wiring) => (
        <select {...wiring} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value)} {...rest}>
          {empty !== undefined ? <option value="">{empty}</option> : null}
          {options.map((o) => {
            const option = typeof o === 'string' ? { value: o, label: humanize(o) } : o;
            return (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            );
          })}
        </select>
      )}
    />
  );
}

/** A group of checkboxes for a set of codes (or {value, label} pairs). */
export function CheckboxGroup({ legend, options, values, onChange, hint }) {
  const id = useId();
  const toggle = (value, checked) =>
    onChange(checked ? [...values, value] : values.filter((v) => v !== value));
  return (
    <fieldset class="control checkboxes" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint ? <p id={`${id}-hint`} class="hint">{hint}</p> : null}
      <div class="checkbox-grid">
        {options.map((o) => {
          const option = typeof o === 'string' ? { value: o, label: humanize(o) } : o;
          return (
            <label key={option.value} class="checkbox">
              <input
                type="checkbox"
                value={option.value}
                checked={values.includes(option.value)}
                onChange={(e) => toggle(option.value, e.currentTarget.checked)}
              />{' '}
              {option.label}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

export function Checkbox({ label, checked, onChange }) {
  return (
    <label class="checkbox">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} /> {label}
    </label>
  );
}

/** A submit button that shows it is working and cannot be pressed twice. */
export function SubmitButton({ busy, children, ...rest }) {
  return (
    <button type="submit" disabled={busy} aria-busy={busy ? 'true' : 'false'} {...rest}>
      {busy ? 'Working…' : children}
    </button>
  );
}
