// An accounting of disclosures for one youth (HIPAA 45 CFR 164.528, FERPA 34 CFR 99.32): every
// disclosure outside the agency that holds the record, with date, recipient, what (fields and
// categories, never values), purpose and legal basis. Printable.
import { useState } from 'preact/hooks';
import { useAction } from '../../ui/hooks.js';
import { DataTable } from '../../ui/common.jsx';
import { SubmitButton, TextInput } from '../../ui/forms.jsx';
import { Problem } from '../../ui/Problem.jsx';
import { formatTime, humanize } from '../../ui/labels.js';

function toInstant(date, endOfDay) {
  return date ? new Date(`${date}T${endOfDay ? '23:59:59' : '00:00:00'}`).toISOString() : undefined;
}

/** The legal basis of one disclosure in words: rule and citation, consent or exception. */
export function basisText(basis) {
  const parts = [basis.ruleId, basis.citation].filter(Boolean).join(', ');
  const extra = [basis.consentId ? `consent ${basis.consentId.slice(0, 8)}` : null, basis.exception ? `exception ${humanize(basis.exception)}` : null]
    .filter(Boolean)
    .join('; ');
  return [parts, extra].filter(Boolean).join(' — ');
}

export function Accounting() {
  const [subjectId, setSubjectId] = useState('');
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [result, setResult] = useState(null);
  const action = useAction(
    (api) => api.get(`/api/v1/audit/accounting/${encodeURIComponent(subjectId.trim())}`, { since: toInstant(since, false), until: toInstant(until, true) }),
    setResult,
  );
  return (
    <section>
      <h1>Accounting of disclosures</h1>
      <form class="card no-print" aria-label="Accounting for one youth" onSubmit={(e) => { e.preventDefault(); setResult(null); action.run(); }}>
        <div class="filters">
          <TextInput label="Youth id" value={subjectId} onInput={setSubjectId} required hint="The youth's registry id (on the case, field Subject ID)" />
          <TextInput label="Since" type="date" value={since} onInput={setSince} hint="Default: six years back" />
          <TextInput label="Until" type="date" value={until} onInput={setUntil} />
          <div class="control">
            <SubmitButton busy={action.busy}>Show accounting</SubmitButton>
          </div>
        </div>
        <Problem error={action.error} />
      </form>
      {result ? (
        <div class="card accounting">
          <h2>
            Disclosures of youth <code>{result.subjectId}</code>
          </h2>
          <p>
            From {formatTime(result.since)} to {formatTime(result.until)}: {result.disclosures.length} disclosure
            {result.disclosures.length === 1 ? '' : 's'} outside the agency that holds each record.
          </p>
          {result.disclosures.length ? (
            <DataTable
              rows={result.disclosures}
              rowKey={(d) => d.entryId}
              columns={[
                ['Date', (d) => formatTime(d.date)],
                ['Recipient', (d) => `${d.recipientMember ?? d.recipientMemberId}, ${d.recipientAgency ?? d.recipientAgencyId}`],
                ['What', (d) => d.disclosed.map((f) => `${humanize(f.field)} (${humanize(f.category)}${f.holderAgency ? `, held by ${f.holderAgency}` : ''})`).join('; ')],
                ['Purpose', (d) => `${humanize(d.purpose)}${d.breakGlass ? ' — emergency access' : ''}`],
                ['Legal basis', (d) => d.legalBasis.map(basisText).join('; ')],
              ]}
            />
          ) : null}
          <div class="actions no-print">
            <button type="button" onClick={() => window.print()}>
              Print
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
