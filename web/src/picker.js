// A labelled search box that suggests nodes as one types (an ARIA combobox): pick a node with
// the mouse or with the arrow keys and Enter. Used wherever a view needs "which node?".
import { api, isAbort } from "./api.js";
import { debounce, fill, h, uid } from "./dom.js";
import { errorBox } from "./feedback.js";
import { t } from "./i18n.js";
import { displayLabel, kindBadge } from "./kinds.js";

/**
 * @param {{label: string, kinds: string[], onPick: (hit: object) => void,
 *          placeholder?: string, name: string}} options
 * @returns {{element: HTMLElement, input: HTMLInputElement, clear: () => void}}
 */
export function createPicker({ label, kinds, onPick, placeholder = "", name }) {
  const inputId = uid(`${name}-input`);
  const listId = uid(`${name}-list`);
  let hits = [];
  let active = -1;
  let controller = null;

  const input = h("input", {
    id: inputId,
    type: "search",
    role: "combobox",
    autocomplete: "off",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": listId,
    placeholder,
    name,
  });
  const list = h("ul", { id: listId, role: "listbox", class: "picker-list", hidden: true });
  const status = h("div", { class: "picker-status", "aria-live": "polite" });

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(i) {
    active = i;
    list.querySelectorAll("[role=option]").forEach((li, j) => {
      li.setAttribute("aria-selected", String(j === i));
      if (j === i) {
        input.setAttribute("aria-activedescendant", li.id);
        li.scrollIntoView({ block: "nearest" });
      }
    });
  }

  function choose(i) {
    const hit = hits[i];
    if (!hit) return;
    input.value = displayLabel(hit);
    close();
    onPick(hit);
  }

  function render() {
    fill(
      list,
      hits.map((hit, i) =>
        h(
          "li",
          {
            id: `${listId}-${i}`,
            role: "option",
            "aria-selected": "false",
            dataset: { iri: hit.iri },
            onmousedown: (e) => e.preventDefault(), // keep focus in the input
            onclick: () => choose(i),
          },
          kindBadge(hit.kind),
          " ",
          displayLabel(hit),
        ),
      ),
    );
    list.hidden = hits.length === 0;
    input.setAttribute("aria-expanded", String(hits.length > 0));
    active = -1;
  }

  const lookup = debounce(async (q) => {
    controller?.abort();
    if (!q.trim()) {
      hits = [];
      fill(status);
      render();
      return;
    }
    controller = new AbortController();
    try {
      const page = await api("/search", {
        query: { q, kind: kinds, limit: 10 },
        signal: controller.signal,
      });
      hits = page.data;
      fill(status, hits.length ? "" : t("search.none"));
      render();
    } catch (err) {
      if (isAbort(err)) return;
      hits = [];
      render();
      fill(status, errorBox(err));
    }
  }, 200);

  input.addEventListener("input", () => lookup(input.value));
  input.addEventListener("blur", () => setTimeout(close, 100));
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" && hits.length) {
      e.preventDefault();
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      highlight(Math.min(active + 1, hits.length - 1));
    } else if (e.key === "ArrowUp" && hits.length) {
      e.preventDefault();
      highlight(Math.max(active - 1, 0));
    } else if (e.key === "Enter" && !list.hidden && hits.length) {
      e.preventDefault();
      choose(active >= 0 ? active : 0);
    } else if (e.key === "Escape") {
      close();
    }
  });

  const element = h(
    "div",
    { class: "picker" },
    h("label", { for: inputId, text: label }),
    input,
    list,
    status,
  );
  return {
    element,
    input,
    clear() {
      input.value = "";
      hits = [];
      render();
    },
  };
}
