// Wijkengids: small enhancements. Widgets start from Material's document$ so they also run
// after instant navigation; every page works without this script.
(function () {
  "use strict";
  function markOldReviews() {
    var limitMonths = 24;
    var now = new Date();
    document.querySelectorAll(".wg-review[data-reviewed]").forEach(function (el) {
      var d = new Date(el.getAttribute("data-reviewed"));
      var months = (now.getFullYear() - d.getFullYear()) * 12 + (now.getMonth() - d.getMonth());
      if (months > limitMonths) el.classList.add("wg-review--old");
    });
  }
  if (window.document$) { window.document$.subscribe(markOldReviews); }
  else { document.addEventListener("DOMContentLoaded", markOldReviews); }
})();
