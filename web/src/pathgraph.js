// The drawing of a learning path: Cytoscape.js with the dagre layout, stages left to right.
import cytoscape from "cytoscape";
import dagre from "cytoscape-dagre";
import { KIND_COLOURS } from "./kinds.js";

cytoscape.use(dagre);

const STYLE = [
  {
    selector: "node",
    style: {
      shape: "round-rectangle",
      label: "data(label)",
      "text-wrap": "wrap",
      "text-max-width": "150px",
      "text-valign": "center",
      "text-halign": "center",
      "font-size": 13,
      "font-family": "system-ui, sans-serif",
      color: "#fff",
      "background-color": "data(colour)",
      width: (n) => Math.min(170, 24 + 13 * [...n.data("label")].length),
      height: (n) => ([...n.data("label")].length > 11 ? 48 : 32),
      padding: 4,
    },
  },
  { selector: "node.target", style: { "border-width": 4, "border-color": "#111" } },
  { selector: "node.focused", style: { "overlay-opacity": 0.25, "overlay-color": "#000" } },
  {
    selector: "edge",
    style: {
      width: 2,
      "line-color": "#8a8a8a",
      "target-arrow-color": "#8a8a8a",
      "target-arrow-shape": "triangle",
      "curve-style": "bezier",
    },
  },
];

/**
 * The graph elements of a path: one node per item, one edge per direct prerequisite.
 * @param {{stages: Array<Array<{node: {iri: string, label: string, kind: string},
 *   stage: number, requires: string[]}>>, target: {iri: string}}} path
 */
export function pathElements(path) {
  const items = path.stages.flat();
  const stageOf = new Map(items.map((i) => [i.node.iri, i.stage]));
  const nodes = items.map((i) => ({
    group: "nodes",
    data: {
      id: i.node.iri,
      label: i.node.label,
      kind: i.node.kind,
      stage: i.stage,
      colour: KIND_COLOURS[i.node.kind] ?? "#555",
    },
    classes: i.node.iri === path.target.iri ? "target" : "",
  }));
  const edges = items.flatMap((i) =>
    i.requires
      .filter((r) => stageOf.has(r))
      .map((r) => ({
        group: "edges",
        data: { id: `${r}->${i.node.iri}`, source: r, target: i.node.iri },
      })),
  );
  return [...nodes, ...edges];
}

/**
 * Draw `path` in `container`; `onPick(iri)` runs when a node is clicked.
 * @returns {import("cytoscape").Core}
 */
export function drawPath(container, path, onPick) {
  const cy = cytoscape({
    container,
    elements: pathElements(path),
    style: STYLE,
    userZoomingEnabled: false,
    maxZoom: 1.1, // a short path is not blown up to fill the box
    boxSelectionEnabled: false,
    autoungrabify: true,
  });
  // dagre lays out synchronously: positions are final when run() returns.
  cy.layout({
    name: "dagre",
    rankDir: "LR",
    nodeSep: 18,
    rankSep: 70,
    padding: 16,
    fit: true,
    animate: false,
    // A prerequisite's stage is at least one less than its dependant's: make each edge as
    // long as the gap between their stages, so dagre's ranks are exactly the path's stages.
    minLen: (edge) => Math.max(1, edge.target().data("stage") - edge.source().data("stage")),
  }).run();
  cy.on("tap", "node", (e) => onPick(e.target.id()));
  return cy;
}
