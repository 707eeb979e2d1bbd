// One case as the policy shows it to my agency for my purpose: every field disclosed or withheld
// with its reason; its records; break-glass in an emergency. Coordinators also assign agencies,
// preview what an agency would see, and reach the youth's consents.
import { useState } from 'preact/hooks';
import { useApp, useAction, useLoad } from '../../ui/hooks.js';
import { Explanation, FieldList, valueOf } from '../../ui/Field.jsx';
import { AgencyName, DataTable, Loaded, Pager, agencyOptions } from '../../ui/common.jsx';
import { CheckboxGroup, Select, SubmitButton, TextArea } from '../../ui/forms.jsx';
import { Problem } from '../../ui/Problem.jsx';
import { PURPOSES, fieldLabel, formatTime, humanize } from '../../ui/labels.js';

export function CaseDetail({ id }) {
  const { me, purpose, emergencies } = useApp();
  const state = useLoad((api) => api.get(`/api/v1/cases/${id}`), [id, purpose]);
  const coordinator = me.roles.includes('CASE_COORDINATOR');
  const emergency = emergencies.find((g) => g.caseId === id);
  return (
    <section>
      <p>
        <a href="#/cases">← Cases</a>
      </p>
      <Loaded state={state} what="the case">
        {(c) => (
          <>
            <h1>
              Case {valueOf(c.fields.caseNumber)}{' '}
              {valueOf(c.fields['youth.legalName']) ? <span>— {valueOf(c.fields['youth.legalName'])}</span> : null}
              {emergency ? <span class="badge badge-emergency">Emergency access until {formatTime(emergency.validUntil)}</span> : null}
            </h1>
            <p class="muted">
              Shown for purpose <strong>{humanize(purpose)}</strong>. Lead agency: <AgencyName id={valueOf(c.fields.leadAgencyId)} />.
            </p>
            {emergency && purpose !== 'EMERGENCY' ? (
              <p class="warning">
                Emergency access is in force on this case, but it opens fields only to reads with purpose Emergency.
                Change the purpose of use in the top bar to use it.
              </p>
            ) : null}
            <div class="actions no-print">
              <a class="button" href={`#/cases/${id}/records/new`}>
                Add a record
              </a>
              {coordinator && valueOf(c.fields.subjectId) ? (
                <a class="button secondary" href={`#/subjects/${valueOf(c.fields.subjectId)}/consents?case=${id}`}>
                  Youth's consents
                </a>
              ) : null}
            </div>
            <div class="card">
              <h2>Case</h2>
              <FieldList fields={c.fields} />
            </div>
            <Records caseId={id} />
            {coordinator ? <AssignAgencies caseId={id} current={c} reload={state.reload} /> : null}
            {coordinator ? <Preview caseId={id} /> : null}
            {!emergency ? <BreakGlass caseId={id} /> : null}
          </>
        )}
      </Loaded>
    </section>
  );
}

function Records({ caseId }) {
  const { purpose } = useApp();
  const [cursor, setCursor] = useState(null);
  const state = useLoad((api) => api.get(`/api/v1/cases/${caseId}/records`, { cursor }), [caseId, cursor, purpose]);
  return (
    <div class="card">
      <h2>Records</h2>
      <p class="muted small">Records whose very existence your agency may not learn are not listed.</p>
      <Loaded state={state} what="records">
        {(page) =>
          page.items.length === 0 ? (
            <p>No records you may see.</p>
          ) : (
            page.items.map((r) => (
              <article key={r.id} class="record" aria-label={`Record ${humanize(valueOf(r.fields.recordType))}`}>
                <h3>
                  {humanize(valueOf(r.fields.recordType))}{' '}
                  <span class="muted small">
                    by <AgencyName id={valueOf(r.fields.authorAgencyId)} />, {formatTime(valueOf(r.fields.createdAt))}
                  </span>
                </h3>
                <FieldList fields={r.fields} only={Object.keys(r.fields).filter((n) => !['recordType', 'authorAgencyId', 'createdAt'].includes(n))} />
              </article>
            ))
          )
        }
      </Loaded>
      <Pager nextCursor={state.data?.nextCursor} onNext={setCursor} onFirst={() => setCursor(null)} atFirst={!cursor} />
    </div>
  );
}

function AssignAgencies({ caseId, current, reload }) {
  const { agencies } = useApp();
  const [lead, setLead] = useState(valueOf(current.fields.leadAgencyId) ?? '');
  const [participating, setParticipating] = useState(
    String(valueOf(current.fields.participatingAgencyIds) ?? '')
      .split(',')
      .filter((a) => a && a !== valueOf(current.fields.leadAgencyId)),
  );
  const [saved, setSaved] = useState(false);
  const action = useAction(
    (api) => api.put(`/api/v1/cases/${caseId}/agencies`, { leadAgencyId: lead, participatingAgencyIds: participating }),
    () => {
      setSaved(true);
      reload();
    },
  );
  const options = agencyOptions(agencies, { activeOnly: true });
  return (
    <form class="card no-print" onSubmit={(e) => { e.preventDefault(); setSaved(false); action.run(); }}>
      <h2>Assign agencies</h2>
      <Select label="Lead agency" value={lead} onChange={setLead} options={options} required />
      <CheckboxGroup
        legend="Participating agencies"
        options={options.filter((o) => o.value !== lead)}
        values={participating}
        onChange={setParticipating}
      />
      <Problem error={action.error} />
      {saved ? <p class="success" role="status">Agencies saved.</p> : null}
      <SubmitButton busy={action.busy}>Save agencies</SubmitButton>
    </form>
  );
}

function Preview({ caseId }) {
  const { agencies } = useApp();
  const [agencyId, setAgencyId] = useState('');
  const [purpose, setPurpose] = useState('CASE_REVIEW');
  const [result, setResult] = useState(null);
  const action = useAction((a) => a.get(`/api/v1/cases/${caseId}/preview`, { agencyId, purpose }), setResult);
  return (
    <div class="card no-print">
      <h2>What would an agency see?</h2>
      <form class="filters" onSubmit={(e) => { e.preventDefault(); action.run(); }}>
        <Select label="Agency" value={agencyId} onChange={setAgencyId} empty="Choose an agency" options={agencyOptions(agencies)} required />
        <Select label="Purpose" value={purpose} onChange={setPurpose} options={PURPOSES} />
        <div class="control">
          <SubmitButton busy={action.busy}>Preview</SubmitButton>
        </div>
      </form>
      <Problem error={action.error} />
      {result ? (
        <DataTable
          caption="Decisions only; no values are decrypted for a preview. The preview is logged."
          rows={result}
          rowProps={(f) => ({ 'data-outcome': f.outcome })}
          columns={[
            ['Field', (f) => fieldLabel(f.field)],
            ['Category', (f) => humanize(f.category)],
            ['Outcome', (f) => (f.outcome === 'PERMIT' ? <span class="badge badge-ok">Would see</span> : <span class="badge badge-withheld">Withheld</span>)],
            ['Why', (f) => (f.outcome === 'PERMIT' ? <span class="small">{f.rule}</span> : <Explanation field={f} />)],
          ]}
        />
      ) : null}
    </div>
  );
}

function BreakGlass({ caseId }) {
  const { refreshEmergencies, setPurpose } = useApp();
  const [open, setOpen] = useState(false);
  const [justification, setJustification] = useState('');
  const action = useAction(
    (api) => api.post(`/api/v1/cases/${caseId}/break-glass`, { justification }),
    async () => {
      setOpen(false);
      setPurpose('EMERGENCY');
      await refreshEmergencies();
    },
  );
  if (!open) {
    return (
      <div class="card no-print">
        <h2>Emergency</h2>
        <p>If the youth is in imminent danger and you need the safety location or health information now:</p>
        <button type="button" class="danger" onClick={() => setOpen(true)}>
          Break the glass…
        </button>
      </div>
    );
  }
  return (
    <form class="card no-print" onSubmit={(e) => { e.preventDefault(); action.run(); }}>
      <h2>Break the glass</h2>
      <p class="warning">
        This opens, for a short time and to reads with purpose Emergency only, what the policy allows in emergencies.
        It is flagged in the audit log and the coordinators and auditors are notified at once.
      </p>
      <TextArea
        label="Justification"
        value={justification}
        onInput={setJustification}
        required
        minLength={20}
        hint="What is the imminent danger? At least 20 characters. Stored encrypted; auditors see that you justified it."
      />
      <Problem error={action.error} />
      <div class="actions">
        <SubmitButton busy={action.busy} class="danger">
          Claim emergency access
        </SubmitButton>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
