// BorrowScope HTML report: a canvas timeline of variable lifetimes and
// borrows per thread and function. Names from the trace only ever reach the
// DOM through textContent (never innerHTML), and the canvas draws text as
// pixels, so no name can become markup.
//
// URL fragment options: #select=NAME selects the first variable named NAME;
// #selftest runs the checks of test/tool/browser and writes the results into
// <pre id="bs-selftest">; #perf adds frame timings to the self-test.
'use strict';
(function () {
  const started = performance.now();
  const D = JSON.parse(document.getElementById('bs-data').textContent);
  const S = D.strings;
  const V = D.vars, B = D.borrows, M = D.moves;
  const NV = V.id.length, NB = B.owner.length, NM = M.from.length;
  const KIND = ['variable', 'call', 'return', 'escape', 'unknown'];
  const MUT = ['shared', 'mut', 'unknown', 'move']; // lib/Event.h Mutability
  // lib/OwnershipModel.h BorrowEnd, in its order.
  const END = ['until the borrower dropped', 'until the borrower was reassigned',
    'while the callee ran', 'instant (the callee recorded nothing)',
    'until the owner dropped', 'still active when the trace ends',
    'until the last use of the borrower', 'until its memory was freed',
    'never used (ends as it is taken)'];
  const F_CREATED = 1, F_DROPPED = 2, F_UNWOUND = 4, F_MOVED = 8;
  const COLORS = {
    shared: '#2563eb', mut: '#dc2626', unknown: '#9333ea', move: '#d97706', moveBorrow: '#ea580c',
    life: '#cbd5e1', lifeEdge: '#94a3b8', lifeHover: '#94a3b8', ink: '#0f172a',
    muted: '#64748b', grid: '#f1f5f9', gridStrong: '#e2e8f0', finding: '#ef4444',
    threadBand: '#e2e8f0', fnBand: '#f8fafc',
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

  // ---- Indexes ------------------------------------------------------------
  const findingsOfVar = new Map();
  D.findings.forEach((f, i) => f.vars.forEach((v) => {
    if (!findingsOfVar.has(v)) findingsOfVar.set(v, []);
    findingsOfVar.get(v).push(i);
  }));
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
  const declOf = new Int32Array(NV);
  const laneOf = new Int32Array(NV);
  {
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
    for (const d of decls) {
      d.vars.sort((a, b) => V.t0[a] - V.t0[b] || a - b);
      const ends = [];
      for (const v of d.vars) {
        let lane = ends.findIndex((e) => e <= V.t0[v]);
        if (lane < 0) { lane = ends.length; ends.push(0); }
        ends[lane] = Math.max(V.t1[v], V.t0[v] + 1);
        laneOf[v] = lane;
      }
      d.lanes = ends.length;
      d.finding = d.vars.some((v) => findingsOfVar.has(v));
    }
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
  const toX = (t) => X.mode === 'real' ? t : stepIndex(t); // real time -> axis
  const timeAt = (u) => { // axis -> real time, for labels
    if (X.mode === 'real') return u;
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
    hover: null,                // {kind, index}
  };
  let rows = [];        // visible rows: {kind, th, fn, decl, lane, label}
  const rowOfVar = new Int32Array(NV).fill(-1);

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
    rowOfVar.fill(-1);
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

  // ---- Canvas geometry ------------------------------------------------------
  const canvas = $('bs-canvas');
  const ctx = canvas.getContext('2d');
  let W = 0, H = 0;
  function resize() {
    const box = $('bs-timeline').getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    W = Math.max(200, box.width); H = Math.max(120, box.height);
    canvas.width = Math.round(W * dpr); canvas.height = Math.round(H * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    clampScroll();
  }
  const plotW = () => W - GUTTER - 16;
  const xOf = (t) => GUTTER + (t - state.t0) / (state.t1 - state.t0) * plotW();
  const tOf = (x) => state.t0 + (x - GUTTER) / plotW() * (state.t1 - state.t0);
  const rowTop = (r) => AXIS_H + r * ROW_H - state.scrollY;
  function clampScroll() {
    const max = Math.max(0, rows.length * ROW_H - (H - AXIS_H) + ROW_H);
    state.scrollY = Math.min(Math.max(0, state.scrollY), max);
  }
  function fit() {
    const pad = X.span * 0.02;
    state.t0 = -pad; state.t1 = X.span + pad;
  }
  function zoom(factor, atX) {
    const t = tOf(atX === undefined ? GUTTER + plotW() / 2 : atX);
    const min = X.mode === 'real' ? 20 : 2;
    const span = Math.min(Math.max((state.t1 - state.t0) * factor, min), X.span * 4 + min * 50);
    const f = (t - state.t0) / (state.t1 - state.t0);
    state.t0 = t - span * f; state.t1 = state.t0 + span;
  }
  function pan(dx) {
    const dt = dx / plotW() * (state.t1 - state.t0);
    state.t0 -= dt; state.t1 -= dt;
  }

  // First index in the sorted-by-start list `ids` that may still be visible
  // at `t`: items are sorted by start and last at most `maxLen`.
  function firstVisible(ids, start, t, maxLen) {
    let lo = 0, hi = ids.length;
    const from = t - maxLen;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (start[ids[mid]] < from) lo = mid + 1; else hi = mid; }
    return lo;
  }

  // ---- Drawing --------------------------------------------------------------
  let frame = { labels: [], bars: 0, spans: 0, arrows: 0 };
  let pending = false;
  function redraw() { if (!pending) { pending = true; requestAnimationFrame(() => { pending = false; draw(); }); } }

  function roundRect(x, y, w, h, r) {
    r = Math.min(r, w / 2, h / 2);
    ctx.beginPath();
    ctx.moveTo(x + r, y); ctx.lineTo(x + w - r, y); ctx.quadraticCurveTo(x + w, y, x + w, y + r);
    ctx.lineTo(x + w, y + h - r); ctx.quadraticCurveTo(x + w, y + h, x + w - r, y + h);
    ctx.lineTo(x + r, y + h); ctx.quadraticCurveTo(x, y + h, x, y + h - r);
    ctx.lineTo(x, y + r); ctx.quadraticCurveTo(x, y, x + r, y);
    ctx.closePath();
  }

  function niceStep(span, px) {
    const target = span / Math.max(1, px / 110);
    const p = Math.pow(10, Math.floor(Math.log10(target)));
    let step = p * 10;
    for (const m of [1, 2, 5, 10]) if (p * m >= target) { step = p * m; break; }
    return X.mode === 'real' ? step : Math.max(1, Math.round(step));
  }

  function draw() {
    const t0 = performance.now();
    frame = { labels: [], bars: 0, spans: 0, arrows: 0, ms: 0 };
    ctx.clearRect(0, 0, W, H);
    ctx.font = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
    ctx.textBaseline = 'middle';
    const first = Math.max(0, Math.floor(state.scrollY / ROW_H));
    const last = Math.min(rows.length - 1, Math.ceil((state.scrollY + H - AXIS_H) / ROW_H));
    const step = niceStep(state.t1 - state.t0, plotW());

    // Row backgrounds and grid.
    for (let r = first; r <= last; r++) {
      const y = rowTop(r), row = rows[r];
      if (row.kind === 'thread') { ctx.fillStyle = COLORS.threadBand; ctx.fillRect(0, y, W, ROW_H); }
      else if (row.kind === 'fn') { ctx.fillStyle = COLORS.fnBand; ctx.fillRect(0, y, W, ROW_H); }
      else if (decls[row.decl].finding) { ctx.fillStyle = '#fef2f2'; ctx.fillRect(0, y, W, ROW_H); }
    }
    ctx.strokeStyle = COLORS.grid; ctx.lineWidth = 1;
    ctx.beginPath();
    for (let t = Math.ceil(state.t0 / step) * step; t <= state.t1; t += step) {
      const x = Math.round(xOf(t)) + 0.5;
      ctx.moveTo(x, AXIS_H); ctx.lineTo(x, H);
    }
    ctx.stroke();

    // Bars, clipped to the plot.
    ctx.save();
    ctx.beginPath(); ctx.rect(GUTTER, AXIS_H, W - GUTTER, H - AXIS_H); ctx.clip();
    for (let r = first; r <= last; r++) {
      if (rows[r].kind === 'var') drawRow(r);
      else if (rows[r].kind === 'fn') drawFrames(r);
    }
    drawArrows(first, last);
    ctx.restore();

    // Gutter labels over everything.
    ctx.fillStyle = '#fff'; ctx.fillRect(0, AXIS_H, GUTTER, H);
    for (let r = first; r <= last; r++) drawLabel(r);
    ctx.strokeStyle = COLORS.gridStrong; ctx.beginPath(); ctx.moveTo(GUTTER + 0.5, AXIS_H); ctx.lineTo(GUTTER + 0.5, H); ctx.stroke();

    drawAxis(step);
    frame.ms = performance.now() - t0;
  }

  function drawAxis(step) {
    ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, W, AXIS_H);
    ctx.strokeStyle = COLORS.gridStrong; ctx.beginPath(); ctx.moveTo(0, AXIS_H - 0.5); ctx.lineTo(W, AXIS_H - 0.5); ctx.stroke();
    ctx.fillStyle = COLORS.muted; ctx.textAlign = 'left';
    ctx.font = '11px system-ui, sans-serif';
    let previous = '', free = GUTTER;
    for (let t = Math.ceil(state.t0 / step) * step; t <= state.t1; t += step) {
      const x = xOf(t);
      if (x < GUTTER - 1) continue;
      ctx.fillRect(Math.round(x), AXIS_H - 6, 1, 6);
      // In event order several ticks can fall on one time: label it once.
      const label = fmt(timeAt(t));
      const w = ctx.measureText(label).width;
      if (label !== previous && x + 3 >= free && x + 3 + w < W - 2) {
        ctx.fillText(label, x + 3, AXIS_H - 13);
        previous = label; free = x + 3 + w + 8;
      }
    }
    ctx.fillStyle = COLORS.ink; ctx.font = '600 11px system-ui, sans-serif';
    ctx.fillText(X.mode === 'real' ? 'time since start →' : 'event order →', 12, AXIS_H - 13);
  }

  function drawLabel(r) {
    const row = rows[r], y = rowTop(r) + ROW_H / 2;
    ctx.textAlign = 'left';
    if (row.kind === 'thread') {
      ctx.fillStyle = COLORS.threadBand; ctx.fillRect(0, rowTop(r), GUTTER, ROW_H);
      ctx.fillStyle = COLORS.ink; ctx.font = '700 12px system-ui, sans-serif';
      const t = D.threads[row.th];
      ctx.fillText(clip(row.label, GUTTER - 20), 10, y);
      frame.labels.push('thread ' + t.id);
      return;
    }
    if (row.kind === 'fn') {
      ctx.fillStyle = COLORS.fnBand; ctx.fillRect(0, rowTop(r), GUTTER, ROW_H);
      ctx.fillStyle = COLORS.muted; ctx.font = '11px system-ui, sans-serif';
      ctx.fillText(row.folded ? '▸' : '▾', 12, y);
      ctx.fillStyle = COLORS.ink; ctx.font = '600 12px ui-monospace, SFMono-Regular, Menlo, monospace';
      const name = shortName(str(row.fn)) || '(unknown function)';
      ctx.fillText(clip(name, GUTTER - 70), 26, y);
      ctx.fillStyle = COLORS.muted; ctx.font = '11px system-ui, sans-serif'; ctx.textAlign = 'right';
      ctx.fillText(row.count + (row.count === 1 ? ' var' : ' vars'), GUTTER - 10, y);
      frame.labels.push('fn ' + name);
      return;
    }
    const d = decls[row.decl];
    const selected = state.selected >= 0 && declOf[state.selected] === row.decl;
    if (selected) { ctx.fillStyle = '#e0e7ff'; ctx.fillRect(0, rowTop(r), GUTTER, ROW_H); }
    const name = str(d.name);
    let x = 34;
    if (d.finding) { ctx.fillStyle = COLORS.finding; ctx.font = '700 12px system-ui, sans-serif'; ctx.fillText('⚠', 18, y); }
    ctx.fillStyle = row.lane ? COLORS.muted : COLORS.ink;
    ctx.font = (row.lane ? '' : '600 ') + '12px ui-monospace, SFMono-Regular, Menlo, monospace';
    const shown = row.lane ? '↳ ' + name : name;
    ctx.fillText(clip(shown, GUTTER - 90), x, y);
    x += Math.min(ctx.measureText(shown).width, GUTTER - 90) + 8;
    ctx.fillStyle = COLORS.muted; ctx.font = '11px ui-monospace, SFMono-Regular, Menlo, monospace';
    const line = ':' + lineOf(str(d.loc)).split(':')[0];
    const lineW = ctx.measureText(line).width;
    ctx.fillText(clip(str(d.type), Math.max(0, GUTTER - 14 - lineW - x)), x, y);
    ctx.textAlign = 'right';
    ctx.fillText(line, GUTTER - 10, y);
    frame.labels.push(name);
  }

  function clip(text, width) {
    if (width <= 0) return '';
    if (ctx.measureText(text).width <= width) return text;
    let lo = 0, hi = text.length;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (ctx.measureText(text.slice(0, mid) + '…').width <= width) lo = mid; else hi = mid - 1; }
    return text.slice(0, lo) + '…';
  }

  function drawRow(r) {
    const row = rows[r], top = rowTop(r), by = top + (ROW_H - BAR_H) / 2;
    const xEnd = W;
    // Lifetimes. Bars narrower than a pixel that fall on the pixel already
    // painted are skipped: a million instances cost as many pixels.
    let painted = -1;
    for (let k = firstVisible(row.vars, X.v0, state.t0, row.maxLife); k < row.vars.length; k++) {
      const v = row.vars[k];
      const x0 = xOf(X.v0[v]);
      if (x0 > xEnd) break;
      let x1 = xOf(X.v1[v]);
      if (x1 < GUTTER) continue;
      if (x1 - x0 < 4) { if (Math.floor(x0) <= painted) continue; x1 = x0 + 4; }
      painted = Math.floor(x1);
      const fl = V.fl[v];
      const hovered = state.hover && state.hover.kind === 'var' && state.hover.index === v;
      ctx.fillStyle = hovered ? '#b6c2d3' : COLORS.life;
      roundRect(x0, by, x1 - x0, BAR_H, 4); ctx.fill();
      ctx.strokeStyle = findingsOfVar.has(v) ? COLORS.finding : COLORS.lifeEdge;
      ctx.lineWidth = findingsOfVar.has(v) ? 2 : 1;
      ctx.stroke();
      if (fl & F_MOVED) { // moved out: hatch after the first move
        for (const m of movesOf.get(v) || []) if (M.from[m] === v) {
          const mx = xOf(X.m[m]);
          ctx.save(); roundRect(x0, by, x1 - x0, BAR_H, 4); ctx.clip();
          ctx.strokeStyle = 'rgba(217,119,6,.45)'; ctx.lineWidth = 1; ctx.beginPath();
          for (let hx = mx - BAR_H; hx < x1; hx += 5) { ctx.moveTo(hx, by + BAR_H); ctx.lineTo(hx + BAR_H, by); }
          ctx.stroke(); ctx.restore();
          break;
        }
      }
      if (!(fl & F_DROPPED)) { // never dropped: fade out at the end
        ctx.fillStyle = COLORS.muted; ctx.font = '11px system-ui, sans-serif'; ctx.textAlign = 'left';
        ctx.fillText('∞', x1 + 4, by + BAR_H / 2);
      }
      if (fl & F_UNWOUND) { ctx.fillStyle = COLORS.move; ctx.fillRect(x1 - 3, by, 3, BAR_H); }
      if (v === state.selected) {
        ctx.strokeStyle = COLORS.ink; ctx.lineWidth = 2;
        roundRect(x0 - 1.5, by - 1.5, x1 - x0 + 3, BAR_H + 3, 5); ctx.stroke();
      }
      frame.bars++;
    }
    // Borrows held by this variable: coloured inside its bar.
    painted = -1;
    for (let k = firstVisible(row.spans, X.b0, state.t0, row.maxSpan); k < row.spans.length; k++) {
      const b = row.spans[k];
      const x0 = xOf(X.b0[b]);
      if (x0 > xEnd) break;
      let x1 = xOf(X.b1[b]);
      if (x1 < GUTTER) continue;
      if (x1 - x0 < 3) { if (Math.floor(x0) <= painted) continue; x1 = x0 + 3; }
      painted = Math.floor(x1);
      ctx.fillStyle = MUT_COLOR[B.mut[b]];
      ctx.globalAlpha = dimmed(b) ? 0.35 : 0.9;
      roundRect(x0, by + 3, x1 - x0, BAR_H - 6, 3); ctx.fill();
      ctx.globalAlpha = 1;
      if (x1 - x0 > 70) {
        ctx.fillStyle = '#fff'; ctx.font = '600 10px ui-monospace, SFMono-Regular, Menlo, monospace'; ctx.textAlign = 'left';
        const label = ['&', '&mut ', '&? ', '&&'][B.mut[b]] + str(V.name[B.owner[b]]);
        ctx.fillText(clip(label, x1 - x0 - 22), Math.max(x0, GUTTER) + 16, by + BAR_H / 2 + 0.5);
      }
      frame.spans++;
    }
    // Borrows by calls, returns and stores into memory: a band under the bar.
    painted = -1;
    for (let k = firstVisible(row.lends, X.b0, state.t0, row.maxLend); k < row.lends.length; k++) {
      const b = row.lends[k];
      const x0 = xOf(X.b0[b]);
      if (x0 > xEnd) break;
      let x1 = xOf(X.b1[b]);
      if (x1 < GUTTER) continue;
      if (x1 - x0 < 3) { if (Math.floor(x0) <= painted) continue; x1 = x0 + 3; }
      painted = Math.floor(x1);
      ctx.fillStyle = MUT_COLOR[B.mut[b]];
      ctx.globalAlpha = dimmed(b) ? 0.35 : 1;
      ctx.fillRect(x0, by + BAR_H + 1, x1 - x0, 3);
      ctx.fillRect(x0, by + BAR_H - 3, 2, 7);
      ctx.globalAlpha = 1;
      if (x1 - x0 > 90) { // named at its end, inside the owner's bar
        ctx.fillStyle = MUT_COLOR[B.mut[b]]; ctx.font = '600 10px ui-monospace, SFMono-Regular, Menlo, monospace'; ctx.textAlign = 'right';
        ctx.fillText(clip('⟵ ' + lendLabel(b), x1 - x0 - 40), Math.min(x1, W) - 6, by + BAR_H / 2 + 0.5);
      }
      frame.spans++;
    }
  }

  // When the function ran (had live variables): a faint band per stretch.
  function drawFrames(r) {
    const row = rows[r], y = rowTop(r) + ROW_H / 2 - 3;
    ctx.fillStyle = '#dbe3ee';
    let painted = -1;
    for (const [a, b] of row.frames) {
      const x0 = xOf(a);
      if (x0 > W) break;
      let x1 = xOf(b);
      if (x1 < GUTTER) continue;
      if (x1 - x0 < 3) { if (Math.floor(x0) <= painted) continue; x1 = x0 + 3; }
      painted = Math.floor(x1);
      roundRect(x0, y, x1 - x0, 6, 3); ctx.fill();
    }
  }

  function lendLabel(b) {
    const name = str(B.bname[b]);
    return B.kind[b] === 1 ? calleeLabel(name) : B.kind[b] === 2 ? 'return' : name;
  }

  // With a selection, borrows that do not involve it step back.
  function dimmed(b) {
    const s = state.selected;
    return s >= 0 && B.owner[b] !== s && B.by[b] !== s;
  }

  function arrow(x, y0, y1, color, width, alpha) {
    const dir = y1 > y0 ? 1 : -1;
    const tip = y1 - dir * (BAR_H / 2);
    ctx.globalAlpha = alpha;
    ctx.strokeStyle = color; ctx.fillStyle = color; ctx.lineWidth = width;
    ctx.beginPath();
    ctx.moveTo(x, y0);
    const bend = Math.min(22, Math.abs(tip - y0) / 3 + 6);
    ctx.bezierCurveTo(x + bend, y0 + dir * 6, x + bend, tip - dir * 10, x + 1, tip - dir * 5);
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(x, tip); ctx.lineTo(x - 4, tip - dir * 6); ctx.lineTo(x + 4, tip - dir * 6); ctx.closePath(); ctx.fill();
    ctx.globalAlpha = 1;
  }

  // Arrows from each visible borrow to its owner's row, and for moves from
  // the source row to the destination row. One per pixel column per row.
  function drawArrows(first, last) {
    // Arrows landing on one owner at one spot fan out, up to four; more
    // there would only be ink (the spans themselves still show).
    const landed = new Map();
    const fan = (row, x) => {
      const k = row * 65536 + Math.floor(x / 6);
      const n = landed.get(k) || 0;
      landed.set(k, n + 1);
      return n < 4 ? n * 7 : -1;
    };
    for (let r = first; r <= last; r++) {
      const row = rows[r];
      if (row.kind !== 'var') continue;
      const y0 = rowTop(r) + ROW_H / 2;
      let lastX = -1;
      for (let k = firstVisible(row.spans, X.b0, state.t0, 0); k < row.spans.length; k++) {
        const b = row.spans[k];
        const x = xOf(X.b0[b]);
        if (x > W) break;
        // At most one arrow per 8 pixels of a row: denser is a smear.
        if (x < GUTTER || Math.floor(x / 8) === lastX) continue;
        const ro = rowOfVar[B.owner[b]];
        if (ro < 0 || ro === r) continue;
        lastX = Math.floor(x / 8);
        const y1 = rowTop(ro) + ROW_H / 2;
        const on = state.selected >= 0 && !dimmed(b);
        const dx = fan(ro, x);
        if (dx < 0) continue;
        arrow(x + 4 + dx, y0, y1, MUT_COLOR[B.mut[b]], on ? 2 : 1.4, dimmed(b) ? 0.18 : 0.9);
        frame.arrows++;
      }
      lastX = -1;
      for (const m of row.moves) {
        const x = xOf(X.m[m]);
        if (x < GUTTER || x > W || Math.floor(x / 8) === lastX) continue;
        const rt = M.to[m] >= 0 ? rowOfVar[M.to[m]] : -1;
        if (rt < 0 || rt === r) continue;
        lastX = Math.floor(x / 8);
        const dx = fan(rt, x);
        if (dx < 0) continue;
        arrow(x + 4 + dx, y0, rowTop(rt) + ROW_H / 2, COLORS.move, 2.5, 0.95);
        frame.arrows++;
      }
    }
  }

  // ---- Hit testing ------------------------------------------------------------
  function hit(x, y) {
    if (y < AXIS_H) return null;
    const r = Math.floor((y - AXIS_H + state.scrollY) / ROW_H);
    if (r < 0 || r >= rows.length) return null;
    const row = rows[r];
    if (row.kind !== 'var') return { kind: row.kind, row: r };
    if (x < GUTTER) return { kind: 'label', row: r, index: row.vars[0] };
    const t = tOf(x), slack = 4 / plotW() * (state.t1 - state.t0);
    const top = rowTop(r), by = top + (ROW_H - BAR_H) / 2;
    if (y > by + BAR_H) for (const b of row.lends) if (X.b0[b] - slack <= t && t <= X.b1[b] + slack) return { kind: 'lend', row: r, index: b };
    for (let k = firstVisible(row.spans, X.b0, t, row.maxSpan + slack); k < row.spans.length && X.b0[row.spans[k]] - slack <= t; k++) {
      const b = row.spans[k];
      if (t <= X.b1[b] + slack && y > by + 2 && y < by + BAR_H - 2) return { kind: 'span', row: r, index: b };
    }
    let best = null, bestD = Infinity;
    for (let k = firstVisible(row.vars, X.v0, t, row.maxLife + slack); k < row.vars.length && X.v0[row.vars[k]] - slack <= t; k++) {
      const v = row.vars[k];
      if (t > X.v1[v] + slack) continue;
      const d = t < X.v0[v] ? X.v0[v] - t : t > X.v1[v] ? t - X.v1[v] : 0;
      if (d < bestD) { best = v; bestD = d; }
    }
    return best === null ? { kind: 'empty', row: r } : { kind: 'var', row: r, index: best };
  }

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
      list.push({ t: B.t0[b], kind: 'Borrowed', cls: tagClass(b), text: 'by ' + by + ' (' + MUT[B.mut[b]] + ', ' + KIND[B.kind[b]] + '), ' + fmt(B.t1[b] - B.t0[b]) + ' ' + END[B.end[b]], loc: str(B.loc[b]), b });
    }
    const ownerText = (o) => name(o) + elsewhere(o);
    for (const b of asBorrower.get(v) || [])
      list.push({ t: B.t0[b], kind: 'Borrows', cls: tagClass(b), text: ownerText(B.owner[b]) + ' (' + MUT[B.mut[b]] + '), ' + fmt(B.t1[b] - B.t0[b]) + ' ' + END[B.end[b]], loc: str(B.loc[b]), b });
    for (const m of movesOf.get(v) || []) {
      if (M.from[m] === v) list.push({ t: M.t[m], kind: 'Move', cls: 'move', text: 'moved to ' + (M.to[m] >= 0 ? name(M.to[m]) : str(M.toname[m])), loc: str(M.loc[m]) });
      else list.push({ t: M.t[m], kind: 'Move', cls: 'move', text: 'moved from ' + name(M.from[m]), loc: str(M.loc[m]) });
    }
    if (V.fl[v] & F_DROPPED) list.push({ t: V.t1[v], kind: 'Drop', cls: 'drop', text: (V.fl[v] & F_UNWOUND) ? 'dropped by exception unwinding' : 'dropped', loc: str(V.dloc[v]) });
    list.sort((a, b) => a.t - b.t);
    return list;
  }

  function showDetails() {
    const box = $('bs-details');
    box.replaceChildren();
    const v = state.selected;
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
    item('lifetime', fmt(V.t0[v]) + ' → ' + fmt(V.t1[v]) + '  (' + fmt(V.t1[v] - V.t0[v]) + ')');
    item('instance', String(V.id[v]));
    const n = decls[declOf[v]].vars.length;
    if (n > 1) item('instances', n + ' of this declaration');
    box.append(dl);
    const zoomTo = el('button', 'link', 'Zoom to its lifetime');
    zoomTo.onclick = () => { const span = Math.max(X.v1[v] - X.v0[v], X.mode === 'real' ? 50 : 4); state.t0 = X.v0[v] - span * 0.15; state.t1 = X.v1[v] + span * 0.15; redraw(); };
    box.append(zoomTo);
    const fs = findingsOfVar.get(v) || [];
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

  function findingEl(i) {
    const f = D.findings[i];
    const div = el('div', 'finding');
    div.append(el('span', 'sev', f.severity), document.createTextNode(f.message));
    div.append(el('div', 'type', f.location + '  [' + f.check + ']'));
    div.onclick = () => { if (f.vars.length) select(f.vars[0], true); centerOn(f.t); };
    return div;
  }

  function overview(box) {
    const p = el('div', 'empty-state');
    p.append(el('h2', null, 'Ownership timeline'));
    const lines = [
      ['Each row', ' is a variable; its grey bar is the variable\'s lifetime, from creation (New) to Drop.'],
      ['Coloured spans', ' inside a bar are borrows the variable holds: blue shared (const), red mutable. The arrow points to the owner.'],
      ['A line under a bar', ' is a borrow by a call (or a return, or a store into memory) while it lasts.'],
      ['Amber arrows', ' are moves; a hatched bar was moved out of. ∞ marks a variable never dropped.'],
      ['Click', ' a bar to see its events here.'],
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

  function select(v, scroll) {
    state.selected = v;
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
    if (D.checks_available) stat('bs-count-findings', D.findings.length, many(D.findings.length, 'finding', 'findings'), D.findings.length ? 'findings' : 'ok');
    const addOptions = (select, values) => { for (const [v, label] of values) { const o = el('option', null, label); o.value = v; select.append(o); } };
    const fns = new Map(), files = new Set();
    for (const d of decls) { fns.set(String(d.fn), shortName(str(d.fn)) || '(unknown)'); const f = fileOf(str(d.loc)); if (f) files.add(f); }
    addOptions($('bs-function'), [...fns.entries()].sort((a, b) => a[1].localeCompare(b[1])));
    addOptions($('bs-file'), [...files].sort().map((f) => [f, f]));
    addOptions($('bs-thread'), D.threads.map((t, i) => [String(i), t.id + ' · ' + t.name]));
    if (D.threads.length < 2) $('bs-thread').hidden = true;
    if (!D.findings.length) for (const e of document.querySelectorAll('.legend .finding, .legend .finding-label')) e.hidden = true;
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
      state.hover = h && (h.kind === 'var' || h.kind === 'span' || h.kind === 'lend') ? h : null;
      if (state.hover) {
        tip.textContent = tooltipText(state.hover);
        tip.hidden = false;
        const x = e.clientX - rect.left + 14, y = e.clientY - rect.top + 14;
        tip.style.left = Math.min(x, W - tip.offsetWidth - 8) + 'px';
        tip.style.top = Math.min(y, H - tip.offsetHeight - 8) + 'px';
      } else tip.hidden = true;
      if (before !== state.hover) redraw();
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
      } else if (h.kind === 'var' || h.kind === 'label') select(h.index, false);
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
      else return;
      redraw();
    });
  }

  function tooltipText(h) {
    if (h.kind === 'var') {
      const v = h.index;
      return str(V.name[v]) + ': ' + (str(V.type[v]) || '?') + '\n' + str(V.fn[v]) + ' · ' + str(V.loc[v]) +
        '\nlives ' + fmt(V.t1[v] - V.t0[v]) + ((V.fl[v] & F_DROPPED) ? '' : ' (never dropped)');
    }
    const b = h.index;
    const by = B.by[b] >= 0 ? str(V.name[B.by[b]]) : lendLabel(b);
    return by + ' borrows ' + str(V.name[B.owner[b]]) + ' (' + MUT[B.mut[b]] + ', ' + KIND[B.kind[b]] + ')\n' +
      str(B.loc[b]) + '\n' + fmt(B.t1[b] - B.t0[b]) + ', ' + END[B.end[b]];
  }

  // The first instance named `name`: lowest thread, then earliest.
  function findByName(name) {
    let best = -1;
    for (let i = 0; i < NV; i++)
      if (str(V.name[i]) === name && (best < 0 || V.th[i] < V.th[best] || (V.th[i] === V.th[best] && V.t0[i] < V.t0[best]))) best = i;
    return best;
  }

  // ---- Self-test (#selftest): what test/tool/browser checks ------------------------
  function selftest(opts) {
    const out = [], fail = [];
    const check = (ok, what) => { if (!ok) fail.push(what); };
    draw();
    out.push('rows: ' + rows.length);
    out.push('labels: ' + frame.labels.join(' | '));
    out.push('drawn: bars=' + frame.bars + ' borrows=' + frame.spans + ' arrows=' + frame.arrows);
    const text = (id) => ($(id) ? $(id).textContent : '?');
    out.push('stats: variables=' + text('bs-count-variables') + ' borrows=' + text('bs-count-borrows') +
      ' shared=' + text('bs-count-shared') + ' mut=' + text('bs-count-mut') + ' moves=' + text('bs-count-moves') +
      ' threads=' + text('bs-count-threads') + ' events=' + text('bs-count-events'));
    check(String(D.counts.borrows) === text('bs-count-borrows'), 'borrow count in the DOM');

    // Click the bar of the chosen variable like a user would.
    let target = -1;
    if (opts.select !== undefined) target = findByName(opts.select);
    if (target < 0 && NB) target = B.owner[0];
    if (target < 0 && NV) target = 0;
    if (target >= 0) {
      select(-1, false);
      const r = rowOfVar[target];
      state.scrollY = Math.max(0, r * ROW_H - ROW_H * 2); clampScroll(); draw();
      const rect = canvas.getBoundingClientRect();
      const a = Math.max(xOf(X.v0[target]), GUTTER + 1), bEnd = Math.min(xOf(X.v1[target]), W - 1);
      const x = rect.left + (a + bEnd) / 2;
      const y = rect.top + rowTop(r) + (ROW_H - BAR_H) / 2 + BAR_H - 1.5; // lower edge: the bar, not a span in it
      const opt = { bubbles: true, clientX: x, clientY: y, button: 0 };
      canvas.dispatchEvent(new MouseEvent('mousedown', opt));
      canvas.dispatchEvent(new MouseEvent('mouseup', opt));
      out.push('clicked: ' + text('bs-selected-name'));
      check(state.selected === target, 'click selects the variable');
      const rows_ = document.querySelectorAll('#bs-events tr');
      for (let i = 0; i + 1 < rows_.length; i += 2)
        out.push('event: ' + [...rows_[i].children].map((c) => c.textContent).join(' | ') + ' @ ' + rows_[i + 1].textContent);
    }
    // Zoom with Ctrl+wheel, pan with a drag, filter by name.
    const span = state.t1 - state.t0;
    canvas.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, ctrlKey: true, deltaY: -300, clientX: GUTTER + 100, clientY: 100 }));
    check(state.t1 - state.t0 < span * 0.8, 'ctrl+wheel zooms in');
    const t0 = state.t0;
    const rect = canvas.getBoundingClientRect();
    canvas.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, clientX: rect.left + GUTTER + 200, clientY: rect.top + 60 }));
    window.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: rect.left + GUTTER + 100, clientY: rect.top + 60 }));
    window.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: rect.left + GUTTER + 100, clientY: rect.top + 60 }));
    check(state.t0 > t0, 'drag pans');
    out.push('zoom and pan: ' + (state.t1 - state.t0 < span * 0.8 && state.t0 > t0 ? 'ok' : 'broken'));
    const f = $('bs-filter');
    f.value = 'no variable is called this';
    f.dispatchEvent(new Event('input'));
    const hidden = rows.filter((r) => r.kind === 'var').length;
    f.value = '';
    f.dispatchEvent(new Event('input'));
    check(hidden === 0 && rows.some((r) => r.kind === 'var'), 'the name filter');
    out.push('filter: ' + (hidden === 0 ? 'ok' : 'broken'));
    if (D.findings.length) {
      out.push('findings: ' + D.findings.length + ' on ' + D.findings.map((f) => f.vars.map((v) => str(V.name[v])).join(',')).join(' | '));
      out.push('finding rows: ' + rows.filter((r) => r.kind === 'var' && decls[r.decl].finding).map((r) => str(decls[r.decl].name)).join(' | '));
      out.push('findings stat: ' + text('bs-count-findings'));
    }
    // Nothing from the trace became markup.
    const injected = document.querySelectorAll('[data-injected], #bs-pwned, img, iframe, object, embed').length;
    out.push('injected elements: ' + injected);
    check(injected === 0, 'no injected elements');
    check(window.bsPwned === undefined, 'no injected script ran');
    if (opts.perf) {
      out.push('startup: ' + startupMs.toFixed(0) + ' ms to read ' + D.counts.events + ' events and draw');
      fit(); state.scrollY = 0; draw();
      let worst = 0;
      for (let i = 0; i < 5; i++) { zoom(i % 2 ? 2.5 : 0.4); draw(); worst = Math.max(worst, frame.ms); }
      fit(); draw(); worst = Math.max(worst, frame.ms);
      out.push('frame: worst ' + worst.toFixed(1) + ' ms over 6 redraws of ' + NV + ' variables, ' + NB + ' borrows');
      out.push('frame budget: ' + (worst < opts.budget ? 'ok' : 'over ' + opts.budget + ' ms'));
      check(worst < opts.budget, 'frame within ' + opts.budget + ' ms');
    }
    out.push('selftest: ' + (fail.length ? 'FAIL: ' + fail.join(', ') : 'PASS'));
    const pre = $('bs-selftest');
    pre.textContent = out.join('\n') + '\n';
    pre.hidden = false;
    if (target >= 0) select(target, true);
  }

  // ---- Start --------------------------------------------------------------------
  function options() {
    const o = {};
    for (const part of location.hash.replace(/^#/, '').split('&')) {
      if (!part) continue;
      const eq = part.indexOf('=');
      const k = eq < 0 ? part : part.slice(0, eq), v = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1));
      if (k === 'selftest') o.selftest = true;
      else if (k === 'perf') o.perf = true;
      else if (k === 'budget') o.budget = Number(v) || 100;
      else if (k === 'select') o.select = v;
      else if (k === 'time') o.time = v === 'real' ? 'real' : 'steps';
    }
    if (!o.budget) o.budget = 100;
    return o;
  }

  const opts = options();
  header();
  setTimeMode(opts.time || 'steps');
  $('bs-time').value = X.mode;
  resize();
  fit();
  buildRows();
  bind();
  const initial = $('bs-details');
  showDetails(initial);
  draw();
  const startupMs = performance.now() - started; // parse, index, lay out, draw
  if (opts.select !== undefined) {
    const v = findByName(opts.select);
    if (v >= 0) select(v, true);
  }
  if (opts.selftest) selftest(opts);
  draw();
})();
