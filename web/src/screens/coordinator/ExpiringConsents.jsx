// Consents that end within N days, so the coordinator can ask for renewal in time.
import { useState } from 'preact/hooks';
import { useLoad } from '../../ui/hooks.js';
import { Loaded } from '../../ui/common.jsx';
import { Select } from '../../ui/forms.jsx';
import { formatTime, humanize, shortId } from '../../ui/labels.js';
import { valueOf } from '../../ui/Field.jsx';

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
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Youth</th>
                    <th scope="col">Categories</th>
                    <th scope="col">Purposes</th>
                    <th scope="col">Valid until</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <a href={`#/subjects/${c.subjectId}/consents`}>Youth {shortId(c.subjectId)}</a>
                      </td>
                      <td>{String(valueOf(c.fields.categories) ?? '').split(',').map(humanize).join(', ')}</td>
                      <td>{String(valueOf(c.fields.purposes) ?? '').split(',').map(humanize).join(', ')}</td>
                      <td>{formatTime(valueOf(c.fields.validUntil))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </section>
  );
}
