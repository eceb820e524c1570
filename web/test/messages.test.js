// Every text exists in both languages, with the same placeholders.
import assert from "node:assert/strict";
import { test } from "node:test";
import { MESSAGES } from "../src/messages.js";

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("Chinese and English have the same keys and placeholders", () => {
  assert.deepEqual(Object.keys(MESSAGES.en).sort(), Object.keys(MESSAGES.zh).sort());
  for (const [key, zh] of Object.entries(MESSAGES.zh)) {
    assert.deepEqual(placeholders(MESSAGES.en[key]), placeholders(zh), key);
  }
});
