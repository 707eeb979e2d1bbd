// Consents that end within N days, so the coordinator can ask for renewal in time.
import { useState } from 'preact/hooks';
import { useLoad } from '../../ui/hooks.js';
import { DataTable, Loaded } from '../../ui/common.jsx';
import { Select } from '../../ui/forms.jsx';
import { formatTime, humanize, shortId } from '../../ui/labels.js';
import { valueOf } from '../../ui/Field.jsx';

/** A disclosed list of codes ("HEALTH,EDUCATION") in words. */
function codes(field) {
  return String(valueOf(field) ?? '')
    .split(',')
    .map(humanize)
    .join(', ');
}

export function ExpiringConsents() {
  const [days, setDays] = useState('30');
  const state = useLoad((api) => api.get('/api/v1/consents/expiring', { days }), [days]);
  return (
    <section>
      <h1>Consents expiring soon</h1>
      <form class="filters card" onSubmit={(e) => e.preventDefault()}>
        <Select
          label="Ending within"
          value={days}
          onChange={setDays}
          options={['7', '14', '30', '60', '90'].map((d) => ({ value: d, label: `${d} days` }))}
        />
      </form>
      <Loaded state={state} what="consents">
        {(list) =>
          list.length === 0 ? (
            <p>No consent ends within {days} days.</p>
          ) : (
            <DataTable
              rows={list}
              columns={[
                ['Youth', (c) => <a href={`#/subjects/${c.subjectId}/consents`}>Youth {shortId(c.subjectId)}</a>],
                ['Categories', (c) => codes(c.fields.categories)],
                ['Purposes', (c) => codes(c.fields.purposes)],
                ['Valid until', (c) => formatTime(valueOf(c.fields.validUntil))],
              ]}
            />
          )
        }
      </Loaded>
    </section>
  );
}
