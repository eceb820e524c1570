// Suggested nodes for a resource title (GET /suggestions): accept one to link the resource to
// it, or reject it to drop it from the list.
import { api, isAbort } from "./api.js";
import { debounce, fill, h } from "./dom.js";
import { done, emptyLine, showError, showLoading } from "./feedback.js";
import { t } from "./i18n.js";
import { displayLabel, kindBadge } from "./kinds.js";

/**
 * @param {{onAccept: (node: object) => void, isChosen: (iri: string) => boolean}} options
 */
export function createSuggestions({ onAccept, isChosen }) {
  const state = {
    title: "",
    description: "",
    rid: "",
    data: [],
    rejected: new Set(),
    controller: null,
  };
  const heading = h("h4");
  const body = h("div", { id: "suggestions", "aria-live": "polite" });
  const element = h(
    "section",
    { class: "suggestions", "aria-labelledby": "suggestions-h" },
    heading,
    body,
  );
  heading.id = "suggestions-h";

  async function fetchNow() {
    state.controller?.abort();
    if (!state.rid && !state.title.trim()) {
      state.data = [];
      fill(body, emptyLine(t("suggest.typeTitle")));
      return;
    }
    const controller = new AbortController();
    state.controller = controller;
    showLoading(body, t("suggest.loading"));
    try {
      const query = { limit: 10, min_score: 0.3 };
      const found = state.rid
        ? await api(`/resources/${state.rid}/suggestions`, { query, signal: controller.signal })
        : await api("/suggestions", {
            query: { ...query, title: state.title, description: state.description },
            signal: controller.signal,
          });
      state.data = found.data;
      done(body);
      render();
    } catch (err) {
      if (!isAbort(err)) showError(body, err);
    }
  }

  function render() {
    const shown = state.data.filter((s) => !state.rejected.has(s.iri));
    const hidden = state.data.length - shown.length;
    fill(
      body,
      shown.length
        ? h("ul", { class: "suggestion-list" }, shown.map(item))
        : emptyLine(state.data.length ? t("suggest.allRejected") : t("suggest.none")),
      hidden
        ? h(
            "p",
            { class: "muted" },
            t("suggest.rejectedCount", { n: hidden }),
            " ",
            h("button", {
              type: "button",
              class: "link-button",
              text: t("suggest.restore"),
              onclick: () => {
                state.rejected.clear();
                render();
              },
            }),
          )
        : null,
    );
  }

  function item(s) {
    const chosen = isChosen(s.iri);
    return h(
      "li",
      { class: "suggestion", dataset: { iri: s.iri } },
      kindBadge(s.kind),
      " ",
      h("span", { class: "suggestion-label", text: displayLabel(s) }),
      h("span", {
        class: "muted",
        text: ` ${t("suggest.score", { s: s.score.toFixed(2), m: s.method })}`,
      }),
      " ",
      h("button", {
        type: "button",
        class: "accept",
        disabled: chosen,
        "aria-label": `${t("suggest.accept")}: ${s.label}`,
        text: chosen ? t("suggest.accepted") : t("suggest.accept"),
        onclick: () => {
          onAccept(s);
          render();
        },
      }),
      " ",
      h("button", {
        type: "button",
        class: "reject",
        "aria-label": `${t("suggest.reject")}: ${s.label}`,
        text: t("suggest.reject"),
        onclick: () => {
          state.rejected.add(s.iri);
          render();
        },
      }),
    );
  }

  const later = debounce(fetchNow, 400);
  return {
    element,
    /** Suggest for a new title and description (debounced). */
    update(title, description) {
      Object.assign(state, { title, description, rid: "" });
      later();
    },
    /** Suggest for a stored resource, from its own title and description. */
    forResource(rid) {
      Object.assign(state, { title: "", description: "", rid });
      later();
    },
    /** Re-draw (a node was chosen or dropped elsewhere, or the language changed). */
    refresh() {
      heading.textContent = t("suggest.heading");
      if (state.data.length) render();
      else if (!state.rid && !state.title.trim()) fill(body, emptyLine(t("suggest.typeTitle")));
    },
  };
}
