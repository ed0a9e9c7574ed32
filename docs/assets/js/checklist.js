// Checklists: ticks kept in this browser only (localStorage), keyed by checklist id and item id,
// so reordering or adding items keeps earlier ticks. Nothing is sent anywhere.
import { copyText, download, onPage } from "./gedeeld.js";

var PREFIX = "wijkengids:checklist:";

function load(id) {
  try { return JSON.parse(localStorage.getItem(PREFIX + id)) || {}; } catch (e) { return {}; }
}
function save(id, state) {
  try { localStorage.setItem(PREFIX + id, JSON.stringify(state)); } catch (e) { /* private mode: ticks last this visit */ }
}

function setup(root) {
  if (root.dataset.ready) return;
  root.dataset.ready = "1";
  var id = root.getAttribute("data-checklist");
  var items = Array.prototype.slice.call(root.querySelectorAll(".wg-checklist__item"));
  var bar = root.querySelector(".wg-checklist__bar");
  var progress = root.querySelector(".wg-checklist__progress");
  var state = load(id);

  function box(item) { return item.querySelector("input[type=checkbox]"); }
  function update() {
    var done = items.filter(function (item) { return box(item).checked; }).length;
    progress.textContent = done + " van " + items.length + " punten afgevinkt";
  }
  items.forEach(function (item) {
    var itemId = item.getAttribute("data-item");
    box(item).checked = state[itemId] === true;
    box(item).addEventListener("change", function () {
      if (box(item).checked) { state[itemId] = true; } else { delete state[itemId]; }
      save(id, state);
      update();
    });
  });
  root.querySelector(".wg-checklist__reset").addEventListener("click", function () {
    state = {};
    save(id, state);
    items.forEach(function (item) { box(item).checked = false; });
    update();
  });
  var copy = root.querySelector(".wg-checklist__copy");  // not on residents' checklists
  if (copy) copy.addEventListener("click", function (event) {
    var title = document.querySelector("h1").textContent.trim();
    var lines = ["# " + title, ""].concat(items.map(function (item) {
      return "- [" + (box(item).checked ? "x" : " ") + "] " + item.querySelector("label").textContent.trim();
    }));
    var text = lines.join("\n") + "\n";
    var button = event.currentTarget;
    var done = function () { button.textContent = "Gekopieerd"; setTimeout(function () { button.textContent = "Kopieer als Markdown"; }, 2000); };
    copyText(text).then(done, function () { download(id + ".md", text, "text/markdown"); });
    root.setAttribute("data-markdown", text);
  });
  root.querySelector(".wg-checklist__print").addEventListener("click", function () { window.print(); });
  bar.hidden = false;
  update();
}

// Printing shows every explanation, then restores what the reader had open.
var opened = [];
window.addEventListener("beforeprint", function () {
  opened = Array.prototype.slice.call(document.querySelectorAll(".wg-checklist details:not([open])"));
  opened.forEach(function (d) { d.open = true; });
});
window.addEventListener("afterprint", function () { opened.forEach(function (d) { d.open = false; }); });

onPage(function () { document.querySelectorAll(".wg-checklist[data-checklist]").forEach(setup); });
