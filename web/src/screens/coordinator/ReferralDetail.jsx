// One referral for the coordinator: its fields as disclosed, the possible-duplicate warning, and
// the decisions: triage, open a case (lead and participating agencies), link to an existing case,
// or decline with a reason.
import { useState } from 'preact/hooks';
import { useApp, useAction, useLoad } from '../../ui/hooks.js';
import { FieldList, valueOf } from '../../ui/Field.jsx';
import { Loaded, agencyOptions } from '../../ui/common.jsx';
import { CheckboxGroup, Select, SubmitButton, TextArea } from '../../ui/forms.jsx';
import { Problem } from '../../ui/Problem.jsx';
import { URGENCIES, humanize, shortId } from '../../ui/labels.js';
import { navigate } from '../../app/router.js';

export function ReferralDetail({ id }) {
  const state = useLoad((api) => api.get(`/api/v1/referrals/${id}`), [id]);
  return (
    <section>
      <p>
        <a href="#/referrals">← Referral queue</a>
      </p>
      <Loaded state={state} what="the referral">
        {(referral) => <ReferralView referral={referral} reload={state.reload} />}
      </Loaded>
    </section>
  );
}

function ReferralView({ referral, reload }) {
  const status = valueOf(referral.fields.status);
  const caseId = valueOf(referral.fields.caseId);
  const open = status === 'RECEIVED' || status === 'TRIAGED';
  return (
    <>
      <h1>
        Referral {valueOf(referral.fields['youth.legalName']) ? `for ${valueOf(referral.fields['youth.legalName'])}` : shortId(referral.id)}{' '}
        <span class="badge badge-ok">{humanize(status)}</span>
      </h1>
      <Duplicates id={referral.id} />
      {caseId ? (
        <p class="success">
          Linked to <a href={`#/cases/${caseId}`}>case {shortId(caseId)}</a>.
        </p>
      ) : null}
      <div class="grid-2">
        <div class="card">
          <h2>Referral</h2>
          <FieldList fields={referral.fields} />
        </div>
        {open ? (
          <div>
            {status === 'RECEIVED' ? <Triage id={referral.id} reload={reload} /> : null}
            <OpenCase id={referral.id} />
            <LinkToCase id={referral.id} />
            <Decline id={referral.id} reload={reload} />
          </div>
        ) : null}
      </div>
    </>
  );
}

function Duplicates({ id }) {
  const state = useLoad((api) => api.get(`/api/v1/referrals/${id}/possible-duplicates`), [id]);
  if (state.error) return <Problem error={state.error} context="Duplicate check" />;
  if (!state.data || state.data.length === 0) return null;
  return (
    <div class="warning" role="alert">
      <strong>Possible duplicate.</strong> This youth may already be known:
      <ul>
        {state.data.map((d) => (
          <li key={d.subjectId}>
            {humanize(d.match)} match
            {d.caseIds?.length ? (
              <>
                {' '}
                — case{d.caseIds.length > 1 ? 's' : ''}{' '}
                {d.caseIds.map((c) => (
                  <a key={c} href={`#/cases/${c}`}>
                    {shortId(c)}{' '}
                  </a>
                ))}
              </>
            ) : null}
            {d.referralIds?.length ? (
              <>
                {' '}
                — referral{d.referralIds.length > 1 ? 's' : ''}{' '}
                {d.referralIds.map((r) => (
                  <a key={r} href={`#/referrals/${r}`}>
                    {shortId(r)}{' '}
                  </a>
                ))}
              </>
            ) : null}
          </li>
        ))}
      </ul>
      Consider linking this referral to the existing case instead of opening a new one.
    </div>
  );
}

function Triage({ id, reload }) {
  const [urgency, setUrgency] = useState('PRIORITY');
  const [note, setNote] = useState('');
  const action = useAction((api) => api.post(`/api/v1/referrals/${id}/triage`, { urgency, note: note || undefined }), reload);
  return (
    <form class="card" onSubmit={(e) => { e.preventDefault(); action.run(); }}>
      <h2>Triage</h2>
      <Select label="Urgency" value={urgency} onChange={setUrgency} options={URGENCIES} required />
      <TextArea label="Triage note" value={note} onInput={setNote} rows={2} hint="Coordination only: no clinical or investigative detail." />
      <Problem error={action.error} />
      <SubmitButton busy={action.busy}>Mark triaged</SubmitButton>
    </form>
  );
}

function OpenCase({ id }) {
  const { agencies } = useApp();
  const [lead, setLead] = useState('');
  const [participating, setParticipating] = useState([]);
  const action = useAction(
    (api) => api.post(`/api/v1/referrals/${id}/case`, { leadAgencyId: lead, participatingAgencyIds: participating }),
    (created) => navigate(`/cases/${created.id}`),
  );
  const options = agencyOptions(agencies, { activeOnly: true });
  return (
    <form class="card" onSubmit={(e) => { e.preventDefault(); action.run(); }}>
      <h2>Open a case</h2>
      <Select label="Lead agency" value={lead} onChange={setLead} empty="Choose the lead agency" options={options} required />
      <CheckboxGroup
        legend="Participating agencies"
        options={options.filter((o) => o.value !== lead)}
        values={participating}
        onChange={setParticipating}
        hint="Only agencies with an active MOU can be assigned."
      />
      <Problem error={action.error} />
      <SubmitButton busy={action.busy}>Open case</SubmitButton>
    </form>
  );
}

function LinkToCase({ id }) {
  const cases = useLoad((api) => api.get('/api/v1/cases', { status: 'OPEN', limit: 100 }), []);
  const [caseId, setCaseId] = useState('');
  const action = useAction((api) => api.post(`/api/v1/referrals/${id}/link`, { caseId }), () => navigate(`/cases/${caseId}`));
  const options = (cases.data?.items ?? []).map((c) => ({
    value: c.id,
    label: `${valueOf(c.fields.caseNumber) ?? shortId(c.id)}${valueOf(c.fields['youth.legalName']) ? ` — ${valueOf(c.fields['youth.legalName'])}` : ''}`,
  }));
  return (
    <form class="card" onSubmit={(e) => { e.preventDefault(); action.run(); }}>
      <h2>Link to an existing case</h2>
      <Select label="Case" value={caseId} onChange={setCaseId} empty="Choose an open case" options={options} required />
      <Problem error={action.error ?? cases.error} />
      <SubmitButton busy={action.busy} class="secondary">
        Link referral
      </SubmitButton>
    </form>
  );
}

function Decline({ id, reload }) {
  const [reason, setReason] = useState('');
  const action = useAction((api) => api.post(`/api/v1/referrals/${id}/decline`, { reason }), reload);
  return (
    <form class="card" onSubmit={(e) => { e.preventDefault(); action.run(); }}>
      <h2>Decline</h2>
      <TextArea label="Reason" value={reason} onInput={setReason} rows={2} required hint="Recorded with the referral and shown to the referring agency's coordinator." />
      <Problem error={action.error} />
      <SubmitButton busy={action.busy} class="danger">
        Decline referral
      </SubmitButton>
    </form>
  );
}
