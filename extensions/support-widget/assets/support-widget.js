// Shopdesk support widget: open/closed now and the expected reply time from the published hours
// (in the shop's zone, shown in the visitor's), the FAQ filter, and the contact form over fetch.
// Loaded with defer; every block includes it, so it runs its setup once per element.
(function () {
  var D = 1440;
  function mins(t) { var p = t.split(':'); return +p[0] * 60 + +p[1]; }
  function ranges(s) {
    return (s || '').split(',').filter(Boolean).map(function (r) { var p = r.split('-'); return [mins(p[0]), mins(p[1])]; });
  }
  function table(s) {
    var m = {};
    (s || '').split(';').forEach(function (e) { var p = e.split('='); if (p[0]) m[p[0]] = ranges(p[1]); });
    return m;
  }
  // The shop-local date, weekday and minute of the day for an instant.
  function local(tz, at) {
    var o = {};
    new Intl.DateTimeFormat('en-US', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at).forEach(function (p) { o[p.type] = p.value; });
    return { y: +o.year, mo: +o.month, d: +o.day, m: +o.hour * 60 + +o.minute };
  }
  function day(l, k) { // date string and ISO weekday k days after l
    var t = new Date(Date.UTC(l.y, l.mo - 1, l.d + k));
    return { iso: t.toISOString().slice(0, 10), wd: t.getUTCDay() || 7 };
  }
  function hours(root) {
    var tz = root.getAttribute('data-sw-tz');
    if (!tz) return null;
    var week = table(root.getAttribute('data-sw-week')), off = table(root.getAttribute('data-sw-off'));
    return { tz: tz, get: function (x) { return off[x.iso] || week[x.wd] || []; } };
  }
  function isOpen(h, l) {
    var today = h.get(day(l, 0)), before = h.get(day(l, -1)), i, r;
    for (i = 0; i < today.length; i++) { r = today[i]; if (l.m >= r[0] && (r[1] > r[0] ? l.m < r[1] : true)) return true; }
    for (i = 0; i < before.length; i++) { r = before[i]; if (r[1] <= r[0] && l.m < r[1]) return true; }
    return false;
  }
  // Minutes from now until `need` business minutes have passed (two weeks ahead at most).
  function replyIn(h, l, need) {
    for (var k = 0; k < 14; k++) {
      var rs = h.get(day(l, k)).slice().sort(function (a, b) { return a[0] - b[0]; });
      for (var i = 0; i < rs.length; i++) {
        var s = Math.max(rs[i][0], k ? 0 : l.m), e = rs[i][1] > rs[i][0] ? rs[i][1] : rs[i][1] + D;
        if (e <= s) continue;
        if (e - s >= need) return k * D + s + need - l.m;
        need -= e - s;
      }
    }
    return null;
  }
  function hm(m) { return ('0' + Math.floor(m / 60)).slice(-2) + ':' + ('0' + (m % 60)).slice(-2); }
  function fmt(at, withDay) {
    return new Intl.DateTimeFormat(document.documentElement.lang || undefined, withDay ? { weekday: 'short', hour: '2-digit', minute: '2-digit' } : { hour: '2-digit', minute: '2-digit' }).format(at);
  }
  function clock(root) {
    var h = hours(root);
    if (!h) return;
    var now = new Date(), l = local(h.tz, now), open = isOpen(h, l);
    root.querySelectorAll('[data-sw-status]').forEach(function (el) {
      el.setAttribute('data-state', open ? 'open' : 'closed');
      el.querySelector('[data-sw-status-text]').textContent = root.getAttribute(open ? 'data-t-open' : 'data-t-closed');
    });
    root.querySelectorAll('[data-sw-reply]').forEach(function (el) {
      var m = replyIn(h, l, +el.getAttribute('data-minutes'));
      if (m !== null) el.textContent = root.getAttribute('data-t-reply-by').replace('%TIME%', fmt(new Date(now.getTime() + m * 6e4), m > 720));
    });
    // Visitor-time column: one line per range like the shop's column ("23:00–02:30 (+1)"), so filling it moves nothing.
    root.querySelectorAll('[data-sw-day]').forEach(function (row) {
      var k = (+row.getAttribute('data-sw-day') - day(l, 0).wd + 7) % 7, base = now.getTime() + (k * D - l.m) * 6e4;
      var rowDay = Date.UTC(l.y, l.mo - 1, l.d + k);
      var text = ranges(row.getAttribute('data-ranges')).map(function (r) {
        var s = local(undefined, new Date(base + r[0] * 6e4)), e = local(undefined, new Date(base + (r[1] > r[0] ? r[1] : r[1] + D) * 6e4));
        var shift = Math.round((Date.UTC(s.y, s.mo - 1, s.d) - rowDay) / 864e5);
        return hm(s.m) + '–' + hm(e.m) + (shift ? ' (' + (shift > 0 ? '+' : '−') + Math.abs(shift) + ')' : '');
      }).join('\n');
      row.querySelector('[data-sw-local]').textContent = text || '–';
    });
  }
  function filter(root) {
    var input = root.querySelector('[data-sw-filter]');
    if (!input) return;
    var none = root.querySelector('[data-sw-no-match]'), tpl = root.querySelector('[data-sw-no-match-text]');
    input.addEventListener('input', function () {
      var q = input.value.trim().toLowerCase(), shown = 0;
      root.querySelectorAll('[data-sw-group]').forEach(function (g) {
        var n = 0;
        g.querySelectorAll('[data-sw-q]').forEach(function (d) {
          var hit = !q || d.textContent.toLowerCase().indexOf(q) >= 0;
          d.hidden = !hit; n += hit ? 1 : 0;
        });
        g.hidden = !n; shown += n;
      });
      none.textContent = shown ? '' : tpl.innerHTML.trim();
    });
  }
  function form(root) {
    var f = root.querySelector('[data-sw-form]');
    if (!f) return;
    var started = f.querySelector('[data-sw-started]'), btn = f.querySelector('[data-sw-submit]'), label = btn.textContent;
    var generic = f.querySelector('[data-sw-generic-error]').innerHTML.trim(), top = f.querySelector('[data-sw-form-error]');
    if (!started.value) started.value = Math.floor(Date.now() / 1e3);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      btn.disabled = true; btn.textContent = btn.getAttribute('data-sending'); top.textContent = '';
      f.querySelectorAll('[data-sw-error]').forEach(function (p) {
        p.textContent = '';
        var i = f.elements[p.getAttribute('data-sw-error')]; if (i) i.removeAttribute('aria-invalid');
      });
      fetch(f.action, { method: 'POST', body: new URLSearchParams(new FormData(f)), headers: { Accept: 'application/json' } })
        .then(function (r) { return r.json(); })
        .then(function (res) {
          if (res.ok) {
            var s = root.querySelector('[data-sw-success]');
            s.textContent = res.message; s.hidden = false; f.hidden = true; s.focus();
            return;
          }
          var first = null;
          Object.keys(res.errors || {}).forEach(function (k) {
            var p = f.querySelector('[data-sw-error="' + k + '"]'), i = f.elements[k];
            if (p) p.textContent = res.errors[k];
            if (i && i.setAttribute) { i.setAttribute('aria-invalid', 'true'); first = first || i; }
          });
          top.textContent = res.formError || '';
          if (first) first.focus();
        })
        .catch(function () { top.textContent = generic; })
        .then(function () { btn.disabled = false; btn.textContent = label; });
    });
  }
  function init() {
    document.querySelectorAll('[data-sw-root]').forEach(function (root) {
      if (root.swReady) return;
      root.swReady = true;
      try { clock(root); } catch (e) { /* the server-rendered state stays */ }
      filter(root); form(root);
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
