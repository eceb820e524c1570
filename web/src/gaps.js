// The gap report of a major (GET /majors/{code}/gaps, the JSON of `graphbuilder report gaps`):
// the technologies its occupations need that its courses do not cover, hot ones first.
import { fill, h } from "./dom.js";
import { emptyLine } from "./feedback.js";
import { t } from "./i18n.js";

const list = (value) => (Array.isArray(value) ? value : []);

/** The report as page content; fields the report lacks are shown as empty, never an error. */
export function gapSection(report) {
  const needed = list(report?.needed);
  const uncovered = needed.filter((n) => !n.covered);
  const covered = needed.filter((n) => n.covered);
  const occupations = list(report?.occupations);
  return h(
    "div",
    { class: "gaps" },
    h("p", {
      class: "summary",
      id: "gaps-summary",
      text: t("gaps.summary", { n: needed.length, u: uncovered.length, o: occupations.length }),
    }),
    occupations.length
      ? h("p", { class: "muted", text: `${t("gaps.occupations")}: ${occupations.join("、")}` })
      : null,
    h("h5", { text: t("gaps.uncovered") }),
    uncovered.length ? needTable(uncovered, false) : emptyLine(t("gaps.allCovered")),
    covered.length
      ? h(
          "details",
          { class: "covered" },
          h("summary", { text: t("gaps.covered", { n: covered.length }) }),
          needTable(covered, true),
        )
      : null,
    listBlock(
      t("gaps.stale"),
      list(report?.stale_courses).map((s) => `${s.course}（${list(s.technologies).join("、")}）`),
    ),
    listBlock(t("gaps.untaught"), list(report?.untaught_skills)),
  );
}

function needTable(needs, covered) {
  const cols = [
    "technology",
    "demand",
    "occupations",
    "nationwide",
    covered ? "coveredBy" : "evidence",
  ];
  return h(
    "table",
    { class: "grid gap-table" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        cols.map((c) => h("th", { scope: "col", text: t(`gaps.col.${c}`) })),
      ),
    ),
    h(
      "tbody",
      {},
      needs.map((n) =>
        h(
          "tr",
          { dataset: { iri: n.iri ?? "" } },
          h(
            "td",
            {},
            h("span", { class: "tech-label", text: n.label ?? n.iri }),
            n.hot ? h("span", { class: "flag hot", text: t("gaps.hot") }) : null,
            n.in_demand ? h("span", { class: "flag demand", text: t("gaps.inDemand") }) : null,
            list(n.categories).length
              ? h("div", { class: "muted", text: list(n.categories).join("、") })
              : null,
          ),
          h("td", { class: "num", text: n.demand ?? "" }),
          h("td", { class: "num", text: n.occupations ?? "" }),
          h("td", { class: "num", text: n.majors_nationwide ?? "" }),
          covered
            ? h("td", { text: list(n.covered_by).join("、") })
            : h(
                "td",
                {},
                h(
                  "ul",
                  { class: "evidence" },
                  list(n.evidence).map((e) => h("li", { text: `${e.occupation} · ${e.via}` })),
                ),
              ),
        ),
      ),
    ),
  );
}

function listBlock(title, items) {
  if (!items.length) return null;
  return h(
    "div",
    {},
    h("h5", { text: title }),
    fill(
      h("ul", { class: "refs" }),
      items.map((i) => h("li", { text: i })),
    ),
  );
}
