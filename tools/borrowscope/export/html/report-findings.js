// BorrowScope HTML report, part 5 of 6: the findings of the checks (their
// list, the one shown, next and previous, its marks on the timeline). See
// report-data.js.
//
// Showing a finding zooms the timeline to it (from when the borrow was taken
// or the owner moved, to the offending event), selects its variables (the
// owner first, then the holders: their bars and labels are marked, borrows
// that do not involve them step back) and puts it above the owner's details.
// N and P (or the ‹ › buttons) go to the next and previous finding.
const ROLE = { owner: 'owner', holder: 'holder', moved_to: 'moved to', involved: 'involved' };
const roleOf = (f, k) => ROLE[f.roles[k]] || 'involved';

function findingEl(i) {
  const f = D.findings[i];
  const div = el('div', 'finding' + (i === state.finding ? ' current' : ''));
  div.append(el('span', 'sev', f.severity), document.createTextNode(f.message));
  div.append(el('div', 'type', f.location + '  [' + f.check + ']'));
  div.onclick = () => showFinding(i);
  return div;
}

// The finding above the details: where it is in the list, who takes part
// (each a link to that variable), when.
function findingCard(i) {
  const f = D.findings[i];
  const card = el('div', 'finding-card');
  card.id = 'bs-finding';
  const nav = el('div', 'finding-nav');
  const prev = el('button', null, '‹'), next = el('button', null, '›');
  prev.title = 'Previous finding (P)'; next.title = 'Next finding (N)';
  prev.onclick = () => stepFinding(-1); next.onclick = () => stepFinding(1);
  nav.append(prev, el('span', null, 'Finding ' + (i + 1) + ' of ' + D.findings.length), next);
  card.append(nav, findingEl(i));
  const who = el('ul', 'finding-vars');
  who.id = 'bs-finding-vars';
  f.vars.forEach((v, k) => {
    const li = el('li');
    const link = el('button', 'link', str(V.name[v]));
    link.onclick = () => select(v, true, true);
    li.append(link, el('span', 'muted', ' ' + roleOf(f, k) + ' · ' + shortName(str(V.fn[v])) + ' · ' + lineOf(str(V.loc[v]))));
    who.append(li);
  });
  card.append(who);
  let when = 'at ' + fmt(f.t);
  if (f.since && f.since <= f.t) when += (f.check === 'use_after_move' ? ', moved at ' : ', borrowed at ') + fmt(f.since);
  if (f.th >= 0 && D.threads.length > 1) when += ' · thread ' + D.threads[f.th].id;
  if (f.count > 1) when += ' · ' + f.count + ' times here';
  card.append(el('div', 'type', when));
  return card;
}

function showFinding(i) {
  const f = D.findings[i];
  state.finding = i;
  state.marked = f.vars.slice();
  // Its variables must have rows: unfold their functions, and drop the
  // filters if they hide one.
  let rebuild = false;
  for (const v of f.vars) if (rowOfVar[v] < 0) { state.collapsed.delete(V.th[v] + ' ' + V.fn[v]); rebuild = true; }
  if (rebuild) buildRows();
  if (f.vars.some((v) => rowOfVar[v] < 0)) {
    for (const id of ['bs-filter', 'bs-function', 'bs-file', 'bs-thread']) $(id).value = '';
    state.filter = state.fn = state.file = state.thread = '';
    buildRows();
  }
  zoomToFinding(f);
  scrollToRows(f.vars.map((v) => rowOfVar[v]).filter((r) => r >= 0));
  select(f.vars.length ? f.vars[0] : -1, false, true);
  updateFindingNav();
}

function stepFinding(d) {
  const n = D.findings.length;
  if (!n) return;
  showFinding(state.finding < 0 ? (d > 0 ? 0 : n - 1) : (state.finding + d + n) % n);
}

function clearFinding() {
  state.finding = -1;
  state.marked = [];
  updateFindingNav();
}

// From when it began to the offending event, with room on both sides.
function zoomToFinding(f) {
  const b = axisOf(f.t, f.st), a = f.since && f.since <= f.t ? axisOf(f.since, f.ss) : b;
  const w = Math.max(b - a, X.mode === 'real' ? 100 : 4);
  state.t0 = a - w * 0.6; state.t1 = b + w * 0.6;
}

// The first of these rows a third down the view, and as many of the others
// as fit.
function scrollToRows(rs) {
  if (!rs.length) return;
  const lo = Math.min(...rs), hi = Math.max(...rs), view = H - AXIS_H;
  const top = lo * ROW_H, bottom = (hi + 1) * ROW_H;
  if (top >= state.scrollY && bottom <= state.scrollY + view - ROW_H) return;
  state.scrollY = bottom - top <= view * 2 / 3 ? top - (view - (bottom - top)) / 3 : top - ROW_H;
  clampScroll();
}

function updateFindingNav() {
  const n = D.findings.length;
  $('bs-finding-nav').hidden = !n;
  $('bs-finding-pos').textContent = (state.finding >= 0 ? state.finding + 1 : '–') + ' / ' + n;
}

// The finding shown: a band from when it began and a line at its event.
function drawFindingTime() {
  if (state.finding < 0) return;
  const f = D.findings[state.finding];
  const x = xOf(axisOf(f.t, f.st));
  if (f.since && f.since < f.t) {
    const xs = Math.max(xOf(axisOf(f.since, f.ss)), GUTTER);
    ctx.fillStyle = 'rgba(239,68,68,.07)'; ctx.fillRect(xs, AXIS_H, x - xs, H - AXIS_H);
  }
  ctx.strokeStyle = COLORS.finding; ctx.lineWidth = 1.5; ctx.setLineDash([5, 4]);
  ctx.beginPath(); ctx.moveTo(Math.round(x) + 0.5, AXIS_H); ctx.lineTo(Math.round(x) + 0.5, H); ctx.stroke();
  ctx.setLineDash([]);
}

// Every finding's time as a red mark on the axis.
function drawFindingMarks() {
  D.findings.forEach((f, i) => {
    const x = xOf(axisOf(f.t, f.st));
    if (x < GUTTER || x > W) return;
    const s = i === state.finding ? 6 : 4;
    ctx.fillStyle = COLORS.finding;
    ctx.beginPath(); ctx.moveTo(x, AXIS_H - 1); ctx.lineTo(x - s, AXIS_H - 1 - s * 1.4); ctx.lineTo(x + s, AXIS_H - 1 - s * 1.4); ctx.closePath(); ctx.fill();
  });
}
