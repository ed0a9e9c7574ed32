// Leeslijst: filter the reading list by theme, year, kind and words; the count is announced (aria-live).
// Without JavaScript the page is the whole list, grouped by theme, and the form stays hidden.
// Every entry is written out in full once (id = its BibTeX key) under its first theme; its other themes
// hold a short link to it. When one theme is chosen, the entries of that theme that live elsewhere are
// moved into its group (where their short link stands) and moved back afterwards, so the theme shows
// every entry in full and ids stay unique. The choice lives in the URL query
// (?thema=groningen&van=2010&tot=2015&soort=boek,rapport&zoek=tonkens), so a link reproduces the view.
import { fold as norm, forms } from "./nl-stem.js";
import { onPage, plural } from "./gedeeld.js";

// The same steps as normalise() in macros/site/readinglist.py: no accents, lower case, words.
// Word forms (bewonersbedrijf/bewonersbedrijven) come from nl-stem.js, the site's one stemmer.
function withForms(text) {
  var out = [];
  norm(text).split(" ").forEach(function (word) { forms(word).forEach(function (f) { out.push(f); }); });
  return " " + out.join(" ") + " ";
}
function year(value) {
  var n = parseInt(value, 10);
  return isNaN(n) ? 0 : n;
}

function setup(root) {
  if (root.getAttribute("data-ready")) return;
  root.setAttribute("data-ready", "1");
  var tools = document.querySelector(".wg-ll__tools");  // outside the list: it must stay out of the TOC
  if (!tools) return;
  var form = tools.querySelector(".wg-ll__form");
  var count = tools.querySelector(".wg-ll__count");
  var groups = Array.prototype.slice.call(root.querySelectorAll(".wg-ll__group"));
  var entries = Array.prototype.slice.call(root.querySelectorAll(".wg-ll__entry"));
  var byKey = {};
  entries.forEach(function (el) {
    // A marker where the entry lives, to put it back after a theme has borrowed it.
    var home = document.createComment(" " + el.id + " ");
    el.parentNode.insertBefore(home, el.nextSibling);
    byKey[el.id] = { el: el, home: home, search: withForms(el.getAttribute("data-search")),
      themes: " " + el.getAttribute("data-themes") + " ", type: el.getAttribute("data-type"),
      year: year(el.getAttribute("data-year")) };
  });
  var total = entries.length;

  function read() {
    var kinds = [];
    form.querySelectorAll("input[name=soort]:checked").forEach(function (box) { kinds.push(box.value); });
    var words = norm(form.elements.zoek.value);
    return { q: form.elements.zoek.value.trim(), words: words ? words.split(" ") : [], thema: form.elements.thema.value,
      van: year(form.elements.van.value), tot: year(form.elements.tot.value), soort: kinds };
  }
  function write(state) {
    form.elements.zoek.value = state.q;
    form.elements.thema.value = state.thema;
    if (form.elements.thema.value !== state.thema) form.elements.thema.value = "";
    form.elements.van.value = state.van || "";
    form.elements.tot.value = state.tot || "";
    form.querySelectorAll("input[name=soort]").forEach(function (box) { box.checked = state.soort.indexOf(box.value) >= 0; });
  }
  function fromQuery(search) {
    var params = new URLSearchParams(search);
    var q = params.get("zoek") || "";  // not "q": Material's site search opens on ?q=
    return { q: q, words: [], thema: params.get("thema") || "", van: year(params.get("van")), tot: year(params.get("tot")),
      soort: (params.get("soort") || "").split(",").filter(Boolean) };
  }
  function toQuery(state) {
    var parts = [];
    if (state.thema) parts.push("thema=" + encodeURIComponent(state.thema));
    if (state.van) parts.push("van=" + state.van);
    if (state.tot) parts.push("tot=" + state.tot);
    if (state.soort.length) parts.push("soort=" + state.soort.map(encodeURIComponent).join(","));
    if (state.q) parts.push("zoek=" + encodeURIComponent(state.q));
    return parts.length ? "?" + parts.join("&") : "";
  }

  function matches(data, state) {
    if (state.thema && data.themes.indexOf(" " + state.thema + " ") < 0) return false;
    if (state.soort.length && state.soort.indexOf(data.type) < 0) return false;
    if (state.van || state.tot) {
      if (!data.year) return false;  // z.d. has no year to compare
      if (state.van && data.year < state.van) return false;
      if (state.tot && data.year > state.tot) return false;
    }
    for (var i = 0; i < state.words.length; i++) {  // a form of each word must start a word (form)
      var variants = forms(state.words[i]), hit = false;
      for (var j = 0; j < variants.length && !hit; j++) hit = data.search.indexOf(" " + variants[j]) >= 0;
      if (!hit) return false;
    }
    return true;
  }

  function apply(state) {
    // Everything home first, then let the chosen theme borrow its entries that live elsewhere.
    entries.forEach(function (el) {
      var data = byKey[el.id];
      if (el.nextSibling !== data.home) data.home.parentNode.insertBefore(el, data.home);
    });
    root.querySelectorAll(".wg-ll__elsewhere").forEach(function (ref) { ref.classList.remove("is-borrowed"); });
    var chosen = null;
    groups.forEach(function (group) { if (group.getAttribute("data-theme") === state.thema) chosen = group; });
    if (chosen) {
      chosen.querySelectorAll(".wg-ll__elsewhere").forEach(function (ref) {
        var data = byKey[ref.getAttribute("data-ref")];
        if (!data) return;
        ref.parentNode.insertBefore(data.el, ref);
        ref.classList.add("is-borrowed");
      });
    }
    var shown = 0;
    entries.forEach(function (el) {
      var ok = matches(byKey[el.id], state);
      el.hidden = !ok;
      if (ok) shown += 1;
    });
    groups.forEach(function (group) {
      var any = false;
      group.querySelectorAll(".wg-ll__elsewhere").forEach(function (ref) {
        var data = byKey[ref.getAttribute("data-ref")];
        ref.hidden = ref.classList.contains("is-borrowed") || !data || !matches(data, state);
      });
      group.querySelectorAll(".wg-ll__entry, .wg-ll__elsewhere").forEach(function (li) { if (!li.hidden) any = true; });
      group.hidden = (chosen && group !== chosen) || !any;
    });
    // The table of contents follows the filter: it names only the themes shown.
    document.querySelectorAll(".md-sidebar--secondary .md-nav__link[href*='#thema-']").forEach(function (link) {
      var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      var group = target && target.closest(".wg-ll__group");
      if (group) link.parentNode.hidden = group.hidden;
    });
    var filtered = state.thema || state.van || state.tot || state.soort.length || state.words.length;
    if (!filtered) {
      count.textContent = "Je ziet alle " + plural(total, "bron", "bronnen") + ".";
    } else if (shown === 0) {
      count.textContent = "Geen bron past bij je keuze." + (state.van && state.tot && state.van > state.tot
        ? " Het jaar bij 'van' ligt na het jaar bij 'tot en met'." : " Maak je keuze ruimer of wis de filters.");
    } else {
      count.textContent = shown + " van de " + plural(total, "bron", "bronnen") + " " + (shown === 1 ? "past" : "passen") +
        " bij je keuze.";
    }
  }

  function update() {
    var state = read();
    apply(state);
    if (window.history && window.history.replaceState) {
      window.history.replaceState(window.history.state, "", window.location.pathname + toQuery(state) + window.location.hash);
    }
  }

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
  form.addEventListener("reset", function () { window.setTimeout(update, 0); });
  write(fromQuery(window.location.search));
  tools.hidden = false;
  apply(read());
}

onPage(function () { document.querySelectorAll(".wg-ll").forEach(setup); });
