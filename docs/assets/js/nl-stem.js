// Dutch word forms for the site's own filters: one small suffix stemmer, in one place.
// forms("bewonersbedrijven") -> ["bewonersbedrijven", "bewonersbedrijf"]; forms("straten") also gives
// "straat". A filter matches when a form of the query word starts a form of a word in the text, so
// "corporatie" finds "corporaties" and "bewonersbedrijven" finds "bewonersbedrijf". Both sides must be
// folded first (fold() below: lower case, no accents, ø/ł/æ as the name rule in macros/bibliography/text.py).
// Deliberately small: plurals in -en/-s, -heden/-heid, v/z before -en, doubled consonants and vowels.
var FOLD = { "ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe", "ı": "i" };
var VOWEL = /[aeiou]/;

export function fold(text) {
  return String(text || "").toLowerCase().replace(/[øłđæœı]/g, function (c) { return FOLD[c]; })
    .normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^0-9a-z]+/g, " ").trim();
}

export function forms(word) {
  var out = [word];
  if (word.length <= 4 || /[0-9]/.test(word)) return out;
  var stem = word;
  if (/heden$/.test(word)) {
    stem = word.slice(0, -5) + "heid";                     // mogelijkheden -> mogelijkheid
  } else if (/en$/.test(word) && word.length > 5 && !VOWEL.test(word.charAt(word.length - 3))) {
    stem = word.slice(0, -2);                               // wijken -> wijk
    var last = stem.charAt(stem.length - 1);
    if (last === stem.charAt(stem.length - 2) && !VOWEL.test(last)) stem = stem.slice(0, -1);  // stemmen -> stem
    else if (last === "v") stem = stem.slice(0, -1) + "f";  // bedrijven -> bedrijf
    else if (last === "z") stem = stem.slice(0, -1) + "s";  // huizen -> huis
    // straten -> strat: also the form with the long vowel written twice (straat)
    var m = /^(.*[^aeiou])([aeou])([^aeiouy])$/.exec(stem);
    if (m) out.push(m[1] + m[2] + m[2] + m[3]);
  } else if (/s$/.test(word) && !/(?:ss|is|us|es)$/.test(word)) {
    stem = word.slice(0, -1);                               // bewoners -> bewoner, corporaties -> corporatie
  } else if (/ies$/.test(word)) {
    stem = word.slice(0, -1);
  }
  if (stem !== word) out.push(stem);
  return out;
}
