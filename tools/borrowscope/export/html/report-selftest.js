// BorrowScope HTML report, part 6 of 6: the self-test (#selftest, what
// test/tool/browser checks) and the start. See report-data.js.
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
  if (D.runtime && D.runtime.count) selftestRuntime(out, check, text);

  // Click the bar of the chosen variable like a user would.
  let target = -1;
  if (opts.select !== undefined) target = findByName(opts.select);
  if (target < 0 && NB) target = B.owner[0];
  if (target < 0 && NV) target = 0;
  if (AGG) target = -1; // selftestAggregate clicks declarations and instances
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
    selftestFindings(out, check, text);
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
    out.push('first paint: ' + firstPaintMs.toFixed(0) + ' ms after navigation start');
    if (opts.paint) {
      out.push('first paint budget: ' + (firstPaintMs < opts.paint ? 'ok' : 'over ' + opts.paint + ' ms'));
      check(firstPaintMs < opts.paint, 'first paint within ' + opts.paint + ' ms');
    }
  }
  const finish = () => {
    out.push('selftest: ' + (fail.length ? 'FAIL: ' + fail.join(', ') : 'PASS'));
    const pre = $('bs-selftest');
    pre.textContent = out.join('\n') + '\n';
    pre.hidden = false;
    if (target >= 0) select(target, true);
  };
  if (AGG) selftestAggregate(opts, out, check, text, finish); else finish();
}

// Click each finding in the list as a user would: it must select exactly
// its variables, bring its time into view and its owner's row on screen;
// N and P (keys and buttons) must cycle through all of them.
// The runtime's stalls: drawn on their thread's band, a hover names them,
// and a lifetime across them is shown without them.
function selftestRuntime(out, check, text) {
  const th = RT.findIndex((p) => p.s.length), p = RT[th];
  const r = rows.findIndex((row) => row.kind === 'thread' && row.th === th);
  // The whole run, its thread's band on screen (a #select may have moved
  // the view); put back afterwards.
  const saved = { t0: state.t0, t1: state.t1, scrollY: state.scrollY };
  fit(); state.scrollY = Math.max(0, r) * ROW_H; clampScroll(); draw();
  out.push('runtime: ' + D.runtime.count + ' spans, stat ' + text('bs-count-runtime') + ', drawn ' + (frame.runtime || 0));
  check(r >= 0 && frame.runtime > 0, 'runtime spans drawn');
  if (r < 0) { Object.assign(state, saved); draw(); return; }
  let k = 0; // the widest on screen
  for (let i = 1; i < p.s.length; i++) if (p.e[i] - p.s[i] > p.e[k] - p.s[k]) k = i;
  const rect = canvas.getBoundingClientRect();
  const x = rect.left + Math.max((xOf(toX(p.s[k])) + xOf(toX(p.e[k]))) / 2, GUTTER + 1), y = rect.top + rowTop(r) + ROW_H / 2;
  canvas.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: x, clientY: y }));
  const tip = $('bs-tooltip');
  out.push('runtime hover: ' + (tip.hidden ? '(none)' : tip.textContent.split('\n')[0]));
  check(state.hover && state.hover.kind === 'runtime' && state.hover.th === th, 'hovering a runtime span');
  const v = findByName('total');
  if (v >= 0) out.push('total lives: ' + tooltipText({ kind: 'var', index: v }).split('\n')[2]);
  canvas.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: rect.left + 1, clientY: rect.top + 1 }));
  Object.assign(state, saved); draw();
}

function selftestFindings(out, check, text) {
  const n = D.findings.length;
  const names = () => state.marked.map((v, k) => str(V.name[v]) + ' (' + roleOf(D.findings[state.finding], k) + ')').join(', ');
  for (let i = 0; i < Math.min(n, 10); i++) {
    select(-1, false);
    const items = document.querySelectorAll('#bs-details .finding');
    items[i].dispatchEvent(new MouseEvent('click', { bubbles: true }));
    draw();
    const f = D.findings[i], u = axisOf(f.t, f.st);
    const same = state.finding === i && state.marked.length === f.vars.length && f.vars.every((v, k) => state.marked[k] === v);
    const inView = state.t0 <= u && u <= state.t1;
    const onScreen = (v) => { const r = rowOfVar[v]; return r >= 0 && rowTop(r) >= AXIS_H && rowTop(r) + ROW_H <= H; };
    const shown = f.vars.filter(onScreen).map((v) => str(V.name[v]));
    out.push('finding ' + (i + 1) + '/' + n + ' ' + f.check + ': selected ' + names() + '; details ' + text('bs-selected-name') +
      '; time in view: ' + (inView ? 'yes' : 'no') + '; on screen: ' + shown.join(', ') + '; position ' + text('bs-finding-pos'));
    const card = $('bs-finding-vars');
    out.push('finding ' + (i + 1) + ' card: ' + (card ? [...card.children].map((li) => li.textContent).join(' | ') : '(none)'));
    check(same, 'clicking finding ' + (i + 1) + ' selects its variables');
    check(f.vars.length > 0, 'finding ' + (i + 1) + ' names its variables');
    check(inView, 'finding ' + (i + 1) + ' in view');
    check(!f.vars.length || onScreen(f.vars[0]), 'finding ' + (i + 1) + ' owner on screen');
  }
  const key = (k) => window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
  const cycle = (step) => { const seq = []; select(-1, false); for (let k = 0; k <= n; k++) { step(); seq.push(state.finding + 1); } return seq.join(' '); };
  const next = cycle(() => key('n')), prev = cycle(() => key('p'));
  const buttons = cycle(() => $('bs-finding-next').click()) + ' / ' + cycle(() => $('bs-finding-prev').click());
  out.push('next (n): ' + next);
  out.push('previous (p): ' + prev);
  out.push('buttons: ' + buttons);
  const expect = (from, d) => { const a = []; let i = from; for (let k = 0; k <= n; k++) { a.push(i + 1); i = (i + d + n) % n; } return a.join(' '); };
  check(next === expect(0, 1), 'n cycles forward');
  check(prev === expect(n - 1, -1), 'p cycles back');
  check(buttons === expect(0, 1) + ' / ' + expect(n - 1, -1), 'the buttons cycle');
  key('Escape');
  check(state.finding === -1 && !state.marked.length, 'escape ends the finding shown');
}

// Aggregated pages: the rows by declaration, the borrow sites, a click on a
// declaration's name, expanding to its first instances (their chunks load),
// a click on one of them; with #perf, the worst frame of each interaction.
function selftestAggregate(opts, out, check, text, finish) {
  const A = AGG.decls, SI = AGG.sites;
  out.push('aggregated: ' + A.n.length + ' declarations, ' + SI.n.length + ' borrow sites, ' + CHUNK.n + ' chunks' +
    (CHUNK.href ? '' : ' (not written)') + ', ' + NV + ' instances in the page');
  select(-1, false);
  fit(); state.scrollY = 0; draw();
  check(!agg.detail || CHUNK.n <= DETAIL_CHUNKS, 'the first screen aggregates');
  out.push('first screen: ' + frame.heat + ' heat strips, ' + frame.bars + ' bars, ' + frame.arrows + ' arrows');
  for (let d = 0; d < A.n.length && d < 40; d++)
    out.push('decl: ' + str(decls[d].name) + ' ' + str(decls[d].type) + ' in ' + shortName(str(decls[d].fn)) + ' at ' + lineOf(str(decls[d].loc)) + ' ×' + A.n[d]);
  for (let i = 0; i < SI.n.length && i < 40; i++) out.push('site: ' + siteText(i));
  const want = opts.select !== undefined ? opts.select : decls.length ? str(decls[0].name) : '';
  const d = decls.findIndex((x) => str(x.name) === want);
  if (d < 0) { check(false, 'a declaration named ' + want); finish(); return; }
  const rect = canvas.getBoundingClientRect();
  const clickAt = (x, y) => {
    const o = { bubbles: true, clientX: rect.left + x, clientY: rect.top + y, button: 0 };
    canvas.dispatchEvent(new MouseEvent('mousedown', o));
    canvas.dispatchEvent(new MouseEvent('mouseup', o));
  };
  const scrollTo = (r) => { state.scrollY = Math.max(0, r * ROW_H - ROW_H * 2); clampScroll(); draw(); };
  scrollTo(rowOfDecl[d]);
  clickAt(60, rowTop(rowOfDecl[d]) + ROW_H / 2);
  check(state.decl === d, 'a click on a name shows its declaration');
  out.push('clicked declaration: ' + text('bs-decl-name') + ' ×' + text('bs-decl-count'));
  [...document.querySelectorAll('#bs-sites tr')].forEach((tr, k) => { if (k % 2 === 0) out.push('its site: ' + [...tr.children].map((c) => c.textContent).join(' | ')); });
  $('bs-decl-expand').click();
  draw(); // asks for the chunks of the window
  whenLoaded(() => {
    draw();
    check(agg.detail, 'zoomed in, instances are shown');
    const shown = decls[d].vars.filter((v) => X.v1[v] >= state.t0 && X.v0[v] <= state.t1);
    out.push('expanded: ' + agg.chunksIn + ' chunks in, ' + shown.length + ' instances of ' + want + ' in view, ' + frame.bars + ' bars, ' + frame.spans + ' borrows, ' + frame.arrows + ' arrows drawn');
    check(shown.length > 0, 'instances of the declaration in view');
    if (!shown.length) { finish(); return; }
    const v = shown[0];
    out.push('first instance: id ' + V.id[v] + ' from ' + V.t0[v] + ' ns to ' + V.t1[v] + ' ns');
    const w = Math.max(X.v1[v] - X.v0[v], 2);
    state.t0 = X.v0[v] - w; state.t1 = X.v1[v] + w;
    scrollTo(rowOfVar[v]);
    const a = Math.max(xOf(X.v0[v]), GUTTER + 1), z = Math.min(xOf(X.v1[v]), W - 1);
    clickAt((a + z) / 2, rowTop(rowOfVar[v]) + (ROW_H - BAR_H) / 2 + BAR_H - 1.5);
    check(state.selected === v, 'a click on an instance selects it');
    out.push('clicked: ' + text('bs-selected-name') + ' instance ' + text('bs-instance'));
    const rows_ = document.querySelectorAll('#bs-events tr');
    for (let i = 0; i + 1 < rows_.length; i += 2)
      out.push('event: ' + [...rows_[i].children].map((c) => c.textContent).join(' | ') + ' @ ' + rows_[i + 1].textContent);
    if (opts.perf) aggPerf(opts, out, check, v, finish); else finish();
  });
}

// Replays each kind of interaction a few times, on the first screen and
// zoomed in to instances; a frame is the handler plus the drawing. Over the
// budget, it replays once more (a busy machine can stall any one frame):
// over twice fails.
function aggPerf(opts, out, check, v, finish, again) {
  const rect = canvas.getBoundingClientRect();
  const worst = {};
  const time = (name, f) => {
    const t = performance.now();
    f(); draw();
    worst[name] = Math.max(worst[name] || 0, performance.now() - t);
  };
  const mouse = (type, x, y, target) => (target || canvas).dispatchEvent(new MouseEvent(type, { bubbles: true, clientX: rect.left + x, clientY: rect.top + y, button: 0 }));
  const wheel = (dy) => canvas.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, ctrlKey: true, deltaY: dy, clientX: rect.left + GUTTER + plotW() / 2, clientY: rect.top + 100 }));
  const rowY = (k) => AXIS_H + ROW_H * (1 + k % Math.max(1, Math.min(rows.length - 1, 12))) + ROW_H / 2;
  const interactions = (prefix, clickX) => {
    for (let k = 0; k < 12; k++) time(prefix + 'hover', () => mouse('mousemove', GUTTER + 40 + k * 67, rowY(k)));
    for (let k = 0; k < 6; k++) time(prefix + 'click', () => { mouse('mousedown', clickX, rowY(k)); mouse('mouseup', clickX, rowY(k)); });
    for (let k = 0; k < 6; k++) time(prefix + 'zoom', () => wheel(k % 2 ? 200 : -200));
    for (let k = 0; k < 6; k++) time(prefix + 'pan', () => { mouse('mousedown', GUTTER + 300, 80); mouse('mousemove', GUTTER + 300 + (k % 2 ? 90 : -90), 80, window); mouse('mouseup', GUTTER + 300, 80, window); });
  };
  const report = (prefix, names) => names.map((n) => n + ' ' + worst[prefix + n].toFixed(1) + ' ms').join(', ');
  select(-1, false);
  fit(); state.scrollY = 0; draw();
  interactions('', 60);
  const f = $('bs-filter');
  for (const value of ['i', 'it', 'ite', 'item', 'ite', 'it', 'i', ''])
    time('filter keystroke', () => { f.value = value; f.dispatchEvent(new Event('input')); });
  const axis = $('bs-time');
  for (const mode of ['real', 'steps', 'real', 'steps'])
    time('time axis', () => { axis.value = mode; axis.dispatchEvent(new Event('change')); });
  fit(); state.scrollY = 0; draw();
  out.push('perf first screen: ' + report('', ['hover', 'click', 'zoom', 'pan', 'filter keystroke', 'time axis']));
  // Zoomed in: the window of that instance.
  expandAt(X.v0[v]); draw();
  whenLoaded(() => {
    draw();
    const r = rowOfVar[v];
    state.scrollY = Math.max(0, r * ROW_H - ROW_H * 2); clampScroll(); draw();
    interactions('instances ', (Math.max(xOf(X.v0[v]), GUTTER) + Math.min(xOf(X.v1[v]), W)) / 2);
    const detailShown = agg.detail;
    // Zoomed in, across the whole trace window by window: chunks load, old
    // ones go; memory stays bounded.
    const windows = Math.min(CHUNK.n, 40);
    let k = 0, most = NV;
    const sweep = () => {
      most = Math.max(most, NV);
      if (k === windows) { done(); return; }
      const c = Math.floor(k++ * CHUNK.n / windows), bounds = X.mode === 'real' ? CHUNK.t : CHUNK.s;
      time('sweep', () => { state.t0 = bounds[c]; state.t1 = Math.min(bounds[c + 1], X.span); });
      whenLoaded(sweep);
    };
    const done = () => {
      out.push('perf instances: ' + report('instances ', ['hover', 'click', 'zoom', 'pan']) + ' (' + (detailShown ? 'instances' : 'aggregates') + ' drawn)');
      out.push('perf sweep: ' + windows + ' windows across the trace, worst frame ' + worst.sweep.toFixed(1) + ' ms, ' + agg.evictions + ' times chunks dropped (worst ' +
        (agg.worstEvictMs || 0).toFixed(1) + ' ms), at most ' + most + ' instances in memory');
      out.push('perf chunk: worst ' + agg.worstChunkMs.toFixed(1) + ' ms to take in a chunk, ' + agg.chunksIn + ' chunks in, ' + NV + ' instances in memory');
      const over = Object.keys(worst).filter((k) => !(worst[k] < opts.budget));
      if (!(agg.worstChunkMs < opts.budget)) over.push('chunk');
      if (!((agg.worstEvictMs || 0) < opts.budget)) over.push('dropping chunks');
      if (over.length && !again) {
        out.push('interaction budget: over ' + opts.budget + ' ms on the first replay (' + over.join(', ') + '): once more');
        agg.worstChunkMs = agg.worstEvictMs = 0;
        aggPerf(opts, out, check, v, finish, true);
        return;
      }
      out.push('interaction budget: ' + (over.length ? 'over ' + opts.budget + ' ms: ' + over.join(', ') : 'ok'));
      check(!over.length, 'every interaction within ' + opts.budget + ' ms');
      finish();
    };
    whenLoaded(sweep);
  });
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
    else if (k === 'finding') o.finding = Number(v) || 1;
    else if (k === 'time') o.time = v === 'real' ? 'real' : 'steps';
    else if (k === 'paint') o.paint = Number(v) || 1000;
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
const firstPaintMs = performance.now(); // and the page's loading before
// Aggregated: the first window's instances, after the first drawing; and
// so the page knows early whether its chunks are there.
if (AGG && CHUNK.n && !chunkState[0]) loadChunk(0);
if (opts.select !== undefined) {
  const v = findByName(opts.select);
  // Aggregated: the declaration of that name, unless an instance is in.
  const d = AGG && v < 0 ? decls.findIndex((x) => str(x.name) === opts.select) : -1;
  if (v >= 0) select(v, true);
  else if (d >= 0) selectDecl(d);
}
if (opts.finding !== undefined && D.findings.length) showFinding(Math.min(opts.finding, D.findings.length) - 1);
if (opts.selftest) selftest(opts);
draw();
