// Small pieces shared by screens: agency names, paging, loading and empty states.
import { useApp } from './hooks.js';
import { Problem } from './Problem.jsx';
import { humanize } from './labels.js';

export function AgencyName({ id }) {
  const { agencies } = useApp();
  if (!id) return <span class="muted">None</span>;
  return <span>{agencies.get(id)?.name ?? `Agency ${String(id).slice(0, 8)}`}</span>;
}

/** Agencies as select options: name and sector; only those with an active MOU when asked. */
export function agencyOptions(agencies, { activeOnly = false } = {}) {
  return [...agencies.values()]
    .filter((a) => !activeOnly || a.mouActive)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((a) => ({ value: a.id, label: `${a.name} (${humanize(a.sector)})` }));
}

/** Shows loading, the problem, or the children once loaded. */
export function Loaded({ state, children, what = 'this' }) {
  if (state.error) return <Problem error={state.error} context={`Could not load ${what}`} />;
  if (state.loading && !state.data) return <p class="muted" role="status">Loading {what}…</p>;
  return children(state.data);
}

export function Pager({ nextCursor, onNext, onFirst, atFirst }) {
  if (!nextCursor && atFirst) return null;
  return (
    <div class="actions">
      {!atFirst ? (
        <button type="button" class="secondary" onClick={onFirst}>
          First page
        </button>
      ) : null}
      {nextCursor ? (
        <button type="button" class="secondary" onClick={() => onNext(nextCursor)}>
          Next page
        </button>
      ) : null}
    </div>
  );
}

/**
 * A table of rows. `columns` are [header, cell(row)] pairs; a null header is an actions column,
 * named for screen readers only.
 */
export function DataTable({ rows, columns, rowKey = (row) => row.id, caption, rowProps }) {
  return (
    <div class="table-wrap">
      <table>
        {caption ? <caption class="muted small">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map(([header], i) => (
              <th key={i} scope="col">
                {header ?? <span class="visually-hidden">Actions</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={rowKey(row) ?? r} {...(rowProps ? rowProps(row) : {})}>
              {columns.map(([, cell], i) => (
                <td key={i}>{cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
