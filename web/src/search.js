// Search view: results appear as one types, filtered by node kind, a page at a time.
import { api, isAbort, keyOf } from "./api.js";
import { debounce, fill, h } from "./dom.js";
import { done, emptyLine, errorBox, showError, showLoading } from "./feedback.js";
import { onLangChange, t } from "./i18n.js";
import { SEARCH_KINDS, displayLabel, kindBadge, kindName, nodeHref, nodeLink } from "./kinds.js";

const PAGE = 20;

/** The search view in `section`; `show(params)` runs the query the URL names. */
export function createSearchView(section) {
  const state = { q: "", kinds: new Set(), hits: [], count: 0, controller: null };

  const input = h("input", {
    id: "search-q",
    type: "search",
    name: "q",
    autocomplete: "off",
    "aria-controls": "search-results",
  });
  const label = h("label", { for: "search-q" });
  const legend = h("legend");
  const boxes = SEARCH_KINDS.map((kind) =>
    h("input", { type: "checkbox", id: `kind-${kind}`, value: kind, name: "kind" }),
  );
  const boxLabels = boxes.map((box) => h("label", { for: box.id, class: "check" }));
  const filters = h(
    "fieldset",
    { class: "kinds" },
    legend,
    boxes.map((box, i) => h("span", { class: "kind-option" }, box, boxLabels[i])),
  );
  const summary = h("p", { id: "search-summary", class: "summary", "aria-live": "polite" });
  const results = h("ol", { id: "search-results", class: "hits" });
  const more = h("button", { type: "button", class: "more", hidden: true });
  const heading = h("h2");
  fill(
    section,
    heading,
    h("div", { class: "search-bar", role: "search" }, label, input),
    filters,
    summary,
    results,
    more,
  );

  function texts() {
    heading.textContent = t("search.heading");
    label.textContent = t("search.label");
    input.placeholder = t("search.placeholder");
    legend.textContent = t("search.kinds");
    boxLabels.forEach((l, i) => (l.textContent = kindName(SEARCH_KINDS[i])));
    more.textContent = t("search.more");
  }

  function syncUrl() {
    const params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    for (const k of state.kinds) params.append("kind", k);
    const query = params.toString();
    history.replaceState(null, "", `#/search${query ? `?${query}` : ""}`);
  }

  async function run({ append = false } = {}) {
    state.controller?.abort();
    const q = state.q.trim();
    syncUrl();
    if (!q) {
      state.hits = [];
      done(results);
      fill(results);
      fill(summary);
      more.hidden = true;
      return;
    }
    const controller = new AbortController();
    state.controller = controller;
    if (!append) showLoading(summary, t("search.searching"));
    try {
      const page = await api("/search", {
        query: {
          q,
          kind: state.kinds.size ? [...state.kinds] : SEARCH_KINDS,
          limit: PAGE,
          offset: append ? state.hits.length : 0,
        },
        signal: controller.signal,
      });
      state.hits = append ? [...state.hits, ...page.data] : page.data;
      state.count = page.count;
      done(summary);
      render();
    } catch (err) {
      if (isAbort(err)) return;
      state.hits = [];
      fill(results);
      more.hidden = true;
      showError(summary, err);
    }
  }

  function render() {
    fill(summary, state.hits.length ? t("search.count", { n: state.count }) : "");
    if (!state.hits.length) fill(summary, emptyLine(t("search.none")));
    fill(results, state.hits.map(hitItem));
    more.hidden = state.hits.length >= state.count;
  }

  const later = debounce(() => run(), 250);
  input.addEventListener("input", () => {
    state.q = input.value;
    later();
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") run();
  });
  boxes.forEach((box) =>
    box.addEventListener("change", () => {
      if (box.checked) state.kinds.add(box.value);
      else state.kinds.delete(box.value);
      run();
    }),
  );
  more.addEventListener("click", () => run({ append: true }));
  onLangChange(() => {
    texts();
    if (state.hits.length) render();
  });
  texts();

  return {
    show(params) {
      const q = params.get("q") ?? state.q;
      const kinds = params.getAll("kind").filter((k) => SEARCH_KINDS.includes(k));
      if (params.has("q") || kinds.length) {
        state.q = q;
        state.kinds = new Set(kinds);
        input.value = q;
        boxes.forEach((b) => (b.checked = state.kinds.has(b.value)));
        run();
      }
      input.focus();
    },
  };
}

function hitItem(hit) {
  const label = displayLabel(hit);
  const other = label === hit.label ? hit.label_en : hit.label;
  const href = nodeHref(hit);
  return h(
    "li",
    { class: "hit", dataset: { kind: hit.kind, iri: hit.iri } },
    kindBadge(hit.kind),
    " ",
    href ? h("a", { href, class: "hit-label", text: label }) : h("strong", { text: label }),
    other ? h("span", { class: "alt", text: ` ${other}` }) : null,
    hit.matched !== hit.label && hit.matched !== hit.label_en
      ? h("span", { class: "matched", text: ` · ${t("search.matched", { text: hit.matched })}` })
      : null,
    hit.kind === "Technology" ? technologyDetails(hit) : null,
  );
}

/** A technology's courses and majors, fetched when the teacher opens it. */
function technologyDetails(hit) {
  const body = h("div", { class: "tech-body" });
  const details = h(
    "details",
    { class: "tech" },
    h("summary", { text: t("search.whoTeaches") }),
    body,
  );
  let loaded = false;
  details.addEventListener("toggle", async () => {
    if (!details.open || loaded) return;
    loaded = true;
    showLoading(body);
    try {
      const tech = await api(`/technologies/${encodeURIComponent(keyOf(hit.iri))}`);
      done(body);
      fill(
        body,
        refList(t("search.techCourses"), tech.courses),
        refList(t("search.techMajors"), tech.majors),
      );
    } catch (err) {
      loaded = false;
      fill(body, errorBox(err));
    }
  });
  return details;
}

function refList(title, refs) {
  return h(
    "p",
    {},
    h("span", { class: "field", text: `${title}: ` }),
    refs.length
      ? refs.flatMap((r, i) => [i ? "、" : "", nodeLink(r)])
      : h("span", { class: "muted", text: t("common.none") }),
  );
}
