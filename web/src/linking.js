// Resource linking for editors: find a node, describe a resource (or pick a stored one), take
// or drop the suggested nodes, and save: the resource is created and linked to each node.
import { api, getKey } from "./api.js";
import { fill, h } from "./dom.js";
import { emptyLine, errorBox } from "./feedback.js";
import { onLangChange, t } from "./i18n.js";
import { createKeyPanel } from "./keyring.js";
import { LINKABLE_KINDS, displayLabel, kindBadge } from "./kinds.js";
import { createPicker } from "./picker.js";
import { showNodeCard } from "./review.js";
import { createSuggestions } from "./suggest.js";

const TYPES = ["video", "ppt", "document", "lesson-plan", "training-guide", "simulation"];

/** The linking view in `section`. */
export function createLinkingView(section) {
  const targets = new Map(); // iri → node chosen to link
  let card = null; // the node whose card is shown

  const keys = createKeyPanel(() => {
    hint();
    if (card) showNodeCard(cardEl, card);
  });
  const heading = h("h2");
  const findHeading = h("h3");
  const picker = createPicker({
    name: "link-node",
    label: "",
    kinds: LINKABLE_KINDS,
    onPick: (hit) => {
      choose(hit);
      card = hit;
      showNodeCard(cardEl, hit);
    },
  });
  const cardEl = h("div", { id: "node-card", class: "node-card" });

  const field = (id, input) => [h("label", { for: id, "data-i18n": `link.field.${id}` }), input];
  const existing = h("select", { id: "resource-existing", name: "existing" });
  const title = h("input", { id: "resource-title", name: "title", required: true, maxlength: 500 });
  const type = h("select", { id: "resource-type", name: "type", required: true });
  const url = h("input", { id: "resource-url", name: "url", type: "url", pattern: "https?://.+" });
  const licence = h("input", { id: "resource-licence", name: "licence", maxlength: 500 });
  const description = h("textarea", { id: "resource-description", name: "description", rows: 2 });
  const fresh = h(
    "div",
    { class: "fields" },
    field("resource-title", title),
    field("resource-type", type),
    field("resource-url", url),
    field("resource-licence", licence),
    field("resource-description", description),
  );
  const suggestions = createSuggestions({
    onAccept: (s) => choose(s),
    isChosen: (iri) => targets.has(iri),
  });
  const chips = h("div", { id: "link-targets", class: "chips", "aria-live": "polite" });
  const relevance = h("input", {
    id: "link-relevance",
    type: "number",
    min: 0,
    max: 1,
    step: 0.05,
    value: "1",
  });
  const submit = h("button", { type: "submit", id: "link-save", class: "primary" });
  const noKey = h("p", { class: "muted", id: "link-nokey" });
  const result = h("div", { id: "link-result", "aria-live": "polite" });
  const resourceHeading = h("h3");
  const targetsHeading = h("h3");
  const form = h(
    "form",
    { class: "link-form", id: "link-form" },
    resourceHeading,
    h("div", { class: "fields" }, field("resource-existing", existing)),
    fresh,
    suggestions.element,
    targetsHeading,
    chips,
    h("div", { class: "row" }, field("link-relevance", relevance), submit),
    noKey,
    result,
  );
  fill(section, heading, keys.element, findHeading, picker.element, cardEl, form);

  function choose(node) {
    targets.set(node.iri, node);
    renderChips();
    suggestions.refresh();
  }

  function renderChips() {
    fill(
      chips,
      targets.size
        ? [...targets.values()].map((n) =>
            h(
              "span",
              { class: "chip", dataset: { iri: n.iri } },
              kindBadge(n.kind),
              " ",
              displayLabel(n),
              h("button", {
                type: "button",
                class: "chip-remove",
                text: "×",
                "aria-label": t("link.drop", { label: n.label }),
                onclick: () => {
                  targets.delete(n.iri);
                  renderChips();
                  suggestions.refresh();
                },
              }),
            ),
          )
        : emptyLine(t("link.noTargets")),
    );
  }

  function hint() {
    noKey.textContent = getKey() ? "" : t("link.needKey");
  }

  async function loadExisting(selected = existing.value) {
    try {
      const page = await api("/resources", { query: { limit: 200 } });
      fill(
        existing,
        h("option", { value: "", text: t("link.newResource") }),
        page.data.map((r) => h("option", { value: r.id, text: `${r.title} (${r.type_zh})` })),
      );
      existing.value = selected;
    } catch (err) {
      fill(existing, h("option", { value: "", text: t("link.newResource") }));
      fill(result, errorBox(err));
    }
    fresh.hidden = Boolean(existing.value);
    for (const el of [title, type]) el.required = !existing.value;
  }

  existing.addEventListener("change", async () => {
    await loadExisting();
    if (existing.value) suggestions.forResource(existing.value);
    else suggestions.update(title.value, description.value);
  });
  for (const el of [title, description]) {
    el.addEventListener("input", () => suggestions.update(title.value, description.value));
  }

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    fill(result);
    if (!targets.size) {
      fill(result, errorBox({ title: t("link.noTargets") }));
      return;
    }
    submit.disabled = true;
    let rid = existing.value;
    try {
      if (!rid) {
        const body = { title: title.value.trim(), type: type.value };
        for (const [name, el] of [
          ["url", url],
          ["licence", licence],
          ["description", description],
        ]) {
          if (el.value.trim()) body[name] = el.value.trim();
        }
        rid = (await api("/resources", { method: "POST", body })).id;
        // From here on the resource exists: a retry links it instead of making another.
        await loadExisting(rid);
      }
      const rel = Number(relevance.value);
      for (const node of targets.values()) {
        await api(`/resources/${rid}/links`, {
          method: "PUT",
          body: { node: node.iri, relevance: rel },
        });
      }
      const saved = await api(`/resources/${rid}`);
      fill(
        result,
        h(
          "div",
          { class: "state ok", role: "status" },
          h("strong", { text: t("link.saved", { title: saved.title, n: saved.links.length }) }),
          h(
            "ul",
            { class: "refs", id: "link-saved-list" },
            saved.links.map((lk) => h("li", { text: lk.label ?? lk.node })),
          ),
        ),
      );
      // Ready for the next resource; the one just saved is in the list of stored ones.
      targets.clear();
      renderChips();
      form.reset();
      type.value = "video";
      relevance.value = "1";
      await loadExisting("");
      suggestions.update("", "");
      if (card) showNodeCard(cardEl, card);
    } catch (err) {
      fill(result, errorBox(err));
    } finally {
      submit.disabled = false;
    }
  });

  function texts() {
    heading.textContent = t("link.heading");
    findHeading.textContent = t("link.find");
    picker.element.querySelector("label").textContent = t("link.findLabel");
    picker.input.placeholder = t("link.findPlaceholder");
    resourceHeading.textContent = t("link.resource");
    targetsHeading.textContent = t("link.targets");
    submit.textContent = t("link.save");
    form.querySelectorAll("label[data-i18n]").forEach((l) => (l.textContent = t(l.dataset.i18n)));
    const chosenType = type.value;
    fill(
      type,
      TYPES.map((v) => h("option", { value: v, text: t(`type.${v}`) })),
    );
    type.value = chosenType || "video";
    if (existing.options.length) existing.options[0].textContent = t("link.newResource");
    keys.texts();
    suggestions.refresh();
    renderChips();
    hint();
    if (card) showNodeCard(cardEl, card);
  }

  onLangChange(texts);
  texts();
  let loaded = false;

  return {
    show() {
      if (!loaded) {
        loaded = true;
        loadExisting();
      }
    },
  };
}
