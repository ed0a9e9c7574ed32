// Wijkengids: small enhancements. Widgets start from Material's document$ so they also run
// after instant navigation; every page works without this script.
(function () {
  "use strict";

  // The build already marks records whose review is older than the review period (macros/review.py).
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
  if (window.document$) { window.document$.subscribe(markOldReviews); }
  else { document.addEventListener("DOMContentLoaded", markOldReviews); }
})();
