// A node as an editor sees it: the resources linked to it, and its inferred alignments and
// prerequisites with their review status, each accepted or rejected with one click.
import { api, keyOf, refOf } from "./api.js";
import { fill, h } from "./dom.js";
import { done, emptyLine, errorBox, showError, showLoading } from "./feedback.js";
import { t } from "./i18n.js";
import { kindBadge, nodeLink } from "./kinds.js";

/** Fill `el` with the card of node `ref` (a search hit or node reference). */
export async function showNodeCard(el, ref) {
  showLoading(el);
  let view;
  let links;
  try {
    [view, links] = await Promise.all([
      api(`/nodes/${refOf(ref.iri)}`),
      api("/links", { query: { node: ref.iri, limit: 50 } }),
    ]);
  } catch (err) {
    showError(el, err);
    return;
  }
  const titles = await Promise.all(
    links.data.map((lk) =>
      api(`/resources/${keyOf(lk.resource)}`).then(
        (r) => r,
        () => null,
      ),
    ),
  );
  done(el);
  const labels = new Map(view.edges.map((e) => [e.iri, e.label]));
  labels.set(view.iri, ref.label);
  fill(
    el,
    h("h4", {}, kindBadge(ref.kind), " ", nodeLink(ref)),
    h("h5", { text: t("link.nodeResources", { n: links.count }) }),
    links.data.length
      ? h(
          "ul",
          { class: "refs", id: "node-resources" },
          links.data.map((lk, i) =>
            h(
              "li",
              {},
              titles[i]?.title ?? keyOf(lk.resource),
              h("span", { class: "muted", text: ` · ${t("link.relevance")} ${lk.relevance}` }),
            ),
          ),
        )
      : emptyLine(t("link.noResources")),
    reviewTable("alignsTo", t("link.alignments"), view.alignments, labels),
    reviewTable("requires", t("link.prerequisites"), view.prerequisites, labels),
  );
}

function reviewTable(predicate, title, edges, labels) {
  const name = (iri) => labels.get(iri) ?? refOf(iri);
  return h(
    "section",
    { class: "reviews", dataset: { predicate } },
    h("h5", { text: `${title} (${edges.length})` }),
    edges.length
      ? h(
          "table",
          { class: "grid" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              ["edge", "score", "status", "decide"].map((c) =>
                h("th", { scope: "col", text: t(`link.col.${c}`) }),
              ),
            ),
          ),
          h(
            "tbody",
            {},
            edges.map((e) => reviewRow(predicate, e, name)),
          ),
        )
      : emptyLine(t("common.none")),
  );
}

function reviewRow(predicate, edge, name) {
  const status = h("td", { class: "review-status", text: t(`review.${edge.status}`) });
  const message = h("div", { class: "review-message", "aria-live": "polite" });
  const what = t(`link.edge.${predicate}`, { s: name(edge.subject), o: name(edge.object) });
  const decide = (decision) => async () => {
    fill(message);
    try {
      const saved = await api("/reviews", {
        method: "PUT",
        body: { subject: edge.subject, predicate, object: edge.object, status: decision },
      });
      edge.status = saved.status;
      status.textContent = t(`review.${saved.status}`);
      row
        .querySelectorAll("button")
        .forEach((b) =>
          b.setAttribute("aria-pressed", String(b.dataset.decision === saved.status)),
        );
    } catch (err) {
      fill(message, errorBox(err));
    }
  };
  const button = (decision) =>
    h("button", {
      type: "button",
      class: `decide ${decision}`,
      dataset: { decision },
      "aria-pressed": String(edge.status === decision),
      "aria-label": `${t(`review.do.${decision}`)}: ${what}`,
      text: t(`review.do.${decision}`),
      onclick: decide(decision),
    });
  const row = h(
    "tr",
    { dataset: { subject: edge.subject, object: edge.object } },
    h("td", { text: what }),
    h("td", { class: "num", text: edge.score === null ? "" : edge.score.toFixed(2) }),
    status,
    h("td", {}, button("accepted"), " ", button("rejected"), message),
  );
  return row;
}
