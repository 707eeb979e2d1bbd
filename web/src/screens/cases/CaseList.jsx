// Cases my agency takes part in (a coordinator sees all), newest first.
import { useState } from 'preact/hooks';
import { useApp, useLoad } from '../../ui/hooks.js';
import { AgencyName, DataTable, Loaded, Pager } from '../../ui/common.jsx';
import { Select } from '../../ui/forms.jsx';
import { formatTime, humanize } from '../../ui/labels.js';
import { valueOf } from '../../ui/Field.jsx';

export function CaseList() {
  const { me } = useApp();
  const [status, setStatus] = useState('OPEN');
  const [cursor, setCursor] = useState(null);
  const state = useLoad((api) => api.get('/api/v1/cases', { status, cursor }), [status, cursor]);
  const coordinator = me.roles.includes('CASE_COORDINATOR');
  return (
    <section>
      <h1>{coordinator ? 'Cases' : "My agency's cases"}</h1>
      <form class="filters card" aria-label="Filter cases" onSubmit={(e) => e.preventDefault()}>
        <Select
          label="Status"
          value={status}
          onChange={(v) => {
            setCursor(null);
            setStatus(v);
          }}
          empty="Any status"
          options={['OPEN', 'CLOSED']}
        />
      </form>
      <Loaded state={state} what="cases">
        {(page) =>
          page.items.length === 0 ? (
            <p>No cases.</p>
          ) : (
            <DataTable
              rows={page.items}
              columns={[
                ['Case', (c) => <a href={`#/cases/${c.id}`}>{valueOf(c.fields.caseNumber) ?? 'Case'}</a>],
                ['Youth', (c) => valueOf(c.fields['youth.legalName']) ?? <span class="muted">Name withheld</span>],
                ['Status', (c) => humanize(valueOf(c.fields.status))],
                ['Lead agency', (c) => <AgencyName id={valueOf(c.fields.leadAgencyId)} />],
                ['Opened', (c) => formatTime(valueOf(c.fields.openedAt))],
              ]}
            />
          )
        }
      </Loaded>
      <Pager nextCursor={state.data?.nextCursor} onNext={setCursor} onFirst={() => setCursor(null)} atFirst={!cursor} />
    </section>
  );
}
