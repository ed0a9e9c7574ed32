// Participatiewijzer: pick a rung, narrow by role, domain, …; results update at once.
// Data: participatiewijzer/data.json (built from the validated records). The selection lives in the
// URL query (?trede=adviseren&rol=faciliteren,loslaten), so a link reproduces the view and
// back/forward work. Without JavaScript the page links to the rung pages instead.
import { copyText, esc, fileLink, listing as list, onPage, plural } from "./gedeeld.js";

var cache = {};        // data URL -> promise of the prepared data (survives instant navigation)
var active = null;     // the selector on the current page, for popstate
var NEAR = ["één lager", "één hoger"];

function lookup(items, key) {
  var map = {};
  items.forEach(function (item, i) { map[item[key]] = key === "key" ? i : item; });
  return map;
}

function load(url) {
  if (!cache[url]) {
    cache[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    }).then(prepare);
    cache[url].catch(function () { delete cache[url]; });
  }
  return cache[url];
}

// Indexes once per data file, so a change of selection is a single pass over the methods.
function prepare(data) {
  data.rungIndex = {};
  data.rungLabel = {};
  data.rungs.forEach(function (r, i) { data.rungIndex[r.id] = i; data.rungLabel[r.id] = r.label; });
  data.sourceIndex = lookup(data.sources, "key");
  data.methodById = lookup(data.methods, "id");
  return data;
}

// ----- state <-> form <-> URL -------------------------------------------------------------
function emptyState(data) {
  var state = { rung: "", f: {} };
  data.filters.forEach(function (f) { state.f[f.param] = []; });
  return state;
}
function fromQuery(data, search) {
  var state = emptyState(data);
  var params = new URLSearchParams(search);
  var rung = params.get("trede") || "";
  if (rung in data.rungIndex) state.rung = rung;
  data.filters.forEach(function (f) {
    var seen = {};
    (params.get(f.param) || "").split(",").forEach(function (value) {
      if (value in f.labels && !seen[value]) { seen[value] = 1; state.f[f.param].push(value); }
    });
  });
  return state;
}
function toQuery(data, state) {
  var parts = state.rung ? ["trede=" + encodeURIComponent(state.rung)] : [];
  data.filters.forEach(function (f) {
    var values = state.f[f.param];
    if (values.length) parts.push(f.param + "=" + values.map(encodeURIComponent).join(","));
  });
  return parts.length ? "?" + parts.join("&") : "";
}
function fromForm(data, form) {
  var state = emptyState(data);
  var rung = form.querySelector("input[name=trede]:checked");
  state.rung = rung ? rung.value : "";
  data.filters.forEach(function (f) {
    form.querySelectorAll("input[name=" + f.param + "]:checked").forEach(function (box) { state.f[f.param].push(box.value); });
  });
  return state;
}
function toForm(data, form, state) {
  form.querySelectorAll("input[name=trede]").forEach(function (radio) { radio.checked = radio.value === state.rung; });
  var more = false;
  data.filters.forEach(function (f, i) {
    form.querySelectorAll("input[name=" + f.param + "]").forEach(function (box) {
      box.checked = state.f[f.param].indexOf(box.value) >= 0;
      if (box.checked && i > 0) more = true;
    });
  });
  if (more) form.querySelector(".wg-pw__more").open = true;
}

// ----- advice ----------------------------------------------------------------------------
// One pass over the methods. Each answered question fits, does not fit, or is unknown (no data:
// "onbekend", never a reason to leave a method out). The advice: methods that fit every answer they
// have data for, on the chosen rung, then on a neighbouring one, each ranked by how many answers fit
// (the data's alphabetical order breaks ties). Methods that miss an answer but fit another are
// "past deels"; ideas and methods without steps are listed apart. The "why" text is only made for
// what gets shown.
function byFits(x, y) { return y.fit.length - x.fit.length; }
function select(data, state) {
  var chosen = state.rung ? data.rungIndex[state.rung] : -1;
  var used = data.filters.filter(function (f) { return state.f[f.param].length; });
  var exact = [], near = [], partial = [], apart = [], shown = {}, sourceSeen = {}, sources = [];
  var methods = data.methods;
  for (var m = 0; m < methods.length; m++) {
    var method = methods[m], fit = [], miss = [], unknown = [];
    for (var a = 0; a < used.length; a++) {
      var wanted = state.f[used[a].param], have = method[used[a].field] || [], hit = false;
      for (var v = 0; v < have.length && !hit; v++) hit = wanted.indexOf(have[v]) >= 0;
      (hit ? fit : have.length ? miss : unknown).push(used[a]);
    }
    var by = null;
    if (chosen >= 0) {
      var on = false;
      by = [];
      for (var r = 0; r < method.rungs.length; r++) {
        var d = data.rungIndex[method.rungs[r]] - chosen;
        if (d === 0) on = true; else if (d === -1 || d === 1) by.push(r);
      }
      if (on) by = null; else if (!by.length) continue;
    }
    var found = { m: method, by: by, fit: fit, miss: miss, unknown: unknown };
    if (!method.ready) { if (!miss.length) apart.push(found); continue; }
    if (miss.length) { if (fit.length || (chosen >= 0 && !by)) partial.push(found); continue; }
    (by ? near : exact).push(found);
    shown[method.id] = 1;
    for (var s = 0; s < method.sources.length; s++) {
      var key = method.sources[s];
      if (!sourceSeen[key]) { sourceSeen[key] = 1; sources.push(data.sourceIndex[key]); }
    }
  }
  sources.sort(function (x, y) { return x - y; });
  exact.sort(byFits);  // Array.prototype.sort is stable: equal scores keep alphabetical order
  near.sort(byFits);
  partial.sort(function (x, y) { return (y.fit.length + !y.by) - (x.fit.length + !x.by); });
  return {
    methods: exact.concat(near), exact: exact.length, used: used, partial: partial, apart: apart,
    cases: related(data.cases, state, shown, false),
    lists: related(data.checklists, state, shown, true),
    sources: sources
  };
}

// Cases that reached the chosen rung; checklists for that rung. Both also when tied to a shown
// method (without a chosen rung only so). Records tied to a shown method come first.
function related(records, state, shown, viaMethods) {
  var first = [], rest = [];
  for (var i = 0; i < records.length; i++) {
    var record = records[i];
    var onRung = !!state.rung && record.rungs.indexOf(state.rung) >= 0;
    var usedBy = record.methods.filter(function (id) { return shown[id]; });
    if (onRung || (usedBy.length && (viaMethods || !state.rung))) {
      (usedBy.length ? first : rest).push({ r: record, on: onRung, by: usedBy });
    }
  }
  return first.concat(rest);
}

function methodWhy(data, state, used, hit) {
  var m = hit.m, why = [], no = [];
  if (state.rung && !hit.by) why.push("trede " + data.rungLabel[state.rung]);
  if (hit.by) {
    why.push("naburige trede " + list(hit.by.map(function (r) {
      var id = m.rungs[r];
      return data.rungLabel[id] + " (" + NEAR[data.rungIndex[id] > data.rungIndex[state.rung] ? 1 : 0] + ")";
    })));
  }
  hit.fit.forEach(function (f) {
    var labels = m[f.field].filter(function (v) { return state.f[f.param].indexOf(v) >= 0; })
      .map(function (v) { return f.labels[v]; });
    why.push(f.why + ": " + list(labels));
  });
  hit.miss.forEach(function (f) {
    no.push(f.why + " (" + list((m[f.field] || []).map(function (v) { return f.labels[v] || v; })) + ")");
  });
  if (!why.length && !no.length && !hit.unknown.length) {
    return "treden: " + list(m.rungs.map(function (id) { return data.rungLabel[id]; }));
  }
  return (why.length ? "past bij " + why.join("; ") : "") +
    (no.length ? (why.length ? ". " : "") + "Past niet bij " + no.join("; ") : "") +
    (hit.unknown.length ? ((why.length || no.length) ? ". " : "") + "Onbekend: " +
      list(hit.unknown.map(function (f) { return f.why; })) : "");
}

function relatedWhy(data, state, hit, onText, byText) {
  var why = hit.on ? [onText + data.rungLabel[state.rung]] : [];
  if (hit.by.length) {
    why.push(byText + list(hit.by.slice(0, 3).map(function (id) { return data.methodById[id].name; })
      .concat(hit.by.length > 3 ? [(hit.by.length - 3) + " andere"] : [])));
  }
  return why.join("; ");
}

// ----- rendering --------------------------------------------------------------------------
// Items per list before "Toon meer": with 5,000 methods the page stays fast and readable.
var PAGE = { methods: 50, partial: 20, apart: 20, cases: 20, lists: 20, sources: 20 };

function item(href, name, text, why, extra, attrs) {
  return "<li" + attrs + "><a href=\"" + href + "\">" + esc(name) + "</a>" + extra +
    (text ? "<br><span class=\"wg-pw__sum\">" + esc(text) + "</span>" : "") +
    (why ? "<br><span class=\"wg-pw__why\"><strong>Waarom:</strong> " + esc(why) + "</span>" : "") + "</li>";
}

// The four result lists: how to draw one entry, and what to say when there is none.
function views(sel) {
  var data = sel.data, base = sel.base;
  var apartTag = function (m) {
    return m.kinds[0] === "idee" ? "alleen een idee" : "nog niet beschreven";
  };
  return {
    partial: function (hit, state, out) {
      var id = esc(hit.m.id);
      return item(base + data.urls.method + id + "/", hit.m.name, hit.m.summary, methodWhy(data, state, out.used, hit),
        " <span class=\"wg-pw__tag\">" + (hit.fit.length + (state.rung && !hit.by ? 1 : 0)) + " van " +
        (out.used.length + (state.rung ? 1 : 0)) + " antwoorden passen</span>", " data-id=\"" + id + "\"");
    },
    apart: function (hit) {
      var id = esc(hit.m.id);
      return item(base + data.urls.method + id + "/", hit.m.name, hit.m.summary, "",
        " <span class=\"wg-pw__tag\">" + apartTag(hit.m) + "</span>",
        " data-id=\"" + id + "\" data-kind=\"" + esc(hit.m.kinds[0]) + "\"");
    },
    methods: function (hit, state, out) {
      var id = esc(hit.m.id);
      return item(base + data.urls.method + id + "/", hit.m.name, hit.m.summary, methodWhy(data, state, out.used, hit),
        hit.by ? " <span class=\"wg-pw__tag\">naburige trede</span>" : "",
        (hit.by ? " class=\"wg-pw__near\" data-match=\"near\"" : " data-match=\"exact\"") + " data-id=\"" + id + "\"");
    },
    cases: function (hit, state) {
      return item(base + data.urls["case"] + esc(hit.r.id) + "/", hit.r.name, hit.r.summary,
        relatedWhy(data, state, hit, "bewoners bereikten ", "gebruikte "), "", " data-id=\"" + esc(hit.r.id) + "\"");
    },
    lists: function (hit, state) {
      return item(base + data.urls.checklist + esc(hit.r.id) + "/", hit.r.title, "",
        relatedWhy(data, state, hit, "voor trede ", "hoort bij "), "", " data-id=\"" + esc(hit.r.id) + "\"");
    },
    sources: function (index) {
      var s = data.sources[index];
      return "<li data-id=\"" + esc(s.key) + "\"><a href=\"" + base + "leeslijst/#" + encodeURIComponent(s.key) + "\">" +
        esc(s.cite) + "</a> <cite" + (s.lang && s.lang !== "nl" ? " lang=\"" + esc(s.lang) + "\"" : "") + ">" +
        esc(s.title) + "</cite></li>";
    }
  };
}
var MORE = { methods: "methoden", partial: "methoden", apart: "methoden", cases: "praktijkvoorbeelden",
  lists: "checklists", sources: "bronnen" };
var EMPTY = {
  methods: "Geen methode past bij deze keuze. Haal een vinkje weg of kies een andere trede.",
  partial: "Geen methode die maar deels past.",
  apart: "Geen.",
  cases: "Geen praktijkvoorbeeld bij deze keuze.",
  lists: "Geen checklist bij deze keuze.",
  sources: "Geen bronnen bij deze keuze."
};

// Draw entries [from, limit) of one list; "Toon meer" adds the next page.
function draw(sel, name, from) {
  var list = sel.lists[name], items = sel.out[name], to = Math.min(list.limit, items.length), html = "";
  for (var i = from; i < to; i++) html += sel.views[name](items[i], sel.state, sel.out);
  if (from === 0) list.el.innerHTML = items.length ? html : "<li class=\"wg-pw__none\">" + EMPTY[name] + "</li>";
  else list.el.insertAdjacentHTML("beforeend", html);
  var rest = items.length - to;
  list.more.hidden = rest <= 0;
  if (rest > 0) list.more.textContent = "Toon meer " + MORE[name] + " (nog " + rest + ")";
}

function render(sel, state) {
  var data = sel.data, out = select(data, state);
  sel.state = state;
  sel.out = out;
  for (var name in sel.lists) {
    sel.lists[name].limit = PAGE[name];
    draw(sel, name, 0);
  }
  var text = state.rung
    ? data.rungLabel[state.rung] + ": " + plural(out.exact, "methode", "methoden") + " precies op deze trede, " +
      (out.methods.length - out.exact) + " op een naburige trede"
    : plural(out.methods.length, "methode", "methoden");
  text += ", " + plural(out.cases.length, "praktijkvoorbeeld", "praktijkvoorbeelden") + ", " +
    plural(out.lists.length, "checklist", "checklists") + ". Apart: " + out.partial.length + " deels passend, " +
    out.apart.length + " nog niet beschreven of alleen een idee.";
  if (sel.count.textContent !== text) sel.count.textContent = text;
  answers(sel, state);
  compare(sel, out);

  // The figure shows the choice too (also as a check mark, not by colour alone).
  sel.marks.forEach(function (el) {
    var rung = el.getAttribute("data-rung"), role = el.getAttribute("data-role");
    var on = el.tagName === "line" ? rung === state.rung : rung ? rung === state.rung : state.f.rol.indexOf(role) >= 0;
    el.classList.toggle("is-on", on);
  });
}

// The best methods side by side on the comparison page (methoden/vergelijk/, docs/assets/js/vergelijk.js).
function compare(sel, out) {
  var top = out.methods.slice(0, Math.min(3, sel.compareMax)).map(function (hit) { return hit.m.id; });
  sel.compare.hidden = top.length < 2;
  sel.compareLink.href = fileLink(sel.compareUrl) + "?m=" + top.map(encodeURIComponent).join(",");
  sel.compareLink.textContent = "Zet de eerste " + top.length + " methoden naast elkaar";
}

// What was answered, for the screen, the printout and the shared link.
function answers(sel, state) {
  var data = sel.data, html = "";
  var row = function (question, answer) { return "<div><dt>" + esc(question) + "</dt><dd>" + esc(answer) + "</dd></div>"; };
  html += row("Hoeveel zeggenschap", state.rung ? data.rungLabel[state.rung] : "alle treden");
  data.filters.forEach(function (f) {
    var chosen = state.f[f.param];
    if (chosen.length) html += row(f.legend, list(chosen.map(function (v) { return f.labels[v]; })));
  });
  if (!state.rung && !data.filters.some(function (f) { return state.f[f.param].length; })) {
    html += row("Verder", "nog niets gekozen");
  }
  sel.answers.innerHTML = html;
  var url = location.origin + location.pathname + toQuery(data, state);
  sel.link.href = url;
  sel.link.textContent = url;
}

// ----- wiring -----------------------------------------------------------------------------
function setup(root) {
  if (root.getAttribute("data-ready")) return;
  root.setAttribute("data-ready", "loading");
  var base = root.getAttribute("data-base") || "";
  load(new URL(root.getAttribute("data-json"), location.href).href).then(function (data) {
    if (!document.body.contains(root)) return;  // the reader already went elsewhere
    var sel = {
      root: root, data: data, base: base, path: location.pathname,
      form: root.querySelector(".wg-pw__form"),
      figure: root.querySelector(".wg-ladderfig"),
      count: root.querySelector(".wg-pw__count"),
      answers: root.querySelector(".wg-pw__answers"),
      link: root.querySelector(".wg-pw__link"),
      compare: root.querySelector(".wg-pw__compare"),
      compareLink: root.querySelector(".wg-pw__compare-link"),
      compareUrl: root.getAttribute("data-compare"),
      compareMax: +root.getAttribute("data-compare-max") || 4,
      lists: {}
    };
    sel.views = views(sel);
    sel.marks = sel.figure.querySelectorAll("[data-rung],[data-role]");
    ["methods", "partial", "apart", "cases", "lists", "sources"].forEach(function (name) {
      var el = root.querySelector("[data-list=" + name + "]");
      var more = root.querySelector("[data-more=" + name + "]");
      sel.lists[name] = { el: el, more: more, limit: PAGE[name] };
      more.addEventListener("click", function () {
        var from = el.children.length;
        sel.lists[name].limit += PAGE[name];
        draw(sel, name, from);
        var next = el.children[from] && el.children[from].querySelector("a");
        if (next) next.focus();  // keyboard and screen-reader users continue at the first new entry
      });
    });
    active = sel;
    sel.restore = function () {
      var state = fromQuery(data, location.search);
      toForm(data, sel.form, state);
      render(sel, state);
    };
    function changed() {
      var state = fromForm(data, sel.form);
      render(sel, state);
      var query = toQuery(data, state);
      if (query !== location.search) history.pushState(null, "", location.pathname + query + location.hash);
    }
    sel.form.addEventListener("change", changed);
    sel.form.addEventListener("submit", function (event) { event.preventDefault(); });
    root.querySelector(".wg-pw__reset").addEventListener("click", function () {
      toForm(data, sel.form, emptyState(data));
      changed();
    });
    // On this page a click on a rung in the figure chooses it (and a role toggles that role).
    // Material's instant navigation leaves SVG links alone today; stopPropagation keeps it so.
    sel.figure.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a");
      if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      event.stopPropagation();
      var rung = link.getAttribute("data-rung"), role = link.getAttribute("data-role");
      var input = rung ? sel.form.querySelector("#wg-pw-trede-" + rung) : sel.form.querySelector("#wg-pw-rol-" + role);
      if (!input) return;
      input.checked = rung ? true : !input.checked;
      changed();
    });
    // The radios and checkboxes are the accessible way to choose; here the figure is a shortcut
    // for pointer users, so it leaves the tab order and the accessibility tree.
    var svg = sel.figure.querySelector("svg");
    svg.setAttribute("aria-hidden", "true");
    svg.querySelectorAll("a").forEach(function (a) { a.setAttribute("tabindex", "-1"); });
    // The date of the advice is the reader's today (the printout says when it was made).
    root.querySelector(".wg-pw__date").textContent = new Date().toLocaleDateString("nl-NL",
      { day: "numeric", month: "long", year: "numeric" });
    root.querySelector(".wg-pw__print").addEventListener("click", function () {
      for (var name in sel.lists) {  // the printout holds every entry, not only the first page
        var from = sel.lists[name].el.children.length;
        sel.lists[name].limit = Infinity;
        if (!sel.lists[name].more.hidden) draw(sel, name, from);
      }
      window.print();
    });
    root.querySelector(".wg-pw__copy").addEventListener("click", function (event) {
      var button = event.currentTarget, url = sel.link.href;
      var done = function () { button.textContent = "Link gekopieerd"; setTimeout(function () { button.textContent = "Kopieer de link"; }, 2000); };
      copyText(url).then(done, function () { /* the link stays on screen to copy by hand */ });
    });
    root.querySelectorAll(".wg-pw__js").forEach(function (el) { el.hidden = false; });
    root.querySelector(".wg-pw__fallback").hidden = true;
    sel.form.hidden = false;
    root.querySelector(".wg-pw__results").hidden = false;
    sel.restore();
    root.setAttribute("data-ready", "1");
  }, function () {
    root.removeAttribute("data-ready");  // the links to the rung pages stay; try again on the next visit
  });
}

window.addEventListener("popstate", function () {
  if (active && document.body.contains(active.root) && location.pathname === active.path) active.restore();
});

onPage(function () { document.querySelectorAll(".wg-pw[data-json]").forEach(setup); });
