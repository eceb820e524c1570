// The editor's API key: entered once, kept in this browser (localStorage), checked on save.
import { api, getKey, setKey } from "./api.js";
import { fill, h } from "./dom.js";
import { errorBox } from "./feedback.js";
import { t } from "./i18n.js";

/** The key panel; `onChange()` runs after the key is saved or forgotten. */
export function createKeyPanel(onChange) {
  const input = h("input", {
    id: "api-key",
    type: "password",
    autocomplete: "off",
    spellcheck: "false",
    name: "api-key",
  });
  const label = h("label", { for: "api-key" });
  const save = h("button", { type: "submit", id: "api-key-save" });
  const forget = h("button", { type: "button", id: "api-key-forget" });
  const status = h("div", { id: "api-key-status", class: "key-status", "aria-live": "polite" });
  const legend = h("legend");
  const hint = h("p", { class: "muted" });
  const form = h(
    "form",
    { class: "key-panel" },
    h("fieldset", {}, legend, hint, h("div", { class: "row" }, label, input, save, forget), status),
  );

  function describe() {
    const key = getKey();
    forget.hidden = !key;
    fill(status, key ? t("key.saved", { prefix: key.slice(0, 11) }) : t("key.missing"));
  }

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const key = input.value.trim();
    if (!key) return;
    setKey(key);
    input.value = "";
    fill(status, t("key.checking"));
    try {
      // Any read checks a key that is sent: a wrong key is refused (401) even where
      // anonymous reading is allowed.
      await api("/reviews", { query: { limit: 1 } });
      describe();
      status.append(` ${t("key.valid")}`);
    } catch (err) {
      setKey("");
      forget.hidden = true;
      fill(status, errorBox(err));
    }
    onChange();
  });
  forget.addEventListener("click", () => {
    setKey("");
    describe();
    onChange();
  });

  return {
    element: form,
    texts() {
      legend.textContent = t("key.legend");
      hint.textContent = t("key.hint");
      label.textContent = t("key.label");
      save.textContent = t("key.save");
      forget.textContent = t("key.forget");
      describe();
    },
  };
}
