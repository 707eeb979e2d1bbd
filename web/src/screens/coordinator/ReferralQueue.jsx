// The coordinator's referral queue: filter by status, urgency, source agency and date received.
import { useState } from 'preact/hooks';
import { useApp, useLoad } from '../../ui/hooks.js';
import { AgencyName, Loaded, Pager, agencyOptions } from '../../ui/common.jsx';
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
            <div class="table-wrap">
              <table>
                <caption class="muted small">Newest first. Names appear only where the policy discloses them to you.</caption>
                <thead>
                  <tr>
                    <th scope="col">Received</th>
                    <th scope="col">Youth</th>
                    <th scope="col">Urgency</th>
                    <th scope="col">Status</th>
                    <th scope="col">Referred by</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((r) => (
                    <tr key={r.id}>
                      <td>{formatTime(valueOf(r.fields.receivedAt))}</td>
                      <td>
                        <a href={`#/referrals/${r.id}`}>{valueOf(r.fields['youth.legalName']) ?? 'Referral (name withheld)'}</a>
                      </td>
                      <td>{humanize(valueOf(r.fields.urgency))}</td>
                      <td>{humanize(valueOf(r.fields.status))}</td>
                      <td>
                        <AgencyName id={valueOf(r.fields.sourceAgencyId)} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
      <Pager nextCursor={state.data?.nextCursor} onNext={setCursor} onFirst={() => setCursor(null)} atFirst={!cursor} />
    </section>
  );
}
