// The administrator's directory: agencies with their MOUs (sign, terminate), and each agency's
// members (onboard through Keycloak, record training, offboard). Case data never appears here.
import { useState } from 'preact/hooks';
import { useAction, useLoad } from '../../ui/hooks.js';
import { DataTable, Loaded } from '../../ui/common.jsx';
import { CheckboxGroup, Select, SubmitButton, TextInput } from '../../ui/forms.jsx';
import { Problem } from '../../ui/Problem.jsx';
import { CATEGORIES, PURPOSES, formatTime, humanize } from '../../ui/labels.js';

const ROLES = ['MDT_MEMBER', 'CASE_COORDINATOR', 'AUDITOR', 'ADMIN'];

export function Directory() {
  const agencies = useLoad((api) => api.get('/api/v1/agencies'), []);
  const [selected, setSelected] = useState('');
  return (
    <section>
      <h1>Agencies and members</h1>
      <Loaded state={agencies} what="agencies">
        {(list) => (
          <>
            <div class="card">
              <DataTable
                rows={list}
                rowProps={(a) => ({ 'aria-selected': a.id === selected ? 'true' : undefined })}
                columns={[
                  ['Agency', (a) => a.name],
                  ['Sector', (a) => humanize(a.sector)],
                  ['Jurisdiction', (a) => humanize(a.jurisdiction)],
                  ['MOU', (a) => (a.mouActive ? <span class="badge badge-ok">Active</span> : <span class="badge badge-warn">None active</span>)],
                  [
                    null,
                    (a) => (
                      <button type="button" class="secondary" onClick={() => setSelected(a.id)} aria-label={`Manage ${a.name}`}>
                        Manage
                      </button>
                    ),
                  ],
                ]}
              />
            </div>
            {selected ? (
              <Agency key={selected} agency={list.find((a) => a.id === selected)} reloadAgencies={agencies.reload} />
            ) : null}
          </>
        )}
      </Loaded>
    </section>
  );
}

function Agency({ agency, reloadAgencies }) {
  // Bumped by an onboarding, so that the member list loads again.
  const [membersVersion, setMembersVersion] = useState(0);
  return (
    <>
      <h2>{agency.name}</h2>
      <div class="grid-2">
        <Mous agency={agency} reload={reloadAgencies} />
        <Onboard agency={agency} onOnboarded={() => setMembersVersion((v) => v + 1)} />
      </div>
      <Members key={membersVersion} agencyId={agency.id} />
    </>
  );
}

function Mous({ agency, reload }) {
  const today = new Date().toISOString().slice(0, 10);
  const nextYear = new Date(Date.now() + 365 * 86400000).toISOString().slice(0, 10);
  const [form, setForm] = useState({ signedOn: today, effectiveFrom: today, expiresOn: nextYear, categories: ['COORDINATION', 'IDENTITY'], purposes: ['CASE_REVIEW'] });
  const set = (k) => (v) => setForm({ ...form, [k]: v });
  const sign = useAction((api) => api.post(`/api/v1/agencies/${agency.id}/mous`, form), reload);
  const terminate = useAction((api, mouId) => api.post(`/api/v1/agencies/${agency.id}/mous/${mouId}/terminate`), reload);
  return (
    <div class="card">
      <h3>MOUs</h3>
      {agency.mous?.length ? (
        <ul>
          {agency.mous.map((m) => (
            <li key={m.id}>
              {m.effectiveFrom} to {m.terminatedOn ?? m.expiresOn} {m.active ? <span class="badge badge-ok">Active</span> : <span class="badge badge-warn">Inactive</span>}
              <br />
              <span class="small muted">
                {m.categories.map(humanize).join(', ')} · for {m.purposes.map(humanize).join(', ')}
              </span>{' '}
              {m.active ? (
                <button type="button" class="danger" onClick={() => terminate.run(m.id)} disabled={terminate.busy}>
                  Terminate
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>No MOU.</p>
      )}
      <Problem error={terminate.error} />
      <form onSubmit={(e) => { e.preventDefault(); sign.run(); }} aria-label="Record a signed MOU">
        <h4>Record a signed MOU</h4>
        <div class="filters">
          <TextInput label="Signed on" type="date" value={form.signedOn} onInput={set('signedOn')} required />
          <TextInput label="Effective from" type="date" value={form.effectiveFrom} onInput={set('effectiveFrom')} required />
          <TextInput label="Expires on" type="date" value={form.expiresOn} onInput={set('expiresOn')} required />
        </div>
        <CheckboxGroup legend="Categories covered" options={CATEGORIES} values={form.categories} onChange={set('categories')} />
        <CheckboxGroup legend="Purposes covered" options={PURPOSES} values={form.purposes} onChange={set('purposes')} />
        <Problem error={sign.error} />
        <SubmitButton busy={sign.busy}>Record MOU</SubmitButton>
      </form>
    </div>
  );
}

function Onboard({ agency, onOnboarded }) {
  const [form, setForm] = useState({ username: '', firstName: '', lastName: '', email: '', roles: ['MDT_MEMBER'], trainingCompletedOn: '' });
  const [done, setDone] = useState(null);
  const set = (k) => (v) => setForm({ ...form, [k]: v });
  const action = useAction(
    (api) => api.post('/api/v1/members', { ...form, agencyId: agency.id, trainingCompletedOn: form.trainingCompletedOn || undefined }),
    (result) => {
      setDone(result);
      onOnboarded();
      setForm({ username: '', firstName: '', lastName: '', email: '', roles: ['MDT_MEMBER'], trainingCompletedOn: '' });
    },
  );
  return (
    <form class="card" onSubmit={(e) => { e.preventDefault(); setDone(null); action.run(); }} aria-label="Onboard a member">
      <h3>Onboard a member</h3>
      <TextInput label="Username" value={form.username} onInput={set('username')} required autoComplete="off" hint="Lower case letters, digits, dot, dash." />
      <div class="filters">
        <TextInput label="First name" value={form.firstName} onInput={set('firstName')} required autoComplete="off" />
        <TextInput label="Last name" value={form.lastName} onInput={set('lastName')} required autoComplete="off" />
      </div>
      <TextInput label="Email" type="email" value={form.email} onInput={set('email')} required autoComplete="off" />
      <CheckboxGroup legend="Roles" options={ROLES} values={form.roles} onChange={set('roles')} />
      <TextInput label="Confidentiality training completed on" type="date" value={form.trainingCompletedOn} onInput={set('trainingCompletedOn')} />
      <Problem error={action.error} />
      {done ? (
        <div class="success" role="status">
          <p>
            {done.member?.displayName ?? 'The member'} can now sign in. Give them this temporary password by a separate channel;
            Keycloak asks them to change it at the first login. It is not shown again.
          </p>
          <p>
            <code>{done.temporaryPassword}</code>
          </p>
        </div>
      ) : null}
      <SubmitButton busy={action.busy}>Onboard</SubmitButton>
    </form>
  );
}

function Members({ agencyId }) {
  const state = useLoad((api) => api.get('/api/v1/members', { agencyId }), [agencyId]);
  const offboard = useAction((api, id) => api.post(`/api/v1/members/${id}/offboard`), state.reload);
  const training = useAction((api, id) => api.put(`/api/v1/members/${id}/training`, { completedOn: new Date().toISOString().slice(0, 10) }), state.reload);
  return (
    <div class="card">
      <h3>Members</h3>
      <Problem error={offboard.error ?? training.error} />
      <Loaded state={state} what="members">
        {(list) =>
          list.length === 0 ? (
            <p>No members.</p>
          ) : (
            <DataTable
              rows={list}
              columns={[
                ['Name', (m) => m.displayName],
                ['Username', (m) => m.username],
                ['Roles', (m) => m.roles.map(humanize).join(', ')],
                ['Training', (m) => m.trainingCompletedOn ?? <span class="muted">None</span>],
                ['Status', (m) => (m.status === 'ACTIVE' ? humanize(m.status) : `${humanize(m.status)} ${formatTime(m.offboardedAt)}`)],
                [
                  null,
                  (m) =>
                    m.status === 'ACTIVE' ? (
                      <div class="actions">
                        <button type="button" class="secondary" onClick={() => training.run(m.id)} aria-label={`Record training today for ${m.displayName}`}>
                          Training today
                        </button>
                        <button type="button" class="danger" onClick={() => offboard.run(m.id)} aria-label={`Offboard ${m.displayName}`}>
                          Offboard
                        </button>
                      </div>
                    ) : null,
                ],
              ]}
            />
          )
        }
      </Loaded>
    </div>
  );
}
