// Unit tests of the pure modules (run by `npm test`, and by tests/web/test_units.py).
import assert from "node:assert/strict";
import { test } from "node:test";
import { csvField, pathRows, toCsv } from "../src/csv.js";

test("fields with commas, quotes or line breaks are quoted", () => {
  assert.equal(csvField("数据库"), "数据库");
  assert.equal(csvField('say "hi", then'), '"say ""hi"", then"');
  assert.equal(csvField("two\nlines"), '"two\nlines"');
  assert.equal(csvField(null), "");
  assert.equal(csvField(3), "3");
});

test("CSV text starts with a BOM and ends lines with CRLF", () => {
  assert.equal(
    toCsv([
      ["a", "b"],
      ["1", "x,y"],
    ]),
    '\uFEFFa,b\r\n1,"x,y"\r\n',
  );
});

test("path rows follow the stages and name prerequisites by label", () => {
  const ref = (iri, label, kind = "Course") => ({ iri, label, kind });
  const path = {
    stages: [
      [
        {
          node: ref("c1", "网络安全技术基础"),
          stage: 0,
          requires: [],
          taught_by: [],
          resources: [ref("r1", "微课", "Resource")],
          alternatives: [],
        },
      ],
      [
        {
          node: ref("s1", "配置网络安全软硬件", "Skill"),
          stage: 1,
          requires: ["c1", "gone"],
          taught_by: [ref("c2", "课程二")],
          resources: [],
          alternatives: [ref("c3", "甲"), ref("c4", "乙")],
        },
      ],
    ],
  };
  const rows = pathRows(path, ["h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8"], (k) => `<${k}>`);
  assert.deepEqual(rows, [
    ["h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8"],
    [1, "<Course>", "网络安全技术基础", "c1", "", "", "微课", ""],
    [2, "<Skill>", "配置网络安全软硬件", "s1", "网络安全技术基础; gone", "课程二", "", "甲; 乙"],
  ]);
});
