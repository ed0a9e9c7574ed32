// Mijn leeslijst and the actions next to every source (reading list, "Bronnen", "Verder lezen").
// The chosen BibTeX keys live in this browser only (localStorage "wijkengids:leeslijst", like the
// checklists): nothing is sent anywhere. Without JavaScript the buttons stay hidden and every source
// keeps its static download links (leeslijst/bron/<key>.bib and .ris). Works from the offline zip too:
// everything /leeslijst/mijn/ exports is inside that page.
import { copyText as copy, download, onPage, plural, storeList, storedList } from "./gedeeld.js";

var STORE = "wijkengids:leeslijst";
var memory = null;  // when localStorage is refused (private mode): the list lasts this visit

function load() {
  return memory ? memory.slice() : storedList(STORE);
}
function save(keys) {
  memory = storeList(STORE, keys) ? null : keys.slice();
}
function sources(n) { return plural(n, "bron", "bronnen"); }

// One live region for every announcement ("Gekopieerd", "Toegevoegd …"). It is made when the page
// starts, not with the first message: screen readers skip a region that appears together with its text.
function liveRegion() {
  var live = document.getElementById("wg-mijn-live");
  if (!live) {
    live = document.createElement("div");
    live.id = "wg-mijn-live";
    live.className = "wg-sr";
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    document.body.appendChild(live);
  }
  return live;
}
function announce(text) {
  var live = liveRegion();
  live.textContent = "";
  window.setTimeout(function () { live.textContent = text; }, 50);
}

function siteRoot() {
  var logo = document.querySelector("a.md-logo");
  var href = logo ? logo.href : new URL("./", window.location.href).href;
  return href.replace(/index\.html$/, "");
}
function mineUrl() {
  return siteRoot() + "leeslijst/mijn/" + (window.location.protocol === "file:" ? "index.html" : "");
}

// --- the header: a link with the count -------------------------------------------------------
function header() {
  var inner = document.querySelector(".md-header__inner");
  if (!inner) return;
  var link = inner.querySelector(".wg-mijn-kop");
  if (!link) {
    link = document.createElement("a");
    link.className = "wg-mijn-kop";
    link.innerHTML = '<span class="wg-mijn-kop__tekst">Mijn leeslijst</span> <span class="wg-mijn-kop__n"></span>';
    inner.insertBefore(link, inner.querySelector(".md-search") || null);
  }
  link.href = mineUrl();
  var n = load().length;
  link.querySelector(".wg-mijn-kop__n").textContent = String(n);
  link.setAttribute("aria-label", "Mijn leeslijst, " + sources(n));
}

// --- actions next to a source ----------------------------------------------------------------
function refresh() {
  var keys = load();
  document.querySelectorAll(".wg-acties__mijn[data-key]").forEach(function (button) {
    button.setAttribute("aria-pressed", keys.indexOf(button.getAttribute("data-key")) >= 0 ? "true" : "false");
  });
  header();
  var mine = document.querySelector("[data-mijn]");
  if (mine) mineCount(mine);
}

function toggle(key) {
  var keys = load();
  var at = keys.indexOf(key);
  if (at >= 0) keys.splice(at, 1); else keys.push(key);
  save(keys);
  refresh();
  announce((at >= 0 ? "Uit je leeslijst gehaald. " : "In je leeslijst gezet. ") + "Je leeslijst heeft nu " + sources(keys.length) + ".");
}

function addAll(list) {
  var keys = load();
  var added = 0;
  list.forEach(function (key) { if (key && keys.indexOf(key) < 0) { keys.push(key); added += 1; } });
  save(keys);
  refresh();
  return added;
}

function referenceOf(button) {
  var item = button.closest("li");
  return item ? item.querySelector(".wg-ref") : null;
}
function plainText(el) { return el.textContent.replace(/\s+/g, " ").trim(); }

function copied(button, promise, what) {
  promise.then(function () {
    button.classList.add("is-copied");
    window.setTimeout(function () { button.classList.remove("is-copied"); }, 2000);
    announce(what + " gekopieerd.");
  }, function () { announce("Kopiëren lukte niet. Selecteer de tekst en kopieer hem zelf."); });
}

function setupActions() {
  document.querySelectorAll(".wg-acties button[hidden], .wg-verder__alles[hidden]").forEach(function (el) {
    el.hidden = false;
  });
}

document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest("button") : null;
  if (!button) return;
  if (button.classList.contains("wg-acties__mijn")) {
    toggle(button.getAttribute("data-key"));
  } else if (button.getAttribute("data-copy") === "apa") {
    var ref = referenceOf(button);
    if (ref) copied(button, copy(plainText(ref), ref.innerHTML), "Bronvermelding");
  } else if (button.getAttribute("data-copy") === "cite") {
    var box = button.closest(".wg-acties");
    copied(button, copy(box.getAttribute("data-cite")), "Verwijzing " + box.getAttribute("data-cite"));
  } else if (button.classList.contains("wg-acties__alle")) {
    var added = addAll(button.getAttribute("data-keys").split(" "));
    announce((added ? sources(added) + " in je leeslijst gezet. " : "Deze bronnen stonden al in je leeslijst. ") +
      "Je leeslijst heeft nu " + sources(load().length) + ".");
  } else if (button.hasAttribute("data-mijn-action")) {
    mineAction(button, button.getAttribute("data-mijn-action"));
  }
});
window.addEventListener("storage", function (event) { if (event.key === STORE) refresh(); });

// --- /leeslijst/mijn/ ------------------------------------------------------------------------
var exportsData = null;

function mineEntries(root) {
  return Array.prototype.slice.call(root.querySelectorAll(".wg-mijn__entry"));
}
// The chosen keys in reading-list order (the order of the page), known keys only.
function chosen(root) {
  var keys = load();
  return mineEntries(root).map(function (li) { return li.getAttribute("data-key"); })
    .filter(function (key) { return keys.indexOf(key) >= 0; });
}
function shareLink(keys) {
  var base = window.location.href.split("#")[0].split("?")[0];
  return base + (keys.length ? "?bronnen=" + keys.map(encodeURIComponent).join(",") : "");
}

function mineCount(root) {
  var keys = chosen(root);
  var count = root.querySelector(".wg-mijn__count");
  var note = root.getAttribute("data-note") || "";
  count.textContent = (keys.length ? "Je leeslijst heeft " + sources(keys.length) + "."
    : "Je leeslijst is nog leeg. Kies bij een bron op de site 'In mijn leeslijst'.") + (note ? " " + note : "");
  root.querySelector(".wg-mijn__tools").hidden = keys.length === 0;
  root.querySelector(".wg-mijn__wis").hidden = keys.length === 0;
  root.querySelector(".wg-mijn__link").value = shareLink(keys);
}

// Each shown source carries its COinS span (what Zotero's connector reads); a hidden one carries none,
// or the connector would offer the whole reading list.
function coins(li, shown) {
  var span = li.querySelector("span.Z3988");
  var data = exportsData && exportsData[li.getAttribute("data-key")];
  if (shown && !span && data && data.coins) {
    span = document.createElement("span");
    span.className = "Z3988";
    span.title = data.coins;
    li.querySelector(".wg-ref").after(span);
  } else if (!shown && span) {
    span.remove();
  }
}

function mineShow(root) {
  var keys = load();
  mineEntries(root).forEach(function (li) {
    li.hidden = keys.indexOf(li.getAttribute("data-key")) < 0;
    coins(li, !li.hidden);
  });
  mineCount(root);
}

function mineAction(button, action) {
  var root = document.querySelector("[data-mijn]");
  if (!root) return;
  var keys = chosen(root);
  if (action === "print") { window.print(); return; }
  if (action === "clear") {
    if (!window.confirm("Wil je alle bronnen uit je leeslijst halen?")) return;
    save([]);
    mineShow(root);
    header();
    announce("Je leeslijst is leeg.");
    return;
  }
  if (!keys.length) return;
  if (action === "copy") {
    var refs = mineEntries(root).filter(function (li) { return keys.indexOf(li.getAttribute("data-key")) >= 0; })
      .map(function (li) { return li.querySelector(".wg-ref"); });
    copied(button, copy(refs.map(plainText).join("\n"), refs.map(function (r) { return "<p>" + r.innerHTML + "</p>"; }).join("")),
      "Je leeslijst (" + sources(keys.length) + ")");
  } else if (action === "share") {
    copied(button, copy(shareLink(keys)), "De link");
  } else if (action === "bib") {
    download("mijn-leeslijst.bib", keys.map(function (k) { return exportsData[k].bib; }).join("\n"), "application/x-bibtex");
  } else if (action === "ris") {
    download("mijn-leeslijst.ris", keys.map(function (k) { return exportsData[k].ris; }).join("\n"), "application/x-research-info-systems");
  } else if (action === "json") {
    download("mijn-leeslijst.json", JSON.stringify(keys.map(function (k) { return exportsData[k].csl; }), null, 1) + "\n",
      "application/vnd.citationstyles.csl+json");
  }
}

function setupMine(root) {
  if (root.getAttribute("data-ready")) return;
  root.setAttribute("data-ready", "1");
  var script = document.querySelector(".wg-mijn__data");
  try { exportsData = JSON.parse(script.textContent); } catch (e) { return; }
  // A shared link (?bronnen=a,b,c) adds its sources to this reader's list.
  var shared = new URLSearchParams(window.location.search).get("bronnen");
  if (shared) {
    var wanted = shared.split(",").filter(Boolean);
    var known = wanted.filter(function (key) { return Object.prototype.hasOwnProperty.call(exportsData, key); });
    var added = addAll(known);
    var note = "Uit de gedeelde link: " + sources(known.length) + (added < known.length ? " (" + (known.length - added) + " stond" + (known.length - added === 1 ? "" : "en") + " er al in)" : "") + ".";
    if (known.length < wanted.length) note += " " + sources(wanted.length - known.length) + " uit de link " + (wanted.length - known.length === 1 ? "staat" : "staan") + " niet (meer) op de leeslijst.";
    root.setAttribute("data-note", note);
  }
  root.querySelector(".wg-mijn__zonder-js").hidden = true;
  root.querySelector(".wg-mijn__app").hidden = false;
  mineShow(root);
}

onPage(function () {
  liveRegion();
  setupActions();
  var root = document.querySelector("[data-mijn]");
  if (root) setupMine(root);
  refresh();
});
