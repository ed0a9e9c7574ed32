// Material 9.8.1 partials/javascripts/content.html, moved out of the page (no inline script under the
// Content-Security-Policy). Material's own code, unchanged: opens the tab a link points at.
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
