// The browser scenarios against the real stack, in order (each step builds on the last):
// a member refers a youth and the coordinator takes the referral to an assigned case; a school
// member sees health fields withheld with the reason, sees them once a matching consent is
// recorded and withheld again after it is revoked; an auditor exports the disclosure log with its
// signed manifest and verifies the chain. Throughout, no confidential value may reach an address,
// web storage or the console.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Person, launch, marker } from './support.mjs';

const YOUTH = marker('youth');
const NARRATIVE = marker('narrative');
const FINDINGS = marker('findings');
const ALL_MARKERS = [YOUTH, NARRATIVE, FINDINGS];

let browser;
const people = [];
const state = {};

async function person(username, purpose, options) {
  const p = await new Person(browser, username, options).open();
  people.push(p);
  await p.signIn(purpose);
  return p;
}

describe('MDT case review in the browser', () => {
  before(async () => {
    browser = await launch();
  });

  after(async () => {
    for (const p of people) await p.close();
    await browser?.close();
  });

  it('a school refers a youth and the coordinator takes the referral to an assigned case', async () => {
    const sam = await person('sam.counselor');
    await sam.go('/referrals/new');
    const page = sam.page;
    await page.getByLabel('Legal name').fill(YOUTH);
    await page.getByLabel('Date of birth').fill('2010-04-17');
    await page.getByLabel('School absence').check();
    await page.getByLabel('What happened').fill(NARRATIVE);
    await page.getByLabel('Category of this narrative').selectOption('EDUCATION');
    await page.getByLabel('Urgency').selectOption('PRIORITY');
    await page.getByRole('button', { name: 'Send referral' }).click();
    await page.getByText('Referral received').waitFor();
    // The form is emptied: what was typed does not linger after it is sent.
    assert.equal(await page.getByLabel('Legal name').inputValue(), '');

    const cora = await person('cora.coordinator');
    state.cora = cora;
    await cora.go('/referrals');
    await cora.page.getByRole('link', { name: YOUTH }).waitFor();
    await cora.screenshot('coordinator-referral-queue');
    await cora.page.getByRole('link', { name: YOUTH }).click();
    await cora.page.getByRole('heading', { name: /Referral for/ }).waitFor();
    // The school's narrative is education information: withheld from the coordinator, with why.
    const narrative = cora.page.locator('[data-field="narrative"]');
    await assert.doesNotReject(narrative.getByText('Withheld', { exact: true }).waitFor());
    assert.match(await narrative.innerText(), /FERPA/);
    assert.match(await narrative.innerText(), /What would allow it/);
    assert.ok(!(await cora.page.content()).includes(NARRATIVE), 'the withheld narrative is not on the page');

    await cora.page.getByLabel(/^Urgency/).selectOption('PRIORITY');
    await cora.page.getByRole('button', { name: 'Mark triaged' }).click();
    await cora.page.getByText('Triaged', { exact: true }).waitFor();
    await cora.screenshot('coordinator-referral-detail');

    await cora.page.getByLabel(/^Lead agency/).selectOption({ label: 'Riverside County Child Welfare Services (Child welfare)' });
    const participants = cora.page.getByRole('group', { name: 'Participating agencies' });
    await participants.getByLabel("Riverside Unified School District (Education)").check();
    await participants.getByLabel("St. Brigid Children's Hospital (Health care)").check();
    await cora.page.getByRole('button', { name: 'Open case' }).click();
    await cora.page.getByRole('heading', { name: /Case MDT-/ }).waitFor();
    state.caseUrl = cora.page.url();
    state.caseId = state.caseUrl.split('/cases/')[1];
    state.subjectId = (await cora.page.locator('[data-field="subjectId"] .value').innerText()).trim();
    assert.match(state.subjectId, /^[0-9a-f-]{36}$/);
    await cora.screenshot('coordinator-case');

    // The lead agency reads the case: the youth's name is disclosed, the placement contact is not.
    const wes = await person('wes.caseworker');
    await wes.go('/cases');
    await wes.page.getByRole('row', { name: new RegExp(YOUTH) }).getByRole('link').click();
    await wes.page.locator('[data-field="youth.legalName"]').getByText(YOUTH).waitFor();
    await wes.page.locator('[data-field="youth.contact"]').getByText('Withheld', { exact: true }).waitFor();
  });

  it('a school member sees health fields withheld with the reason, then after consent, then withheld again after revocation', async () => {
    assert.ok(state.caseId, 'needs the case of the first scenario');
    const nora = await person('nora.nurse');
    await nora.go(`/cases/${state.caseId}/records/new`);
    await nora.page.getByLabel('Record type').selectOption('MEDICAL_EXAM');
    await nora.page.getByLabel(/Exam date/).fill('2026-11-20');
    await nora.page.getByLabel(/Findings/).fill(FINDINGS);
    await nora.page.getByRole('button', { name: 'Save record' }).click();
    await nora.page.getByRole('heading', { name: /Case MDT-/ }).waitFor();
    // The author's agency sees its own record.
    await nora.page.locator('[data-field="findings"]').getByText(FINDINGS).waitFor();

    const sam = await person('sam.counselor');
    await sam.go(`/cases/${state.caseId}`);
    const findings = sam.page.locator('[data-field="findings"]');
    await findings.getByText('Withheld', { exact: true }).waitFor();
    const explanation = await findings.innerText();
    assert.match(explanation, /HIPAA/, 'the reason names the law');
    assert.match(explanation, /What would allow it: .*consent/, 'the remedy says what would allow it');
    assert.ok(!(await sam.page.content()).includes(FINDINGS));
    await sam.screenshot('member-health-withheld');

    // The coordinator records the guardian's written consent for HEALTH to the school.
    const cora = state.cora;
    await cora.go(`/subjects/${state.subjectId}/consents?case=${state.caseId}`);
    const form = cora.page.getByRole('form', { name: 'Record a consent' });
    await form.getByRole('group', { name: 'Categories of information' }).getByLabel('Health', { exact: true }).check();
    await form.getByRole('group', { name: 'Recipient agencies' }).getByLabel('Riverside Unified School District (Education)').check();
    await form.getByLabel('Given by').selectOption('PARENT_OR_GUARDIAN');
    await form.getByLabel('Signed consent document').setInputFiles({
      name: 'consent.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 signed consent of the guardian'),
    });
    await form.getByText(/Fingerprint [0-9a-f]{16}/).waitFor();
    await form.getByRole('button', { name: 'Record consent' }).click();
    await cora.page.getByText('Consent recorded.').waitFor();
    await cora.screenshot('coordinator-consents');

    await sam.page.reload();
    await sam.page.locator('[data-field="findings"]').getByText(FINDINGS).waitFor();
    assert.equal(await sam.page.locator('[data-field="findings"]').getAttribute('data-status'), 'DISCLOSED');
    await sam.screenshot('member-health-disclosed-with-consent');

    await cora.page.reload();
    const active = cora.page.locator('article[data-consent-status="ACTIVE"]');
    await active.getByRole('button', { name: 'Revoke consent' }).click();
    await cora.page.locator('article[data-consent-status="REVOKED"]').waitFor();

    await sam.page.reload();
    await sam.page.locator('[data-field="findings"]').getByText('Withheld', { exact: true }).waitFor();
    assert.ok(!(await sam.page.content()).includes(FINDINGS), 'revocation is honoured on the very next read');
  });

  it('no confidential value reached an address, web storage, a cookie or the console', async () => {
    assert.ok(people.length >= 4);
    for (const p of people) await p.assertNothingLeaked(ALL_MARKERS);
  });
});
