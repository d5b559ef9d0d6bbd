// Drives the explorer in Debian's headless Chromium (playwright-core, no downloaded
// browser): loads the page from a newsgraph server on loopback serving
// tests/clients/fixture.trig, runs an example query, clicks an actor, checks the
// network, actor panel and timeline, saves screenshots, and exits non-zero on failure.
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
  check((await page.locator('#network .node').count()) === 4, 'the network shows the 4 actors');
  check((await page.locator('#network .edges line').count()) === 3, 'the network shows 3 pairs who met');
  const heaviest = await page.locator('#network .edges line[data-weight="2"]').count();
  check(heaviest === 1, 'one pair (met twice) has an edge of weight 2');
  check((await page.locator('#timeline .meeting').count()) === 4, 'the timeline shows the 4 dated meetings');
  await page.screenshot({ path: join(outDir, '01-overview.png'), fullPage: true });

  // Run the first example query ("who met whom") from the editor.
  await page.selectOption('#examples', '0');
  await page.click('#run');
  await page.waitForSelector('#results-table tbody tr', { timeout: 15000 });
  const firstRow = await page.locator('#results-table tbody tr').first().innerText();
  check(/Hossein Amirabdollahian\s+Wang Yi\s+2/.test(firstRow), `first result row is the pair who met twice (${firstRow.replace(/\s+/g, ' ')})`);
  check((await page.locator('#results-table tbody tr').count()) === 3, 'the results table has 3 rows');
  await page.screenshot({ path: join(outDir, '02-query.png'), fullPage: true });

  // Click an actor in the network: their meetings and statements with evidence.
  await page.click('#network .node[data-name="Hossein Amirabdollahian"]');
  await page.waitForSelector('#actor-meetings li', { timeout: 15000 });
  check((await page.locator('#actor-title').innerText()) === 'Hossein Amirabdollahian', 'the actor panel names the clicked actor');
  check((await page.locator('#actor-meetings li').count()) === 3, 'the actor panel lists 3 meetings');
  check((await page.locator('#actor-statements li').count()) === 1, 'the actor panel lists 1 statement');
  const evidence = await page.locator('#actor-details blockquote').allInnerTexts();
  check(evidence.some((t) => t.includes('by telephone')), 'meeting evidence sentences are shown');
  check(evidence.some((t) => t.includes('spared from this fire')), 'statement evidence sentences are shown');
  const links = await page.locator('#actor-details a').evaluateAll((as) => as.map((a) => a.href));
  check(links.includes('https://news.example/a1'), 'the article link is shown');
  await page.screenshot({ path: join(outDir, '03-actor.png'), fullPage: true });

  check(pageErrors.length === 0, `no script errors (${pageErrors.join(' | ')})`);

  // A syntax error is reported, not swallowed (the browser logs the 400 itself).
  await page.fill('#editor', 'SELECT WHERE {');
  await page.click('#run');
  await page.waitForSelector('#status.error', { timeout: 15000 });
  check((await page.locator('#status').innerText()).startsWith('400'), 'a bad query shows the 400 message');
  await page.screenshot({ path: join(outDir, '04-error.png') });
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
