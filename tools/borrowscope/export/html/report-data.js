// BorrowScope HTML report, part 1 of 6: the data (decoding, indexes, rows,
// the time axis, the view state). The parts share one scope: HtmlExport.cpp
// joins report-data.js, report-aggregate.js, report-timeline.js,
// report-panels.js, report-findings.js and report-selftest.js, in that
// order, inside one strict function.
//
// The report: a canvas timeline of variable lifetimes and
// borrows per thread and function. Names from the trace only ever reach the
// DOM through textContent (never innerHTML), and the canvas draws text as
// pixels, so no name can become markup.
//
// URL fragment options: #select=NAME selects the first variable named NAME
// (aggregated pages: its declaration);
// #finding=N shows the Nth finding (from 1);
// #selftest runs the checks of test/tool/browser and writes the results into
// <pre id="bs-selftest">; #perf adds frame timings to the self-test.
const started = performance.now();
const D = JSON.parse(document.getElementById('bs-data').textContent);
const S = D.strings;
// Large traces come aggregated (report-aggregate.js): the instances arrive in
// chunks, appended to these columns (their indices into the whole trace in g).
const AGG = D.agg || null;
const columns = (names) => Object.fromEntries(names.split(' ').map((n) => [n, []]));
const V = D.vars || columns('g id name type fn loc dloc th t0 t1 s0 s1 fl dc');
const B = D.borrows || columns('g owner by bname kind mut t0 t1 s0 s1 end loc');
const M = D.moves || columns('g from to toname t s loc th');
let NV = V.id.length, NB = B.owner.length, NM = M.from.length;
const KIND = ['variable', 'call', 'return', 'escape', 'unknown'];
const MUT = ['shared', 'mut', 'unknown', 'move']; // lib/Event.h Mutability
// lib/OwnershipModel.h BorrowEnd, in its order.
const END = ['until the borrower dropped', 'until the borrower was reassigned',
  'while the callee ran', 'instant (the callee recorded nothing)',
  'until the owner dropped', 'still active when the trace ends',
  'until the last use of the borrower', 'until its memory was freed',
  'never used (ends as it is taken)'];
const F_CREATED = 1, F_DROPPED = 2, F_UNWOUND = 4, F_MOVED = 8, F_ABANDONED = 32;
const COLORS = {
  shared: '#2563eb', mut: '#dc2626', unknown: '#9333ea', move: '#d97706', moveBorrow: '#ea580c',
  life: '#cbd5e1', lifeEdge: '#94a3b8', lifeHover: '#94a3b8', ink: '#0f172a',
  muted: '#64748b', grid: '#f1f5f9', gridStrong: '#e2e8f0', finding: '#ef4444',
  threadBand: '#e2e8f0', fnBand: '#f8fafc', runtime: '#94a3b8',
};
const MUT_COLOR = [COLORS.shared, COLORS.mut, COLORS.unknown, COLORS.moveBorrow];
const ROW_H = 24, AXIS_H = 30, GUTTER = 230, BAR_H = 14;

const $ = (id) => document.getElementById(id);
const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};
const str = (i) => S[i];
const fileOf = (loc) => {
  const m = /^(.*):\d+:\d+$/.exec(loc);
  return m ? m[1] : '';
};
// "std::vector<Book, std::allocator<Book>>::push_back(Book const&)" ->
// "std::vector<…>::push_back(…)", as lib/Names.cpp does for the report.
function shortName(name) {
  let out = '', depth = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    let open = c === '<' || c === '(', close = c === '>' || c === ')';
    if ((open || close) && depth === 0 && name.slice(Math.max(0, i - 8), i) === 'operator') { out += c; continue; }
    if (c === '>' && name[i - 1] === '-') close = false;
    if (open) {
      if (depth++ === 0) { out += c; if (name[i + 1] !== ')' && name[i + 1] !== '>') out += '…'; }
      continue;
    }
    if (close && depth > 0) { if (--depth === 0) out += c; continue; }
    if (depth === 0) out += c;
  }
  return depth === 0 ? out : name;
}
const calleeLabel = (name) => { const s = shortName(name); return s.includes('(') ? s : s + '()'; };
const lineOf = (loc) => {
  const m = /:(\d+:\d+)$/.exec(loc);
  return m ? m[1] : loc;
};

// ---- Time formatting ----------------------------------------------------
function fmt(ns) {
  const a = Math.abs(ns);
  if (a < 1000) return Math.round(ns) + ' ns';
  const units = [['µs', 1e3], ['ms', 1e6], ['s', 1e9]];
  let u = units[0];
  for (const x of units) if (a >= x[1] * 0.9995) u = x;
  const v = ns / u[1];
  const d = Math.abs(v) < 9.995 ? 2 : Math.abs(v) < 99.95 ? 1 : 0;
  return v.toFixed(d) + ' ' + u[0];
}

// ---- The runtime's own time ----------------------------------------------
// When the runtime held a thread up writing the trace (D.runtime.spans:
// [thread index, start, end, ...]). Durations shown leave it out, as the
// report does, unless the page was exported with --count-runtime.
const RT = D.threads.map(() => ({ s: [], e: [], before: [0] }));
{
  const a = (D.runtime && D.runtime.spans) || [];
  for (let i = 0; i + 2 < a.length; i += 3) {
    const p = RT[a[i]];
    if (!p) continue;
    p.s.push(a[i + 1]); p.e.push(a[i + 2]);
    p.before.push(p.before[p.before.length - 1] + a[i + 2] - a[i + 1]);
  }
}
function runtimeUpTo(th, t) { // ns of thread th's spans before time t
  const p = RT[th];
  if (!p) return 0;
  let lo = 0, hi = p.s.length; // the first span starting after t
  while (lo < hi) { const mid = (lo + hi) >> 1; if (p.s[mid] <= t) lo = mid + 1; else hi = mid; }
  return lo === 0 ? 0 : p.before[lo - 1] + Math.min(t, p.e[lo - 1]) - p.s[lo - 1];
}
const runtimeWithin = (th, t0, t1) => runtimeUpTo(th, t1) - runtimeUpTo(th, t0);
// How long [t0, t1] on thread th took the program, and the runtime's part.
function ownTime(th, t0, t1) {
  const r = D.runtime && D.runtime.counted ? 0 : runtimeWithin(th, t0, t1);
  return r ? fmt(t1 - t0 - r) + ' (and ' + fmt(r) + ' of the runtime writing the trace)' : fmt(t1 - t0);
}
// A borrow's: on the thread of its holder (of its owner if it has none).
const borrowTime = (b) => ownTime(V.th[B.by[b] >= 0 ? B.by[b] : B.owner[b]], B.t0[b], B.t1[b]);

// ---- Indexes ------------------------------------------------------------
const findingsOfVar = new Map();
function indexFindings() {
  D.findings.forEach((f, i) => f.vars.forEach((v) => {
    if (!findingsOfVar.has(v)) findingsOfVar.set(v, []);
    findingsOfVar.get(v).push(i);
  }));
}
if (!AGG) indexFindings(); // aggregated: once their instances are in
// Borrows and moves per variable, for the details panel.
const asOwner = new Map(), asBorrower = new Map(), movesOf = new Map();
const push = (map, k, v) => { if (k < 0) return; let a = map.get(k); if (!a) map.set(k, a = []); a.push(v); };
for (let i = 0; i < NB; i++) { push(asOwner, B.owner[i], i); push(asBorrower, B.by[i], i); }
for (let i = 0; i < NM; i++) { push(movesOf, M.from[i], i); push(movesOf, M.to[i], i); }

// ---- Rows: thread > function > declaration (one lane per overlap) -------
// A "declaration" is a name at a location in a function on a thread; its
// instances (loop iterations, recursion) share a row, overlapping ones
// (recursion) get extra lanes.
const decls = [];
const declOf = [], laneOf = [];
// Sorts a declaration's instances by start and gives each a lane.
function layoutDecl(d) {
  d.vars.sort((a, b) => V.t0[a] - V.t0[b] || a - b);
  const ends = [];
  for (const v of d.vars) {
    let lane = ends.findIndex((e) => e <= V.t0[v]);
    if (lane < 0) { lane = ends.length; ends.push(0); }
    ends[lane] = Math.max(V.t1[v], V.t0[v] + 1);
    laneOf[v] = lane;
  }
  d.lanes = Math.max(ends.length, 1);
  if (!AGG) d.finding = d.vars.some((v) => findingsOfVar.has(v));
}
if (AGG) { // the exporter's declarations; their instances come later
  const A = AGG.decls;
  for (let d = 0; d < A.n.length; d++)
    decls.push({ th: A.th[d], fn: A.fn[d], name: A.name[d], loc: A.loc[d], type: A.type[d], vars: [], lanes: 1, finding: A.fd[d] === 1, agg: d });
} else {
  const key = new Map();
  for (let i = 0; i < NV; i++) {
    const k = V.th[i] + ' ' + V.fn[i] + ' ' + V.name[i] + ' ' + V.loc[i];
    let d = key.get(k);
    if (d === undefined) {
      d = decls.length;
      key.set(k, d);
      decls.push({ th: V.th[i], fn: V.fn[i], name: V.name[i], loc: V.loc[i], type: V.type[i], vars: [], lanes: 1 });
    }
    declOf[i] = d;
    decls[d].vars.push(i);
  }
  for (const d of decls) layoutDecl(d);
}
// Threads and their functions in order of appearance.
const threadFns = D.threads.map(() => []);
{
  const seen = new Set();
  decls.forEach((d, i) => {
    const k = d.th + ' ' + d.fn;
    if (!seen.has(k)) { seen.add(k); threadFns[d.th].push({ fn: d.fn, decls: [] }); }
    threadFns[d.th].find((f) => f.fn === d.fn).decls.push(i);
  });
}

// ---- The x axis: real time, or event order ------------------------------------
// In event order every distinct timestamp gets the same width: programs
// spend most of their time in code without events (I/O, libraries), which
// in real time squeezes the interesting moments into a few pixels. X holds
// the positions in the current mode; V, B and M keep the real times.
const X = { v0: V.t0, v1: V.t1, b0: B.t0, b1: B.t1, m: M.t, span: 1, mode: 'real' };
let stepTimes = null; // distinct timestamps, ascending (event order mode)
function stepIndex(t) { // the step of time t (the last one at or before it)
  let lo = 0, hi = stepTimes.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (stepTimes[mid] <= t) lo = mid; else hi = mid - 1; }
  return lo;
}
function setTimeMode(mode) {
  X.mode = mode;
  if (AGG) { // the exporter placed every instance on both axes
    if (mode === 'real') Object.assign(X, { v0: V.t0, v1: V.t1, b0: B.t0, b1: B.t1, m: M.t, span: Math.max(D.duration, 1) });
    else Object.assign(X, { v0: V.s0, v1: V.s1, b0: B.s0, b1: B.s1, m: M.s, span: AGG.steps });
    return;
  }
  if (mode === 'real') {
    Object.assign(X, { v0: V.t0, v1: V.t1, b0: B.t0, b1: B.t1, m: M.t, span: Math.max(D.duration, 1) });
  } else {
    if (!stepTimes) {
      const all = new Float64Array(2 * NV + 2 * NB + NM + 1);
      let n = 0;
      for (const a of [V.t0, V.t1, B.t0, B.t1, M.t]) for (let i = 0; i < a.length; i++) all[n++] = a[i];
      all[n++] = 0;
      all.sort();
      let u = 0;
      for (let i = 0; i < n; i++) if (i === 0 || all[i] !== all[u - 1]) all[u++] = all[i];
      stepTimes = all.slice(0, u);
    }
    const map = (a) => { const out = new Float64Array(a.length); for (let i = 0; i < a.length; i++) out[i] = stepIndex(a[i]); return out; };
    Object.assign(X, { v0: map(V.t0), v1: map(V.t1), b0: map(B.t0), b1: map(B.t1), m: map(M.t), span: Math.max(stepTimes.length - 1, 1) });
  }
}
const toX = (t) => X.mode === 'real' ? t : AGG ? knotStep(t) : stepIndex(t); // real time -> axis
// A time the exporter also placed in event order (findings: st, ss).
const axisOf = (t, s) => AGG && X.mode !== 'real' && s !== undefined ? s : toX(t);
const timeAt = (u) => { // axis -> real time, for labels
  if (X.mode === 'real') return u;
  if (AGG) return knotTime(u);
  const k = Math.min(Math.max(Math.round(u), 0), stepTimes.length - 1);
  return stepTimes[k];
};

// ---- View state -----------------------------------------------------------
const state = {
  filter: '', fn: '', file: '', thread: '',
  collapsed: new Set(),       // "thread fn" keys of folded functions
  t0: 0, t1: 1,               // visible range on the x axis (see X)
  scrollY: 0,
  selected: -1,               // variable index
  decl: -1,                   // aggregated: the declaration shown
  finding: -1,                // the finding shown (report-findings.js)
  marked: [],                 // its variables, the owner first
  hover: null,                // {kind, index}
};
const isMarked = (v) => v === state.selected || state.marked.includes(v);
let rows = [];        // visible rows: {kind, th, fn, decl, lane, label}
let rowOfVar = new Int32Array(NV).fill(-1);
const rowOfDecl = new Int32Array(decls.length).fill(-1); // its first row

function declVisible(d) {
  const dd = decls[d];
  if (state.thread !== '' && String(dd.th) !== state.thread) return false;
  if (state.fn !== '' && String(dd.fn) !== state.fn) return false;
  if (state.file !== '' && fileOf(str(dd.loc)) !== state.file) return false;
  if (state.filter && !str(dd.name).toLowerCase().includes(state.filter)) return false;
  return true;
}

function buildRows() {
  rows = [];
  if (rowOfVar.length !== NV) rowOfVar = new Int32Array(NV);
  rowOfVar.fill(-1);
  rowOfDecl.fill(-1);
  D.threads.forEach((t, th) => {
    const fns = threadFns[th].map((f) => ({ fn: f.fn, decls: f.decls.filter(declVisible) }))
      .filter((f) => f.decls.length);
    if (!fns.length) return;
    rows.push({ kind: 'thread', th, label: 'Thread ' + t.id + ' · ' + t.name });
    for (const f of fns) {
      const k = th + ' ' + f.fn;
      const folded = state.collapsed.has(k);
      rows.push({ kind: 'fn', th, fn: f.fn, key: k, folded, count: f.decls.length, decls: f.decls, frames: [] });
      if (folded) continue;
      for (const d of f.decls) {
        for (let lane = 0; lane < decls[d].lanes; lane++) {
          const r = rows.length;
          if (!lane) rowOfDecl[d] = r;
          rows.push({ kind: 'var', th, fn: f.fn, decl: d, lane, vars: [], spans: [], lends: [], moves: [], maxSpan: 0, maxLend: 0, maxLife: 0 });
          for (const v of decls[d].vars) if (laneOf[v] === lane) { rowOfVar[v] = r; rows[r].vars.push(v); }
        }
      }
    }
  });
  // Borrow spans: on the borrower's row when the borrower is a variable,
  // else (calls, returns, escapes) under the owner's bar.
  for (let i = 0; i < NB; i++) {
    const by = B.by[i];
    if (by >= 0 && rowOfVar[by] >= 0) rows[rowOfVar[by]].spans.push(i);
    else if (by < 0 && rowOfVar[B.owner[i]] >= 0) rows[rowOfVar[B.owner[i]]].lends.push(i);
  }
  for (let i = 0; i < NM; i++) if (rowOfVar[M.from[i]] >= 0) rows[rowOfVar[M.from[i]]].moves.push(i);
  for (const r of rows) {
    if (r.kind !== 'var') continue;
    r.spans.sort((a, b) => B.t0[a] - B.t0[b]);
    r.lends.sort((a, b) => B.t0[a] - B.t0[b]);
  }
  measureRows();
  clampScroll();
}

// The longest item per row on the current axis, for culling; and for
// function rows, when the function had live variables (merged intervals).
function measureRows() {
  for (const r of rows) {
    if (r.kind === 'fn') {
      const iv = [];
      for (const d of r.decls) for (const v of decls[d].vars) iv.push([X.v0[v], X.v1[v]]);
      iv.sort((a, b) => a[0] - b[0]);
      r.frames = [];
      for (const [a, b] of iv) {
        const last = r.frames[r.frames.length - 1];
        if (last && a <= last[1]) last[1] = Math.max(last[1], b); else r.frames.push([a, b]);
      }
      continue;
    }
    if (r.kind !== 'var') continue;
    r.maxLife = r.maxSpan = r.maxLend = 0;
    for (const v of r.vars) r.maxLife = Math.max(r.maxLife, X.v1[v] - X.v0[v]);
    for (const b of r.spans) r.maxSpan = Math.max(r.maxSpan, X.b1[b] - X.b0[b]);
    for (const b of r.lends) r.maxLend = Math.max(r.maxLend, X.b1[b] - X.b0[b]);
  }
}
