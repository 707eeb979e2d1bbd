// Start of the web client: reads where Keycloak is (GET /api/v1/client-config), completes a login
// coming back from Keycloak, then loads who the member is (GET /api/v1/me) and the agency names.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { SIGNED_IN_FLAG, Session } from './auth/session.js';
import { Api, ApiError } from './api/client.js';
import { App } from './app/App.jsx';
import { Problem } from './ui/Problem.jsx';
import './styles.css';

const root = document.getElementById('app');
// The static "Loading" placeholder goes before the first render.
root.textContent = '';

async function start() {
  const configResponse = await fetch('/api/v1/client-config', { cache: 'no-store' });
  if (!configResponse.ok) throw new ApiError(configResponse.status, null);
  const session = new Session(await configResponse.json());

  let returnTo = null;
  try {
    returnTo = await session.completeRedirectLogin();
  } catch (e) {
    render(<SignIn session={session} error={e} />, root);
    return;
  }
  if (!session.accessToken) {
    // A reload of a signed-in tab: back through Keycloak, which still knows the member (SSO).
    if (window.sessionStorage.getItem(SIGNED_IN_FLAG)) {
      await session.redirectToLogin();
      return;
    }
    render(<SignIn session={session} />, root);
    return;
  }
  window.sessionStorage.setItem(SIGNED_IN_FLAG, '1');
  if (returnTo) window.location.hash = returnTo;

  const api = new Api(session, () => null);
  let me;
  let agencies;
  try {
    me = await api.get('/api/v1/me');
    const list = await api.get('/api/v1/agencies').catch(() => []);
    agencies = new Map(list.map((a) => [a.id, a]));
  } catch (e) {
    render(<NotAMember session={session} error={e} />, root);
    return;
  }
  render(<App session={session} api={api} me={me} agencies={agencies} />, root);
}

function SignIn({ session, error }) {
  const [busy, setBusy] = useState(false);
  return (
    <main id="main" class="sign-in">
      <section class="card narrow">
        <h1>MDT case review</h1>
        <p>
          Confidential case review for the multidisciplinary team. Sign in with your agency account; every field
          you see is decided for your agency, role and purpose, and every view is logged.
        </p>
        {error ? <Problem error={error} context="Sign-in failed" /> : null}
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            session.redirectToLogin('#/');
          }}
        >
          Sign in
        </button>
      </section>
    </main>
  );
}

function NotAMember({ session, error }) {
  return (
    <main id="main" class="sign-in">
      <section class="card narrow">
        <h1>No access</h1>
        <p>You are signed in, but the service does not accept you as a member of an MDT agency.</p>
        <Problem error={error} />
        <button type="button" onClick={() => session.logout()}>
          Sign out
        </button>
      </section>
    </main>
  );
}

start().catch((e) => {
  window.sessionStorage.removeItem(SIGNED_IN_FLAG);
  render(
    <main id="main" class="sign-in">
      <section class="card narrow">
        <h1>The service cannot be reached</h1>
        <Problem error={e} />
        <button type="button" onClick={() => window.location.reload()}>
          Try again
        </button>
      </section>
    </main>,
    root,
  );
});
