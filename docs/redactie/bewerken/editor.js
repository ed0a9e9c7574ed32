// Starts Decap CMS with the configuration generated from data/schema (config.yml, see
// macros/editor_config.py), after registering "yaml-lijst": the format of data files that are one
// YAML list (data/glossary.yaml, data/timeline.yaml). Decap edits a file as a mapping, so the list is
// offered as one list field ("items") and written back as a plain list, the comment block at the top
// of the file kept, one blank line between records, short lists of ids on one line as hand-written.
import { YAML } from "./decap/yaml/index.js";

YAML.scalarOptions.str.fold.lineWidth = 110; // as wide as the hand-written files

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
    out[key] = field && field.fields ? ordered(value[key], field.fields) : value[key];
  }
  return out;
}

function listFormat(fields) {
  let header = null; // the comment block above the list, as last read
  return {
    fromFile(content) {
      const doc = YAML.parseDocument(content);
      header = doc.commentBefore || null;
      return { [LIST_FIELD]: doc.toJSON() || [] };
    },
    toFile(data) {
      const items = (data[LIST_FIELD] || []).map((item) => ordered(item, fields));
      const parts = items.map((item) => {
        const doc = new YAML.Document();
        doc.contents = YAML.createNode([item]);
        flowShortLists(doc.contents);
        return doc.toString();
      });
      const top = header ? header.split("\n").map((line) => `#${line}`).join("\n") + "\n\n" : "";
      return top + parts.join("\n");
    },
  };
}

function flowShortLists(node) {
  // [a, b, c] for lists of ids, as hand-written files have them.
  if (!node || typeof node !== "object") return;
  if (node.items) {
    const scalars = node.items.every((item) => item && item.value !== undefined && typeof item.value !== "object"
      && /^[A-Za-z0-9_:.-]+$/.test(String(item.value)));
    if (node.type === "SEQ" && node.items.length && scalars) node.type = "FLOW_SEQ";
    for (const item of node.items) {
      flowShortLists(item);
      if (item && item.value) flowShortLists(item.value);
    }
  }
}

async function start() {
  const response = await fetch("config.yml");
  if (!response.ok) throw new Error(`config.yml: ${response.status}`);
  const config = YAML.parse(await response.text());
  for (const collection of config.collections) {
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
