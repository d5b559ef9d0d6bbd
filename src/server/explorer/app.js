// The explorer page: the SPARQL editor and results table, the who-met-whom network,
// the actor panel (meetings and statements with evidence) and the timeline.
// It talks only to this server's /sparql endpoint and writes text with textContent.

import * as Q from './queries.js';
import { buildNetwork, drawNetwork, drawTimeline } from './network.js';

const $ = (id) => document.getElementById(id);

// Runs a query; resolves to SPARQL JSON results, rejects with the server's message.
export async function sparql(query) {
  const response = await fetch('/sparql', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/sparql-results+json',
    },
    body: new URLSearchParams({ query }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${response.status}: ${text.trim()}`);
  return JSON.parse(text);
}

// [{var: value}] from SPARQL JSON (values as plain strings).
function rows(json) {
  return (json.results?.bindings || []).map((binding) => {
    const row = {};
    for (const [name, term] of Object.entries(binding)) row[name] = term.value;
    return row;
  });
}

function element(name, attributes = {}, ...children) {
  const el = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, value);
  for (const child of children) el.append(child);
  return el;
}

function safeLink(url, text) {
  if (typeof url === 'string' && /^https?:\/\//i.test(url)) {
    return element('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, text || url);
  }
  return document.createTextNode(text || url || '');
}

function shorten(value) {
  return value.replace(/^https?:\/\/w3id\.org\/newsgraph\/id\//, 'ng:');
}

function renderTable(json) {
  const container = $('results');
  container.replaceChildren();
  if (typeof json.boolean === 'boolean') {
    container.append(element('p', { class: 'boolean' }, `ASK: ${json.boolean}`));
    return;
  }
  const vars = json.head?.vars || [];
  const table = element('table', { id: 'results-table' });
  const head = element('tr');
  for (const v of vars) head.append(element('th', {}, v));
  table.append(element('thead', {}, head));
  const body = element('tbody');
  for (const binding of json.results?.bindings || []) {
    const tr = element('tr');
    for (const v of vars) {
      const term = binding[v];
      const td = element('td');
      if (term) {
        if (term.type === 'uri') {
          td.append(safeLink(term.value, shorten(term.value)));
          td.title = term.value;
        } else {
          td.textContent = term.value;
          if (term.datatype) td.title = term.datatype;
        }
      }
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  container.append(table);
}

async function runEditor() {
  const status = $('status');
  status.textContent = 'Running…';
  status.className = '';
  const started = performance.now();
  try {
    const json = await sparql($('editor').value);
    const count = json.results?.bindings?.length;
    renderTable(json);
    const ms = Math.round(performance.now() - started);
    status.textContent = count === undefined ? `Done in ${ms} ms` : `${count} row${count === 1 ? '' : 's'} in ${ms} ms`;
  } catch (error) {
    $('results').replaceChildren();
    status.textContent = error.message;
    status.className = 'error';
  }
}

function evidenceItem(title, row) {
  const li = element('li');
  li.append(element('div', { class: 'fact' }, title));
  if (row.evidence) li.append(element('blockquote', {}, row.evidence));
  const source = row.url || row.article;
  if (source) {
    const p = element('p', { class: 'source' }, 'Source: ');
    p.append(safeLink(source, row.headline || shorten(source)));
    li.append(p);
  }
  return li;
}

async function showActor(node) {
  $('actor-title').textContent = node.name;
  const details = $('actor-details');
  details.replaceChildren(element('p', {}, 'Loading…'));
  try {
    const [meetings, statements] = await Promise.all([
      sparql(Q.actorMeetingsQuery(node.id)),
      sparql(Q.actorStatementsQuery(node.id)),
    ]);
    const meetingList = element('ul', { id: 'actor-meetings', class: 'evidence' });
    for (const row of rows(meetings)) {
      const when = row.date ? row.date.slice(0, 10) : 'date unknown';
      meetingList.append(evidenceItem(`${when}: met ${row.others || '(no other named attendee)'}`, row));
    }
    const statementList = element('ul', { id: 'actor-statements', class: 'evidence' });
    for (const row of rows(statements)) {
      const when = row.date ? row.date.slice(0, 10) + ': ' : '';
      statementList.append(evidenceItem(`${when}“${row.text}”`, row));
    }
    details.replaceChildren(
      element('h3', {}, `Meetings (${meetingList.children.length})`), meetingList,
      element('h3', {}, `Statements (${statementList.children.length})`), statementList,
    );
  } catch (error) {
    details.replaceChildren(element('p', { class: 'error' }, error.message));
  }
}

async function loadOverview() {
  try {
    const [network, timeline] = await Promise.all([sparql(Q.networkQuery()), sparql(Q.timelineQuery())]);
    const graph = buildNetwork(rows(network));
    drawNetwork($('network'), graph, showActor);
    if (graph.total > graph.nodes.length) {
      $('network-status').textContent = `Showing the ${graph.nodes.length} actors with the most meetings, of ${graph.total}.`;
    }
    const meetings = rows(timeline);
    const drawn = drawTimeline($('timeline'), meetings);
    if (drawn < meetings.length) {
      $('timeline-status').textContent = `Showing the latest ${drawn} of ${meetings.length} dated meetings.`;
    }
  } catch (error) {
    $('network-status').textContent = error.message;
    $('network-status').className = 'error';
  }
}

function setUpEditor() {
  const select = $('examples');
  Q.EXAMPLES.forEach(([label], i) => select.append(element('option', { value: String(i) }, label)));
  const load = () => { $('editor').value = Q.EXAMPLES[Number(select.value)][1].trim() + '\n'; };
  select.addEventListener('change', load);
  load();
  $('run').addEventListener('click', runEditor);
  $('editor').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) runEditor();
  });
}

setUpEditor();
loadOverview();
