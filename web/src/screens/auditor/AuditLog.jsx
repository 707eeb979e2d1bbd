// The auditor's disclosure log: export with filters and progress, download the file and its
// signed manifest, verify the hash chain, and the public key for verifying exports offline.
import { useState } from 'preact/hooks';
import { useApp, useAction, useLoad } from '../../ui/hooks.js';
import { Loaded, agencyOptions } from '../../ui/common.jsx';
import { Checkbox, Select, SubmitButton, TextInput } from '../../ui/forms.jsx';
import { Problem } from '../../ui/Problem.jsx';
import { humanize } from '../../ui/labels.js';
import { saveBlob } from '../../ui/download.js';
import { followExport, percentOf } from './exportProgress.js';

const FORMATS = [
  { value: 'ndjson', label: 'NDJSON (one entry per line)' },
  { value: 'csv', label: 'CSV' },
  { value: 'fhir-ndjson', label: 'FHIR AuditEvent (IHE BALP), NDJSON' },
];

export function AuditLog() {
  return (
    <section>
      <h1>Disclosure log</h1>
      <Export />
      <Verify />
      <PublicKey />
    </section>
  );
}

function toInstant(date, endOfDay) {
  return date ? new Date(`${date}T${endOfDay ? '23:59:59' : '00:00:00'}`).toISOString() : undefined;
}

function Export() {
  const { agencies } = useApp();
  const [form, setForm] = useState({ format: 'ndjson', from: '', to: '', agencyId: '', memberId: '', subjectId: '', caseId: '', eventType: '', breakGlassOnly: false, refusalsOnly: false });
  const [job, setJob] = useState(null);
  const set = (k) => (v) => setForm({ ...form, [k]: v });
  const action = useAction(async (a) => {
    setJob(null);
    const body = {
      format: form.format,
      from: toInstant(form.from, false),
      to: toInstant(form.to, true),
      agencyId: form.agencyId || undefined,
      memberId: form.memberId || undefined,
      subjectId: form.subjectId || undefined,
      caseId: form.caseId || undefined,
      eventType: form.eventType || undefined,
      breakGlassOnly: form.breakGlassOnly,
      refusalsOnly: form.refusalsOnly,
    };
    const started = await a.post('/api/v1/audit/exports', body);
    return followExport(() => a.get(`/api/v1/audit/exports/${started.id}`), setJob);
  });
  const download = useAction(async (a, what) => {
    const blob = await a.blob(`/api/v1/audit/exports/${job.id}/${what}`);
    saveBlob(blob, what === 'manifest' ? `audit-export-${job.id}.manifest.json` : `audit-export-${job.id}.${job.format === 'csv' ? 'csv' : job.format === 'fhir-ndjson' ? 'fhir.ndjson' : 'ndjson'}`);
  });
  const percent = percentOf(job);
  return (
    <form class="card" aria-label="Export the log" onSubmit={(e) => { e.preventDefault(); action.run(); }}>
      <h2>Export</h2>
      <div class="filters">
        <Select label="Format" value={form.format} onChange={set('format')} options={FORMATS} />
        <TextInput label="From" type="date" value={form.from} onInput={set('from')} />
        <TextInput label="To" type="date" value={form.to} onInput={set('to')} />
        <Select label="Agency" value={form.agencyId} onChange={set('agencyId')} empty="Any agency" options={agencyOptions(agencies)} />
      </div>
      <div class="filters">
        <TextInput label="Member id" value={form.memberId} onInput={set('memberId')} hint="Optional, a member's id" />
        <TextInput label="Youth id" value={form.subjectId} onInput={set('subjectId')} hint="Optional, the youth's registry id" />
        <TextInput label="Case id" value={form.caseId} onInput={set('caseId')} hint="Optional" />
        <TextInput label="Event type" value={form.eventType} onInput={set('eventType')} hint="Optional, a name (DISCLOSURE) or code (D100)" />
      </div>
      <Checkbox label="Emergency (break-glass) accesses only" checked={form.breakGlassOnly} onChange={set('breakGlassOnly')} />{' '}
      <Checkbox label="Refusals only" checked={form.refusalsOnly} onChange={set('refusalsOnly')} />
      <div class="actions">
        <SubmitButton busy={action.busy}>Export</SubmitButton>
      </div>
      <Problem error={action.error} context="The export did not run" />
      {job ? (
        <div class="export-job" aria-live="polite">
          <label for="export-progress">
            Export {humanize(job.status).toLowerCase()}: {job.entries ?? 0} entries{percent !== null ? ` (${percent} %)` : ''}
          </label>
          <br />
          <progress id="export-progress" max="100" value={percent ?? undefined} />
          {job.status === 'DONE' ? (
            <div class="actions">
              <button type="button" onClick={() => download.run('file')}>
                Download the export
              </button>
              <button type="button" class="secondary" onClick={() => download.run('manifest')}>
                Download the signed manifest
              </button>
            </div>
          ) : null}
          {job.status === 'FAILED' ? <p class="problem">The export failed. Nothing was written to the file; try again.</p> : null}
          <Problem error={download.error} />
        </div>
      ) : null}
    </form>
  );
}

function Verify() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [report, setReport] = useState(null);
  const action = useAction((a) => a.get('/api/v1/audit/verify', { from, to }), setReport);
  return (
    <form class="card" aria-label="Verify the chain" onSubmit={(e) => { e.preventDefault(); setReport(null); action.run(); }}>
      <h2>Verify the chain</h2>
      <p class="muted small">
        Recomputes every entry's digest and chain link and checks the signed checkpoints. Leave the range empty for the
        whole log.
      </p>
      <div class="filters">
        <TextInput label="From position" type="number" min="1" value={from} onInput={setFrom} />
        <TextInput label="To position" type="number" min="1" value={to} onInput={setTo} />
        <div class="control">
          <SubmitButton busy={action.busy}>Verify</SubmitButton>
        </div>
      </div>
      <Problem error={action.error} />
      {report ? (
        <div class={report.intact ? 'success' : 'problem'} role="status">
          {report.intact ? (
            <p>
              <strong>Intact.</strong> {report.entriesVerified} entries and {report.checkpointsVerified} signed checkpoints verified
              (positions {report.from} to {report.to}).
            </p>
          ) : (
            <p>
              <strong>Broken at position {report.firstBreak?.position}:</strong> {humanize(report.firstBreak?.kind)}.{' '}
              {report.firstBreak?.detail}
            </p>
          )}
          <p class="small">
            Chain head <code>{report.chainHead}</code>
          </p>
        </div>
      ) : null}
    </form>
  );
}

function PublicKey() {
  const state = useLoad((a) => a.get('/api/v1/audit/public-key'), []);
  const download = useAction(async (a) => saveBlob(await a.blob('/api/v1/audit/public-key/pem'), 'mdt-audit-public-key.pem'));
  return (
    <div class="card">
      <h2>Verifying an export elsewhere</h2>
      <Loaded state={state} what="the public key">
        {(key) => (
          <p>
            Exports are signed with the task force's {key.algorithm} key <code>{key.keyId}</code>.{' '}
            <button type="button" class="secondary" onClick={() => download.run()}>
              Download the public key (PEM)
            </button>
          </p>
        )}
      </Loaded>
      <p>
        Anyone holding the export, its manifest and this key can check them without access to the service:{' '}
        <code>java -jar quarkus-run.jar verify-export FILE MANIFEST KEY</code> (exits non-zero on any tampering).
      </p>
      <Problem error={download.error} />
    </div>
  );
}

