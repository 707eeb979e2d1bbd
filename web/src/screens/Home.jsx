// The start page: what this member can do here, by role; for coordinators and auditors, the
// latest emergency (break-glass) claims they are notified of.
import { useApp, useLoad } from '../ui/hooks.js';
import { navigationFor } from '../app/routes.js';
import { AgencyName, DataTable, Loaded } from '../ui/common.jsx';
import { formatTime, humanize, shortId } from '../ui/labels.js';

export function Home() {
  const { me, session, purpose } = useApp();
  const notified = me.roles.includes('CASE_COORDINATOR') || me.roles.includes('AUDITOR');
  return (
    <section>
      <h1>Welcome, {session.user?.name}</h1>
      <p>
        You are signed in as {me.roles.map(humanize).join(', ')}. Purpose of use for this session:{' '}
        <strong>{humanize(purpose)}</strong>.
      </p>
      <ul class="card">
        {navigationFor(me.roles)
          .filter(([href]) => href !== '/')
          .map(([href, label, description]) => (
            <li key={href}>
              <a href={`#${href}`}>{label}</a>
              {description ? <span class="muted"> — {description}</span> : null}
            </li>
          ))}
      </ul>
      {notified ? <EmergencyClaims coordinator={me.roles.includes('CASE_COORDINATOR')} /> : null}
    </section>
  );
}

function EmergencyClaims({ coordinator }) {
  const state = useLoad((api) => api.get('/api/v1/notifications', { limit: 20 }), []);
  return (
    <div class="card">
      <h2>Emergency access claims</h2>
      <Loaded state={state} what="notifications">
        {(list) =>
          list.length === 0 ? (
            <p>No emergency access has been claimed.</p>
          ) : (
            <DataTable
              caption="Newest first. The justification is sealed; auditors see it was given in the audit log."
              rows={list}
              columns={[
                ['When', (n) => formatTime(n.createdAt)],
                ['Agency', (n) => <AgencyName id={n.agencyId} />],
                ['Case', (n) => (coordinator ? <a href={`#/cases/${n.caseId}`}>Case {shortId(n.caseId)}</a> : `Case ${shortId(n.caseId)}`)],
              ]}
            />
          )
        }
      </Loaded>
    </div>
  );
}
