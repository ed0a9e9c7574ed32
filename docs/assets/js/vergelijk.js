// Vergelijk methoden: put 2 to 4 methods side by side (methoden/vergelijk/, macros/site/compare.py).
// On the comparison page the choice lives in the address (?m=abcd,pact), so a link reproduces it. Methods
// ticked on the overview or on a method page wait in localStorage until the reader opens the comparison.
// Each method's cells come from its own small script (methoden/vergelijk/<id>.js), loaded with
// <script src>: that also works in the offline copy (file://), where fetch() is refused. Without
// JavaScript the comparison page is a plain table of every method, and method pages link to it.
import { esc, fileLink, listing as names, onPage, storeList, storedList } from "./gedeeld.js";

var KEY = "wijkengids-vergelijk";
var loaded = {};   // method id -> {id, name, html}, filled by the method scripts
var waiting = {};  // method id -> callbacks waiting for its script

window.wgVergelijk = function (record) { if (record && record.id) loaded[record.id] = record; };

function stored() { return storedList(KEY); }
function store(ids) { storeList(KEY, ids); }
function query(ids) { return ids.length ? "?m=" + ids.map(encodeURIComponent).join(",") : ""; }
function fileLinks(root) {
  if (location.protocol !== "file:") return;
  root.querySelectorAll("a[href]").forEach(function (a) { a.setAttribute("href", fileLink(a.getAttribute("href"))); });
}
function compareLink(folder, ids) { return fileLink(folder) + query(ids); }

function load(folder, id, done) {
  if (loaded[id]) { done(loaded[id]); return; }
  if (waiting[id]) { waiting[id].push(done); return; }
  waiting[id] = [done];
  var script = document.createElement("script");
  script.src = folder + encodeURIComponent(id) + ".js";
  script.onload = script.onerror = function () {
    var callbacks = waiting[id];
    delete waiting[id];
    script.remove();
    callbacks.forEach(function (callback) { callback(loaded[id] || null); });
  };
  document.head.appendChild(script);
}

// A checkbox "Vergelijk" in the name cell of every row of a table of methods (tr[data-id]).
function addPicks(table, onChange) {
  var boxes = [];
  table.querySelectorAll("tbody tr[data-id]").forEach(function (row) {
    var cell = row.querySelector("th"), link = cell.querySelector("a");
    var label = document.createElement("label");
    var box = document.createElement("input");
    var name = document.createElement("span");
    label.className = "wg-cmp-pick";
    box.type = "checkbox";
    box.value = row.getAttribute("data-id");
    name.className = "wg-sr";
    name.textContent = " " + (link ? link.textContent : box.value);
    label.appendChild(box);
    label.appendChild(document.createTextNode(" Vergelijk"));
    label.appendChild(name);
    cell.appendChild(label);
    box.addEventListener("change", function () { onChange(box); });
    boxes.push(box);
  });
  return boxes;
}
function tick(boxes, ids) { boxes.forEach(function (box) { box.checked = ids.indexOf(box.value) >= 0; }); }
function toggled(ids, box, max, refuse) {
  var without = ids.filter(function (id) { return id !== box.value; });
  if (!box.checked) return without;
  if (without.length >= max) {
    box.checked = false;
    refuse("Je kunt hoogstens " + max + " methoden vergelijken. Haal er eerst een weg.");
    return ids;
  }
  return without.concat([box.value]);
}

// ----- the methods overview and other tables: tick, then open the comparison ---------------------
function setupPicker(table) {
  if (table.getAttribute("data-ready")) return;
  table.setAttribute("data-ready", "1");
  var folder = table.getAttribute("data-compare-url"), max = +table.getAttribute("data-max") || 4;
  var bar = document.createElement("div");
  bar.className = "wg-cmp-bar";
  bar.innerHTML = "<p class=\"wg-cmp-bar__status\" role=\"status\" aria-live=\"polite\"></p>" +
    "<a class=\"md-button md-button--primary wg-cmp-bar__go\" href=\"\" hidden></a>";
  table.parentNode.insertBefore(bar, table.nextSibling);
  var status = bar.querySelector("p"), go = bar.querySelector("a");
  var known = {};
  table.querySelectorAll("tbody tr[data-id]").forEach(function (row) { known[row.getAttribute("data-id")] = 1; });
  var boxes = addPicks(table, function (box) { show(toggled(mine(), box, max, say)); });
  function mine() { return stored().filter(function (id) { return known[id]; }); }
  function say(text) { status.textContent = text; }
  function show(ids, quiet) {
    store(ids);
    tick(boxes, ids);
    go.hidden = ids.length < 2;
    go.href = compareLink(folder, ids);
    go.textContent = "Vergelijk deze " + ids.length + " methoden";
    bar.classList.toggle("wg-cmp-bar--on", ids.length > 0);
    if (!quiet || ids.length) {
      say(ids.length === 0 ? "Geen methoden gekozen om te vergelijken." : ids.length === 1
        ? "1 methode gekozen om te vergelijken. Kies er nog een."
        : ids.length + " methoden gekozen om te vergelijken.");
    }
  }
  show(mine(), true);
}

// ----- a method page: "Zet deze methode in je vergelijking" ----------------------------------
function setupMethod(box) {
  if (box.getAttribute("data-ready")) return;
  box.setAttribute("data-ready", "1");
  var id = box.getAttribute("data-compare-add"), folder = box.getAttribute("data-compare-url");
  var max = +box.getAttribute("data-max") || 4;
  box.innerHTML = "<label class=\"wg-cmp-add__pick\"><input type=\"checkbox\"> Zet deze methode in je vergelijking</label> " +
    "<span class=\"wg-cmp-add__status\" role=\"status\" aria-live=\"polite\"></span> " +
    "<a class=\"wg-cmp-add__go\" href=\"\"></a>";
  var input = box.querySelector("input"), status = box.querySelector(".wg-cmp-add__status"), go = box.querySelector("a");
  input.value = id;
  function show(ids) {
    store(ids);
    input.checked = ids.indexOf(id) >= 0;
    go.href = compareLink(folder, ids.length ? ids : [id]);
    go.textContent = ids.length >= 2 ? "Vergelijk je " + ids.length + " methoden" : "Kies methoden om mee te vergelijken";
  }
  input.addEventListener("change", function () {
    var ids = toggled(stored(), input, max, function (text) { status.textContent = text; });
    if (ids.length <= max) status.textContent = input.checked ? "In je vergelijking (" + ids.length + " van hoogstens " + max + ")." : "Niet meer in je vergelijking.";
    show(ids);
  });
  show(stored());
}

// ----- the comparison page ---------------------------------------------------------------------
function setupCompare(root) {
  if (root.getAttribute("data-ready")) return;
  root.setAttribute("data-ready", "1");
  var max = +root.getAttribute("data-max") || 4;
  var rows = JSON.parse(root.getAttribute("data-rows"));
  var background = JSON.parse(root.getAttribute("data-background") || "{}");
  var folder = root.getAttribute("data-scripts");
  var table = root.querySelector("table[data-compare-pick]");
  var view = root.querySelector(".wg-cmp__view"), heading = view.querySelector("h2");
  var status = view.querySelector(".wg-cmp__status"), result = view.querySelector(".wg-cmp__result");
  var fold = view.querySelector(".wg-cmp__fold"), share = view.querySelector(".wg-cmp__link");
  var method = {};  // id -> {name, href} from the table of all methods
  table.querySelectorAll("tbody tr[data-id]").forEach(function (row) {
    var link = row.querySelector("th a");
    method[row.getAttribute("data-id")] = { name: link.textContent, href: link.getAttribute("href") };
  });
  var state = { ids: [], notes: [], drawn: 0, same: [], missing: [] };
  var boxes = addPicks(table, function (box) {
    var ids = toggled(state.ids, box, max, function (text) { status.textContent = text; });
    if (ids !== state.ids) choose(ids, []);
  });

  function fromAddress() {
    var raw = new URLSearchParams(location.search).get("m");
    if (raw === null) return { ids: stored().filter(function (id) { return method[id]; }).slice(0, max), notes: [] };
    var ids = [], unknown = [], apart = [];
    raw.split(",").forEach(function (id) {
      id = id.trim();
      if (!id || ids.indexOf(id) >= 0) return;
      if (method[id]) ids.push(id); else if (background[id]) apart.push(background[id]); else unknown.push(id);
    });
    var notes = unknown.length ? ["Niet gevonden in de gids: " + names(unknown) + "."] : [];
    if (apart.length) {
      notes.push(names(apart) + (apart.length === 1 ? " is" : " zijn") + " een idee of geschiedenis (Achtergrond), " +
        "geen methode om nu te kiezen. Daarom " + (apart.length === 1 ? "staat het" : "staan ze") + " hier niet bij.");
    }
    if (ids.length > max) notes.push("Je kunt hoogstens " + max + " methoden vergelijken; de eerste " + max + " staan hieronder.");
    return { ids: ids.slice(0, max), notes: notes };
  }

  function choose(ids, notes) {
    state.ids = ids;
    state.notes = notes;
    store(ids);
    history.replaceState(null, "", location.pathname + query(ids) + location.hash);
    tick(boxes, ids);
    draw();
  }

  function draw() {
    var ids = state.ids.slice(), turn = ++state.drawn, records = {}, left = ids.length;
    share.href = location.href;
    share.textContent = location.href;
    // Printed, the comparison stands alone; three or four columns get a landscape page (vergelijk.css).
    root.classList.toggle("wg-cmp--gekozen", ids.length > 0);
    document.documentElement.classList.toggle("wg-liggend", ids.length >= 3);
    if (!ids.length) { result.innerHTML = ""; state.same = []; report([]); return; }
    ids.forEach(function (id) {
      load(folder, id, function (record) {
        records[id] = record;
        if (--left === 0 && turn === state.drawn) build(ids, records);
      });
    });
  }

  function cellsOf(record) {
    var template = document.createElement("template"), cells = {};
    template.innerHTML = record ? record.html : "";
    template.content.querySelectorAll("[data-row]").forEach(function (el) { cells[el.getAttribute("data-row")] = el; });
    return cells;
  }

  function build(ids, records) {
    var cells = ids.map(function (id) { return cellsOf(records[id]); });
    var missing = ids.filter(function (id) { return !records[id]; }).map(function (id) { return method[id].name; });
    var html = "<table class=\"wg-table wg-cmp__table\"><caption>" + "Vergelijking van " +
      esc(names(ids.map(function (id) { return method[id].name; }))) + "</caption><thead><tr><th scope=\"col\">Kenmerk</th>";
    ids.forEach(function (id) {
      html += "<th scope=\"col\"><a href=\"" + esc(method[id].href) + "\">" + esc(method[id].name) + "</a> " +
        "<button type=\"button\" class=\"wg-cmp__remove\" data-remove=\"" + esc(id) + "\">Haal weg<span class=\"wg-sr\"> " +
        esc(method[id].name) + "</span></button></th>";
    });
    html += "</tr></thead><tbody>";
    rows.forEach(function (row) {
      html += "<tr data-row=\"" + esc(row[0]) + "\"><th scope=\"row\">" + esc(row[1]) + "</th>";
      ids.forEach(function (id) { html += "<td data-label=\"" + esc(method[id].name) + "\"></td>"; });
      html += "</tr>";
    });
    result.innerHTML = html + "</tbody></table>";
    var same = [];
    result.querySelectorAll("tbody tr").forEach(function (tr, r) {
      var texts = [];
      tr.querySelectorAll("td").forEach(function (td, c) {
        var cell = cells[c][rows[r][0]];
        if (cell) { while (cell.firstChild) td.appendChild(cell.firstChild); }
        else td.innerHTML = "<p class=\"wg-cmp__none\">Niet geladen</p>";
        texts.push(td.textContent.replace(/\s+/g, " ").trim());
      });
      var alike = ids.length >= 2 && texts.every(function (text) { return text === texts[0]; });
      tr.classList.toggle("wg-cmp__same", alike);
      if (alike) same.push(rows[r][1]);
    });
    fileLinks(result);
    result.querySelectorAll("button[data-remove]").forEach(function (button) {
      button.addEventListener("click", function () {
        var gone = button.getAttribute("data-remove");
        choose(state.ids.filter(function (id) { return id !== gone; }), []);
        heading.focus();
      });
    });
    state.missing = missing;
    applyFold(same);
    report(same);
  }

  function applyFold(same) {
    result.querySelectorAll("tr.wg-cmp__same").forEach(function (tr) { tr.hidden = fold.checked; });
    state.same = same;
  }

  function report(same) {
    var ids = state.ids, text = state.notes.join(" "), missing = ids.length ? state.missing : [];
    var list = names(ids.map(function (id) { return method[id].name; }));
    if (!ids.length) text += (text ? " " : "") + "Je hebt nog geen methoden gekozen. Vink in de tabel hieronder 2 tot " + max + " methoden aan.";
    else if (ids.length === 1) text += (text ? " " : "") + "Je hebt 1 methode gekozen: " + list + ". Vink in de tabel hieronder nog een methode aan.";
    else text += (text ? " " : "") + "Je vergelijkt " + ids.length + " methoden: " + list + ".";
    if (missing && missing.length) text += " De gegevens van " + names(missing) + " zijn niet geladen.";
    if (same.length) {
      text += fold.checked ? " Verborgen omdat ze bij alle gekozen methoden gelijk zijn: " + names(same).toLowerCase() + "."
        : " Gelijk bij alle gekozen methoden: " + names(same).toLowerCase() + ".";
    }
    if (status.textContent !== text) status.textContent = text;
  }

  fold.addEventListener("change", function () { applyFold(state.same); report(state.same); });
  view.querySelector(".wg-cmp__print").addEventListener("click", function () { window.print(); });
  root.querySelectorAll(".wg-cmp__js").forEach(function (el) { el.hidden = false; });
  root.querySelectorAll(".wg-cmp__nojs").forEach(function (el) { el.hidden = true; });
  view.hidden = false;
  var start = fromAddress();
  choose(start.ids, start.notes);
}

onPage(function () {
  document.querySelectorAll("[data-cmp]").forEach(setupCompare);
  document.querySelectorAll("table[data-compare-pick][data-compare-url]").forEach(setupPicker);
  document.querySelectorAll("[data-compare-add]").forEach(setupMethod);
});
