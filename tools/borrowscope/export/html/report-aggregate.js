// BorrowScope HTML report, part 2 of 6: aggregated pages (traces past
// `export`'s threshold, export/HtmlAggregate.cpp). See report-data.js.
//
// The page holds a row per declaration with its instance count, lifetime
// distribution and heat strip (instances alive per bin), and the borrows
// per site. Zoomed in to at most DETAIL_CHUNKS time windows, it loads those
// windows' instances (OUT.d/cNNNNN.js, each a script calling
// borrowscopeChunk) and draws them as the full page does. The instances
// that findings name are in the page (AGG.base).
const DETAIL_CHUNKS = 3;
const CHUNK = AGG ? AGG.chunks : { n: 0, s: [], t: [] };
const chunkState = new Uint8Array(CHUNK.n); // 0 not asked, 1 loading, 2 in, 3 missing
const localVar = new Map(), localBorrow = new Map(), localMove = new Map(); // g -> index
const agg = { detail: false, loading: 0, missing: false, worstChunkMs: 0, chunksIn: 0, evictions: 0, waiting: [] };
// At most this many chunks stay in (each costs every later rebuild): past
// it, the least recently shown go (and load again when needed).
const MAX_CHUNKS_IN = 16;
const chunkPart = new Map(); // chunk -> its columns, while it is in
const chunkUse = new Float64Array(CHUNK.n); // when each was last on screen
let useClock = 0;
const base = { nv: 0, nb: 0, nm: 0 }; // the page's own instances come first

// A chunk's columns as the page's (HtmlAggregate.cpp writes differences,
// and leaves out what the declaration or the borrow site says).
function decodePart(part) {
  const sum = (a) => { const out = new Array(a.length); let x = 0; for (let i = 0; i < a.length; i++) out[i] = x += a[i]; return out; };
  const sumOrNone = (a) => { const out = new Array(a.length); let x = 0; for (let i = 0; i < a.length; i++) out[i] = a[i] === null ? -1 : (x += a[i]); return out; };
  const plus = (a, d) => a.map((x, i) => x + d[i]);
  const A = AGG.decls, SI = AGG.sites, v = part.vars, b = part.borrows;
  const vt0 = sum(v.t0), vs0 = sum(v.s0), bt0 = sum(b.t0), bs0 = sum(b.s0);
  const of = (table, key, list) => list.map((i) => table[key][i]);
  return {
    vars: { g: sum(v.g), id: v.ids || sum(v.id), name: of(A, 'name', v.dc), type: of(A, 'type', v.dc), fn: of(A, 'fn', v.dc),
      loc: of(A, 'loc', v.dc), dloc: v.dloc, th: of(A, 'th', v.dc), t0: vt0, t1: plus(vt0, v.d), s0: vs0, s1: plus(vs0, v.sd), fl: v.fl, dc: v.dc },
    borrows: { g: sum(b.g), owner: sumOrNone(b.owner), by: sumOrNone(b.by), bname: of(SI, 'bname', b.site), kind: of(SI, 'kind', b.site),
      mut: of(SI, 'mut', b.site), t0: bt0, t1: plus(bt0, b.d), s0: bs0, s1: plus(bs0, b.sd), end: b.end, loc: of(SI, 'loc', b.site) },
    moves: part.moves,
  };
}

// Appends a chunk's (or the base's) instances the page does not have yet.
function appendInstances(compact) {
  const started = performance.now();
  const part = decodePart(compact);
  const pv = part.vars, pb = part.borrows, pm = part.moves;
  const touched = new Set();
  const local = (map, g) => (g < 0 || !map.has(g) ? -1 : map.get(g));
  for (let k = 0; k < pv.g.length; k++) {
    if (localVar.has(pv.g[k])) continue;
    const i = NV++;
    localVar.set(pv.g[k], i);
    for (const c in V) V[c].push(pv[c][k]);
    declOf[i] = pv.dc[k];
    laneOf[i] = 0;
    decls[pv.dc[k]].vars.push(i);
    touched.add(pv.dc[k]);
  }
  for (let k = 0; k < pb.g.length; k++) {
    if (localBorrow.has(pb.g[k])) continue;
    const i = NB++;
    localBorrow.set(pb.g[k], i);
    for (const c in B) B[c].push(c === 'owner' || c === 'by' ? local(localVar, pb[c][k]) : pb[c][k]);
    push(asOwner, B.owner[i], i);
    push(asBorrower, B.by[i], i);
  }
  for (let k = 0; k < pm.g.length; k++) {
    if (localMove.has(pm.g[k])) continue;
    const i = NM++;
    localMove.set(pm.g[k], i);
    for (const c in M) M[c].push(c === 'from' || c === 'to' ? local(localVar, pm[c][k]) : pm[c][k]);
    push(movesOf, M.from[i], i);
    push(movesOf, M.to[i], i);
  }
  for (const d of touched) layoutDecl(decls[d]);
  return performance.now() - started;
}

if (AGG) {
  appendInstances(AGG.base);
  Object.assign(base, { nv: NV, nb: NB, nm: NM });
  // Findings name instances by their index in the whole trace.
  for (const f of D.findings) {
    f.vars = f.vars.map((g) => localVar.get(g)).filter((v) => v !== undefined);
    f.borrows = f.borrows.map((g) => localBorrow.get(g)).filter((b) => b !== undefined);
  }
  indexFindings();
  window.borrowscopeChunk = (token, c, part) => {
    if (token !== CHUNK.token || !(c >= 0 && c < CHUNK.n) || chunkState[c] === 2) return;
    agg.worstChunkMs = Math.max(agg.worstChunkMs, appendInstances(part));
    chunkState[c] = 2;
    chunkPart.set(c, part);
    agg.chunksIn++;
  };
}

// Back to the page's own instances plus the chunks on screen (and the
// selected instance's).
function evictChunks() {
  const started = performance.now();
  const keep = [...chunkPart.keys()].filter((c) => chunkUse[c] === useClock);
  const selected = state.selected >= base.nv ? V.g[state.selected] : -1;
  if (selected >= 0) {
    const c = chunkAt(X.v0[state.selected]);
    if (chunkPart.has(c) && !keep.includes(c)) keep.push(c);
  }
  for (const c of [...chunkPart.keys()]) if (!keep.includes(c)) { chunkPart.delete(c); chunkState[c] = 0; }
  for (const c in V) V[c].length = base.nv;
  for (const c in B) B[c].length = base.nb;
  for (const c in M) M[c].length = base.nm;
  NV = base.nv; NB = base.nb; NM = base.nm;
  declOf.length = laneOf.length = base.nv;
  // The indexes again, for the page's own instances (few).
  for (const map of [localVar, localBorrow, localMove, asOwner, asBorrower, movesOf]) map.clear();
  for (let i = 0; i < NV; i++) localVar.set(V.g[i], i);
  for (let i = 0; i < NB; i++) { localBorrow.set(B.g[i], i); push(asOwner, B.owner[i], i); push(asBorrower, B.by[i], i); }
  for (let i = 0; i < NM; i++) { localMove.set(M.g[i], i); push(movesOf, M.from[i], i); push(movesOf, M.to[i], i); }
  for (const d of decls) { d.vars = d.vars.filter((v) => v < base.nv); layoutDecl(d); }
  for (const c of keep) appendInstances(chunkPart.get(c));
  state.hover = null;
  if (selected >= 0) {
    state.selected = localVar.has(selected) ? localVar.get(selected) : -1;
    showDetails();
  }
  agg.evictions++;
  agg.worstEvictMs = Math.max(agg.worstEvictMs || 0, performance.now() - started);
}

function loadChunk(c) {
  if (!CHUNK.href) { // written to stdout or a pipe: no chunks
    chunkState[c] = 3; agg.missing = true;
    $('bs-hint').textContent = 'This page was written without its chunk directory: the summary only';
    return;
  }
  chunkState[c] = 1;
  agg.loading++;
  const s = document.createElement('script');
  s.src = encodeURIComponent(CHUNK.href) + '/c' + String(c).padStart(5, '0') + '.js';
  const done = () => {
    if (chunkState[c] === 1) { // absent, or of another export
      chunkState[c] = 3; agg.missing = true;
      $('bs-hint').textContent = 'Instances are not available here: ' + CHUNK.href + '/ is missing or belongs to another export (the summary still is)';
    }
    s.remove();
    if (--agg.loading === 0) {
      if (chunkPart.size > MAX_CHUNKS_IN) evictChunks();
      buildRows();
      draw(); // at once, not at the next animation frame
      const waiting = agg.waiting.splice(0);
      for (const f of waiting) f();
    }
  };
  s.onload = done;
  s.onerror = done;
  document.head.append(s);
}
// Calls f once no chunk is loading.
function whenLoaded(f) { if (agg.loading) agg.waiting.push(f); else f(); }

// The time window (chunk) at axis position u.
function chunkAt(u) {
  const bounds = X.mode === 'real' ? CHUNK.t : CHUNK.s;
  let lo = 0, hi = CHUNK.n - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (bounds[mid] <= u) lo = mid; else hi = mid - 1; }
  return lo;
}

// Before each frame: instances (their windows are in) or aggregates.
function aggPrepare() {
  const before = agg.detail;
  computeDetail();
  if (before !== agg.detail && !agg.missing)
    $('bs-hint').textContent = agg.detail ? HINT_DETAIL : HINT_SUMMARY;
}
const HINT_SUMMARY = 'Summary by declaration: zoom in (Ctrl+wheel, W) or click a strip to see its instances · click a name for its lifetimes and borrows · drag to pan';
const HINT_DETAIL = 'Instances of this stretch (zoom out for the summary) · click a bar for its events · drag to pan · N/P: next/previous finding';
function computeDetail() {
  agg.detail = false;
  if (!CHUNK.n) return;
  const a = chunkAt(Math.max(state.t0, 0)), z = chunkAt(Math.min(state.t1, X.span));
  if (z - a + 1 > DETAIL_CHUNKS || state.t1 < 0 || state.t0 > X.span) return;
  let ready = true;
  useClock++;
  for (let c = a; c <= z; c++) {
    chunkUse[c] = useClock;
    if (chunkState[c] === 0) loadChunk(c);
    if (chunkState[c] !== 2) ready = false;
  }
  agg.detail = ready;
}
const aggregated = () => AGG && !agg.detail;

// The event-order axis between the exporter's knots (real time <-> step).
function interpolate(xs, ys, x) {
  const n = xs.length;
  if (!n) return 0;
  if (x <= xs[0]) return ys[0];
  if (x >= xs[n - 1]) return ys[n - 1];
  let lo = 0, hi = n - 1;
  while (hi - lo > 1) { const mid = (lo + hi) >> 1; if (xs[mid] <= x) lo = mid; else hi = mid; }
  return xs[hi] === xs[lo] ? ys[lo] : ys[lo] + (ys[hi] - ys[lo]) * (x - xs[lo]) / (xs[hi] - xs[lo]);
}
const knotStep = (t) => interpolate(AGG.knots.t, AGG.knots.s, t);
const knotTime = (u) => interpolate(AGG.knots.s, AGG.knots.t, u);

// ---- Heat strips ----------------------------------------------------------
const heatMax = AGG ? { real: AGG.heat.real.map((h) => Math.max(1, ...h)), steps: AGG.heat.steps.map((h) => Math.max(1, ...h)) } : null;
const heatOf = (d) => (X.mode === 'real' ? AGG.heat.real : AGG.heat.steps)[d];
const binWidth = () => X.span / AGG.bins;

// A density strip: per bin, a column as tall as the instances alive then
// (relative to the declaration's busiest bin), on a faint band where any
// are alive.
function drawHeat(r) {
  const row = rows[r];
  if (row.lane) return;
  const dd = decls[row.decl], d = dd.agg, heat = heatOf(d), max = (X.mode === 'real' ? heatMax.real : heatMax.steps)[d];
  const w = binWidth(), by = rowTop(r) + (ROW_H - BAR_H) / 2;
  const k0 = Math.max(0, Math.floor(state.t0 / w)), k1 = Math.min(AGG.bins - 1, Math.floor(state.t1 / w));
  const band = new Path2D(), bars = new Path2D();
  for (let k = k0; k <= k1; k++) {
    const n = heat[k];
    if (!n) continue;
    const x0 = Math.max(xOf(k * w), GUTTER - 2), x1 = Math.max(xOf((k + 1) * w), x0 + 1);
    const h = Math.max(2, BAR_H * n / max);
    band.rect(x0, by, x1 - x0, BAR_H);
    bars.rect(x0, by + BAR_H - h, x1 - x0, h);
  }
  ctx.fillStyle = COLORS.life; ctx.fill(band);
  ctx.fillStyle = dd.finding ? '#b91c1c' : '#475569'; ctx.fill(bars);
  drawCallSites(r, row.decl, by);
  frame.heat++;
}

// Borrows by calls (and returns, stores) of this owner: named under its
// strip, with their count.
function drawCallSites(r, d, by) {
  const A = AGG.sites;
  let x = W - 8;
  ctx.font = '600 10px ui-monospace, SFMono-Regular, Menlo, monospace'; ctx.textAlign = 'right';
  for (let i = 0; i < A.n.length; i++) {
    if (A.owner[i] !== d || A.by[i] >= 0) continue;
    const text = '⟵ ' + siteBorrower(i) + ' ×' + A.n[i];
    ctx.fillStyle = '#fff'; ctx.globalAlpha = 0.85;
    const tw = ctx.measureText(text).width;
    ctx.fillRect(x - tw - 4, by + 1, tw + 8, BAR_H - 2);
    ctx.globalAlpha = 1;
    ctx.fillStyle = MUT_COLOR[A.mut[i]];
    ctx.fillText(text, x, by + BAR_H / 2 + 0.5);
    x -= tw + 14;
    if (x < GUTTER + 100) break;
  }
}

// One arrow per borrow site (borrower declaration to owner), labelled with
// its count: the first screen of a loop of 33 000 iterations draws one.
function drawSiteArrows(first, last) {
  const A = AGG.sites;
  const landed = new Map();
  for (let i = 0; i < A.n.length; i++) {
    if (A.by[i] < 0 || A.owner[i] < 0) continue;
    const rb = rowOfDecl[A.by[i]], ro = rowOfDecl[A.owner[i]];
    if (rb < 0 || ro < 0 || rb === ro || (rb < first && ro < first) || (rb > last && ro > last)) continue;
    // Where the site first borrowed, or in the first free place from the left.
    const n = landed.get(ro) || 0;
    landed.set(ro, n + 1);
    let x = Math.max(xOf(X.mode === 'real' ? A.first[i] : A.sfirst[i]), GUTTER + 16 + n * 86);
    if (x > W - 60) continue;
    const y0 = rowTop(rb) + ROW_H / 2;
    arrow(x, y0, rowTop(ro) + ROW_H / 2, MUT_COLOR[A.mut[i]], 1.8, 0.9);
    ctx.fillStyle = MUT_COLOR[A.mut[i]]; ctx.font = '600 10px ui-monospace, SFMono-Regular, Menlo, monospace';
    ctx.textAlign = 'left';
    ctx.fillText('×' + A.n[i], x + 6, y0 + (ro > rb ? -8 : 8));
    frame.arrows++;
  }
}

// ---- Words ------------------------------------------------------------------
const distText = (A, i) => 'min ' + fmt(A.min[i]) + ' · median ' + fmt(A.med[i]) + ' · p90 ' + fmt(A.p90[i]) + ' · max ' + fmt(A.max[i]);
function siteBorrower(i) {
  const A = AGG.sites;
  if (A.by[i] >= 0) return str(decls[A.by[i]].name);
  const name = str(A.bname[i]);
  return A.kind[i] === 1 ? calleeLabel(name) : A.kind[i] === 2 ? 'return' : name;
}
function siteText(i) {
  const A = AGG.sites, o = A.owner[i];
  const owner = o >= 0 ? str(decls[o].name) : '?';
  return siteBorrower(i) + ' → ' + owner + '  ' + MUT[A.mut[i]] + ' ' + KIND[A.kind[i]] + '  ' + lineOf(str(A.loc[i])) + '  ×' + A.n[i];
}

function heatTip(h) {
  const d = decls[h.decl], a = d.agg, A = AGG.decls, w = binWidth();
  const n = heatOf(a)[h.bin];
  return str(d.name) + ': ' + (str(d.type) || '?') + '\n' + str(d.fn) + ' · ' + str(d.loc) +
    '\n×' + A.n[a] + ' instances, lifetimes ' + distText(A, a) +
    '\n' + n + ' alive from ' + fmt(timeAt(h.bin * w)) + ' to ' + fmt(timeAt((h.bin + 1) * w)) +
    (CHUNK.href ? '\nclick to zoom in to these instances' : '');
}

// Zooms to the window of axis position u, so that its instances load.
function expandAt(u) {
  const c = chunkAt(u), bounds = X.mode === 'real' ? CHUNK.t : CHUNK.s;
  const a = bounds[c], z = Math.min(bounds[c + 1], X.span + 1), w = Math.max(z - a, 2);
  state.t0 = a - w * 0.05; state.t1 = z + w * 0.05;
  redraw();
}

function selectDecl(d) {
  clearFinding();
  state.selected = -1;
  state.decl = d;
  showDetails();
  redraw();
}

// The details of a declaration: what it aggregates, its borrow sites.
function declDetails(box, d) {
  const dd = decls[d], A = AGG.decls, a = dd.agg;
  const h = el('h2', null, str(dd.name));
  h.id = 'bs-decl-name';
  box.append(h, el('div', 'type', str(dd.type) || '(type unknown)'));
  const dl = el('dl');
  const item = (k, val, mono, id) => { const dd_ = el('dd', mono ? 'mono' : null, val); if (id) dd_.id = id; dl.append(el('dt', null, k), dd_); };
  item('function', str(dd.fn) || '?', true);
  item('thread', D.threads[dd.th].id + ' · ' + D.threads[dd.th].name);
  item('declared', str(dd.loc) || '?', true);
  item('instances', String(A.n[a]), false, 'bs-decl-count');
  item('lifetimes', distText(A, a), false, 'bs-decl-life');
  item('first', fmt(A.first[a]));
  box.append(dl);
  const go = el('button', 'link', CHUNK.href ? 'Show its first instances' : 'Zoom to its first instance');
  go.id = 'bs-decl-expand';
  go.onclick = () => expandAt(X.mode === 'real' ? A.first[a] : A.sfirst[a]);
  box.append(go);
  sitesTable(box, (i) => AGG.sites.owner[i] === d || AGG.sites.by[i] === d, 'Borrows');
}

function sitesTable(box, keep, title) {
  const A = AGG.sites, list = [];
  for (let i = 0; i < A.n.length && list.length < 60; i++) if (keep(i)) list.push(i);
  box.append(el('h3', null, title + ' (per site: count, durations)'));
  if (!list.length) { box.append(el('p', 'muted', 'None.')); return; }
  const table = el('table', 'events');
  table.id = 'bs-sites';
  for (const i of list) {
    const tr = el('tr');
    const kind = el('td', 'kind');
    kind.append(el('span', 'tag ' + (A.mut[i] === 3 ? 'move-borrow' : MUT[A.mut[i]]), '×' + A.n[i]));
    tr.append(kind, el('td', null, siteText(i)));
    const more = el('tr');
    const td = el('td', 'loc', distText(A, i));
    td.colSpan = 2;
    more.append(td);
    tr.onclick = more.onclick = () => expandAt(X.mode === 'real' ? A.first[i] : A.sfirst[i]);
    table.append(tr, more);
  }
  box.append(table);
}

function aggOverview(box) {
  const p = el('div', 'empty-state');
  p.append(el('h2', null, 'Summary by declaration'));
  const lines = [
    ['This trace has ' + D.counts.variables + ' variable instances', ': each row is a declaration (a name at a line in a function) with its instance count (×N); its strip is darker where more of them are alive.'],
    ['Arrows', ' are borrow sites, one per borrower and owner, with their count.'],
    ['Zoom in', ' (Ctrl+wheel, W) or click a strip to see the instances themselves; click a name for the declaration\'s lifetimes and borrows.'],
  ];
  for (const [b, t] of lines) { const q = el('p'); q.append(el('b', null, b), document.createTextNode(t)); p.append(q); }
  if (!CHUNK.href) p.append(el('p', 'notice', 'This page was written without its chunk directory (to stdout or a pipe): only these summaries and the instances that findings name are available.'));
  box.append(p);
  sitesTable(box, () => true, 'Borrow sites');
}
