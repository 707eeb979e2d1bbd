// The frame around every screen: who is signed in (agency, roles), the purpose of use of this
// session (always visible, changeable), emergencies in force, navigation by role, and the dialog
// that lets a member sign in again when the session ends without leaving the page.

import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AppContext } from './context.js';
import { resolve, useHashPath } from './router.js';
import { routes, navigationFor } from './routes.js';
import { Problem } from '../ui/Problem.jsx';
import { PURPOSES, formatTime, humanize, shortId } from '../ui/labels.js';
import { Select } from '../ui/forms.jsx';

const PURPOSE_KEY = 'mdt.purpose';

export function App({ session, api, me, agencies }) {
  const path = useHashPath();
  const [purpose, setPurposeState] = useState(() => window.sessionStorage.getItem(PURPOSE_KEY));
  const [expired, setExpired] = useState(false);
  const [emergencies, setEmergencies] = useState([]);

  const setPurpose = useCallback((p) => {
    // The purpose is a code (CASE_REVIEW...), not a value about anyone: it may stay for the tab.
    window.sessionStorage.setItem(PURPOSE_KEY, p);
    setPurposeState(p);
  }, []);
  api.purpose = () => purpose;

  const canClaimEmergency = me.roles.includes('MDT_MEMBER') || me.roles.includes('CASE_COORDINATOR');
  const refreshEmergencies = useCallback(async () => {
    if (!canClaimEmergency) return;
    try {
      setEmergencies(await api.get('/api/v1/break-glass/mine'));
    } catch {
      // The banner is a reminder; the service enforces the grant's end whatever the banner says.
    }
  }, [api, canClaimEmergency]);

  useEffect(() => session.subscribe((event) => setExpired(event === 'expired')), [session]);
  // On every change of screen (not the first), keyboard and screen-reader users start at the new
  // screen's content instead of wherever the old screen's focused element used to be.
  const firstPath = useRef(path);
  useEffect(() => {
    if (path !== firstPath.current) document.getElementById('main')?.focus({ preventScroll: true });
    firstPath.current = null;
  }, [path]);
  useEffect(() => {
    refreshEmergencies();
    const timer = setInterval(refreshEmergencies, 60_000);
    return () => clearInterval(timer);
  }, [refreshEmergencies]);

  const context = useMemo(
    () => ({ session, api, me, agencies, purpose, setPurpose, emergencies, refreshEmergencies }),
    [session, api, me, agencies, purpose, setPurpose, emergencies, refreshEmergencies],
  );
  const route = resolve(routes, path);
  const Screen = route?.component;

  return (
    <AppContext.Provider value={context}>
      <a class="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <Header session={session} me={me} agencies={agencies} purpose={purpose} setPurpose={setPurpose} />
      <EmergencyBanner emergencies={emergencies} />
      <div class="layout">
        <nav class="side-nav" aria-label="Main">
          <ul>
            {navigationFor(me.roles).map(([href, label]) => (
              <li key={href}>
                <a href={`#${href}`} aria-current={path === href || path.startsWith(`${href}/`) ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          {!purpose ? (
            <PurposeChoice setPurpose={setPurpose} roles={me.roles} />
          ) : Screen ? (
            <Screen key={path} {...route.params} />
          ) : (
            <section>
              <h1>Not found</h1>
              <p>There is no such screen. <a href="#/">Go to the start page</a>.</p>
            </section>
          )}
        </main>
      </div>
      {expired ? <SessionExpired session={session} /> : null}
    </AppContext.Provider>
  );
}

function Header({ session, me, agencies, purpose, setPurpose }) {
  const agency = agencies.get(me.agencyId);
  return (
    <header class="top-bar">
      <div class="brand">
        <a href="#/">MDT case review</a>
      </div>
      <div class="who" aria-label="Signed in as">
        <strong>{session.user?.name}</strong>
        <span class="muted"> · {agency?.name ?? 'Agency'} · {me.roles.map(humanize).join(', ')}</span>
        {!me.trainingCurrent ? <span class="badge badge-warn">Training not current</span> : null}
        {!me.mouActive ? <span class="badge badge-warn">No active MOU</span> : null}
      </div>
      <div class="purpose">
        <Select
          label="Purpose of use"
          value={purpose ?? ''}
          onChange={setPurpose}
          empty={purpose ? undefined : 'Choose…'}
          options={PURPOSES}
          hint="Every read is decided and logged for this purpose."
        />
      </div>
      <button type="button" class="secondary" onClick={() => session.logout()}>
        Sign out
      </button>
    </header>
  );
}

function EmergencyBanner({ emergencies }) {
  if (!emergencies.length) return null;
  return (
    <div class="emergency-banner" role="status" aria-live="polite">
      <strong>Emergency access in force</strong>
      <ul>
        {emergencies.map((g) => (
          <li key={g.grantId}>
            <a href={`#/cases/${g.caseId}`}>Case {shortId(g.caseId)}</a> until {formatTime(g.validUntil)} (read
            with purpose Emergency; flagged in the audit log, coordinators and auditors notified)
          </li>
        ))}
      </ul>
    </div>
  );
}

function PurposeChoice({ setPurpose, roles }) {
  const suggested = roles.includes('AUDITOR') && !roles.includes('MDT_MEMBER') ? 'AUDIT' : 'CASE_REVIEW';
  const [choice, setChoice] = useState(suggested);
  return (
    <section class="card narrow">
      <h1>Why are you here today?</h1>
      <p>
        Choose the purpose of use for this session. The service decides every field for this purpose and
        records it with each disclosure; you can change it at any time in the top bar.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setPurpose(choice);
        }}
      >
        <Select label="Purpose of use" value={choice} onChange={setChoice} options={PURPOSES} />
        <button type="submit">Continue</button>
      </form>
    </section>
  );
}

function SessionExpired({ session }) {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  return (
    <div class="modal-backdrop">
      <div class="modal" role="alertdialog" aria-modal="true" aria-labelledby="expired-title" aria-describedby="expired-text">
        <h2 id="expired-title">Your session has ended</h2>
        <p id="expired-text">
          Sign in again to continue. What you typed stays on this page, and anything you were saving is sent once
          you are back.
        </p>
        {error ? <Problem error={error} /> : null}
        <button
          type="button"
          autoFocus
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              await session.signInAgain();
            } catch (e) {
              if (/different person/.test(e.message)) window.location.reload();
              setError(e);
            } finally {
              setBusy(false);
            }
          }}
        >
          Sign in again
        </button>
      </div>
    </div>
  );
}
