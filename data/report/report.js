// attache report: renders the JSON in #attache-data on demand. Article text only ever enters
// the page through textContent and text nodes, never as markup.
(function () {
  "use strict";
  var PAGE = 50;
  var DATA = JSON.parse(document.getElementById("attache-data").textContent);
  var docs = DATA.docs, recs = DATA.records, labels = DATA.labels;
  var docIndex = {};
  docs.forEach(function (d, i) { docIndex[d[0]] = i; });
  var recsByDoc = {};
  recs.forEach(function (r, i) {
    r.src.forEach(function (s) {
      var list = recsByDoc[s[0]] || (recsByDoc[s[0]] = []);
      if (list[list.length - 1] !== i) list.push(i);
    });
  });
  var state = { type: "", country: "", country2: "", kind: "", status: "", from: "", to: "", q: "", sort: "", page: 0, docPage: 0 };

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
  function docLink(i, label) {
    var a = el("a", null, label !== undefined ? label : (docs[i][1] || docs[i][0]));
    a.setAttribute("href", "#doc=" + encodeURIComponent(docs[i][0]));
    return a;
  }
  function labelClass(l) { return /^[A-Z_]+$/.test(l) ? "ent l-" + l : "ent"; }

  // Counts.
  (function () {
    var c = DATA.counts, box = $("counts");
    function card(n, what, key) {
      var d = el("div", "count");
      d.setAttribute("data-count", key);
      d.appendChild(el("b", null, n.toLocaleString("en")));
      d.appendChild(el("span", null, what));
      box.appendChild(d);
    }
    card(c.documents, "documents", "documents");
    card(c.failed, "failed documents", "failed");
    card(c.entities, "entities", "entities");
    card(c.meetings, "meetings", "meetings");
    card(c.agreements, "agreements", "agreements");
    labels.forEach(function (l) { card(c.by_label[l] || 0, l, "label-" + l); });
  })();

  // Filter choices.
  function fill(id, values) {
    var s = $(id);
    values.forEach(function (v) { var o = el("option", null, v); o.value = v; s.appendChild(o); });
  }
  var countries = {}, kinds = {}, statuses = {};
  recs.forEach(function (r) {
    r.countries.forEach(function (c) { countries[c] = 1; });
    kinds[r.kind] = 1;
    statuses[r.status] = 1;
  });
  var countryList = Object.keys(countries).sort();
  fill("f-country", countryList);
  fill("f-country2", countryList);
  fill("f-kind", Object.keys(kinds).sort());
  fill("f-status", Object.keys(statuses).sort());

  function haystack(r) {
    if (r._hay === undefined) {
      var parts = [r.id, r.kind, r.place || "", r.subject || "", r.date || ""].concat(r.who, r.countries);
      r.src.forEach(function (s) { parts.push(s[1]); });
      r._hay = parts.join("\n").toLowerCase();
    }
    return r._hay;
  }
  function matches(r) {
    if (state.type && r.t !== state.type) return false;
    if (state.country && r.countries.indexOf(state.country) < 0) return false;
    if (state.country2 && r.countries.indexOf(state.country2) < 0) return false;
    if (state.kind && r.kind !== state.kind) return false;
    if (state.status && r.status !== state.status) return false;
    if (state.from && !(r.end && r.end >= state.from)) return false;
    if (state.to && !(r.start && r.start <= state.to)) return false;
    if (state.q && haystack(r).indexOf(state.q.toLowerCase()) < 0) return false;
    return true;
  }
  var filtered = null;
  function selection() {
    if (filtered) return filtered;
    filtered = [];
    for (var i = 0; i < recs.length; i++) if (matches(recs[i])) filtered.push(i);
    if (state.sort === "date") {
      filtered.sort(function (a, b) {
        var x = recs[a].start || "9999", y = recs[b].start || "9999";
        return x < y ? -1 : x > y ? 1 : a - b;
      });
    }
    return filtered;
  }

  // A sentence with the record's names marked.
  function highlighted(sentence, names) {
    var hits = [];
    names.forEach(function (n) {
      if (!n) return;
      var at = sentence.indexOf(n);
      while (at >= 0) { hits.push([at, at + n.length]); at = sentence.indexOf(n, at + n.length); }
    });
    hits.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var frag = document.createDocumentFragment(), pos = 0;
    hits.forEach(function (h) {
      if (h[0] < pos) return;
      frag.appendChild(document.createTextNode(sentence.slice(pos, h[0])));
      frag.appendChild(el("mark", "hit", sentence.slice(h[0], h[1])));
      pos = h[1];
    });
    frag.appendChild(document.createTextNode(sentence.slice(pos)));
    return frag;
  }

  function dateText(r) {
    if (!r.date) return "";
    if (!r.start) return r.date;
    return r.date + " (" + (r.start === r.end ? r.start : r.start + " \u2013 " + r.end) + ")";
  }

  function pager(box, page, pages, total, what, go) {
    clear(box);
    var prev = el("button", null, "\u2039 Previous"), next = el("button", null, "Next \u203a");
    prev.type = next.type = "button";
    prev.disabled = page <= 0;
    next.disabled = page >= pages - 1;
    prev.addEventListener("click", function () { go(page - 1); });
    next.addEventListener("click", function () { go(page + 1); });
    box.appendChild(prev);
    box.appendChild(el("span", null, "page " + (pages ? page + 1 : 0) + " of " + pages + " \u00b7 " + total.toLocaleString("en") + " " + what));
    box.appendChild(next);
  }

  function renderRecords() {
    var sel = selection();
    var pages = Math.ceil(sel.length / PAGE);
    if (state.page >= pages) state.page = Math.max(0, pages - 1);
    var body = $("records").tBodies[0];
    var rows = document.createDocumentFragment();
    sel.slice(state.page * PAGE, state.page * PAGE + PAGE).forEach(function (i) {
      var r = recs[i], tr = el("tr", "row");
      tr.setAttribute("data-id", r.id);
      var type = el("td"); type.appendChild(el("span", "tag t-" + r.t, r.t === "m" ? "meeting" : "agreement"));
      tr.appendChild(type);
      tr.appendChild(el("td", null, r.kind));
      tr.appendChild(el("td", null, r.status));
      tr.appendChild(el("td", null, dateText(r)));
      var who = el("td");
      r.who.forEach(function (w, k) { if (k) who.appendChild(document.createTextNode(", ")); who.appendChild(document.createTextNode(w)); });
      if (r.subject) { who.appendChild(el("br")); who.appendChild(el("span", "more", r.subject)); }
      tr.appendChild(who);
      tr.appendChild(el("td", null, r.place || ""));
      var cs = el("td");
      r.countries.forEach(function (c) { cs.appendChild(el("span", "tag", c)); });
      tr.appendChild(cs);
      var ev = el("td", "evidence"), docCell = el("td");
      if (r.src.length) {
        ev.appendChild(highlighted(r.src[0][1], r.who.concat(r.place ? [r.place] : [])));
        docCell.appendChild(docLink(r.src[0][0]));
        if (r.src.length > 1) {
          var seen = {}, n = 0;
          r.src.forEach(function (s) { if (!seen[s[0]]) { seen[s[0]] = 1; n++; } });
          ev.appendChild(el("div", "more", "+" + (r.src.length - 1) + " more sentence(s)"));
          if (n > 1) docCell.appendChild(el("div", "more", "+" + (n - 1) + " more document(s)"));
        }
      }
      tr.appendChild(ev);
      tr.appendChild(docCell);
      rows.appendChild(tr);
    });
    clear(body);
    body.appendChild(rows);
    var go = function (p) { state.page = p; renderRecords(); };
    pager($("pager-top"), state.page, pages, sel.length, "records", go);
    pager($("pager-bottom"), state.page, pages, sel.length, "records", go);
    document.body.setAttribute("data-shown-records", String(sel.length));
  }

  function bindFilters() {
    var ids = { "f-type": "type", "f-country": "country", "f-country2": "country2", "f-kind": "kind", "f-status": "status", "f-from": "from", "f-to": "to", "f-q": "q", "f-sort": "sort" };
    Object.keys(ids).forEach(function (id) {
      var input = $(id);
      var update = function () { state[ids[id]] = input.value; state.page = 0; filtered = null; renderRecords(); };
      input.addEventListener(id === "f-q" ? "input" : "change", update);
    });
    $("f-reset").addEventListener("click", function () { setFilters({}); });
  }
  function setFilters(f) {
    ["type", "country", "country2", "kind", "status", "from", "to", "q", "sort"].forEach(function (k) {
      state[k] = f[k] || "";
      $("f-" + k).value = state[k];
    });
    state.page = 0;
    filtered = null;
    renderRecords();
    if (location.hash && location.hash !== "#") location.hash = "";
  }

  // Documents list.
  function renderDocuments() {
    var pages = Math.ceil(docs.length / PAGE);
    var body = $("documents").tBodies[0], rows = document.createDocumentFragment();
    for (var i = state.docPage * PAGE; i < Math.min(docs.length, (state.docPage + 1) * PAGE); i++) {
      var d = docs[i], tr = el("tr", "docrow");
      tr.appendChild(el("td", "num", i + 1));
      var link = el("td"); link.appendChild(docLink(i, d[0])); tr.appendChild(link);
      tr.appendChild(el("td", null, d[1] || ""));
      tr.appendChild(el("td", null, d[2] || ""));
      tr.appendChild(el("td", "num", d[5]));
      tr.appendChild(el("td", "num", (recsByDoc[i] || []).length));
      tr.appendChild(el("td", "error", d[4] || ""));
      rows.appendChild(tr);
    }
    clear(body);
    body.appendChild(rows);
    pager($("docs-pager"), state.docPage, pages, docs.length, "documents", function (p) { state.docPage = p; renderDocuments(); });
  }

  // Timeline and country pairs: built the first time they are shown.
  var chartsDone = false;
  function renderCharts() {
    if (chartsDone) return;
    chartsDone = true;
    var months = {}, min = null, max = null;
    recs.forEach(function (r) {
      if (!r.start) return;
      var m = r.start.slice(0, 7);
      var c = months[m] || (months[m] = { m: 0, a: 0 });
      c[r.t]++;
      if (min === null || m < min) min = m;
      if (max === null || m > max) max = m;
    });
    var box = $("timeline");
    if (min === null) { box.appendChild(el("p", "note", "No record has a resolved date.")); }
    else {
      var list = [], y = +min.slice(0, 4), mo = +min.slice(5, 7), top = 1;
      while (true) {
        var key = y + "-" + (mo < 10 ? "0" : "") + mo;
        var c = months[key] || { m: 0, a: 0 };
        list.push([key, c]);
        top = Math.max(top, c.m + c.a);
        if (key >= max || list.length > 1200) break;
        mo++; if (mo > 12) { mo = 1; y++; }
      }
      list.forEach(function (x) {
        var col = el("div", "month");
        col.title = x[0] + ": " + x[1].m + " meetings, " + x[1].a + " agreements";
        col.setAttribute("data-month", x[0]);
        var bm = el("div", "bar-m"), ba = el("div", "bar-a");
        bm.style.height = (100 * x[1].m / top) + "%";
        ba.style.height = (100 * x[1].a / top) + "%";
        col.appendChild(bm);
        col.appendChild(ba);
        col.addEventListener("click", function () {
          var parts = x[0].split("-"), last = new Date(Date.UTC(+parts[0], +parts[1], 0)).getUTCDate();
          setFilters({ from: x[0] + "-01", to: x[0] + "-" + last });
        });
        box.appendChild(col);
      });
      var axis = el("div", "axis");
      axis.appendChild(el("span", null, min));
      axis.appendChild(el("span", null, "\u25a0 meetings  \u25a0 agreements (max " + top + " a month)"));
      axis.appendChild(el("span", null, max));
      box.parentNode.insertBefore(axis, box.nextSibling);
    }

    var per = {}, pair = {};
    recs.forEach(function (r) {
      if (r.t !== "m") return;
      r.countries.forEach(function (c, i) {
        per[c] = (per[c] || 0) + 1;
        for (var j = i + 1; j < r.countries.length; j++) {
          var k = c + "\u0000" + r.countries[j];
          pair[k] = (pair[k] || 0) + 1;
        }
      });
    });
    var top20 = Object.keys(per).sort(function (a, b) { return per[b] - per[a] || (a < b ? -1 : 1); }).slice(0, 20).sort();
    var most = 1;
    Object.keys(pair).forEach(function (k) { most = Math.max(most, pair[k]); });
    var table = el("table"), head = el("tr");
    head.appendChild(el("th"));
    top20.forEach(function (c) { head.appendChild(el("th", "col", c)); });
    table.appendChild(head);
    top20.forEach(function (a) {
      var tr = el("tr");
      tr.appendChild(el("th", null, a + " (" + per[a] + ")"));
      top20.forEach(function (b) {
        var n = a === b ? 0 : pair[a < b ? a + "\u0000" + b : b + "\u0000" + a] || 0;
        var td = el("td", null, n || "");
        if (n) {
          td.style.backgroundColor = "rgba(31,95,191," + (0.12 + 0.78 * n / most).toFixed(2) + ")";
          td.title = a + " \u2013 " + b + ": " + n + " meetings";
          td.addEventListener("click", function () { setFilters({ type: "m", country: a, country2: b }); });
        }
        tr.appendChild(td);
      });
      table.appendChild(tr);
    });
    var mbox = $("matrix");
    if (top20.length < 2) mbox.appendChild(el("p", "note", "Fewer than two countries have meetings."));
    else mbox.appendChild(table);
  }

  // One document: its text with entities and evidence marked, and its records.
  function cut(text, ents, evidence) {
    var points = [0, text.length], i;
    for (i = 0; i + 2 < ents.length; i += 3) points.push(ents[i], ents[i + 1]);
    for (i = 0; i + 1 < evidence.length; i += 2) points.push(evidence[i], evidence[i + 1]);
    points = points.filter(function (p) { return p >= 0 && p <= text.length; }).sort(function (a, b) { return a - b; });
    var frag = document.createDocumentFragment();
    var e = 0, v = 0, evBox = null, evAt = -1, mark = null, markAt = -1;
    for (var k = 0; k + 1 < points.length; k++) {
      var a = points[k], b = points[k + 1];
      if (a === b) continue;
      while (e + 2 < ents.length && ents[e + 1] <= a) e += 3;
      while (v + 1 < evidence.length && evidence[v + 1] <= a) v += 2;
      var inEv = v + 1 < evidence.length && evidence[v] <= a;
      var inEnt = e + 2 < ents.length && ents[e] <= a;
      var parent = frag;
      if (inEv) {
        if (evAt !== v) { evBox = el("span", "ev"); evAt = v; frag.appendChild(evBox); mark = null; }
        parent = evBox;
      } else { evAt = -1; }
      if (inEnt) {
        if (!(mark && markAt === e && mark.parentNode === parent)) {
          var label = labels[ents[e + 2]] || "";
          mark = el("mark", labelClass(label));
          mark.setAttribute("data-label", label);
          markAt = e;
          parent.appendChild(mark);
        }
        mark.appendChild(document.createTextNode(text.slice(a, b)));
        if (b === ents[e + 1]) mark.appendChild(el("span", "lbl", mark.getAttribute("data-label")));
      } else {
        mark = null;
        parent.appendChild(document.createTextNode(text.slice(a, b)));
      }
    }
    return frag;
  }

  function renderDoc(id) {
    var view = $("view-doc");
    clear(view);
    var back = el("a", null, "\u2190 all records");
    back.setAttribute("href", "#");
    view.appendChild(back);
    var i = docIndex[id];
    if (i === undefined) { view.appendChild(el("p", "error", "No document with this id.")); return; }
    var d = docs[i];
    view.setAttribute("data-doc", String(i));
    view.appendChild(el("h2", null, d[1] || d[0]));
    var meta = el("div", "meta");
    meta.appendChild(document.createTextNode("document "));
    meta.appendChild(el("code", null, d[0]));
    if (d[2]) meta.appendChild(document.createTextNode(" \u00b7 published " + d[2]));
    if (d[3]) { meta.appendChild(document.createTextNode(" \u00b7 url ")); meta.appendChild(el("code", null, d[3])); }
    view.appendChild(meta);
    if (d[4]) view.appendChild(el("p", "error", "error: " + d[4]));
    var block = document.getElementById("t" + i);
    if (!block) {
      view.appendChild(el("p", "note", "Loading the text\u2026"));
      return; // shown again once the page has loaded (see the end of this script)
    }
    var t = JSON.parse(block.textContent);
    t.warnings.forEach(function (w) { view.appendChild(el("p", "warn", "warning: " + w)); });
    var legend = el("div", "legend");
    var present = {};
    for (var k = 2; k < t.entities.length; k += 3) present[labels[t.entities[k]]] = (present[labels[t.entities[k]]] || 0) + 1;
    labels.forEach(function (l) {
      if (!present[l]) return;
      var m = el("mark", labelClass(l), l + " " + present[l]);
      legend.appendChild(m);
    });
    if (t.evidence.length) legend.appendChild(el("span", "ev", "evidence of a record"));
    view.appendChild(legend);
    var text = el("div", "doctext");
    text.appendChild(cut(t.text, t.entities, t.evidence));
    view.appendChild(text);
    var mine = recsByDoc[i] || [];
    view.appendChild(el("h3", null, mine.length + " record(s) from this document"));
    var list = el("ul", "doc-records");
    mine.forEach(function (ri) {
      var r = recs[ri], li = el("li");
      li.appendChild(el("span", "tag t-" + r.t, r.t === "m" ? "meeting" : "agreement"));
      li.appendChild(document.createTextNode(r.kind + ", " + r.status + (r.date ? ", " + dateText(r) : "") + ": " + r.who.join(", ") + (r.place ? " in " + r.place : "")));
      r.src.forEach(function (s) {
        if (s[0] !== i) return;
        var q = el("div", "more");
        q.appendChild(highlighted(s[1], r.who));
        li.appendChild(q);
      });
      list.appendChild(li);
    });
    view.appendChild(list);
  }

  function show(name) {
    ["records", "documents", "charts", "doc"].forEach(function (v) { $("view-" + v).hidden = v !== name; });
  }
  function route() {
    var h = location.hash;
    if (h.indexOf("#doc=") === 0) {
      var id;
      try { id = decodeURIComponent(h.slice(5)); } catch (e) { id = h.slice(5); }
      show("doc");
      renderDoc(id);
      window.scrollTo(0, 0);
    } else if (h === "#documents") { show("documents"); renderDocuments(); }
    else if (h === "#charts") { show("charts"); renderCharts(); }
    else show("records");
  }

  bindFilters();
  renderRecords();
  document.body.setAttribute("data-first-table-ms", String(Math.round(performance.now())));
  window.addEventListener("hashchange", route);
  if (location.hash && location.hash !== "#") route();
  document.addEventListener("DOMContentLoaded", function () {
    if (location.hash.indexOf("#doc=") === 0) route();
    document.body.setAttribute("data-ready", "1");
  });
})();
