// The page: four views behind hash routes (#/search, #/path/kind/key, #/major/code, #/link),
// a language switch, and the service's status in the footer.
import "./style.css";
import { api } from "./api.js";
import { fill } from "./dom.js";
import { getLang, onLangChange, setLang, t } from "./i18n.js";
import { createLinkingView } from "./linking.js";
import { createMajorView } from "./major.js";
import { createPathView } from "./path.js";
import { createSearchView } from "./search.js";

const sections = Object.fromEntries(
  [...document.querySelectorAll("main > section[data-view]")].map((s) => [s.dataset.view, s]),
);
const views = {
  search: createSearchView(sections.search),
  path: createPathView(sections.path),
  major: createMajorView(sections.major),
  link: createLinkingView(sections.link),
};

/** The view and its arguments named by the URL's hash. */
export function parseRoute(hash) {
  const [path, query = ""] = hash.replace(/^#\/?/, "").split("?");
  const [name, ...rest] = path.split("/").map(decodeURIComponent);
  return {
    name: name in views ? name : "search",
    rest: rest.join("/"),
    params: new URLSearchParams(query),
  };
}

function route() {
  const { name, rest, params } = parseRoute(window.location.hash);
  for (const [view, section] of Object.entries(sections)) section.hidden = view !== name;
  document.querySelectorAll("nav [data-view]").forEach((a) => {
    if (a.dataset.view === name) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  });
  if (name === "search") views.search.show(params);
  else if (name === "path") views.path.show(rest, params);
  else if (name === "major") views.major.show(rest);
  else views.link.show();
  document.title = `${t(`nav.${name}`)} · ${t("app.title")}`;
}

function staticTexts() {
  document.querySelectorAll("[data-i18n]").forEach((el) => {
    if (el.closest("main")) return; // the views set their own texts
    el.textContent = t(el.dataset.i18n);
  });
  document.querySelectorAll("[data-i18n-aria-label]").forEach((el) => {
    el.setAttribute("aria-label", t(el.dataset.i18nAriaLabel));
  });
  const toggle = document.getElementById("lang-toggle");
  const other = getLang() === "zh" ? "en" : "zh";
  toggle.textContent = t("lang.switch");
  toggle.setAttribute("lang", other === "en" ? "en" : "zh-CN");
  toggle.setAttribute("aria-label", t("lang.switchLabel"));
}

async function serviceStatus() {
  const footer = document.getElementById("service-status");
  try {
    const health = await api("/health");
    fill(
      footer,
      t("app.status", {
        nodes: health.nodes,
        docs: health.documents,
        build: health.build_id ?? "—",
      }),
    );
  } catch (err) {
    fill(footer, `${t("state.error")}: ${err.message}`);
  }
}

document.getElementById("lang-toggle").addEventListener("click", () => {
  setLang(getLang() === "zh" ? "en" : "zh");
});
onLangChange(() => {
  staticTexts();
  serviceStatus();
  document.title = `${t(`nav.${parseRoute(window.location.hash).name}`)} · ${t("app.title")}`;
});
window.addEventListener("hashchange", route);
setLang(getLang());
staticTexts();
route();
serviceStatus();
