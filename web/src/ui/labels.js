// Human labels for the service's codes and field names. The wire keeps the codes; the screen
// shows words, with the code next to them where members need to quote it (rules, error codes).

const ACRONYMS = new Set(['id', 'mou', 'mdt', 'hl7', 'url', 'dob', 'cjis', 'iep', 'fhir', 'csv', 'ndjson']);
const SPECIAL = new Map([['ids', 'IDs']]);

/** SAFETY_LOCATION -> "Safety location"; dateOfBirth -> "Date of birth". */
export function humanize(code) {
  if (code === null || code === undefined || code === '') return '';
  const words = String(code)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((w) => SPECIAL.get(w) ?? (ACRONYMS.has(w) ? w.toUpperCase() : w));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const RECORD_FIELD = /^records\.([0-9a-f-]{36})\.(.+)$/i;

/** A field name as a label; a case preview's record fields: "Record 1a2b3c4d: Exam date". */
export function fieldLabel(name) {
  const record = RECORD_FIELD.exec(name ?? '');
  return record ? `Record ${shortId(record[1])}: ${humanize(record[2])}` : humanize(name);
}

export const PURPOSES = [
  'CASE_REVIEW',
  'SERVICE_COORDINATION',
  'SAFETY_PLANNING',
  'INVESTIGATION',
  'PROSECUTION',
  'TREATMENT',
  'EMERGENCY',
  'AUDIT',
];

export const CATEGORIES = [
  'COORDINATION',
  'IDENTITY',
  'SAFETY_LOCATION',
  'HEALTH',
  'PSYCHOTHERAPY_NOTES',
  'MENTAL_HEALTH',
  'SUBSTANCE_USE',
  'EDUCATION',
  'CHILD_WELFARE',
  'JUVENILE_JUSTICE',
  'LAW_ENFORCEMENT_SENSITIVE',
  'VICTIM_ADVOCACY',
  'IMMIGRATION',
];

export const SECTORS = [
  'LAW_ENFORCEMENT',
  'PROSECUTION',
  'DEFENSE',
  'COURTS',
  'CHILD_WELFARE',
  'JUVENILE_JUSTICE',
  'HEALTH_CARE',
  'MENTAL_HEALTH',
  'EDUCATION',
  'VICTIM_SERVICES',
  'CHILD_ADVOCACY_CENTER',
  'SOCIAL_SERVICES',
  'TRIBAL_GOVERNMENT',
  'LEGAL_AID',
  'OTHER',
];

export const REFERRAL_STATUSES = ['RECEIVED', 'TRIAGED', 'LINKED', 'DECLINED', 'WITHDRAWN'];
export const URGENCIES = ['IMMEDIATE', 'PRIORITY', 'ROUTINE'];
export const INDICATORS = [
  'RUNAWAY_OR_HOMELESS',
  'OLDER_PARTNER',
  'UNEXPLAINED_MONEY_OR_GIFTS',
  'HOTEL_OR_MOTEL_ACTIVITY',
  'ONLINE_ADVERTISEMENT',
  'BRANDING_TATTOO',
  'MULTIPLE_PHONES',
  'SUBSTANCE_USE',
  'SCHOOL_ABSENCE',
  'SEXUALLY_TRANSMITTED_INFECTION',
  'CONTROLLING_RELATIONSHIP',
  'DISCLOSED_EXPLOITATION',
  'OTHER',
];
export const GRANTOR_KINDS = ['YOUTH', 'PARENT_OR_GUARDIAN', 'AGENCY_WITH_CUSTODY', 'COURT_ORDER'];
export const CONSENT_FORMS = ['WRITTEN', 'ELECTRONIC_SIGNATURE', 'DOCUMENTED_VERBAL'];

/** A time for people: local date and time, minutes precision. */
export function formatTime(instant) {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return String(instant);
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The first eight characters of an id: enough to tell rows apart on screen. */
export function shortId(id) {
  return id ? String(id).slice(0, 8) : '';
}
