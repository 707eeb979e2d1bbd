// An API problem on screen: what went wrong in words, the stable code to quote, the fields named
// by the service (never their values), and the request id for support.

import { humanize } from './labels.js';

export function Problem({ error, context }) {
  if (!error) return null;
  return (
    <div class="problem" role="alert">
      <p>
        <strong>{context ? `${context}: ` : ''}</strong>
        {error.message}
      </p>
      {error.errors?.length ? (
        <ul>
          {error.errors.map((e, i) => (
            <li key={i}>
              <strong>{humanize(e.field)}</strong>: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      {error.code ? (
        <p class="muted small">
          Code <code>{error.code}</code>
          {error.requestId ? <> · request {error.requestId}</> : null}
        </p>
      ) : null}
    </div>
  );
}
