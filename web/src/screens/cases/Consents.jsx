// A youth's consents: the list with status, recording a new consent, and revoking one. The signed
// consent document stays with the recording agency: the browser computes its SHA-256 locally and
// only the digest is sent.
import { useState } from 'preact/hooks';
import { useApp, useAction, useLoad } from '../../ui/hooks.js';
import { FieldList, valueOf } from '../../ui/Field.jsx';
import { Loaded, agencyOptions } from '../../ui/common.jsx';
import { Checkbox, CheckboxGroup, Select, SubmitButton, TextInput } from '../../ui/forms.jsx';
import { Problem } from '../../ui/Problem.jsx';
import { CATEGORIES, CONSENT_FORMS, GRANTOR_KINDS, PURPOSES, SECTORS, humanize } from '../../ui/labels.js';

export function Consents({ id }) {
  const state = useLoad((api) => api.get(`/api/v1/subjects/${id}/consents`), [id]);
  const caseId = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('case');
  return (
    <section>
      <p>
        {caseId ? <a href={`#/cases/${caseId}`}>← Back to the case</a> : <a href="#/cases">← Cases</a>}
      </p>
      <h1>Consents of the youth</h1>
      <Loaded state={state} what="consents">
        {(list) => (list.length === 0 ? <p>No consent recorded.</p> : list.map((c) => <ConsentCard key={c.id} consent={c} reload={state.reload} />))}
      </Loaded>
      <RecordConsent subjectId={id} onRecorded={state.reload} />
    </section>
  );
}

function ConsentCard({ consent, reload }) {
  const [reasonCode, setReasonCode] = useState('YOUTH_WITHDREW');
  const action = useAction((api) => api.post(`/api/v1/consents/${consent.id}/revoke`, { reasonCode }), reload);
  const active = consent.status === 'ACTIVE';
  return (
    <article class="card" aria-label={`Consent for ${valueOf(consent.fields.categories) ?? 'categories'}`} data-consent-status={consent.status}>
      <h2>
        {String(valueOf(consent.fields.categories) ?? '')
          .split(',')
          .map(humanize)
          .join(', ')}{' '}
        <span class={`badge ${active ? 'badge-ok' : 'badge-warn'}`}>{humanize(consent.status)}</span>
      </h2>
      <FieldList fields={consent.fields} />
      {active ? (
        <form class="filters" onSubmit={(e) => { e.preventDefault(); action.run(); }}>
          <Select
            label="Reason for revoking"
            value={reasonCode}
            onChange={setReasonCode}
            options={['YOUTH_WITHDREW', 'GUARDIAN_WITHDREW', 'COURT_ORDER', 'RECORDED_IN_ERROR']}
          />
          <div class="control">
            <SubmitButton busy={action.busy} class="danger">
              Revoke consent
            </SubmitButton>
          </div>
        </form>
      ) : null}
      <Problem error={action.error} />
    </article>
  );
}

function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

function RecordConsent({ subjectId, onRecorded }) {
  const { agencies } = useApp();
  const today = new Date();
  const nextYear = new Date(today.getTime() + 365 * 24 * 3600 * 1000);
  const [form, setForm] = useState({
    categories: [],
    recipientAgencyIds: [],
    recipientSectors: [],
    purposes: ['CASE_REVIEW'],
    validFrom: isoDate(today),
    validUntil: isoDate(nextYear),
    form: 'WRITTEN',
    grantor: 'PARENT_OR_GUARDIAN',
    suspectedAbuser: false,
    namesPsychotherapyNotes: false,
    termsVersion: 'mdt-consent-2026.1',
    documentSha256: '',
    documentName: '',
  });
  const [recorded, setRecorded] = useState(false);
  const set = (key) => (value) => setForm({ ...form, [key]: value });
  const action = useAction(
    (api) =>
      api.post(`/api/v1/subjects/${subjectId}/consents`, {
        categories: form.categories,
        recipientAgencyIds: form.recipientAgencyIds,
        recipientSectors: form.recipientSectors,
        purposes: form.purposes,
        validFrom: new Date(`${form.validFrom}T00:00:00`).toISOString(),
        validUntil: new Date(`${form.validUntil}T23:59:59`).toISOString(),
        form: form.form,
        grantors: [{ kind: form.grantor, suspectedAbuser: form.suspectedAbuser }],
        namesPsychotherapyNotes: form.namesPsychotherapyNotes,
        documentSha256: form.documentSha256,
        termsVersion: form.termsVersion,
      }),
    () => {
      setRecorded(true);
      onRecorded();
    },
  );
  const hashDocument = async (file) => {
    if (!file) return;
    const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    setForm({ ...form, documentSha256: hex, documentName: file.name });
  };
  return (
    <form class="card" aria-label="Record a consent" onSubmit={(e) => { e.preventDefault(); setRecorded(false); action.run(); }}>
      <h2>Record a consent</h2>
      <CheckboxGroup legend="Categories of information" options={CATEGORIES} values={form.categories} onChange={set('categories')} />
      <CheckboxGroup legend="Recipient agencies" options={agencyOptions(agencies)} values={form.recipientAgencyIds} onChange={set('recipientAgencyIds')} />
      <CheckboxGroup legend="Or recipient sectors" options={SECTORS} values={form.recipientSectors} onChange={set('recipientSectors')} />
      <CheckboxGroup legend="Purposes" options={PURPOSES} values={form.purposes} onChange={set('purposes')} />
      <div class="filters">
        <TextInput label="Valid from" type="date" value={form.validFrom} onInput={set('validFrom')} required />
        <TextInput label="Valid until" type="date" value={form.validUntil} onInput={set('validUntil')} required />
        <Select label="Form" value={form.form} onChange={set('form')} options={CONSENT_FORMS} />
        <Select label="Given by" value={form.grantor} onChange={set('grantor')} options={GRANTOR_KINDS} />
      </div>
      <Checkbox label="The person giving consent is a suspected abuser" checked={form.suspectedAbuser} onChange={set('suspectedAbuser')} />
      <Checkbox label="The consent names psychotherapy notes specifically" checked={form.namesPsychotherapyNotes} onChange={set('namesPsychotherapyNotes')} />
      <div class="control">
        <label for="consent-document">Signed consent document</label>
        <input id="consent-document" type="file" aria-describedby="consent-document-hint" onChange={(e) => hashDocument(e.currentTarget.files?.[0])} />
        <p id="consent-document-hint" class="hint">
          Stays on this computer: only its SHA-256 fingerprint is recorded.
          {form.documentSha256 ? ` Fingerprint ${form.documentSha256.slice(0, 16)}…` : ''}
        </p>
      </div>
      <TextInput label="Terms version" value={form.termsVersion} onInput={set('termsVersion')} required />
      <Problem error={action.error} context="The consent was not recorded" />
      {recorded ? <p class="success" role="status">Consent recorded. It applies from the next read.</p> : null}
      <SubmitButton busy={action.busy}>Record consent</SubmitButton>
    </form>
  );
}
