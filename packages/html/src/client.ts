/**
 * The view's only script, inline in every page (its hash is in the page's Content-Security-Policy,
 * so no other script can run). Standard DOM only. Focus or pointer on anything with `data-spans`
 * ("start-end start-end", raw offsets) highlights exactly those raw spans and scrolls to them;
 * a click on the raw text focuses the card field it became.
 */
export const CLIENT_SCRIPT = `(function () {
  "use strict";
  var cache = new Map();
  function segmentsOf(raw) {
    var found = cache.get(raw);
    if (found) return found;
    var els = Array.prototype.slice.call(raw.querySelectorAll("span[data-s]"));
    var starts = els.map(function (e) { return Number(e.getAttribute("data-s")); });
    found = { els: els, starts: starts, length: Number(raw.getAttribute("data-length")) };
    cache.set(raw, found);
    return found;
  }
  function first(starts, offset) {
    var lo = 0, hi = starts.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (starts[mid] <= offset) lo = mid + 1; else hi = mid; }
    return Math.max(0, lo - 1);
  }
  var lit = [];
  function clear() {
    for (var i = 0; i < lit.length; i++) lit[i].classList.remove("hl");
    lit = [];
  }
  function light(el, scroll) {
    clear();
    var page = el.closest(".page");
    var raw = page && page.querySelector(".raw");
    var spans = el.getAttribute("data-spans");
    if (!raw || !spans) return;
    var seg = segmentsOf(raw);
    spans.split(" ").forEach(function (pair) {
      var ab = pair.split("-"), a = Number(ab[0]), b = Number(ab[1]);
      if (!(b > a)) return;
      for (var i = first(seg.starts, a); i < seg.els.length && seg.starts[i] < b; i++) {
        var end = i + 1 < seg.starts.length ? seg.starts[i + 1] : seg.length;
        if (end > a) { seg.els[i].classList.add("hl"); lit.push(seg.els[i]); }
      }
    });
    var lead = lit[0];
    // the printed page's lines (PDF input) that share a character with the spans
    var pairs = spans.split(" ").map(function (pair) { return pair.split("-").map(Number); });
    Array.prototype.forEach.call(page.querySelectorAll(".layout [data-spans]"), function (line) {
      var ab = line.getAttribute("data-spans").split("-").map(Number);
      if (pairs.some(function (p) { return p[0] < ab[1] && ab[0] < p[1]; })) { line.classList.add("hl"); lit.push(line); }
    });
    if (scroll && lead) reveal(raw.closest(".pane") || raw, lead);
  }
  // scroll the raw pane only, not the window: the field being read stays where it is
  function reveal(pane, el) {
    if (pane.scrollHeight <= pane.clientHeight) { el.scrollIntoView({ block: "nearest" }); return; }
    var p = pane.getBoundingClientRect(), r = el.getBoundingClientRect();
    if (r.top < p.top || r.bottom > p.bottom) pane.scrollTop += r.top - p.top - pane.clientHeight / 3;
  }
  function target(event) {
    var t = event.target;
    return t && t.closest ? t.closest("[data-spans]") : null;
  }
  document.addEventListener("focusin", function (e) { var el = target(e); if (el) light(el, true); else clear(); });
  document.addEventListener("focusout", function () { clear(); });
  document.addEventListener("mouseover", function (e) { var el = target(e); if (el) light(el, true); });
  document.addEventListener("mouseout", function (e) {
    if (!target(e)) return;
    var active = document.activeElement;
    if (active && active.hasAttribute && active.hasAttribute("data-spans")) light(active, false); else clear();
  });
  document.addEventListener("click", function (e) {
    var t = e.target;
    var seg = t && t.closest ? t.closest(".raw span[data-f]") : null;
    if (!seg) return;
    var field = document.getElementById(seg.getAttribute("data-f"));
    if (field) { field.focus(); field.scrollIntoView({ block: "nearest" }); }
  });
})();`;
