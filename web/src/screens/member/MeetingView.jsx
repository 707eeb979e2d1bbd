// One review meeting for an attendee: check in, read and acknowledge the confidentiality
// statement, then the agenda's cases as the policy shows them to my agency (the service shows no
// case content before that). Coordinators also start and close the meeting and see who cannot
// see what.
import { useState } from 'preact/hooks';
import { useApp, useAction, useLoad } from '../../ui/hooks.js';
import { FieldList, valueOf } from '../../ui/Field.jsx';
import { AgencyName, DataTable, Loaded } from '../../ui/common.jsx';
import { Problem } from '../../ui/Problem.jsx';
import { Select, SubmitButton } from '../../ui/forms.jsx';
import { formatTime, humanize } from '../../ui/labels.js';

const GATES = {
  CHECK_IN_REQUIRED: 'Check in to the meeting to see its cases.',
  ACKNOWLEDGEMENT_REQUIRED: 'Acknowledge the confidentiality statement to see the cases.',
  MEETING_NOT_IN_PROGRESS: 'The cases are shown while the meeting is in progress.',
};

export function MeetingView({ id }) {
  const { me, purpose } = useApp();
  const meeting = useLoad((api) => api.get(`/api/v1/meetings/${id}`), [id]);
  const view = useLoad((api) => (purpose === 'CASE_REVIEW' ? api.get(`/api/v1/meetings/${id}/view`) : null), [id, purpose]);
  const reload = () => {
    meeting.reload();
    view.reload();
  };
  const coordinator = me.roles.includes('CASE_COORDINATOR');
  return (
    <section>
      <p>
        <a href="#/meetings">← Meetings</a>
      </p>
      <Loaded state={meeting} what="the meeting">
        {(m) => (
          <>
            <h1>
              Review meeting, {formatTime(m.scheduledAt)} <span class="badge badge-ok">{humanize(m.status)}</span>
            </h1>
            {m.startFlags?.length ? (
              <p class="warning">Started with: {m.startFlags.map(humanize).join(', ')}</p>
            ) : null}
            {coordinator ? <Chair meeting={m} reload={reload} /> : null}
          </>
        )}
      </Loaded>
      {purpose !== 'CASE_REVIEW' ? (
        <p class="warning">The meeting view is for the purpose Case review: change the purpose of use in the top bar.</p>
      ) : (
        <Loaded state={view} what="the meeting's cases">
          {(v) => (v ? <Attend meetingId={id} view={v} reload={reload} /> : null)}
        </Loaded>
      )}
      {coordinator ? <Visibility meetingId={id} /> : null}
    </section>
  );
}

function Attend({ meetingId, view, reload }) {
  const statement = useLoad((api) => api.get('/api/v1/meetings/confidentiality-statement'), []);
  const checkIn = useAction((api) => api.post(`/api/v1/meetings/${meetingId}/attendance`), reload);
  const acknowledge = useAction(
    (api) => api.post(`/api/v1/meetings/${meetingId}/acknowledgement`, { statementVersion: statement.data.version }),
    reload,
  );
  const [read, setRead] = useState(false);
  if (!view.gate) {
    return (
      <>
        <p class="success" role="status">
          You have acknowledged the confidentiality statement. What you see is decided for your agency; withheld fields say why.
        </p>
        {view.cases.length === 0 ? <p>No case on the agenda.</p> : null}
        {view.cases.map((c) => (
          <article class="card" key={c.caseId} aria-label={`Agenda case ${c.position}`}>
            <h2>
              {c.position}. Case {valueOf(c.fields.caseNumber) ?? ''} {valueOf(c.fields['youth.legalName']) ? `— ${valueOf(c.fields['youth.legalName'])}` : ''}
            </h2>
            <FieldList fields={c.fields} />
            {c.records.map((r) => (
              <section key={r.id}>
                <h3>{humanize(valueOf(r.fields.recordType))}</h3>
                <FieldList fields={r.fields} only={Object.keys(r.fields).filter((n) => n !== 'recordType')} />
              </section>
            ))}
          </article>
        ))}
      </>
    );
  }
  return (
    <div class="card">
      <h2>Before the cases</h2>
      <p>{GATES[view.gate] ?? humanize(view.gate)}</p>
      {view.gate === 'CHECK_IN_REQUIRED' ? (
        <button type="button" onClick={() => checkIn.run()} disabled={checkIn.busy}>
          Check in
        </button>
      ) : null}
      {view.gate === 'ACKNOWLEDGEMENT_REQUIRED' ? (
        <Loaded state={statement} what="the confidentiality statement">
          {(s) => (
            <form onSubmit={(e) => { e.preventDefault(); acknowledge.run(); }}>
              <h3>Confidentiality statement (version {s.version})</h3>
              <blockquote class="statement">{s.text}</blockquote>
              <label class="checkbox">
                <input type="checkbox" checked={read} onChange={(e) => setRead(e.currentTarget.checked)} /> I have read the statement
                and will keep what is discussed confidential.
              </label>
              <div class="actions">
                <button type="submit" disabled={!read || acknowledge.busy}>
                  Acknowledge
                </button>
              </div>
            </form>
          )}
        </Loaded>
      ) : null}
      <Problem error={checkIn.error ?? acknowledge.error} />
    </div>
  );
}

function Chair({ meeting, reload }) {
  const start = useAction((api) => api.post(`/api/v1/meetings/${meeting.id}/start`), reload);
  const close = useAction((api) => api.post(`/api/v1/meetings/${meeting.id}/close`), reload);
  const circulate = useAction((api) => api.post(`/api/v1/meetings/${meeting.id}/circulate`), reload);
  const planning = meeting.status === 'SCHEDULED' || meeting.status === 'CIRCULATED';
  return (
    <div class="no-print">
      {planning ? <Agenda meetingId={meeting.id} reload={reload} /> : null}
      <div class="actions">
      {meeting.status === 'SCHEDULED' ? (
        <button type="button" class="secondary" onClick={() => circulate.run()} disabled={circulate.busy}>
          Circulate the agenda
        </button>
      ) : null}
      {meeting.status === 'CIRCULATED' ? (
        <button type="button" onClick={() => start.run()} disabled={start.busy}>
          Start the meeting
        </button>
      ) : null}
      {meeting.status === 'IN_PROGRESS' ? (
        <button type="button" class="secondary" onClick={() => close.run()} disabled={close.busy}>
          Close the meeting
        </button>
      ) : null}
      </div>
      <Problem error={start.error ?? close.error ?? circulate.error} />
    </div>
  );
}

/** The coordinator puts open cases on the agenda (only cases every invited agency is on). */
function Agenda({ meetingId, reload }) {
  const cases = useLoad((api) => api.get('/api/v1/cases', { status: 'OPEN', limit: 100 }), []);
  const agenda = useLoad((api) => api.get(`/api/v1/meetings/${meetingId}/agenda`), [meetingId]);
  const [caseId, setCaseId] = useState('');
  const add = useAction(
    (api) => api.post(`/api/v1/meetings/${meetingId}/agenda`, { caseIds: [caseId] }),
    () => {
      setCaseId('');
      agenda.reload();
      reload();
    },
  );
  const options = (cases.data?.items ?? []).map((c) => ({
    value: c.id,
    label: `${valueOf(c.fields.caseNumber) ?? c.id.slice(0, 8)}${valueOf(c.fields['youth.legalName']) ? ` — ${valueOf(c.fields['youth.legalName'])}` : ''}`,
  }));
  return (
    <form class="card" aria-label="Agenda" onSubmit={(e) => { e.preventDefault(); add.run(); }}>
      <h2>Agenda</h2>
      <Loaded state={agenda} what="the agenda">
        {(items) => (items.length ? <ol>{items.map((c) => <li key={c.caseId}>Case {valueOf(c.fields.caseNumber) ?? c.caseId.slice(0, 8)}</li>)}</ol> : <p>No case yet.</p>)}
      </Loaded>
      <Select label="Add a case" value={caseId} onChange={setCaseId} empty="Choose an open case" options={options} required />
      <Problem error={add.error ?? cases.error} />
      <SubmitButton busy={add.busy}>Add to the agenda</SubmitButton>
    </form>
  );
}

function Visibility({ meetingId }) {
  const state = useLoad((api) => api.get(`/api/v1/meetings/${meetingId}/visibility`), [meetingId]);
  return (
    <div class="card">
      <h2>Who cannot see what</h2>
      <p class="muted small">For each agenda case: what the policy withholds from each attendee, so that the room speaks only of what everyone may know.</p>
      <Loaded state={state} what="visibility">
        {(v) =>
          v.cases.map((c) => (
            <section key={c.caseId}>
              <h3>Agenda case {c.position}</h3>
              <p>Visible to everyone present: {c.visibleToAll.map(humanize).join(', ') || 'nothing'}</p>
              <DataTable
                rows={c.attendees}
                rowKey={(a) => a.memberId}
                columns={[
                  ['Attendee agency', (a) => <AgencyName id={a.agencyId} />],
                  ['Acknowledged', (a) => (a.acknowledged ? 'Yes' : 'No')],
                  ['Withheld from them', (a) => (a.withheld.length ? a.withheld.map((w) => `${humanize(w.field)} (${humanize(w.category)})`).join(', ') : 'Nothing')],
                ]}
              />
            </section>
          ))
        }
      </Loaded>
    </div>
  );
}
