import { createContext } from 'preact';

/**
 * What every screen may use: `api` (the REST client), `session` (login), `me` (GET /api/v1/me),
 * `agencies` (id -> agency, for names), `purpose` and `setPurpose` (purpose of use of this
 * session), `emergencies` (the caller's break-glass accesses in force) and `refreshEmergencies`.
 */
export const AppContext = createContext(null);
