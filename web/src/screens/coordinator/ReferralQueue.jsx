// The coordinator's referral queue: filter by status, urgency, source agency and date received.
import { useState } from 'preact/hooks';
import { useApp, useLoad } from '../../ui/hooks.js';
import { AgencyName, DataTable, Loaded, Pager, agencyOptions } from '../../ui/common.jsx';
import { Select, TextInput } from '../../ui/forms.jsx';
import { REFERRAL_STATUSES, URGENCIES, formatTime, humanize } from '../../ui/labels.js';
import { valueOf } from '../../ui/Field.jsx';

export function ReferralQueue() {
  const { agencies } = useApp();
  const [filters, setFilters] = useState({ status: 'RECEIVED', urgency: '', sourceAgencyId: '', receivedFrom: '', receivedTo: '' });
  const [cursor, setCursor] = useState(null);
  const set = (key) => (value) => {
    setCursor(null);
    setFilters({ ...filters, [key]: value });
  };
  const state = useLoad(
    (api) =>
      api.get('/api/v1/referrals', {
        ...filters,
        receivedFrom: filters.receivedFrom ? new Date(`${filters.receivedFrom}T00:00:00`).toISOString() : '',
        receivedTo: filters.receivedTo ? new Date(`${filters.receivedTo}T23:59:59`).toISOString() : '',
        cursor,
      }),
    [JSON.stringify(filters), cursor],
  );
  return (
    <section>
      <h1>Referral queue</h1>
      <form class="filters card" aria-label="Filter referrals" onSubmit={(e) => e.preventDefault()}>
        <Select label="Status" value={filters.status} onChange={set('status')} empty="Any status" options={REFERRAL_STATUSES} />
        <Select label="Urgency" value={filters.urgency} onChange={set('urgency')} empty="Any urgency" options={URGENCIES} />
        <Select
          label="Referring agency"
          value={filters.sourceAgencyId}
          onChange={set('sourceAgencyId')}
          empty="Any agency"
          options={agencyOptions(agencies)}
        />
        <TextInput label="Received from" type="date" value={filters.receivedFrom} onInput={set('receivedFrom')} />
        <TextInput label="Received to" type="date" value={filters.receivedTo} onInput={set('receivedTo')} />
      </form>
      <Loaded state={state} what="referrals">
        {(page) =>
          page.items.length === 0 ? (
            <p>No referrals match these filters.</p>
          ) : (
            <DataTable
              caption="Newest first. Names appear only where the policy discloses them to you."
              rows={page.items}
              columns={[
                ['Received', (r) => formatTime(valueOf(r.fields.receivedAt))],
                ['Youth', (r) => <a href={`#/referrals/${r.id}`}>{valueOf(r.fields['youth.legalName']) ?? 'Referral (name withheld)'}</a>],
                ['Urgency', (r) => humanize(valueOf(r.fields.urgency))],
                ['Status', (r) => humanize(valueOf(r.fields.status))],
                ['Referred by', (r) => <AgencyName id={valueOf(r.fields.sourceAgencyId)} />],
              ]}
            />
          )
        }
      </Loaded>
      <Pager nextCursor={state.data?.nextCursor} onNext={setCursor} onFirst={() => setCursor(null)} atFirst={!cursor} />
    </section>
  );
}
