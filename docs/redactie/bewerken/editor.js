// Starts Decap CMS with the configuration generated from data/schema (config.yml, see
// macros/site/editor_config.py), after registering two YAML formats (yaml 2, tools/editor/package.json):
// - "yaml-record" for a file with one record: keys in the form's order (the schema's order), the
//   comments of an edited file kept, short lists of ids on one line ([a, b]) as in hand-written files;
// - "yaml-lijst" for a file that is one list (data/glossary.yaml, data/timeline.yaml). Decap edits a
//   file as a mapping, so the list is offered as one list field ("items") and written back as a list.
import * as YAML from "./decap/yaml/index.js";

// As wide as the hand-written files; [a, b] rather than [ a, b ].
const WRITE = { lineWidth: 110, minContentWidth: 40, flowCollectionPadding: false, indentSeq: true };

const RECORD_FORMAT = "yaml-record";
const LIST_FORMAT = "yaml-lijst";
const LIST_FIELD = "items";
const status = document.getElementById("wijkengids-status");

function fieldOrder(fields) {
  return (fields || []).map((field) => field.name);
}

function ordered(value, fields) {
  // The keys of one record in the order of the form (= the schema's order).
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  const order = fieldOrder(fields);
  const keys = Object.keys(value).sort((a, b) => {
    const ia = order.indexOf(a), ib = order.indexOf(b);
    return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib);
  });
  const out = {};
  for (const key of keys) {
    const empty = value[key] === "" || value[key] === null || value[key] === undefined
      || (Array.isArray(value[key]) && value[key].length === 0);
    if (empty) continue; // an optional field left empty is left out, as in the record files
    const field = (fields || []).find((f) => f.name === key);
    const inner = field && field.fields ? ordered(value[key], field.fields) : value[key];
    if (inner && typeof inner === "object" && !Array.isArray(inner) && !Object.keys(inner).length) continue;
    out[key] = inner;
  }
  return out;
}

function keyOf(pair) {
  return YAML.isScalar(pair.key) ? pair.key.value : pair.key;
}

function flowShortLists(node) {
  // [a, b, c] for lists of ids, as hand-written files have them.
  YAML.visit(node, {
    Seq(_, seq) {
      if (seq.items.length && seq.items.every((item) => YAML.isScalar(item)
        && /^[A-Za-z0-9_:.-]+$/.test(String(item.value)))) seq.flow = true;
    },
  });
}

function node(doc, value) {
  const created = doc.createNode(value);
  flowShortLists(created);
  return created;
}

function update(doc, value, fields) {
  // Write `value` into the document as it was read: unchanged values keep their text and the
  // comments beside them; keys follow the order of the form (the schema's order).
  if (!YAML.isMap(doc.contents)) doc.contents = doc.createNode({});
  const map = doc.contents;
  map.items = map.items.filter((pair) => keyOf(pair) in value);
  for (const [key, item] of Object.entries(value)) {
    const pair = map.items.find((p) => keyOf(p) === key);
    if (!pair) {
      map.items.push(doc.createPair(key, node(doc, item)));
    } else if (JSON.stringify(YAML.isNode(pair.value) ? pair.value.toJSON() : pair.value) !== JSON.stringify(item)) {
      pair.value = node(doc, item);
    }
  }
  const order = fieldOrder(fields);
  const rank = (pair) => { const i = order.indexOf(keyOf(pair)); return i < 0 ? order.length : i; };
  map.items.sort((a, b) => rank(a) - rank(b));
  return doc;
}

function recordFormat(fields) {
  // One record per file (data/methods/*.yaml, …). New files start with the line hand-written files
  // start with (the schema for text editors); a file that is edited keeps its comments.
  const read = new Map(); // id -> the document as last read
  const header = fields[0] && fields[0].comment;
  return {
    fromFile(content) {
      const doc = YAML.parseDocument(content);
      const data = doc.toJS() || {};
      if (data.id) read.set(data.id, doc);
      return data;
    },
    toFile(data) {
      const value = ordered(data, fields);
      let doc = read.get(value.id);
      if (!doc) {
        doc = new YAML.Document({});
        if (header) doc.contents.commentBefore = ` ${header}`; // directly above the first key
      }
      return update(doc, value, fields).toString(WRITE);
    },
  };
}

function listFormat(fields) {
  // A file that is one list of records: the comment block at its top is kept, one blank line
  // between records.
  let header = null;
  return {
    fromFile(content) {
      const doc = YAML.parseDocument(content);
      header = doc.commentBefore || (doc.contents && doc.contents.commentBefore) || null;
      return { [LIST_FIELD]: doc.toJS() || [] };
    },
    toFile(data) {
      const items = (data[LIST_FIELD] || []).map((item) => ordered(item, fields));
      const parts = items.map((item) => {
        const doc = new YAML.Document();
        doc.contents = node(doc, [item]);
        return doc.toString(WRITE);
      });
      const top = header ? header.split("\n").map((line) => `#${line}`).join("\n") + "\n\n" : "";
      return top + parts.join("\n");
    },
  };
}

// Decap refuses to save a form with empty required fields by returning Promise.reject() without a
// reason, after showing the Dutch messages in the form. That refusal is expected, not an error.
window.addEventListener("unhandledrejection", (event) => {
  if (event.reason === undefined) event.preventDefault();
});

async function start() {
  const response = await fetch("config.yml");
  if (!response.ok) throw new Error(`config.yml: ${response.status}`);
  const config = YAML.parse(await response.text());
  const local = ["localhost", "127.0.0.1"].includes(location.hostname);
  if (!local && !(config.backend && config.backend.base_url)) {
    // Without its own sign-in service Decap would send curators to Netlify's: never.
    status.textContent = "De web-editor is op deze site nog niet ingesteld: er is geen eigen inlogdienst "
      + "(editor_oauth_url in mkdocs.yml). De uitleg staat op 'Werken aan de gids'.";
    return;
  }
  for (const collection of config.collections) {
    if (collection.format === RECORD_FORMAT) {
      const name = `${RECORD_FORMAT}-${collection.name}`;
      window.CMS.registerCustomFormat(name, collection.extension || "yaml", recordFormat(collection.fields));
      collection.format = name;
    }
    for (const file of collection.files || []) {
      if (file.format !== LIST_FORMAT) continue;
      const name = `${LIST_FORMAT}-${file.name}`;
      const list = file.fields.find((f) => f.name === LIST_FIELD);
      window.CMS.registerCustomFormat(name, "yaml", listFormat(list.fields));
      file.format = name;
    }
  }
  document.getElementById("wijkengids-uitleg").hidden = true;
  // The local backend answers at this site's own address (scripts/editor.py); Decap wants it absolute.
  if (config.local_backend && config.local_backend.url) {
    config.local_backend.url = new URL(config.local_backend.url, location.href).href;
  }
  window.CMS.init({ config: { ...config, load_config_file: false } });
}

start().catch((error) => {
  status.textContent = `De editor kon niet starten (${error.message}). Probeer het later opnieuw, of bewerk de gegevens in de repository.`;
});
