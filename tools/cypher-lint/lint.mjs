// Lints Cypher with Neo4j's own parser and semantic analysis, one statement per request.
//
// Reads JSON lines {"query": "...", "schema": {"labels": [...], "relationshipTypes": [...]}}
// from stdin and writes one JSON line per request: {"diagnostics": [{"severity", "message",
// "start", "end"}]}. Errors about undeclared parameters are dropped (a statement's parameters
// are bound at run time, never declared in the text). One long-lived process serves every
// request, so the parser loads once.
import { createInterface } from 'node:readline';
import { lintCypherQuery, isNotParamError } from '@neo4j-cypher/language-support';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  let reply;
  try {
    const { query, schema } = JSON.parse(line);
    const { diagnostics } = lintCypherQuery(query, schema ?? {});
    reply = {
      diagnostics: diagnostics.filter(isNotParamError).map((d) => ({
        severity: SEVERITY[d.severity] ?? String(d.severity),
        message: d.message,
        start: d.offsets.start,
        end: d.offsets.end,
      })),
    };
  } catch (err) {
    reply = { failure: String(err && err.stack ? err.stack : err) };
  }
  process.stdout.write(JSON.stringify(reply) + '\n');
}
