// One field as the policy decided it. A disclosed field shows its value and any obligation or
// notice that travels with it (e.g. the 42 CFR Part 2 redisclosure notice); a withheld field is
// never blank: it says that it is withheld, why (reason, rule, citation) and what would allow it.

import { formatTime, humanize } from './labels.js';
import { useApp } from './hooks.js';

/** "leadAgencyId" -> "Lead agency": agency fields show names, so their label drops the "ID". */
function fieldLabel(name) {
  return humanize(name.replace(/AgencyIds$/, 'Agencies').replace(/AgencyId$/, 'Agency'));
}

export function Field({ name, field, label }) {
  const title = label ?? fieldLabel(name);
  if (!field || typeof field !== 'object' || !field.status) {
    return (
      <div class="field">
        <dt>{title}</dt>
        <dd>{field === null || field === undefined || field === '' ? <span class="muted">Not recorded</span> : String(field)}</dd>
      </div>
    );
  }
  const category = field.category ? <span class="category" title={field.hl7SensitivityCode ? `HL7 ${field.hl7SensitivityCode}` : undefined}>{humanize(field.category)}</span> : null;
  if (field.status === 'WITHHELD') {
    return (
      <div class="field withheld" data-field={name} data-status="WITHHELD">
        <dt>
          {title} {category}
        </dt>
        <dd>
          <strong class="badge badge-withheld">Withheld</strong>
          <Explanation field={field} />
        </dd>
      </div>
    );
  }
  return (
    <div class="field disclosed" data-field={name} data-status="DISCLOSED">
      <dt>
        {title} {category}
      </dt>
      <dd>
        <span class="value">
          <Value name={name} value={field.value} />
        </span>
        {field.obligations?.length ? (
          <ul class="obligations" aria-label="Obligations">
            {field.obligations.map((o) => (
              <li key={o}>{humanize(o)}</li>
            ))}
          </ul>
        ) : null}
        {field.notice ? <p class="notice" role="note">{field.notice}</p> : null}
      </dd>
    </div>
  );
}

/** Why a field is withheld and what would allow it. */
export function Explanation({ field }) {
  return (
    <div class="explanation">
      <p class="reason">{field.reason || 'The policy does not allow your agency to see this field for the stated purpose.'}</p>
      {field.rule || field.citation ? (
        <p class="rule">
          {field.rule ? <span>Rule <code>{field.rule}</code></span> : null}
          {field.citation ? <span> · {field.citation}</span> : null}
        </p>
      ) : null}
      <p class="remedy">
        <span class="remedy-label">What would allow it: </span>
        {field.remedy || 'Nothing your agency can do: ask the case coordinator.'}
      </p>
    </div>
  );
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const CODE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/**
 * A disclosed value in words: agency ids as agency names, instants as local times, codes as
 * words; anything else as sent. The exact value stays in the title for copying.
 */
function Value({ name, value }) {
  const { agencies } = useApp() ?? { agencies: new Map() };
  if (value === null || value === undefined || value === '') return <span class="muted">Not recorded</span>;
  const text = String(value);
  if (/AgencyIds?$/.test(name)) {
    return text
      .split(',')
      .map((id) => agencies.get(id)?.name ?? id)
      .join(', ');
  }
  if (INSTANT.test(text)) return <time dateTime={text}>{formatTime(text)}</time>;
  const parts = text.split(',');
  if (parts.every((p) => CODE.test(p))) return parts.map(humanize).join(', ');
  return text;
}

/** All fields of a view (case, referral, record), in the order the service sent them. */
export function FieldList({ fields, only, labels = {} }) {
  const names = Object.keys(fields ?? {}).filter((n) => !only || only.includes(n));
  if (names.length === 0) return <p class="muted">No fields.</p>;
  return (
    <dl class="fields">
      {names.map((n) => (
        <Field key={n} name={n} field={fields[n]} label={labels[n]} />
      ))}
    </dl>
  );
}

/** The plain value of a field if disclosed, else null (for lists and headings). */
export function valueOf(field) {
  if (!field) return null;
  if (typeof field !== 'object') return field;
  return field.status === 'DISCLOSED' ? field.value : null;
}
