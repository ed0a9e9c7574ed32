// Wijkengids: small enhancements. Widgets start from Material's document$ so they also run
// after instant navigation; every page works without this script.
(function () {
  "use strict";

  // The build already marks records whose review is older than the review period (macros/data/review.py).
  // A site may stay online long after its last build: this repeats the check with the reader's date
  // and adds the same visible note when the period has run out since.
  function markOldReviews() {
    var today = new Date();
    today.setHours(0, 0, 0, 0);
    document.querySelectorAll(".wg-review[data-reviewed][data-review-months]").forEach(function (el) {
      var parts = el.getAttribute("data-reviewed").split("-");
      var months = parseInt(el.getAttribute("data-review-months"), 10);
      if (parts.length !== 3 || isNaN(months) || el.querySelector(".wg-review__note")) return;
      var day = parseInt(parts[2], 10);
      var due = new Date(parseInt(parts[0], 10), parseInt(parts[1], 10) - 1 + months, day);
      if (due.getDate() !== day) due.setDate(0);  // 31 August + 6 months: the last day of February
      if (today <= due) return;
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

  function start() { markOldReviews(); kindFilter(); }
  if (window.document$) { window.document$.subscribe(start); }
  else { document.addEventListener("DOMContentLoaded", start); }
})();
