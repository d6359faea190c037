// BorrowScope HTML report, part 4 of 6: the panels (details of a variable,
// findings, header and filters, input bindings, tooltips). See
// report-data.js.
// ---- Details panel ------------------------------------------------------------
const tagClass = (b) => B.mut[b] === 3 ? 'move-borrow' : MUT[B.mut[b]];

function eventsOf(v) {
  const list = [];
  const name = (i) => str(V.name[i]);
  if (V.fl[v] & F_CREATED) list.push({ t: V.t0[v], kind: 'New', cls: 'new', text: 'created', loc: str(V.loc[v]) });
  else list.push({ t: V.t0[v], kind: 'Seen', cls: 'drop', text: 'first seen (its New is not in the trace)', loc: str(V.loc[v]) });
  const elsewhere = (o) => V.fn[o] !== V.fn[v] ? ' in ' + shortName(str(V.fn[o])) : '';
  for (const b of asOwner.get(v) || []) {
    const by = B.by[b] >= 0 ? name(B.by[b]) + elsewhere(B.by[b]) : lendLabel(b);
    list.push({ t: B.t0[b], kind: 'Borrowed', cls: tagClass(b), text: 'by ' + by + ' (' + MUT[B.mut[b]] + ', ' + KIND[B.kind[b]] + '), ' + borrowTime(b) + ' ' + END[B.end[b]], loc: str(B.loc[b]), b });
  }
  const ownerText = (o) => name(o) + elsewhere(o);
  for (const b of asBorrower.get(v) || [])
    list.push({ t: B.t0[b], kind: 'Borrows', cls: tagClass(b), text: ownerText(B.owner[b]) + ' (' + MUT[B.mut[b]] + '), ' + borrowTime(b) + ' ' + END[B.end[b]], loc: str(B.loc[b]), b });
  for (const m of movesOf.get(v) || []) {
    if (M.from[m] === v) list.push({ t: M.t[m], kind: 'Move', cls: 'move', text: 'moved to ' + (M.to[m] >= 0 ? name(M.to[m]) : str(M.toname[m])), loc: str(M.loc[m]) });
    else list.push({ t: M.t[m], kind: 'Move', cls: 'move', text: 'moved from ' + name(M.from[m]), loc: str(M.loc[m]) });
  }
  if (V.fl[v] & F_DROPPED) list.push({ t: V.t1[v], kind: 'Drop', cls: 'drop', text: (V.fl[v] & F_UNWOUND) ? 'dropped by exception unwinding' : (V.fl[v] & F_ABANDONED) ? 'abandoned by longjmp (its frame was skipped)' : 'dropped', loc: str(V.dloc[v]) });
  list.sort((a, b) => a.t - b.t);
  return list;
}

function showDetails() {
  const box = $('bs-details');
  box.replaceChildren();
  if (state.finding >= 0) box.append(findingCard(state.finding));
  const v = state.selected;
  if (v < 0 && AGG && state.decl >= 0) { declDetails(box, state.decl); return; }
  if (v < 0) { overview(box); return; }
  const h = el('h2', null, str(V.name[v]));
  h.id = 'bs-selected-name';
  box.append(h, el('div', 'type', str(V.type[v]) || '(type unknown)'));
  const dl = el('dl');
  const item = (k, val, mono) => { dl.append(el('dt', null, k), el('dd', mono ? 'mono' : null, val)); };
  item('function', str(V.fn[v]) || '?', true);
  item('thread', D.threads[V.th[v]].id + ' · ' + D.threads[V.th[v]].name);
  item('declared', str(V.loc[v]) || '?', true);
  item('dropped', (V.fl[v] & F_DROPPED) ? str(V.dloc[v]) : 'never dropped', true);
  item('lifetime', fmt(V.t0[v]) + ' → ' + fmt(V.t1[v]) + '  (' + ownTime(V.th[v], V.t0[v], V.t1[v]) + ')');
  item('instance', String(V.id[v]));
  dl.lastChild.id = 'bs-instance';
  const n = decls[declOf[v]].vars.length;
  if (n > 1) item('instances', n + ' of this declaration');
  box.append(dl);
  const zoomTo = el('button', 'link', 'Zoom to its lifetime');
  zoomTo.onclick = () => { const span = Math.max(X.v1[v] - X.v0[v], X.mode === 'real' ? 50 : 4); state.t0 = X.v0[v] - span * 0.15; state.t1 = X.v1[v] + span * 0.15; redraw(); };
  box.append(zoomTo);
  const fs = (findingsOfVar.get(v) || []).filter((i) => i !== state.finding); // the one shown is above
  if (fs.length) { box.append(el('h3', null, 'Findings')); for (const f of fs) box.append(findingEl(f)); }
  box.append(el('h3', null, 'Events'));
  const table = el('table', 'events');
  table.id = 'bs-events';
  for (const e of eventsOf(v)) {
    const tr = el('tr');
    const kind = el('td', 'kind');
    kind.append(el('span', 'tag ' + e.cls, e.kind));
    tr.append(el('td', 'time', fmt(e.t)), kind, el('td', null, e.text));
    const loc = el('tr');
    const td = el('td', 'loc', e.loc);
    td.colSpan = 3;
    loc.append(td);
    tr.onclick = loc.onclick = () => centerOn(e.t);
    table.append(tr, loc);
  }
  box.append(table);
}

function overview(box) {
  if (AGG) aggOverview(box);
  const p = el('div', 'empty-state');
  p.append(el('h2', null, AGG ? 'Zoomed in: the instances' : 'Ownership timeline'));
  const lines = [
    ['Each row', ' is a variable; its grey bar is the variable\'s lifetime, from creation (New) to Drop.'],
    ['Coloured spans', ' inside a bar are borrows the variable holds: blue shared (const), red mutable. The arrow points to the owner.'],
    ['A line under a bar', ' is a borrow by a call (or a return, or a store into memory) while it lasts.'],
    ['Amber arrows', ' are moves; a hatched bar was moved out of. ∞ marks a variable never dropped.'],
    ['Click', ' a bar to see its events here; a finding to zoom to it and select its variables. N and P go to the next and previous finding.'],
  ];
  for (const [b, t] of lines) { const q = el('p'); q.append(el('b', null, b), document.createTextNode(t)); p.append(q); }
  box.append(p);
  box.append(el('h3', null, 'Findings'));
  if (!D.checks_available) box.append(el('p', 'muted', 'Checks are not available in this build of borrowscope: no findings are reported.'));
  else if (!D.findings.length) box.append(el('p', 'muted', 'The checks found nothing.'));
  else D.findings.forEach((f, i) => box.append(findingEl(i)));
  if (!D.complete) box.append(el('p', 'finding', 'The trace was cut short (the program was killed): events after that point are missing.'));
}

function centerOn(t) { // t: real time
  const span = state.t1 - state.t0, u = toX(t);
  state.t0 = u - span / 2; state.t1 = u + span / 2;
  redraw();
}

// keepFinding: part of showing a finding (else a selection of its own ends
// the finding shown).
function select(v, scroll, keepFinding) {
  if (!keepFinding) clearFinding();
  state.selected = v;
  state.decl = -1;
  if (scroll && v >= 0) {
    if (rowOfVar[v] < 0) { state.collapsed.delete(V.th[v] + ' ' + V.fn[v]); buildRows(); }
    const r = rowOfVar[v];
    if (r >= 0) { const y = r * ROW_H; if (y < state.scrollY || y > state.scrollY + H - AXIS_H - ROW_H * 2) state.scrollY = y - (H - AXIS_H) / 3; clampScroll(); }
  }
  showDetails();
  redraw();
}

// ---- Header, filters ------------------------------------------------------------
function header() {
  $('bs-program').textContent = D.program || '(unnamed program)';
  $('bs-trace').textContent = (D.trace ? D.trace + ' · ' : '') + (D.pid !== null ? 'pid ' + D.pid + ' · ' : '') + fmt(D.duration);
  const c = D.counts, stats = $('bs-stats');
  const stat = (id, value, label, cls) => {
    const s = el('div', 'stat' + (cls ? ' ' + cls : ''));
    const b = el('b', null, String(value));
    b.id = id;
    s.append(b, el('span', null, label));
    stats.append(s);
  };
  const many = (n, one, more) => n === 1 ? one : more;
  stat('bs-count-variables', c.variables, many(c.variables, 'variable', 'variables'));
  stat('bs-count-borrows', c.borrows, many(c.borrows, 'borrow', 'borrows'));
  // The kinds add up to the borrows: move and unknown show when there are any.
  stat('bs-count-shared', c.shared, 'shared', 'shared');
  stat('bs-count-mut', c.mut, 'mutable', 'mut');
  if (c.move) stat('bs-count-move', c.move, '&& (move)', 'move');
  if (c.unknown) stat('bs-count-unknown', c.unknown, 'unknown', 'unknown');
  stat('bs-count-moves', c.moves, many(c.moves, 'move', 'moves'));
  stat('bs-count-threads', c.threads, many(c.threads, 'thread', 'threads'));
  stat('bs-count-events', c.events, many(c.events, 'event', 'events'));
  if (D.runtime && D.runtime.count) stat('bs-count-runtime', fmt(D.runtime.total), 'runtime (' + D.runtime.count + many(D.runtime.count, ' stall', ' stalls') + ')', 'runtime');
  if (D.checks_available) stat('bs-count-findings', D.findings.length, many(D.findings.length, 'finding', 'findings'), D.findings.length ? 'findings' : 'ok');
  const addOptions = (select, values) => { for (const [v, label] of values) { const o = el('option', null, label); o.value = v; select.append(o); } };
  const fns = new Map(), files = new Set();
  for (const d of decls) { fns.set(String(d.fn), shortName(str(d.fn)) || '(unknown)'); const f = fileOf(str(d.loc)); if (f) files.add(f); }
  addOptions($('bs-function'), [...fns.entries()].sort((a, b) => a[1].localeCompare(b[1])));
  addOptions($('bs-file'), [...files].sort().map((f) => [f, f]));
  addOptions($('bs-thread'), D.threads.map((t, i) => [String(i), t.id + ' · ' + t.name]));
  if (D.threads.length < 2) $('bs-thread').hidden = true;
  if (!D.findings.length) for (const e of document.querySelectorAll('.legend .finding, .legend .finding-label')) e.hidden = true;
  if (D.runtime && D.runtime.count) for (const e of document.querySelectorAll('.legend .runtime, .legend .runtime-label')) e.hidden = false;
  if (AGG) {
    for (const e of document.querySelectorAll('.legend .heat, .legend .heat-label')) e.hidden = false;
    $('bs-hint').textContent = HINT_SUMMARY;
  }
  updateFindingNav();
}

function bind() {
  const refilter = () => {
    state.filter = $('bs-filter').value.trim().toLowerCase();
    state.fn = $('bs-function').value; state.file = $('bs-file').value; state.thread = $('bs-thread').value;
    buildRows(); draw();
  };
  $('bs-filter').addEventListener('input', refilter);
  for (const id of ['bs-function', 'bs-file', 'bs-thread']) $(id).addEventListener('change', refilter);
  $('bs-zoom-in').onclick = () => { zoom(0.5); redraw(); };
  $('bs-zoom-out').onclick = () => { zoom(2); redraw(); };
  $('bs-fit').onclick = () => { fit(); redraw(); };
  $('bs-finding-prev').onclick = () => stepFinding(-1);
  $('bs-finding-next').onclick = () => stepFinding(1);
  $('bs-time').addEventListener('change', () => { setTimeMode($('bs-time').value); measureRows(); fit(); draw(); });
  window.addEventListener('resize', () => { resize(); draw(); });

  const tip = $('bs-tooltip');
  let drag = null;
  canvas.addEventListener('mousedown', (e) => {
    drag = { x: e.clientX, y: e.clientY, moved: false };
    canvas.classList.add('dragging');
  });
  window.addEventListener('mousemove', (e) => {
    if (drag) {
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 2) drag.moved = true;
      if (drag.moved) {
        pan(dx); state.scrollY -= dy; clampScroll();
        drag.x = e.clientX; drag.y = e.clientY;
        tip.hidden = true; redraw();
      }
      return;
    }
    if (e.target !== canvas) return;
    const rect = canvas.getBoundingClientRect();
    const h = hit(e.clientX - rect.left, e.clientY - rect.top);
    const before = state.hover;
    state.hover = h && (h.kind === 'var' || h.kind === 'span' || h.kind === 'lend' || h.kind === 'heat' || h.kind === 'runtime') ? h : null;
    if (state.hover) {
      tip.textContent = tooltipText(state.hover);
      tip.hidden = false;
      const x = e.clientX - rect.left + 14, y = e.clientY - rect.top + 14;
      tip.style.left = Math.min(x, W - tip.offsetWidth - 8) + 'px';
      tip.style.top = Math.min(y, H - tip.offsetHeight - 8) + 'px';
    } else tip.hidden = true;
    if (before !== state.hover && !(before && state.hover && before.kind === 'heat' && state.hover.kind === 'heat')) redraw();
  });
  window.addEventListener('mouseup', (e) => {
    if (!drag) return;
    const clicked = !drag.moved && e.target === canvas;
    drag = null;
    canvas.classList.remove('dragging');
    if (!clicked) return;
    const rect = canvas.getBoundingClientRect();
    const h = hit(e.clientX - rect.left, e.clientY - rect.top);
    if (!h) return;
    if (h.kind === 'fn') {
      const row = rows[h.row];
      if (state.collapsed.has(row.key)) state.collapsed.delete(row.key); else state.collapsed.add(row.key);
      buildRows(); draw();
    } else if (h.kind === 'heat') expandAt(h.u);
    else if (h.kind === 'decl') selectDecl(h.decl);
    else if (h.kind === 'var' || h.kind === 'label') select(h.index, false);
    else if (h.kind === 'span') select(B.by[h.index], false);
    else if (h.kind === 'lend') select(B.owner[h.index], false);
    else select(-1, false);
  });
  canvas.addEventListener('mouseleave', () => { tip.hidden = true; if (state.hover) { state.hover = null; redraw(); } });
  canvas.addEventListener('wheel', (e) => {
    e.preventDefault();
    const rect = canvas.getBoundingClientRect();
    if (e.ctrlKey || e.metaKey) zoom(Math.exp(e.deltaY * 0.002), e.clientX - rect.left);
    else if (e.shiftKey) pan(-(e.deltaY || e.deltaX));
    else { state.scrollY += e.deltaY; pan(-e.deltaX); clampScroll(); }
    redraw();
  }, { passive: false });
  window.addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
    const k = e.key.toLowerCase();
    if (k === 'w' || k === '+' || k === '=') zoom(0.8);
    else if (k === 's' || k === '-') zoom(1.25);
    else if (k === 'a' || k === 'arrowleft') pan(plotW() * 0.15);
    else if (k === 'd' || k === 'arrowright') pan(-plotW() * 0.15);
    else if (k === 'f' || k === '0') fit();
    else if (k === 'escape') { select(-1, false); return; }
    else if (k === 'n') { stepFinding(1); return; }
    else if (k === 'p') { stepFinding(-1); return; }
    else return;
    redraw();
  });
}

function tooltipText(h) {
  if (h.kind === 'heat') return heatTip(h);
  if (h.kind === 'var') {
    const v = h.index;
    return str(V.name[v]) + ': ' + (str(V.type[v]) || '?') + '\n' + str(V.fn[v]) + ' · ' + str(V.loc[v]) +
      '\nlives ' + ownTime(V.th[v], V.t0[v], V.t1[v]) + ((V.fl[v] & F_DROPPED) ? '' : ' (never dropped)');
  }
  if (h.kind === 'runtime') {
    const p = RT[h.th];
    return 'BorrowScope runtime: held thread ' + D.threads[h.th].id + ' up for ' + fmt(p.e[h.k] - p.s[h.k]) +
      ' writing the trace\n(not counted in the durations shown' + (D.runtime.counted ? ': exported with --count-runtime, it is' : '') + ')';
  }
  const b = h.index;
  const by = B.by[b] >= 0 ? str(V.name[B.by[b]]) : lendLabel(b);
  return by + ' borrows ' + str(V.name[B.owner[b]]) + ' (' + MUT[B.mut[b]] + ', ' + KIND[B.kind[b]] + ')\n' +
    str(B.loc[b]) + '\n' + borrowTime(b) + ', ' + END[B.end[b]];
}

// The first instance named `name`: lowest thread, then earliest.
function findByName(name) {
  let best = -1;
  for (let i = 0; i < NV; i++)
    if (str(V.name[i]) === name && (best < 0 || V.th[i] < V.th[best] || (V.th[i] === V.th[best] && V.t0[i] < V.t0[best]))) best = i;
  return best;
}
