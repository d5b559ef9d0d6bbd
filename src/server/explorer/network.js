// Drawing for the explorer: the who-met-whom network (a small deterministic force
// layout drawn in SVG) and the timeline of meetings. No data fetching here.

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svgElement(name, attributes = {}, text) {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) {
    element.setAttribute(key, String(value));
  }
  if (text !== undefined) element.textContent = text;
  return element;
}

// At most this many actors are drawn (those with the most meetings): the layout is
// quadratic in the number of nodes.
export const MAX_NODES = 150;

// Rows of {meeting, actor, name, date} into nodes and weighted edges; `total` is the
// number of actors before the MAX_NODES cut.
export function buildNetwork(rows) {
  const nodes = new Map();
  const attendees = new Map();
  for (const row of rows) {
    if (!nodes.has(row.actor)) {
      nodes.set(row.actor, { id: row.actor, name: row.name || row.actor, meetings: new Set() });
    }
    nodes.get(row.actor).meetings.add(row.meeting);
    if (!attendees.has(row.meeting)) attendees.set(row.meeting, new Set());
    attendees.get(row.meeting).add(row.actor);
  }
  const edges = new Map();
  for (const actors of attendees.values()) {
    const sorted = [...actors].sort();
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const key = sorted[i] + '\u0000' + sorted[j];
        const edge = edges.get(key) || { source: sorted[i], target: sorted[j], weight: 0 };
        edge.weight += 1;
        edges.set(key, edge);
      }
    }
  }
  const byName = (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  const kept = [...nodes.values()]
    .sort((a, b) => b.meetings.size - a.meetings.size || byName(a, b))
    .slice(0, MAX_NODES);
  const keptIds = new Set(kept.map((node) => node.id));
  const keptEdges = [...edges.values()].filter((e) => keptIds.has(e.source) && keptIds.has(e.target));
  return { nodes: kept.sort(byName), edges: keptEdges, total: nodes.size };
}

// A deterministic force layout: nodes start on a circle in name order, then repel
// each other, edges pull their ends together and a weak gravity keeps the centre.
export function layout(network, width, height, iterations = 300) {
  const n = network.nodes.length;
  const index = new Map(network.nodes.map((node, i) => [node.id, i]));
  const pos = network.nodes.map((_, i) => {
    const angle = (2 * Math.PI * i) / Math.max(n, 1);
    return { x: Math.cos(angle) * 100, y: Math.sin(angle) * 100 };
  });
  const ideal = 120;
  for (let step = 0; step < iterations; step++) {
    const force = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = pos[i].x - pos[j].x;
        let dy = pos[i].y - pos[j].y;
        const d2 = Math.max(dx * dx + dy * dy, 1);
        const push = (ideal * ideal) / d2;
        force[i].x += dx * push * 0.05; force[i].y += dy * push * 0.05;
        force[j].x -= dx * push * 0.05; force[j].y -= dy * push * 0.05;
      }
    }
    for (const edge of network.edges) {
      const a = index.get(edge.source);
      const b = index.get(edge.target);
      const dx = pos[b].x - pos[a].x;
      const dy = pos[b].y - pos[a].y;
      const d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
      const pull = ((d - ideal) / d) * 0.1 * Math.min(edge.weight, 3);
      force[a].x += dx * pull; force[a].y += dy * pull;
      force[b].x -= dx * pull; force[b].y -= dy * pull;
    }
    const cooling = 1 - step / iterations;
    for (let i = 0; i < n; i++) {
      force[i].x -= pos[i].x * 0.01;
      force[i].y -= pos[i].y * 0.01;
      const len = Math.sqrt(force[i].x ** 2 + force[i].y ** 2);
      const limit = 20 * cooling + 0.5;
      const scale = len > limit ? limit / len : 1;
      pos[i].x += force[i].x * scale;
      pos[i].y += force[i].y * scale;
    }
  }
  // Fit into the drawing area with a margin for labels.
  const xs = pos.map((p) => p.x);
  const ys = pos.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const margin = 60;
  const sx = (width - 2 * margin) / Math.max(maxX - minX, 1);
  const sy = (height - 2 * margin) / Math.max(maxY - minY, 1);
  const s = Math.min(sx, sy, 3);
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  return pos.map((p) => ({ x: width / 2 + (p.x - cx) * s, y: height / 2 + (p.y - cy) * s }));
}

// Draws the network into `svg`; `onSelect(node)` is called when an actor is clicked.
export function drawNetwork(svg, network, onSelect) {
  const width = 640;
  const height = 420;
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  if (network.nodes.length === 0) {
    svg.append(svgElement('text', { x: 20, y: 40, class: 'empty' }, 'No meetings in the graph.'));
    return;
  }
  const positions = layout(network, width, height);
  const index = new Map(network.nodes.map((node, i) => [node.id, i]));
  const edgeLayer = svgElement('g', { class: 'edges' });
  for (const edge of network.edges) {
    const a = positions[index.get(edge.source)];
    const b = positions[index.get(edge.target)];
    const line = svgElement('line', {
      x1: a.x, y1: a.y, x2: b.x, y2: b.y,
      'stroke-width': 1 + 2 * Math.log2(1 + edge.weight),
      'data-weight': edge.weight,
    });
    line.append(svgElement('title', {}, `${edge.weight} meeting${edge.weight === 1 ? '' : 's'}`));
    edgeLayer.append(line);
    if (edge.weight > 1) {
      edgeLayer.append(svgElement('text', { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - 4, class: 'weight' }, String(edge.weight)));
    }
  }
  const nodeLayer = svgElement('g', { class: 'nodes' });
  const most = Math.max(...network.nodes.map((node) => node.meetings.size));
  // Only the busiest actors are labelled up front; the others on hover or focus.
  const labelled = new Set(
    [...network.nodes].sort((a, b) => b.meetings.size - a.meetings.size).slice(0, 25).map((node) => node.id),
  );
  network.nodes.forEach((node, i) => {
    const p = positions[i];
    const radius = 5 + 11 * Math.sqrt(node.meetings.size / most);
    const group = svgElement('g', {
      class: 'node', tabindex: 0, role: 'button',
      'data-actor': node.id, 'data-name': node.name,
      transform: `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`,
    });
    group.append(svgElement('circle', { r: radius.toFixed(1) }));
    group.append(svgElement('text', { x: 0, y: -radius - 5, class: labelled.has(node.id) ? '' : 'minor' }, node.name));
    group.append(svgElement('title', {}, `${node.name}: ${node.meetings.size} meeting(s)`));
    const select = () => {
      for (const other of nodeLayer.querySelectorAll('.node.selected')) other.classList.remove('selected');
      group.classList.add('selected');
      onSelect(node);
    };
    group.addEventListener('click', select);
    group.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') select(); });
    nodeLayer.append(group);
  });
  svg.append(edgeLayer, nodeLayer);
}

// At most this many meetings (the latest) are drawn on the timeline.
export const MAX_MEETINGS = 200;

// Draws the timeline: one dot per meeting on a date axis, labelled with attendees.
// Returns how many meetings were drawn.
export function drawTimeline(svg, meetings) {
  const width = 960;
  const rowHeight = 22;
  svg.replaceChildren();
  const dated = meetings.filter((m) => /^\d{4}-\d{2}-\d{2}/.test(m.date || '')).slice(-MAX_MEETINGS);
  if (dated.length === 0) {
    svg.setAttribute('viewBox', `0 0 ${width} 60`);
    svg.append(svgElement('text', { x: 20, y: 35, class: 'empty' }, 'No dated meetings.'));
    return 0;
  }
  const day = (d) => Date.parse(d.slice(0, 10) + 'T00:00:00Z') / 86400000;
  const first = Math.min(...dated.map((m) => day(m.date)));
  const last = Math.max(...dated.map((m) => day(m.date)));
  const left = 60;
  const right = width - 60;
  const x = (d) => left + ((day(d) - first) / Math.max(last - first, 1)) * (right - left);
  const height = 60 + rowHeight * dated.length;
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const axisY = height - 30;
  svg.append(svgElement('line', { x1: left, y1: axisY, x2: right, y2: axisY, class: 'axis' }));
  const ticks = new Set([dated[0].date.slice(0, 10), dated[dated.length - 1].date.slice(0, 10)]);
  for (const m of dated) if (m.date.slice(8, 10) === '01') ticks.add(m.date.slice(0, 10));
  for (const t of ticks) {
    svg.append(svgElement('line', { x1: x(t), y1: axisY, x2: x(t), y2: axisY + 6, class: 'axis' }));
    svg.append(svgElement('text', { x: x(t), y: axisY + 20, class: 'tick' }, t));
  }
  dated.forEach((m, i) => {
    const y = 20 + i * rowHeight;
    const group = svgElement('g', { class: 'meeting', 'data-meeting': m.meeting });
    group.append(svgElement('line', { x1: x(m.date), y1: y, x2: x(m.date), y2: axisY, class: 'stem' }));
    group.append(svgElement('circle', { cx: x(m.date), cy: y, r: 5 }));
    // Labels right of the dot in the first half of the axis, left of it in the second.
    const onLeft = x(m.date) > (left + right) / 2;
    const labelX = onLeft ? x(m.date) - 9 : x(m.date) + 9;
    group.append(svgElement('text', { x: labelX, y: y + 4, class: onLeft ? 'left' : '' }, `${m.date.slice(0, 10)}  ${m.attendees}`));
    group.append(svgElement('title', {}, `${m.date.slice(0, 10)}: ${m.attendees}`));
    svg.append(group);
  });
  return dated.length;
}
