// Major view: a major's courses, skills, knowledge points, occupations, certificates, the
// industry technologies its courses and skills align to (all in the major's answer), and its
// gap report.
import { api, isAbort, refOf } from "./api.js";
import { fill, h } from "./dom.js";
import { done, emptyLine, errorBox, showError, showLoading } from "./feedback.js";
import { gapSection } from "./gaps.js";
import { onLangChange, t } from "./i18n.js";
import { kindBadge, nodeLink } from "./kinds.js";
import { createPicker } from "./picker.js";

/** The major view in `section`; `show(code)` opens the major with that code. */
export function createMajorView(section) {
  const state = { code: "", major: null, gaps: null, controller: null };

  const heading = h("h2");
  const picker = createPicker({
    name: "major-pick",
    label: "",
    kinds: ["Major"],
    onPick: (hit) => {
      window.location.hash = `#/major/${refOf(hit.iri).split("/")[1]}`;
    },
  });
  const body = h("div", { class: "major-body" });
  fill(section, heading, picker.element, body);

  function texts() {
    heading.textContent = t("major.heading");
    picker.element.querySelector("label").textContent = t("major.pick");
    picker.input.placeholder = t("major.placeholder");
  }

  async function load(code) {
    state.controller?.abort();
    const controller = new AbortController();
    state.controller = controller;
    Object.assign(state, { code, major: null, gaps: null });
    showLoading(body);
    try {
      state.major = await api(`/majors/${code}`, { signal: controller.signal });
    } catch (err) {
      if (!isAbort(err)) showError(body, err);
      return;
    }
    done(body);
    render();
    // The gap report comes in afterwards; it shows its own state and cannot break the rest.
    const gaps = await api(`/majors/${code}/gaps`, { signal: controller.signal }).then(
      (data) => ({ data }),
      (error) => ({ error }),
    );
    if (controller.signal.aborted) return;
    state.gaps = gaps;
    render();
  }

  function render() {
    const m = state.major;
    if (!m) return;
    const byType = new Map();
    for (const c of m.courses) {
      const type = c.course_type || t("major.otherCourses");
      byType.set(type, [...(byType.get(type) ?? []), c]);
    }
    fill(
      body,
      h(
        "header",
        { class: "major-head" },
        h("h3", {}, kindBadge("Major"), " ", m.node.label),
        h("p", {
          class: "summary",
          text: [m.code && `${t("major.code")} ${m.code}`, m.level].filter(Boolean).join(" · "),
        }),
      ),
      h(
        "div",
        { class: "major-grid" },
        block(
          "major-courses",
          t("major.courses"),
          m.courses.length,
          [...byType].map(([type, cs]) =>
            h("div", { class: "course-group" }, h("h5", { text: type }), refList(cs)),
          ),
        ),
        block("major-skills", t("major.skills"), m.skills.length, refList(m.skills)),
        block(
          "major-kps",
          t("major.knowledgePoints"),
          m.knowledge_points.length,
          refList(m.knowledge_points),
        ),
        block(
          "major-occupations",
          t("major.occupations"),
          m.occupations.length,
          refList(m.occupations),
        ),
        block(
          "major-certificates",
          t("major.certificates"),
          m.certificates.length,
          refList(m.certificates),
        ),
        m.continues_to.length
          ? block(
              "major-continues",
              t("major.continuesTo"),
              m.continues_to.length,
              refList(m.continues_to),
            )
          : null,
      ),
      h(
        "section",
        {
          class: "block wide",
          id: "major-technologies",
          "aria-labelledby": "major-technologies-h",
        },
        h("h4", { id: "major-technologies-h", text: t("major.technologies") }),
        alignedBody(),
      ),
      h(
        "section",
        { class: "block wide", id: "major-gaps", "aria-labelledby": "major-gaps-h" },
        h("h4", { id: "major-gaps-h", text: t("gaps.heading") }),
        gapsBody(),
      ),
    );
  }

  /** The technologies the major's courses and skills align to (rejected ones left out). */
  function alignedBody() {
    const rows = state.major.technologies;
    if (!rows.length) return emptyLine(t("major.noTechnologies"));
    return h(
      "table",
      { class: "grid" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ["technology", "via", "score", "status"].map((c) =>
            h("th", { scope: "col", text: t(`major.col.${c}`) }),
          ),
        ),
      ),
      h(
        "tbody",
        {},
        rows.map((row) =>
          h(
            "tr",
            {},
            h("td", { text: row.label }),
            h(
              "td",
              {},
              row.via.flatMap((v, i) => [i ? "、" : "", nodeLink(v)]),
            ),
            h("td", { class: "num", text: row.score === null ? "" : row.score.toFixed(2) }),
            h("td", { text: row.statuses.map((s) => t(`review.${s}`)).join("、") }),
          ),
        ),
      ),
    );
  }

  function gapsBody() {
    const g = state.gaps;
    if (!g) return h("p", { class: "state loading", role: "status", text: t("state.loading") });
    if (g.error?.status === 404) return emptyLine(t("gaps.none"));
    if (g.error) return errorBox(g.error);
    return gapSection(g.data);
  }

  onLangChange(() => {
    texts();
    render();
  });
  texts();

  return {
    show(code) {
      if (!code) {
        if (!state.major) fill(body, emptyLine(t("major.empty")));
        picker.input.focus();
        return;
      }
      if (code !== state.code || !state.major) load(code);
    },
  };
}

function block(id, title, count, content) {
  return h(
    "section",
    { class: "block", id, "aria-labelledby": `${id}-h` },
    h("h4", { id: `${id}-h` }, title, h("span", { class: "count", text: ` (${count})` })),
    count ? content : emptyLine(t("common.none")),
  );
}

function refList(refs) {
  return h(
    "ul",
    { class: "refs" },
    refs.map((r) => h("li", {}, nodeLink(r))),
  );
}
