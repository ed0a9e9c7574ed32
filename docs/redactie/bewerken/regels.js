// What `controleer` checks in a text that the form can check while the curator types: config.yml gives a
// field its "regels" (macros/site/editor_config.py, from the schema, each with the check's own words).
// withRules(CMS) wraps Decap's string, text and markdown widgets so that they keep them. A record's id is
// also asked of the backend: a new record may not take the id of an existing one (Decap would save it
// silently under another name, 'selwerd-1.yaml'), and a record being edited keeps the id of its file.
// textError() needs no browser: tests/unit/test_editor_rules.py runs it with Node against the check.

function quote(text) {
  return `'${String(text).replace(/\n/g, "\\n")}'`; // as macros/data/problems.py quote()
}

function fill(template, values) {
  return template.replace(/\{(waarde|lengte|treffer|plaats|bestand)\}/g, (_, key) => String(values[key] ?? ""));
}

export function textError(rules, value) {
  // The first rule the text breaks, as "melding (tip: …)", or null. An empty text breaks none: a required
  // field left empty gets Decap's own "… is vereist".
  if (typeof value !== "string" || value === "") return null;
  for (const rule of rules || []) {
    if (rule.moet !== undefined && !new RegExp(rule.moet, "u").test(value)) {
      return fill(rule.melding, { waarde: quote(value) });
    }
    if (rule.max !== undefined && [...value].length > rule.max) {
      return fill(rule.melding, { lengte: [...value].length });
    }
    if (rule.niet !== undefined) {
      const text = rule.zonder ? value.replace(new RegExp(rule.zonder, "gu"), "") : value;
      const found = new RegExp(rule.niet, "u").exec(text);
      if (found) return fill(rule.melding, { treffer: [...found[0]].slice(0, 40).join("") });
    }
  }
  return null;
}

// collection/id -> true (taken) or false (free), and the questions still open.
const taken = new Map();
const asking = new Map();

function rulesOf(field) {
  const rules = field.get("regels");
  return rules && rules.toJS ? rules.toJS() : [];
}

function checked(Control) {
  return window.createClass({
    displayName: "MetRegels",

    rules() {
      return rulesOf(this.props.field);
    },

    fail(message) {
      const label = this.props.field.get("label", this.props.field.get("name"));
      return { error: { type: "CUSTOM", parentIds: this.props.parentIds, message: `${label}: ${message}` } };
    },

    unique() {
      return this.rules().find((rule) => rule.uniek);
    },

    entry() {
      return this.props.getEntry ? this.props.getEntry() : this.props.entry;
    },

    key(value) {
      return `${this.props.collection.get("name")}/${value}`;
    },

    ask(value) {
      // Does a record of this collection with this id exist? The backend knows (GitHub, or decap-server).
      const key = this.key(value);
      if (!asking.has(key)) {
        // decap-server answers a file that is not there with an entry without text; GitHub with an error.
        const question = this.props.loadEntry(this.props.collection.get("name"), value)
          .then((entry) => Boolean(entry && entry.raw), () => false)
          .then((found) => {
            taken.set(key, found);
            asking.delete(key);
            return found;
          });
        asking.set(key, question);
      }
      return asking.get(key);
    },

    idError() {
      const rule = this.unique();
      const value = this.props.value;
      const entry = this.entry();
      if (!rule || typeof value !== "string" || !value || !entry) return true;
      if (!entry.get("newRecord")) {
        const slug = entry.get("slug");
        return slug && value !== slug ? this.fail(fill(rule.bestandsnaam, { waarde: quote(value), bestand: quote(slug) }))
          : true;
      }
      const message = fill(rule.melding, { waarde: quote(value), plaats: `${rule.uniek}/${value}.yaml` });
      const key = this.key(value);
      if (taken.has(key)) return taken.get(key) ? this.fail(message) : true;
      // Not known yet: Decap shows "… wordt verwerkt" and checks again when the answer is in.
      return this.ask(value).then((found) => (found ? Promise.reject(message) : true));
    },

    isValid() {
      const inner = this.inner && this.inner.isValid ? this.inner.isValid() : true;
      if (inner !== true) return inner;
      const message = textError(this.rules(), this.props.value);
      return message ? this.fail(message) : this.idError();
    },

    componentDidUpdate(previous) {
      // Ask about a new record's id while the curator types, and say at once when it is taken.
      const value = this.props.value;
      const entry = this.entry();
      if (value === previous.value || !this.unique() || !entry || !entry.get("newRecord")) return;
      if (typeof value !== "string" || textError(this.rules(), value) !== null) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.ask(value).then((found) => {
          if (found && this.props.value === value) this.props.validate();
        });
      }, 300);
    },

    componentWillUnmount() {
      clearTimeout(this.timer);
    },

    shouldComponentUpdate(next) {
      if (this.inner && this.inner.shouldComponentUpdate) return this.inner.shouldComponentUpdate(next);
      return this.props.value !== next.value || this.props.classNameWrapper !== next.classNameWrapper
        || this.props.hasActiveStyle !== next.hasActiveStyle;
    },

    focus(path) {
      if (this.inner && this.inner.focus) this.inner.focus(path);
      else document.getElementById(this.props.forID)?.focus();
    },

    getValidateValue() {
      return this.inner && this.inner.getValidateValue ? this.inner.getValidateValue() : this.props.value;
    },

    render() {
      const blur = () => {
        // Check when the curator leaves the field, as Decap does for its own 'pattern'.
        this.props.setInactiveStyle();
        if (this.props.value && this.rules().length) this.props.validate();
      };
      return window.h(Control, { ...this.props, setInactiveStyle: blur, ref: (inner) => { this.inner = inner; } });
    },
  });
}

export function withRules(CMS) {
  for (const name of ["string", "text", "markdown"]) {
    const widget = CMS.getWidget(name);
    if (widget && !widget.metRegels) {
      widget.control = checked(widget.control); // in place: Decap looks its widgets up when it draws a form
      widget.metRegels = true;
    }
  }
}
