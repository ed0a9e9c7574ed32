// Starts Decap CMS with the configuration generated from data/schema (config.yml, see
// macros/site/editor_config.py), after registering two YAML formats (formats.js: "yaml-record" for a file
// with one record, "yaml-lijst" for a file that is one list) and the rules of the check in the form
// (regels.js).
import * as YAML from "./decap/yaml/index.js";
import { LIST_FIELD, listFormat, recordFormat } from "./formats.js";
import { withRules } from "./regels.js";

const RECORD_FORMAT = "yaml-record";
const LIST_FORMAT = "yaml-lijst";
const status = document.getElementById("wijkengids-status");

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
      window.CMS.registerCustomFormat(name, collection.extension || "yaml", recordFormat(YAML, collection.fields));
      collection.format = name;
    }
    for (const file of collection.files || []) {
      if (file.format !== LIST_FORMAT) continue;
      const name = `${LIST_FORMAT}-${file.name}`;
      const list = file.fields.find((f) => f.name === LIST_FIELD);
      window.CMS.registerCustomFormat(name, "yaml", listFormat(YAML, list.fields));
      file.format = name;
    }
  }
  withRules(window.CMS);
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
