// BorrowScope HTML report, part 3 of 6: the timeline (canvas geometry,
// drawing, hit testing). See report-data.js.
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
  frame = { labels: [], bars: 0, spans: 0, arrows: 0, heat: 0, ms: 0 };
  if (AGG) aggPrepare();
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
  for (let r = first; r <= last; r++) if (rows[r].kind === 'thread') drawRuntime(r);
  if (aggregated()) drawSiteArrows(first, last); else drawArrows(first, last);
  drawFindingTime();
  ctx.restore();

  // Gutter labels over everything.
  ctx.fillStyle = '#fff'; ctx.fillRect(0, AXIS_H, GUTTER, H);
  for (let r = first; r <= last; r++) drawLabel(r);
  ctx.strokeStyle = COLORS.gridStrong; ctx.beginPath(); ctx.moveTo(GUTTER + 0.5, AXIS_H); ctx.lineTo(GUTTER + 0.5, H); ctx.stroke();

  drawAxis(step);
  drawFindingMarks();
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
  const selected = row.vars.some(isMarked) || (AGG && !row.lane && state.decl === row.decl);
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
  const line = (AGG && !row.lane ? '×' + AGG.decls.n[d.agg] + '  ' : '') + ':' + lineOf(str(d.loc)).split(':')[0];
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

// Calls draw(i, x0, x1) for the items of list (in order of start times
// t0s) that are on screen, each at least minWidth pixels wide. Items
// narrower than a pixel that fall on the pixel already painted are
// skipped: a million instances cost as many pixels.
function eachVisible(list, t0s, t1s, maxLen, minWidth, draw) {
  let painted = -1;
  for (let k = firstVisible(list, t0s, state.t0, maxLen); k < list.length; k++) {
    const i = list[k];
    const x0 = xOf(t0s[i]);
    if (x0 > W) break;
    let x1 = xOf(t1s[i]);
    if (x1 < GUTTER) continue;
    if (x1 - x0 < minWidth) { if (Math.floor(x0) <= painted) continue; x1 = x0 + minWidth; }
    painted = Math.floor(x1);
    draw(i, x0, x1);
  }
}

function drawRow(r) {
  if (aggregated()) { drawHeat(r); return; }
  const row = rows[r], top = rowTop(r), by = top + (ROW_H - BAR_H) / 2;
  // Lifetimes.
  eachVisible(row.vars, X.v0, X.v1, row.maxLife, 4, (v, x0, x1) => {
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
    if (isMarked(v)) {
      ctx.strokeStyle = COLORS.ink; ctx.lineWidth = 2;
      roundRect(x0 - 1.5, by - 1.5, x1 - x0 + 3, BAR_H + 3, 5); ctx.stroke();
    }
    frame.bars++;
  });
  // Borrows held by this variable: coloured inside its bar.
  eachVisible(row.spans, X.b0, X.b1, row.maxSpan, 3, (b, x0, x1) => {
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
  });
  // Borrows by calls, returns and stores into memory: a band under the bar.
  eachVisible(row.lends, X.b0, X.b1, row.maxLend, 3, (b, x0, x1) => {
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
  });
}

// When the function ran (had live variables): a faint band per stretch.
// The runtime's stalls on a thread's band: hatched, at least 2 px wide.
function drawRuntime(r) {
  const row = rows[r], p = RT[row.th], y = rowTop(r) + 3;
  if (!p || !p.s.length) return;
  const hovered = state.hover && state.hover.kind === 'runtime' && state.hover.th === row.th ? state.hover.k : -1;
  for (let k = 0; k < p.s.length; k++) {
    const x0 = xOf(toX(p.s[k])), x1 = Math.max(xOf(toX(p.e[k])), x0 + 2);
    if (x1 < GUTTER || x0 > W) continue;
    ctx.fillStyle = k === hovered ? '#475569' : COLORS.runtime;
    ctx.fillRect(x0, y, x1 - x0, ROW_H - 6);
    frame.runtime = (frame.runtime || 0) + 1;
  }
}

function drawFrames(r) {
  if (aggregated()) return;
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

// With a selection (or a finding shown), borrows that do not involve it
// step back.
function dimmed(b) {
  if (state.finding >= 0)
    return !D.findings[state.finding].borrows.includes(b) && !state.marked.includes(B.owner[b]) && !state.marked.includes(B.by[b]);
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
  if (row.kind === 'thread' && x >= GUTTER) {
    const p = RT[row.th], t = tOf(x), slack = 2 / plotW() * (state.t1 - state.t0);
    for (let k = 0; p && k < p.s.length; k++)
      if (toX(p.s[k]) - slack <= t && t <= toX(p.e[k]) + slack) return { kind: 'runtime', row: r, th: row.th, k };
  }
  if (row.kind !== 'var') return { kind: row.kind, row: r };
  if (AGG && x < GUTTER) return { kind: 'decl', row: r, decl: row.decl };
  if (x < GUTTER) return { kind: 'label', row: r, index: row.vars[0] };
  if (aggregated()) {
    const u = tOf(x), bin = Math.floor(u / binWidth());
    if (row.lane || bin < 0 || bin >= AGG.bins || !heatOf(decls[row.decl].agg)[bin]) return { kind: 'empty', row: r };
    return { kind: 'heat', row: r, decl: row.decl, bin, u };
  }
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
