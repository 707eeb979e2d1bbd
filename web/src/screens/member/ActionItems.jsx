// My agency's open action items from review meetings (a coordinator can also list every overdue
// one): mark done, or drop with a reason.
import { useState } from 'preact/hooks';
import { useApp, useAction, useLoad } from '../../ui/hooks.js';
import { FieldList, valueOf } from '../../ui/Field.jsx';
import { Loaded, Pager } from '../../ui/common.jsx';
import { Select, SubmitButton, TextArea } from '../../ui/forms.jsx';
import { Problem } from '../../ui/Problem.jsx';
import { humanize } from '../../ui/labels.js';

export function ActionItems() {
  const { me, purpose } = useApp();
  const [scope, setScope] = useState('MY_AGENCY_OPEN');
  const [cursor, setCursor] = useState(null);
  const state = useLoad((api) => api.get('/api/v1/action-items', { scope, cursor }), [scope, cursor, purpose]);
  return (
    <section>
      <h1>Action items</h1>
      {me.roles.includes('CASE_COORDINATOR') ? (
        <form class="filters card" onSubmit={(e) => e.preventDefault()}>
          <Select
            label="Show"
            value={scope}
            onChange={(v) => {
              setCursor(null);
              setScope(v);
            }}
            options={[
              { value: 'MY_AGENCY_OPEN', label: "My agency's open items" },
              { value: 'OVERDUE', label: 'Every overdue item' },
            ]}
          />
        </form>
      ) : null}
      <Loaded state={state} what="action items">
        {(page) => (page.items.length === 0 ? <p>No open action items.</p> : page.items.map((item) => <Item key={item.id} item={item} reload={state.reload} />))}
      </Loaded>
      <Pager nextCursor={state.data?.nextCursor} onNext={setCursor} onFirst={() => setCursor(null)} atFirst={!cursor} />
    </section>
  );
}

function Item({ item, reload }) {
  const [dropping, setDropping] = useState(false);
  const [reason, setReason] = useState('');
  const done = useAction((api) => api.post(`/api/v1/action-items/${item.id}/done`), reload);
  const drop = useAction((api) => api.post(`/api/v1/action-items/${item.id}/drop`, { reason }), reload);
  const status = valueOf(item.fields.status);
  const open = status === 'OPEN' || status === 'OVERDUE';
  return (
    <article class="card" aria-label={`Action item due ${valueOf(item.fields.dueOn) ?? ''}`}>
      <h2>
        Due {valueOf(item.fields.dueOn)} <span class={`badge ${status === 'OVERDUE' ? 'badge-warn' : 'badge-ok'}`}>{humanize(status)}</span>
      </h2>
      <FieldList fields={item.fields} only={Object.keys(item.fields).filter((n) => n !== 'id')} />
      {open ? (
        <div class="actions">
          <button type="button" onClick={() => done.run()} disabled={done.busy}>
            Mark done
          </button>
          <button type="button" class="secondary" onClick={() => setDropping(!dropping)} aria-expanded={dropping ? 'true' : 'false'}>
            Drop…
          </button>
        </div>
      ) : null}
      {dropping ? (
        <form onSubmit={(e) => { e.preventDefault(); drop.run(); }}>
          <TextArea label="Why is it dropped?" value={reason} onInput={setReason} required rows={2} />
          <SubmitButton busy={drop.busy} class="danger">
            Drop action item
          </SubmitButton>
        </form>
      ) : null}
      <Problem error={done.error ?? drop.error} />
    </article>
  );
}
