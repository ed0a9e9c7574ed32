// The two YAML formats of the web editor, without Decap or a browser: editor.js registers them with
// Decap CMS, and tests/unit/test_editor_yaml.py writes records with them through Node, as the form would.
// - recordFormat: a file with one record: keys in the form's order (the schema's order), the comments
//   of an edited file kept, short lists of ids on one line ([a, b]) as in hand-written files;
// - listFormat: a file that is one list (data/glossary.yaml, …). Decap edits a file as a mapping, so the
//   list is offered as one list field ("items") and written back as a list.
// YAML is the yaml library (2.x, tools/editor/package.json), passed in by the caller.

// As wide as the hand-written files; [a, b] rather than [ a, b ].
const WRITE = { lineWidth: 110, minContentWidth: 40, flowCollectionPadding: false, indentSeq: true };

export const LIST_FIELD = "items";

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

function keyOf(YAML, pair) {
  return YAML.isScalar(pair.key) ? pair.key.value : pair.key;
}

function flowShortLists(YAML, node) {
  // [a, b, c] for lists of ids, as hand-written files have them.
  YAML.visit(node, {
    Seq(_, seq) {
      // Only ids that read the same in every YAML reader: PyYAML (the check) cannot read ':x' or 'x:'
      // in a flow list, which the yaml library would write plain (found by tests/unit/test_editor_yaml.py).
      if (seq.items.length && seq.items.every((item) => YAML.isScalar(item)
        && /^[A-Za-z0-9_]([A-Za-z0-9_:.-]*[A-Za-z0-9_.-])?$/.test(String(item.value)))) seq.flow = true;
    },
  });
}

function node(YAML, doc, value) {
  const created = doc.createNode(value);
  flowShortLists(YAML, created);
  return created;
}

function update(YAML, doc, value, fields) {
  // Write `value` into the document as it was read: unchanged values keep their text and the
  // comments beside them; keys follow the order of the form (the schema's order).
  if (!YAML.isMap(doc.contents)) doc.contents = doc.createNode({});
  const map = doc.contents;
  map.items = map.items.filter((pair) => keyOf(YAML, pair) in value);
  for (const [key, item] of Object.entries(value)) {
    const pair = map.items.find((p) => keyOf(YAML, p) === key);
    if (!pair) {
      map.items.push(doc.createPair(key, node(YAML, doc, item)));
    } else if (JSON.stringify(YAML.isNode(pair.value) ? pair.value.toJSON() : pair.value) !== JSON.stringify(item)) {
      pair.value = node(YAML, doc, item);
    }
  }
  const order = fieldOrder(fields);
  const rank = (pair) => { const i = order.indexOf(keyOf(YAML, pair)); return i < 0 ? order.length : i; };
  map.items.sort((a, b) => rank(a) - rank(b));
  return doc;
}

export function recordFormat(YAML, fields) {
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
      return update(YAML, doc, value, fields).toString(WRITE);
    },
  };
}

export function listFormat(YAML, fields) {
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
        doc.contents = node(YAML, doc, [item]);
        return doc.toString(WRITE);
      });
      const top = header ? header.split("\n").map((line) => `#${line}`).join("\n") + "\n\n" : "";
      return top + parts.join("\n");
    },
  };
}

