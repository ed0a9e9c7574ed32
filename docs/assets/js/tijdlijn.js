// Tijdlijn: read it newest first, and filter by theme. Without this script the page is the full
// list, oldest first, one section per decade. The choice lives in the URL (?volgorde=nieuw&thema=…),
// so a link reproduces the view.
import { onPage } from "./gedeeld.js";

function setup(form) {
  if (form.getAttribute("data-ready")) return;
  form.setAttribute("data-ready", "1");
  var article = form.parentNode;
  var end = article.querySelector(".wg-tl__end");
  var button = form.querySelector(".wg-tl__order");
  var select = form.querySelector(".wg-tl__theme");
  var status = form.querySelector(".wg-tl__status");
  // Decades as [heading, list] pairs, in the page's (oldest first) order.
  var decades = Array.prototype.map.call(article.querySelectorAll("ol.wg-timeline[data-decade]"), function (ol) {
    return { heading: document.getElementById(ol.getAttribute("data-decade")), list: ol,
             events: Array.prototype.slice.call(ol.children) };
  });
  var toc = document.querySelector(".md-sidebar--secondary .md-nav__list");
  var tocItems = toc ? Array.prototype.slice.call(toc.children) : [];
  var total = decades.reduce(function (n, d) { return n + d.events.length; }, 0);

  function apply(newest, theme) {
    button.setAttribute("aria-pressed", newest ? "true" : "false");
    button.textContent = newest ? "Oudste eerst" : "Nieuwste eerst";
    select.value = theme;
    if (select.value !== theme) { theme = ""; select.value = ""; }  // an unknown theme in a link: all
    var order = newest ? decades.slice().reverse() : decades;
    var shown = 0;
    order.forEach(function (d) {
      (newest ? d.events.slice().reverse() : d.events).forEach(function (li) {
        var on = !theme || (" " + li.getAttribute("data-themes") + " ").indexOf(" " + theme + " ") >= 0;
        li.hidden = !on;
        if (on) shown++;
        d.list.appendChild(li);
      });
      var empty = d.events.every(function (li) { return li.hidden; });
      d.heading.hidden = empty;
      d.list.hidden = empty;
      article.insertBefore(d.heading, end);
      article.insertBefore(d.list, end);
    });
    if (toc) {  // the table of contents follows: same order, no link to an empty decade
      (newest ? tocItems.slice().reverse() : tocItems).forEach(function (li) {
        var link = li.querySelector("a.md-nav__link");  // Material makes its href absolute: read the hash
        var target = link && link.hash && document.getElementById(decodeURIComponent(link.hash.slice(1)));
        li.hidden = !!(target && target.hidden);
        toc.appendChild(li);
      });
    }
    var text = (theme ? shown + " van " + total + " gebeurtenissen" : total + " gebeurtenissen") +
      (newest ? ", nieuwste eerst." : ", oudste eerst.");
    if (status.textContent !== text) status.textContent = text;
    var params = new URLSearchParams(location.search);
    if (newest) params.set("volgorde", "nieuw"); else params.delete("volgorde");
    if (theme) params.set("thema", theme); else params.delete("thema");
    var query = params.toString();
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  var params = new URLSearchParams(location.search);
  var state = { newest: params.get("volgorde") === "nieuw", theme: params.get("thema") || "" };
  button.addEventListener("click", function () { state.newest = !state.newest; apply(state.newest, select.value); });
  select.addEventListener("change", function () { apply(state.newest, select.value); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply(state.newest, state.theme);
}

onPage(function () { document.querySelectorAll("form.wg-tl__controls").forEach(setup); });
