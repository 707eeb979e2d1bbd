// Shared plumbing of the browser tests: Debian's Chromium driven by playwright-core against the
// real stack (the service under test, its Keycloak and PostgreSQL), logins through Keycloak's own
// login page, screenshots, and the watch over what must never hold a confidential value: the
// address bar, browser storage and the console.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

export const BASE_URL = (process.env.MDT_BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
export const PASSWORD = process.env.MDT_DEMO_PASSWORD ?? 'demo';
const CHROMIUM = process.env.MDT_CHROMIUM ?? '/usr/bin/chromium';
const SCREENSHOTS = process.env.MDT_SCREENSHOTS ?? '';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// The aim of issue 7: WCAG 2.1 AA.
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Flags for a sandboxed machine without network beyond loopback (see docs/run-and-test.md).
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A marker that no log, URL, storage or console may ever carry. */
export function marker(label) {
  return `CONFIDENTIAL-MARKER-${label}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * One person's browser: a fresh context (no shared cookies), every console message and every
 * visited address kept for the confidentiality checks.
 */
export class Person {
  constructor(browser, username, { viewport = { width: 1280, height: 860 } } = {}) {
    this.browser = browser;
    this.username = username;
    this.viewport = viewport;
    this.console = [];
    this.urls = [];
  }

  async open() {
    this.context = await this.browser.newContext({ viewport: this.viewport, acceptDownloads: true });
    this.page = await this.context.newPage();
    this.page.setDefaultTimeout(20_000);
    this.page.on('console', (m) => this.console.push(m.text()));
    this.page.on('pageerror', (e) => this.console.push(`pageerror: ${e.message}`));
    this.page.on('framenavigated', (f) => {
      if (f === this.page.mainFrame()) this.urls.push(f.url());
    });
    return this;
  }

  /** Signs in through Keycloak's login page and chooses the purpose of use for the session. */
  async signIn(purpose = 'Case review') {
    const page = this.page;
    await page.goto(`${BASE_URL}/`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#username').fill(this.username);
    await page.locator('#password').fill(PASSWORD);
    await page.locator('#kc-login').click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('heading', { name: 'Why are you here today?' }).waitFor();
    await page.locator('main').getByLabel('Purpose of use').selectOption({ label: purpose });
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: /Welcome/ }).waitFor();
    return this;
  }

  async go(hashPath) {
    await this.page.goto(`${BASE_URL}/#${hashPath}`);
  }

  async screenshot(name) {
    if (!SCREENSHOTS) return;
    mkdirSync(SCREENSHOTS, { recursive: true });
    await this.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  /**
   * Runs axe-core (WCAG 2.1 A and AA rules) on the current screen and fails on any violation.
   * Evaluated through the DevTools protocol, so the page's CSP need not allow it.
   */
  async assertAccessible(screen) {
    await this.page.evaluate(AXE_SOURCE);
    const violations = await this.page.evaluate(
      (tags) =>
        window.axe
          .run(document, { runOnly: { type: 'tag', values: tags } })
          .then((r) => r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)),
      AXE_TAGS,
    );
    assert.deepEqual(violations, [], `${screen}: accessibility violations`);
  }

  /** Screenshot (when MDT_SCREENSHOTS is set) and accessibility check of the current screen. */
  async capture(name) {
    await this.assertAccessible(name);
    await this.screenshot(name);
  }

  /**
   * Presses Tab until the focused element's text or label matches `name`, asserting at every stop
   * that the focused element shows a focus indicator. Fails after `maxTabs` presses.
   */
  async tabTo(name, maxTabs = 60) {
    for (let i = 0; i < maxTabs; i++) {
      await this.page.keyboard.press('Tab');
      const focused = await this.page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        return {
          text: `${el.getAttribute('aria-label') ?? ''} ${el.innerText ?? ''} ${el.labels?.[0]?.innerText ?? ''}`.trim(),
          tag: el.tagName,
          indicated: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
        };
      });
      if (!focused) continue;
      assert.ok(focused.indicated, `${this.username}: no visible focus indicator on ${focused.tag} "${focused.text}"`);
      if (name.test(focused.text)) return focused;
    }
    assert.fail(`${this.username}: ${name} not reached with ${maxTabs} presses of Tab`);
  }

  /** Nothing confidential in the address bar, the console, or web storage of this browser. */
  async assertNothingLeaked(markers) {
    const storage = await this.page.evaluate(() => {
      const dump = (s) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`).join('\n');
      return `${dump(window.localStorage)}\n${dump(window.sessionStorage)}`;
    });
    const cookies = JSON.stringify(await this.context.cookies());
    for (const m of markers) {
      assert.ok(!this.urls.some((u) => u.includes(m)), `${this.username}: a marker in an address`);
      assert.ok(!this.console.some((c) => c.includes(m)), `${this.username}: a marker in the console`);
      assert.ok(!storage.includes(m), `${this.username}: a marker in web storage`);
      assert.ok(!cookies.includes(m), `${this.username}: a marker in a cookie`);
    }
    assert.ok(!/access_token|refresh_token/.test(storage), `${this.username}: a token in web storage`);
  }

  async close() {
    await this.context?.close();
  }
}
