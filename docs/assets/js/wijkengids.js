// Wijkengids: small enhancements. Widgets start from Material's document$ (gedeeld.js, onPage);
// every page works without this script.
import { onPage } from "./gedeeld.js";

// The reader's date as YYYY-MM-DD, comparable as text with the dates the build writes.
function today() {
  var now = new Date();
  function two(n) { return (n < 10 ? "0" : "") + n; }
  return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
}

// The build already marks records whose review is older than the review period, and writes on every
// reviewed record the last day its review counts (data-review-due, from macros/data/review.py: the rule
// lives there only). A site may stay online long after its last build: once the reader's date is past
// that day, this adds the same visible note.
function markOldReviews() {
  var day = today();
  document.querySelectorAll(".wg-review[data-review-due][data-review-months]").forEach(function (el) {
    var months = el.getAttribute("data-review-months");
    if (day <= el.getAttribute("data-review-due") || el.querySelector(".wg-review__note")) return;
    var note = document.createElement("p");
    note.className = "wg-review__note";
    var strong = document.createElement("strong");
    strong.textContent = "Dit record is langer dan " + months + " maanden niet gecontroleerd.";
    note.appendChild(strong);
    note.appendChild(document.createTextNode(" Sommige informatie kan verouderd zijn."));
    el.insertBefore(note, el.firstChild);
    el.classList.add("wg-review--old");
  });
}
// The methods index: checkboxes per kind (methode, regeling, …) hide the other rows. The choice lives in
// the URL (?soort=regeling,idee), so a link reproduces it. Without JavaScript the table shows every
// method with its kind, and the form stays hidden.
function kindFilter() {
  document.querySelectorAll("form[data-kindfilter]").forEach(function (form) {
    if (form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "1");
    var table = document.querySelector("table[data-kindtable]");
    if (!table) return;
    var rows = table.querySelectorAll("tbody tr[data-kind]");
    var boxes = form.querySelectorAll("input[name=soort]");
    var count = form.querySelector(".wg-kindfilter__count");
    function apply(pushUrl) {
      var wanted = [];
      boxes.forEach(function (box) { if (box.checked) wanted.push(box.value); });
      var shown = 0;
      rows.forEach(function (row) {
        var on = !wanted.length || wanted.indexOf(row.getAttribute("data-kind")) >= 0;
        row.hidden = !on;
        if (on) shown++;
      });
      var text = wanted.length ? shown + " van de " + rows.length + " getoond" : "Alle " + rows.length + " getoond";
      if (count.textContent !== text) count.textContent = text;
      if (pushUrl) {
        var query = wanted.length ? "?soort=" + wanted.join(",") : "";
        history.replaceState(null, "", location.pathname + query + location.hash);
      }
    }
    var fromUrl = (new URLSearchParams(location.search).get("soort") || "").split(",");
    boxes.forEach(function (box) { box.checked = fromUrl.indexOf(box.value) >= 0; });
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply(false);
  });
}

onPage(function () { markOldReviews(); kindFilter(); });
