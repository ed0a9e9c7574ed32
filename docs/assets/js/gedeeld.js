// What the site's scripts share, written once: starting on every page, Dutch counts and lists, escaping,
// lists kept in this browser, links that work from disk, copying and downloading.
// Every other script imports from here; the offline copy gets them all in one classic script
// (scripts/js_bundle.py), so keep to named `export function` / `export const` and `import { … } from`.

// Runs `start` once the page is there: on Material's document$ when it exists (its bundle defines it before
// any module runs), else on DOMContentLoaded, or at once when that has passed.
export function onPage(start) {
  if (window.document$) window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}

// plural(3, "bron", "bronnen") -> "3 bronnen"; plural(1, …) -> "1 bron".
export function plural(n, one, more) {
  return n + " " + (n === 1 ? one : more);
}

// ["a", "b", "c"] -> "a, b en c".
export function listing(items) {
  return items.length < 2 ? items.join("") : items.slice(0, -1).join(", ") + " en " + items[items.length - 1];
}

// Text for inside HTML (element content and attribute values in double quotes).
export function esc(text) {
  return String(text).replace(/[&<>"]/g, function (c) {
    return c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;";
  });
}

// A list of strings kept in localStorage under `key`; [] when there is none or it is not readable.
export function storedList(key) {
  try {
    var items = JSON.parse(localStorage.getItem(key) || "[]");
    return Array.isArray(items) ? items.filter(function (item) { return typeof item === "string"; }) : [];
  } catch (e) { return []; }
}
// false when the browser refuses (private mode): the caller decides how long the list lasts then.
export function storeList(key, items) {
  try { localStorage.setItem(key, JSON.stringify(items)); return true; } catch (e) { return false; }
}

// From disk (the offline copy) a link to a folder opens a folder listing: such a link gets index.html.
// Links with a scheme, to an anchor or from the site root stay as they are.
export function fileLink(href) {
  if (location.protocol !== "file:" || /^([a-z][a-z0-9+.-]*:|#|\/)/i.test(href)) return href;
  var parts = href.match(/^([^?#]*)(.*)$/);
  return parts[1].slice(-1) === "/" ? parts[1] + "index.html" + parts[2] : href;
}

// Copies plain text, with HTML beside it (italic titles, links) where the browser allows, for word
// processors. Without the clipboard API (or when it is refused) through a hidden text field; the promise
// is rejected when that fails too.
export function copyText(text, html) {
  function fallback() {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    area.remove();
    return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }
  if (!navigator.clipboard) return fallback();
  if (html && window.ClipboardItem && navigator.clipboard.write) {
    var item = new window.ClipboardItem({
      "text/plain": new Blob([text], { type: "text/plain" }),
      "text/html": new Blob([html], { type: "text/html" })
    });
    return navigator.clipboard.write([item]).catch(function () { return navigator.clipboard.writeText(text); })
      .catch(fallback);
  }
  return navigator.clipboard.writeText(text).catch(fallback);
}

// Offers `text` as a file to save.
export function download(name, text, type) {
  var link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type: type }));
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
}
