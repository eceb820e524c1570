// Skill path view: pick a target, see its prerequisite stages drawn and listed, tick what the
// learner already knows and the path shrinks; export it as CSV or print it.
import { api, isAbort, refOf } from "./api.js";
import { download, pathRows, toCsv } from "./csv.js";
import { fill, h } from "./dom.js";
import { done, emptyLine, showError, showLoading } from "./feedback.js";
import { onLangChange, t } from "./i18n.js";
import { PATH_KINDS, kindBadge, kindName, nodeLink } from "./kinds.js";
import { drawPath } from "./pathgraph.js";
import { createPicker } from "./picker.js";

/** The skill path view in `section`; `show(ref, params)` opens the path to `ref`. */
export function createPathView(section) {
  const state = { ref: "", known: new Map(), path: null, cy: null, stale: false, controller: null };

  const heading = h("h2");
  const picker = createPicker({
    name: "path-target",
    label: "",
    kinds: PATH_KINDS,
    onPick: (hit) => {
      window.location.hash = `#/path/${refOf(hit.iri)}`;
    },
  });
  const body = h("div", { class: "path-body", "aria-live": "polite" });
  fill(section, heading, picker.element, body);

  function texts() {
    heading.textContent = t("path.heading");
    picker.element.querySelector("label").textContent = t("path.pick");
    picker.input.placeholder = t("path.placeholder");
  }

  function syncUrl() {
    const params = new URLSearchParams();
    for (const iri of state.known.keys()) params.append("known", refOf(iri));
    const query = params.toString();
    history.replaceState(null, "", `#/path/${state.ref}${query ? `?${query}` : ""}`);
  }

  async function load() {
    state.controller?.abort();
    const controller = new AbortController();
    state.controller = controller;
    syncUrl();
    if (!state.path) showLoading(body);
    else body.setAttribute("aria-busy", "true");
    try {
      const known = [...state.known.keys()].map(refOf);
      state.path = await api(`/paths/${state.ref}`, {
        query: { known },
        signal: controller.signal,
      });
      done(body);
      render();
    } catch (err) {
      if (isAbort(err)) return;
      state.path = null;
      state.cy?.destroy();
      state.cy = null;
      showError(body, err);
    }
  }

  function toggle(node, checked) {
    if (checked) state.known.set(node.iri, node);
    else state.known.delete(node.iri);
    load();
  }

  function render() {
    const path = state.path;
    if (!path) return;
    const items = path.stages.flat();
    const target = path.target;
    const graph = h("div", {
      id: "path-graph",
      class: "graph",
      role: "img",
      "aria-label": t("path.graphLabel", { n: items.length, s: path.stages.length }),
      style: `height:${Math.max(220, 64 * Math.max(0, ...path.stages.map((s) => s.length)) + 40)}px`,
    });
    const printed = h("img", {
      class: "graph-print",
      alt: t("path.graphLabel", { n: items.length, s: path.stages.length }),
    });
    fill(
      body,
      h(
        "div",
        { class: "path-head" },
        h("h3", {}, kindBadge(target.kind), " ", target.label),
        h("p", {
          id: "path-summary",
          class: "summary",
          text: t("path.summary", { n: items.length, s: path.stages.length, k: path.known.length }),
        }),
        h(
          "div",
          { class: "actions no-print" },
          h("button", { type: "button", id: "path-csv", text: t("path.csv"), onclick: exportCsv }),
          h("button", {
            type: "button",
            id: "path-print",
            text: t("path.print"),
            onclick: () => window.print(),
          }),
        ),
      ),
      knownPanel(),
      graph,
      printed,
      h("p", { class: "legend no-print", text: t("path.graphHint") }),
      items.length ? stageList(path) : emptyLine(t("path.nothingLeft")),
    );
    state.cy?.destroy();
    state.cy = null;
    // A hidden view has no size to lay out in: draw when it is shown.
    state.stale = section.hidden;
    if (state.stale) return;
    state.cy = drawPath(graph, path, focusStep);
    printed.src = state.cy.png({ full: true, scale: 2, bg: "#ffffff" });
    window.graphbuilder = { ...(window.graphbuilder ?? {}), pathGraph: state.cy };
  }

  /** Show the path already loaded (drawn afresh if it changed while hidden). */
  function reshow() {
    syncUrl();
    if (state.stale) render();
    else state.cy?.resize().fit(undefined, 16);
  }

  function knownPanel() {
    if (!state.known.size) return null;
    return h(
      "div",
      { class: "known-panel" },
      h("span", { class: "field", text: `${t("path.knownTicked")}: ` }),
      [...state.known.values()].map((node) =>
        h(
          "span",
          { class: "chip" },
          node.label,
          h("button", {
            type: "button",
            class: "chip-remove no-print",
            "aria-label": t("path.untick", { label: node.label }),
            text: "×",
            onclick: () => toggle(node, false),
          }),
        ),
      ),
    );
  }

  function stageList(path) {
    const labels = new Map(path.stages.flat().map((i) => [i.node.iri, i.node.label]));
    return h(
      "ol",
      { class: "stages", id: "path-steps" },
      path.stages.map((stage, s) =>
        h(
          "li",
          { class: "stage" },
          h("h4", { text: t("path.stage", { n: s + 1 }) }),
          h(
            "ul",
            { class: "steps" },
            stage.map((item) => stepItem(item, labels, path.target.iri)),
          ),
        ),
      ),
    );
  }

  function stepItem(item, labels, targetIri) {
    const node = item.node;
    const id = `known-${refOf(node.iri).replace("/", "-")}`;
    const isTarget = node.iri === targetIri;
    return h(
      "li",
      {
        class: "step",
        dataset: { iri: node.iri },
        id: `step-${refOf(node.iri).replace("/", "-")}`,
      },
      h(
        "div",
        { class: "step-head" },
        isTarget
          ? h("span", { class: "target-mark", text: t("path.target") })
          : h(
              "span",
              { class: "tick no-print" },
              h("input", { type: "checkbox", id, onchange: (e) => toggle(node, e.target.checked) }),
              h(
                "label",
                { for: id },
                t("path.known"),
                h("span", { class: "sr-only", text: `：${node.label}` }),
              ),
            ),
        kindBadge(node.kind),
        " ",
        nodeLink(node),
      ),
      h(
        "dl",
        { class: "step-facts" },
        fact(t("path.requires"), item.requires.map((r) => labels.get(r) ?? r).join("、")),
        fact(t("path.taughtBy"), item.taught_by),
        inferredFact(item.taught_by_inferred ?? []),
        fact(t("path.resources"), item.resources),
        fact(t("path.alternatives"), item.alternatives),
      ),
    );
  }

  function fact(title, value) {
    if (!value || (Array.isArray(value) && !value.length)) return null;
    const dd = Array.isArray(value)
      ? h(
          "dd",
          {},
          value.flatMap((r, i) => [i ? "、" : "", nodeLink(r)]),
        )
      : h("dd", { text: value });
    return [h("dt", { text: title }), dd];
  }

  /** The courses that probably teach a step, each with a small "inferred" mark saying why. */
  function inferredFact(courses) {
    if (!courses.length) return null;
    const why = (r) =>
      t(`path.inferredWhy.${r.how}`, { shared: r.shared.join("、") }) +
      (r.through === "preparesFor" ? t("path.inferredVia.preparesFor") : "");
    return [
      h("dt", { text: t("path.taughtBy"), title: t("path.inferredHint") }),
      h(
        "dd",
        { class: "inferred" },
        courses.flatMap((r, i) => [
          i ? "、" : "",
          nodeLink(r),
          h("span", { class: "flag inferred-mark", title: why(r), text: t("path.inferred") }),
        ]),
      ),
    ];
  }

  function focusStep(iri) {
    const step = body.querySelector(`[data-iri="${CSS.escape(iri)}"]`);
    step?.scrollIntoView({ behavior: "smooth", block: "center" });
    (step?.querySelector("input") ?? step?.querySelector("a"))?.focus({ preventScroll: true });
  }

  function exportCsv() {
    const path = state.path;
    const header = [
      "stage",
      "kind",
      "label",
      "iri",
      "requires",
      "taughtBy",
      "resources",
      "alternatives",
    ];
    const rows = pathRows(
      path,
      header.map((c) => t(`csv.${c}`)),
      kindName,
      t("csv.inferred"),
    );
    download(`learning-path-${refOf(path.target.iri).replace("/", "-")}.csv`, toCsv(rows));
  }

  /** Known items named in the URL come as kind/key: fetch their labels for the panel. */
  async function nameKnown() {
    const unnamed = [...state.known.values()].filter((n) => n.label === n.iri);
    const named = await Promise.all(
      unnamed.map((n) =>
        api(`/nodes/${n.iri}`).then(
          (v) => [n.iri, v],
          () => [n.iri, null],
        ),
      ),
    );
    for (const [ref, view] of named) {
      const label = view?.labels?.zh?.[0] ?? view?.labels?.en?.[0];
      if (label && state.known.has(ref)) state.known.set(ref, { iri: ref, label });
    }
    if (named.length && state.path) render();
  }

  onLangChange(() => {
    texts();
    render();
  });
  texts();

  return {
    show(ref, params) {
      if (!ref) {
        if (!state.path) fill(body, emptyLine(t("path.empty")));
        else reshow();
        picker.input.focus();
        return;
      }
      const known = params.getAll("known");
      const sameTarget = ref === state.ref;
      const sameKnown =
        known.length === state.known.size &&
        known.every((k) => [...state.known.keys()].some((i) => refOf(i) === k));
      if (sameTarget && sameKnown && state.path) {
        reshow();
        return;
      }
      state.ref = ref;
      state.path = null;
      state.known = new Map(known.map((k) => [k, { iri: k, label: k }]));
      load();
      nameKnown();
    },
  };
}
