// The start page: what this member can do here, by role.
import { useApp } from '../ui/hooks.js';
import { navigationFor } from '../app/routes.js';
import { humanize } from '../ui/labels.js';

export function Home() {
  const { me, session, purpose } = useApp();
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
    </section>
  );
}
