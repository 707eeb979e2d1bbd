// Review meetings my agency is invited to (a coordinator sees all and schedules them), latest
// first.
import { useState } from 'preact/hooks';
import { useApp, useAction, useLoad } from '../../ui/hooks.js';
import { AgencyName, DataTable, Loaded, agencyOptions } from '../../ui/common.jsx';
import { CheckboxGroup, SubmitButton, TextInput } from '../../ui/forms.jsx';
import { Problem } from '../../ui/Problem.jsx';
import { formatTime, humanize } from '../../ui/labels.js';
import { navigate } from '../../app/router.js';

export function Meetings() {
  const { me } = useApp();
  const state = useLoad((api) => api.get('/api/v1/meetings', { limit: 50 }), []);
  return (
    <section>
      <h1>Review meetings</h1>
      {me.roles.includes('CASE_COORDINATOR') ? <Schedule /> : null}
      <Loaded state={state} what="meetings">
        {(list) =>
          list.length === 0 ? (
            <p>No meeting your agency is invited to.</p>
          ) : (
            <DataTable
              rows={list}
              columns={[
                ['When', (m) => <a href={`#/meetings/${m.id}`}>{formatTime(m.scheduledAt)}</a>],
                ['Status', (m) => humanize(m.status)],
                [
                  'Invited agencies',
                  (m) =>
                    [...m.invitedAgencyIds].map((id, i) => (
                      <span key={id}>
                        {i ? ', ' : ''}
                        <AgencyName id={id} />
                      </span>
                    )),
                ],
              ]}
            />
          )
        }
      </Loaded>
    </section>
  );
}

function Schedule() {
  const { agencies } = useApp();
  const [when, setWhen] = useState('');
  const [invited, setInvited] = useState([]);
  const action = useAction(
    (api) => api.post('/api/v1/meetings', { scheduledAt: new Date(when).toISOString(), invitedAgencyIds: invited }),
    (created) => navigate(`/meetings/${created.id}`),
  );
  return (
    <form class="card" aria-label="Schedule a meeting" onSubmit={(e) => { e.preventDefault(); action.run(); }}>
      <h2>Schedule a meeting</h2>
      <TextInput label="When" type="datetime-local" value={when} onInput={setWhen} required />
      <CheckboxGroup legend="Invited agencies" options={agencyOptions(agencies)} values={invited} onChange={setInvited} hint="Quorum: half of them, rounded up." />
      <Problem error={action.error} />
      <SubmitButton busy={action.busy}>Schedule</SubmitButton>
    </form>
  );
}
