// Loading, error and empty states, shown the same way in every view.
import { fill, h } from "./dom.js";
import { t } from "./i18n.js";

/** Show that `el` is waiting for the server. */
export function showLoading(el, message = t("state.loading")) {
  el.setAttribute("aria-busy", "true");
  fill(el, h("p", { class: "state loading", role: "status", text: message }));
}

/** Mark `el` as no longer waiting. */
export function done(el) {
  el.removeAttribute("aria-busy");
}

/** An error box: the problem's title (and its detail) from the API, or the error's message. */
export function errorBox(err) {
  const title = err?.title ?? t("state.error");
  const detail = err?.status === 0 ? t("state.offline") : (err?.detail ?? err?.message ?? "");
  return h(
    "div",
    { class: "state error", role: "alert" },
    h("strong", { class: "problem-title", text: title }),
    detail && detail !== title ? h("span", { class: "problem-detail", text: ` ${detail}` }) : null,
  );
}

/** Replace the contents of `el` with an error box. */
export function showError(el, err) {
  done(el);
  fill(el, errorBox(err));
}

/** A quiet line saying there is nothing to show. */
export function emptyLine(message) {
  return h("p", { class: "state empty", text: message });
}
