// Wijkengids: the search dialog on Pagefind (macros/search_index.py builds the index after every build).
// Runs only where overrides/partials/search.html marks the dialog with data-wg-search (the site);
// the offline copy keeps Material's lunr search. The markup and classes are Material's own: readers,
// the browser tests and Material's highlighting on the opened page see the same dialog.
//
// Ranking: Pagefind stems Dutch and weighs titles, aliases and summaries above body text (weights in
// the page templates). Every word is searched on its own and the pages are merged (see search()), so
// a question in a reader's words still finds the best partial matches when no page holds every word.
// Common Dutch words (the Snowball stop word list, plus question words) are left out of the query.
// A word the index does not know is corrected to the nearest word it does know ("Bedoelde je: …"), and
// each result says what kind of page it is (issue 27).
var searchRoot = document.querySelector("[data-wg-search]");
if (searchRoot) setup(searchRoot);

function setup(root) {
  var bundle = new URL(root.getAttribute("data-wg-search"), location.href).href;
  var siteRoot = new URL("..", bundle).pathname;
  var PAGE = 10;
  var STOP = {};
  ("aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er ge " +
   "geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon kunnen " +
   "maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te " +
   "tegen toch toen tot u uit uw van veel voor want waren was wat we wel werd wezen wie wil worden wordt zal ze " +
   "zelf zich zij zijn zo zonder zou waar waarom wanneer welk welke").split(" ").forEach(function (w) { STOP[w] = true; });

  var config = {};
  try { config = JSON.parse(document.getElementById("__config").textContent); } catch (e) { /* defaults below */ }
  var texts = config.translations || {};
  function t(key, count) {
    var text = texts[key] || "";
    return count === undefined ? text : text.replace("#", String(count));
  }

  var toggle = document.getElementById("__search");
  var form = root.querySelector("form.md-search__form");
  var input = root.querySelector("input.md-search__input");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var scroll = root.querySelector(".md-search__scrollwrap");
  var chips = Array.prototype.slice.call(root.querySelectorAll("[data-soort]"));
  var rung = root.querySelector("select[data-trede]");
  var kind = root.querySelector("select[data-aard]");
  var help = root.querySelector(".wg-zoekhulp");
  if (!toggle || !input || !meta || !list) return;

  var pagefind = null;
  var loading = null;
  var shown = { results: [], next: 0, words: [] };
  var sequence = 0;

  // Pagefind starts with a chain of requests: its script, its worker, then in the worker its entry file
  // (with a fresh ?ts= each page view), the metadata that file names, and its WebAssembly; only then the
  // index chunks for the words typed and the fragments of the results. The script, worker and WebAssembly
  // are prefetched (overrides/main.html). The entry file and the metadata (under 1 kB on this site,
  // ~40 kB at 5,000 methods) the page fetches itself as soon as it runs, with the cache tag it then gives
  // Pagefind: the worker finds both in the browser cache instead of waiting two round trips for them.
  var tag = String(Date.now());
  var warming = null;
  function warm() {
    if (!warming && window.fetch) {
      warming = fetch(bundle + "pagefind-entry.json?ts=" + tag).then(function (response) {
        return response.json();
      }).then(function (entry) {
        var languages = entry.languages || {};
        var lang = (document.documentElement.lang || "").toLowerCase();
        var index = languages[lang] || languages[lang.split("-")[0]] || Object.keys(languages).map(function (k) {
          return languages[k];
        }).sort(function (a, b) { return b.page_count - a.page_count; })[0];
        if (index) return fetch(bundle + "pagefind." + index.hash + ".pf_meta").then(function (r) { return r.arrayBuffer(); });
      }).catch(function () { /* Pagefind asks again itself and reports what fails */ });
    }
    return warming;
  }

  function load() {
    warm();
    if (!loading) {
      loading = import(bundle + "pagefind.js").then(function (module) {
        // termSaturation 2.0 (Pagefind's default is 1.4): a page that repeats a query word keeps gaining a
        // little longer, so a short page whose subject the word is (a checklist, the Participatiewijzer) is
        // not outranked by long method pages that mention it in passing (tests/browser/test_search_quality.py).
        return module.options({ baseUrl: siteRoot, excerptLength: 24, metaCacheTag: tag, ranking: { termSaturation: 2.0 } }).then(function () {
          return module.init();
        }).then(function () {
          pagefind = module;
          if (!input.value.trim()) setMeta(t("search.result.placeholder"));
          update();
          return module;
        });
      }).catch(function () {
        setMeta("Zoeken werkt hier niet. Gebruik het menu of de overzichtspagina's.");
      });
    }
    return loading;
  }

  // The result count; a corrected query in it is set off in bold (the whole line is read out).
  function setMeta(text, fixed) {
    if (meta.textContent === text) return;
    meta.textContent = "";
    var at = fixed ? text.indexOf(fixed) : -1;
    if (at < 0) { meta.textContent = text; return; }
    var strong = document.createElement("strong");
    strong.textContent = fixed;
    meta.append(text.slice(0, at), strong, text.slice(at + fixed.length));
  }

  function showHelp(on) {
    if (help) help.hidden = !on;
  }

  function setOpen(open) {
    if (toggle.checked !== open) toggle.click();  // a click, so Material's own listeners (scroll lock) follow
  }

  function words(query) {
    var all = query.split(/\s+/).map(function (w) {
      return w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    }).filter(Boolean);
    var kept = all.filter(function (w) { return !STOP[w.toLowerCase()]; });
    var unique = [];
    (kept.length ? kept : all).forEach(function (w) { if (unique.indexOf(w.toLowerCase()) < 0) unique.push(w.toLowerCase()); });
    return unique;
  }

  function filters() {
    var chosen = {};
    chips.forEach(function (chip) {
      if (chip.getAttribute("aria-pressed") === "true" && chip.getAttribute("data-soort")) chosen.soort = chip.getAttribute("data-soort");
    });
    if (rung && rung.value) chosen.trede = rung.value;
    if (kind && kind.value) chosen.aard = kind.value;
    return chosen;
  }

  // Each word on its own, merged: a page's score is the sum of its words' scores times the share of
  // the words it holds, so pages with all words come first and pages with most of them still follow.
  // Words of six letters or more are also searched without their last letter (Pagefind matches that as
  // the start of a word), at a lower weight: Dutch forms the stemmer keeps apart (beslist, beslissen;
  // sociaal, sociale) then still meet. Measured with tests/browser/test_search_quality.py.
  var SHORTER = 0.7;
  function search(terms, chosen) {
    var options = { filters: chosen };
    if (!terms.length) {
      return pagefind.search(null, options).then(function (found) {
        return { results: found.results.map(function (r) { return { result: r }; }), all: true };
      });
    }
    var byId = {};
    var merged = [];
    function collect(index, weight) {
      return function (answer) {
        answer.results.forEach(function (r) {
          var entry = byId[r.id];
          if (!entry) { entry = byId[r.id] = { result: r, per: {} }; merged.push(entry); }
          entry.per[index] = Math.max(entry.per[index] || 0, r.score * weight);
        });
      };
    }
    var searches = [];
    var corrected = {};
    terms.forEach(function (term, index) {
      var whole = pagefind.search(term, options);
      // One word: the pages that hold it whole are almost always the first results, so their
      // fragments are requested as soon as that search answers, not after the shorter form's search
      // too (Pagefind keeps each fragment; showing the results asks for the same ones).
      if (terms.length === 1) whole.then(function (answer) { warmFragments(answer.results.slice(0, FIRST)); });
      var shorter = term.length >= 6 ? pagefind.search(term.slice(0, -1), options) : Promise.resolve(null);
      searches.push(Promise.all([whole, shorter]).then(function (answers) {
        return Promise.all([holds(answers[0], term), holds(answers[1], term)]).then(function (held) {
          if (held[0]) collect(index, 1)(answers[0]);
          if (held[1]) collect(index, SHORTER)(answers[1]);
          if (held[0] || held[1]) return;
          // Neither the word nor its shorter form is in the index: search the nearest word it holds.
          return nearest(term).then(function (word) {
            if (!word) return;
            corrected[index] = word;
            return pagefind.search(word, options).then(collect(index, 1));
          });
        });
      }));
    });
    return Promise.all(searches).then(function () {
      merged.forEach(function (entry) {
        var scores = Object.keys(entry.per).map(function (k) { return entry.per[k]; });
        entry.matched = scores.length;
        entry.score = scores.reduce(function (a, b) { return a + b; }, 0) * scores.length / terms.length;
      });
      merged.sort(function (a, b) { return b.score - a.score; });
      var all = merged.some(function (entry) { return entry.matched === terms.length; });
      return { results: merged, all: all, corrected: corrected };
    });
  }

  function warmFragments(results) {
    results.forEach(function (r) { r.data().catch(function () { /* shown results ask again */ }); });
  }

  function update() {
    if (!pagefind) { load(); return; }
    var query = input.value.trim();
    var chosen = filters();
    var id = ++sequence;
    if (!query && !Object.keys(chosen).length) {
      list.textContent = "";
      shown = { results: [], next: 0, words: [] };
      showHelp(false);
      setMeta(t("search.result.placeholder"));
      return;
    }
    var terms = words(query);
    search(terms, chosen).then(function (found) {
      if (id !== sequence) return;
      var used = terms.map(function (term, index) { return found.corrected[index] || term; });
      shown = { results: found.results, next: 0, words: used };
      // The count changes once the results are on screen: screen readers announce it (role="status").
      return more(id, true).then(function () {
        if (id !== sequence) return;
        var count = found.results.length;
        var text;
        if (!count) text = t("search.result.none");
        else if (!found.all) text = "Geen pagina met al je zoekwoorden. " + (count === 1 ? "1 pagina" : count + " pagina's") + " met een deel ervan:";
        // Material's Dutch for one result says "1 overeenkomende document"; the adjective has no -e there.
        else text = count === 1 ? "1 overeenkomend document" : t("search.result.other", count);
        var fixed = Object.keys(found.corrected).length ? meant(query, terms, found.corrected) : "";
        setMeta(fixed ? "Bedoelde je: " + fixed + "? " + text : text, fixed);
        showHelp(!count);
      });
    });
  }

  // The next page of results (PAGE at a time, more when the reader scrolls down). Each result appears as
  // soon as it and those above it are in. The fragments of the first FIRST results are requested first,
  // the others once the first of those has arrived: on a slow connection all of them at once share the
  // bandwidth, and the reader waits for the first.
  var FIRST = 4;
  function more(id, fresh) {
    var slice = shown.results.slice(shown.next, shown.next + PAGE);
    var terms = shown.words;
    shown.next += slice.length;
    function data(entry) { return entry.result.data(); }
    var pending = slice.slice(0, FIRST).map(data);
    var later = slice.length > FIRST ? pending[0].then(function () { return slice.slice(FIRST).map(data); }, function () { return []; }) : null;
    var chain = Promise.resolve();
    slice.forEach(function (entry, index) {
      chain = chain.then(function () {
        return index < FIRST ? pending[index] : later.then(function (rest) { return rest[index - FIRST]; });
      }).then(function (page) {
        if (id !== sequence) return;
        if (fresh && index === 0) list.textContent = "";
        list.appendChild(item(page, terms));
      });
    });
    return chain.then(function () {
      if (!slice.length && fresh && id === sequence) list.textContent = "";
    });
  }

  function link(url, terms) {
    var target = new URL(url, location.origin);
    if (terms.length) target.searchParams.set("h", terms.join(" "));
    return target.pathname + target.search + target.hash;
  }

  // Pagefind's excerpt is text with <mark> around the matches: copy only that, never other markup.
  function excerpt(html) {
    var p = document.createElement("p");
    var parsed = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeType === 3) p.appendChild(document.createTextNode(node.textContent));
      else if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.appendChild(mark);
      } else p.appendChild(document.createTextNode(node.textContent || ""));
    });
    return p;
  }

  function article(tag, title, text, parent) {
    var el = document.createElement("article");
    el.className = "md-search-result__article md-typeset" + (parent ? " md-search-result__article--document" : "");
    if (parent) {
      var icon = document.createElement("div");
      icon.className = "md-search-result__icon md-icon";
      el.appendChild(icon);
    }
    var heading = document.createElement(tag);
    heading.textContent = title;
    el.appendChild(heading);
    if (text) el.appendChild(excerpt(text));
    return el;
  }

  function anchor(url, child) {
    var a = document.createElement("a");
    a.href = url;
    a.className = "md-search-result__link";
    a.tabIndex = -1;
    a.appendChild(child);
    return a;
  }

  function item(page, terms) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var title = (page.meta && page.meta.title) || page.url;
    var main = article("h1", title, page.excerpt, true);
    if (page.meta && page.meta.soort) main.insertBefore(label(page.meta.soort), main.querySelector("h1"));
    li.appendChild(anchor(link(page.url, terms), main));
    var sections = (page.sub_results || []).filter(function (sub) {
      return sub.url.indexOf("#") >= 0 && sub.title && sub.title !== title && sub.excerpt !== page.excerpt && terms.length;
    });
    sections.sort(function (a, b) { return b.locations.length - a.locations.length; });
    sections.slice(0, 2).forEach(function (sub) {
      li.appendChild(anchor(link(sub.url, terms), article("h2", sub.title, sub.excerpt, false)));
    });
    return li;
  }

  // What kind of page a result is (its type from the build: overrides/main.html), before its title.
  // Read out with the title ("Voor bewoners, Geld en hulp voor je initiatief"); residents' pages stand out.
  function label(text) {
    var el = document.createElement("span");
    el.className = "wg-zoeksoort" + (text === "Voor bewoners" ? " wg-zoeksoort--bewoners" : "");
    el.textContent = text;
    var comma = document.createElement("span");
    comma.className = "wg-zoeksoort__sep";
    comma.textContent = ", ";
    el.appendChild(comma);
    return el;
  }

  // --- words the index does not know ---------------------------------------------------------------
  // The build writes the words of the indexed pages, most frequent first, one file per first letter
  // (pagefind/woorden/<letter>.txt, macros/site/search_vocabulary.py). Only a word that neither Pagefind
  // nor its shorter form finds loads one or two of these files: a first query for a known word fetches
  // nothing more. The nearest word is the one with the fewest letters wrong, missing, extra or swapped
  // (at most one in a word of up to seven letters, two in a longer one); among equals the most frequent.
  // Whether Pagefind found the word itself (or a longer word it starts): for a word it does not hold it
  // falls back on the longest word in the index that starts the query ('wijk' for 'wijkbugdet'). The
  // first result's fragment (the one shown first anyway) says which words matched; a match counts when
  // it starts like the query but for an ending the stemmer may change (beslissen, beslist).
  var lists = {};
  function holds(answer, term) {
    if (!answer || !answer.results.length) return Promise.resolve(false);
    if (term.length < 4) return Promise.resolve(true);
    var start = letters(term).slice(0, Math.max(3, term.length - 3));
    return answer.results[0].data().then(function (page) {
      var words = (page.content || "").split(/\s+/);
      return (page.locations || []).slice(0, 3).some(function (at) { return letters(words[at] || "").indexOf(start) === 0; });
    }, function () { return true; });
  }

  function letters(word) {
    return word.toLowerCase().normalize("NFD").replace(/[^\p{L}\p{N}]/gu, "");
  }

  function fold(letter) {
    var plain = letter.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    return /^[a-z]$/.test(plain) ? plain : "_";
  }

  function wordList(letter) {
    if (!lists[letter]) {
      lists[letter] = fetch(bundle + "woorden/" + letter + ".txt").then(function (response) {
        return response.ok ? response.text() : "";
      }).then(function (text) { return text ? text.split("\n") : []; }, function () { return []; });
    }
    return lists[letter];
  }

  function nearest(term) {
    if (term.length < 4 || /\d/.test(term) || !window.fetch) return Promise.resolve(null);
    var most = term.length > 7 ? 2 : 1;
    var letters = [fold(term[0]), fold(term[1])].filter(function (l, i, all) { return all.indexOf(l) === i; });
    return Promise.all(letters.map(wordList)).then(function (found) {
      var best = null, bestCost = most + 1;
      found.forEach(function (words) {
        for (var i = 0; i < words.length; i++) {
          var word = words[i];
          if (Math.abs(word.length - term.length) >= bestCost || word === term) continue;
          var cost = distance(term, word, bestCost - 1);
          if (cost < bestCost) { best = word; bestCost = cost; }
        }
      });
      return best;
    });
  }

  // Letters to change, add, drop or swap (adjacent) to turn a into b; more than limit gives limit + 1.
  function distance(a, b, limit) {
    var before = null, previous = [], current;
    for (var j = 0; j <= b.length; j++) previous[j] = j;
    for (var i = 1; i <= a.length; i++) {
      current = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
        current[j] = value;
        if (value < low) low = value;
      }
      if (low > limit) return limit + 1;
      before = previous;
      previous = current;
    }
    return Math.min(previous[b.length], limit + 1);
  }

  // The query as typed with each corrected word in place of the unknown one.
  function meant(query, terms, corrected) {
    var out = query;
    Object.keys(corrected).forEach(function (index) {
      var typed = terms[index];
      out = out.replace(new RegExp("(^|[^\\p{L}\\p{N}])" + typed.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "(?=$|[^\\p{L}\\p{N}])", "iu"),
        function (all, start) { return start + corrected[index]; });
    });
    return out;
  }

  function typing(el) {
    if (!el) return false;
    var tag = el.tagName;
    return tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || el.isContentEditable;
  }

  function focusables() {
    var links = list.querySelectorAll("a.md-search-result__link");
    if (help && !help.hidden) links = help.querySelectorAll("a");
    return [input].concat(Array.prototype.slice.call(links));
  }

  // Keyboard as in Material: / or s (or f) opens search; in the dialog arrows move between the box
  // and the results, Enter opens the first result, Escape closes.
  window.addEventListener("keydown", function (ev) {
    if (ev.metaKey || ev.ctrlKey || ev.altKey || ev.isComposing) return;
    var active = document.activeElement;
    if (!toggle.checked) {
      if ((ev.key === "/" || ev.key === "s" || ev.key === "f") && !typing(active)) {
        ev.preventDefault();
        ev.stopPropagation();
        input.focus();
        input.select();
      }
      return;
    }
    if (!root.contains(active) && active !== document.body) return;  // keys elsewhere on the page stay theirs
    if (ev.key === "Escape") {
      ev.preventDefault();
      setOpen(false);
      input.blur();
    } else if (ev.key === "Enter" && active === input) {
      ev.preventDefault();
      var first = list.querySelector("a.md-search-result__link");
      if (first) first.click();
    } else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      var els = focusables();
      var at = els.indexOf(active);
      if (at < 0 && root.contains(active)) return;  // the select and the chips keep their own arrows
      ev.preventDefault();
      var next = (Math.max(0, at) + els.length + (ev.key === "ArrowUp" ? -1 : 1)) % els.length;
      els[next].focus();
    }
  }, true);

  input.addEventListener("focus", function () { setOpen(true); load(); });
  // Tabbing on past the search closes it, as in Material: the page's own keys (arrows in a radio
  // group, Enter on a button) must not land in a dialog the reader has left.
  root.addEventListener("focusout", function (ev) {
    if (ev.relatedTarget && !root.contains(ev.relatedTarget)) setOpen(false);
  });
  // Every change searches at once, without waiting for a pause in typing: a search that is overtaken
  // by the next key is dropped before it fetches any result (sequence), and the index chunks it asked
  // for are the ones the next search needs too. The pause of 60 ms this replaces cost the first result
  // 70-80 ms on the phone profile of make bench (issue 15).
  input.addEventListener("input", update);
  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      load();
      if (document.activeElement !== input) input.focus();
    }
  });
  if (form) {
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(function () { update(); input.focus(); }, 0); });
  }
  chips.forEach(function (chip) {
    chip.addEventListener("click", function () {
      chips.forEach(function (other) { other.setAttribute("aria-pressed", other === chip ? "true" : "false"); });
      update();
    });
  });
  if (rung) rung.addEventListener("change", update);
  if (kind) kind.addEventListener("change", update);
  list.addEventListener("click", function (ev) {
    if (ev.target.closest && ev.target.closest("a")) setOpen(false);
  });
  if (scroll) {
    scroll.addEventListener("scroll", function () {
      if (shown.next < shown.results.length && scroll.scrollTop + scroll.clientHeight >= scroll.scrollHeight - 32) {
        more(sequence);
      }
    });
  }
  // The two small start-up files come at once; Pagefind itself starts when the page has loaded (its
  // script, worker and WebAssembly are prefetched by then, and its WebAssembly runs in a worker, off the
  // page's thread). A reader heading for the search button starts it sooner. Measured (issue 15): starting
  // it at DOMContentLoaded or when this script runs gained nothing on the phone profile (DOMContentLoaded
  // comes ~25 ms before load here, and an earlier start only moves the work in front of the load event).
  // ?q=… opens the search with that query and its results: the site's search action in its structured data
  // and its OpenSearch description (macros/site/structured_data.py, discovery.py) send readers here so.
  var asked = (new URLSearchParams(location.search).get("q") || "").trim();
  if (asked) {
    input.value = asked;
    setOpen(true);
  }
  warm();
  if (document.readyState === "complete") load();
  else window.addEventListener("load", load, { once: true });
  document.querySelectorAll("label[for='__search']").forEach(function (label) {
    label.addEventListener("pointerenter", load, { once: true });
    label.addEventListener("touchstart", load, { once: true, passive: true });
  });
}
