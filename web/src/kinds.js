// Node kinds as the page shows them: a name in the current language, a colour, where they lead.
import { refOf } from "./api.js";
import { h } from "./dom.js";
import { getLang, t } from "./i18n.js";

/** The kinds the search covers, in the order the filters show them. */
export const SEARCH_KINDS = [
  "Major",
  "Course",
  "Skill",
  "KnowledgePoint",
  "Occupation",
  "Technology",
];

/** Kinds a learning path can aim at. */
export const PATH_KINDS = ["Skill", "Course", "KnowledgePoint", "Occupation"];

/** Kinds a teaching resource may teach (the API's LINKABLE_KINDS). */
export const LINKABLE_KINDS = ["KnowledgePoint", "Skill", "Module", "Course"];

/** One colour per kind, for badges and graph nodes (readable on white, distinct in grey). */
export const KIND_COLOURS = {
  Major: "#7b3294",
  Course: "#1f5fa8",
  Module: "#3f7fbf",
  KnowledgePoint: "#1b7f5a",
  Skill: "#b3541e",
  Occupation: "#8c6d1f",
  Task: "#6b6b6b",
  Certificate: "#a3324b",
  Technology: "#2f6f73",
  Resource: "#555",
};

/** The kind's name in the current language. */
export function kindName(kind) {
  return t(`kind.${kind}`, {}, kind);
}

/** A small coloured label naming a kind. */
export function kindBadge(kind) {
  return h("span", {
    class: "badge",
    style: `--kind:${KIND_COLOURS[kind] ?? "#555"}`,
    text: kindName(kind),
  });
}

/** The label to show: the English one in English when the node has it. */
export function displayLabel(node) {
  return getLang() === "en" && node.label_en ? node.label_en : node.label;
}

/** Where a node leads in the page, or null when no view shows it. */
export function nodeHref(node) {
  if (node.kind === "Major") return `#/major/${refOf(node.iri).split("/")[1]}`;
  if (PATH_KINDS.includes(node.kind) || node.kind === "Module") return `#/path/${refOf(node.iri)}`;
  return null;
}

/** The node's label as a link to its view (plain text when it has none). */
export function nodeLink(node) {
  const href = nodeHref(node);
  const text = displayLabel(node);
  return href ? h("a", { href, text, title: node.iri }) : h("span", { text, title: node.iri });
}
