// Writes records the way the web editor does (docs/redactie/bewerken/formats.js with the pinned yaml
// library), for tests/unit/test_editor_yaml.py: one JSON line in ({fields, record}), one JSON line out
// (the file's text).
import { createInterface } from "node:readline";
import { createRequire } from "node:module";
import { recordFormat } from "../../docs/redactie/bewerken/formats.js";

const YAML = createRequire(import.meta.url)("../../tools/editor/node_modules/yaml");
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  const { fields, record } = JSON.parse(line);
  process.stdout.write(JSON.stringify(recordFormat(YAML, fields).toFile(record)) + "\n");
}
