// Drives the explorer in Debian's headless Chromium (playwright-core, no downloaded
// browser): loads the page from a newsgraph server on loopback serving a store
// ingested from corpus/, runs an example query, clicks actors, checks the network,
// actor panel and timeline, saves screenshots, and exits non-zero on failure.
//
// The checks are facts of the corpus that tests/integration/corpus.rs already
// requires (the Moscow meeting of Marzook and Bogdanov on 2023-10-26, Erdoğan and
// Raisi by phone on 2023-10-16, Bogdanov's "Especially in this situation"), so that
// unrelated extraction improvements do not break them: no exact totals.
//
// Environment: NEWSGRAPH_URL (e.g. http://127.0.0.1:7878), OUT_DIR (screenshots;
// default: a fresh temp dir), CHROMIUM (default /usr/bin/chromium).
// Any request to a host other than 127.0.0.1 is blocked and fails the test.

import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = (process.env.NEWSGRAPH_URL || 'http://127.0.0.1:7878').replace(/\/$/, '');
const outDir = process.env.OUT_DIR || mkdtempSync(join(tmpdir(), 'newsgraph-browser-'));
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
mkdirSync(outDir, { recursive: true });

const failures = [];
function check(condition, message) {
  if (!condition) failures.push(message);
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${message}`);
}

const profile = mkdtempSync(join(tmpdir(), 'newsgraph-chromium-profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  viewport: { width: 1400, height: 1000 },
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});

const outside = [];
await context.route('**/*', (route) => {
  const url = new URL(route.request().url());
  if (url.hostname === '127.0.0.1') return route.continue();
  outside.push(url.href);
  return route.abort();
});

try {
  const page = context.pages()[0] || (await context.newPage());
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });

  await page.goto(base + '/', { waitUntil: 'load' });
  await page.waitForSelector('#network .node', { timeout: 15000 });
  const names = await page.locator('#network .node').evaluateAll((ns) => ns.map((n) => n.dataset.name));
  for (const who of [/Bogdanov/, /Marzoo?u?k/, /Raisi/, /Erdoğan/]) {
    check(names.some((n) => who.test(n)), `the network shows an actor matching ${who}`);
  }
  check(!names.some((n) => /Lavrov/.test(n)), 'the network leaves out Lavrov (only a habitual meeting)');
  const weights = await page.locator('#network .edges line').evaluateAll((ls) => ls.map((l) => Number(l.dataset.weight)));
  check(weights.length >= 3 && weights.every((w) => w >= 1), `the network has weighted edges (${weights.length})`);
  const timeline = await page.locator('#timeline .meeting').evaluateAll((ms) => ms.map((m) => m.textContent));
  check(timeline.some((t) => t.includes('2023-10-26') && t.includes('Bogdanov') && /Marzoo?u?k/.test(t)),
    'the timeline has the Moscow meeting of Marzook and Bogdanov on 2023-10-26');
  check(timeline.some((t) => t.includes('2023-10-16') && t.includes('Erdoğan') && t.includes('Raisi')),
    'the timeline has the Erdoğan–Raisi call on 2023-10-16');
  await page.screenshot({ path: join(outDir, '01-overview.png'), fullPage: true });

  // Run the first example query ("who met whom") from the editor.
  await page.selectOption('#examples', '0');
  await page.click('#run');
  await page.waitForSelector('#results-table tbody tr', { timeout: 15000 });
  const rows = await page.locator('#results-table tbody tr').allInnerTexts();
  check(rows.some((r) => r.includes('Bogdanov') && /Marzoo?u?k/.test(r)), 'the results pair Bogdanov and Marzook');
  check(rows.some((r) => r.includes('Erdoğan') && r.includes('Raisi')), 'the results pair Erdoğan and Raisi');
  await page.screenshot({ path: join(outDir, '02-query.png'), fullPage: true });

  // Click Bogdanov in the network: his meetings and statements with evidence.
  await page.click('#network .node[data-name="Mikhail Bogdanov"]');
  await page.waitForSelector('#actor-meetings li', { timeout: 15000 });
  check((await page.locator('#actor-title').innerText()).includes('Bogdanov'), 'the actor panel names the clicked actor');
  const meetings = await page.locator('#actor-meetings li').allInnerTexts();
  check(meetings.some((m) => m.includes('2023-10-26') && /Marzoo?u?k/.test(m) && m.includes('Moscow')),
    'the actor panel lists the Moscow meeting with its evidence sentence');
  const statements = await page.locator('#actor-statements li').allInnerTexts();
  check(statements.some((s) => s.includes('Especially in this situation')), 'the actor panel lists his statement');
  const links = await page.locator('#actor-details a').evaluateAll((as) => as.map((a) => a.href));
  check(links.some((l) => l.startsWith('https://w3id.org/newsgraph/id/article/')), 'the article links are shown');
  await page.screenshot({ path: join(outDir, '03-actor.png'), fullPage: true });

  // Click Raisi: the phone call with Erdoğan.
  const raisi = names.find((n) => /Raisi/.test(n));
  await page.click(`#network .node[data-name="${raisi}"]`);
  await page.waitForFunction(() => document.querySelector('#actor-title')?.textContent.includes('Raisi'), null, { timeout: 15000 });
  await page.waitForSelector('#actor-meetings li', { timeout: 15000 });
  const calls = await page.locator('#actor-meetings li').allInnerTexts();
  check(calls.some((m) => m.includes('2023-10-16') && m.includes('Erdoğan')), 'Raisi\'s panel lists the call with Erdoğan');
  await page.screenshot({ path: join(outDir, '04-raisi.png'), fullPage: true });

  check(pageErrors.length === 0, `no script errors (${pageErrors.join(' | ')})`);

  // A syntax error is reported, not swallowed (the browser logs the 400 itself).
  await page.fill('#editor', 'SELECT WHERE {');
  await page.click('#run');
  await page.waitForSelector('#status.error', { timeout: 15000 });
  check((await page.locator('#status').innerText()).startsWith('400'), 'a bad query shows the 400 message');
  await page.screenshot({ path: join(outDir, '05-error.png') });
} catch (error) {
  failures.push(String(error));
  console.log(`FAIL ${error}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

check(outside.length === 0, `no request left 127.0.0.1 (${outside.join(', ')})`);
console.log(`screenshots in ${outDir}`);
if (failures.length > 0) {
  console.log(`browser test: ${failures.length} failure(s)`);
  process.exit(1);
}
console.log('browser test: all checks passed');
