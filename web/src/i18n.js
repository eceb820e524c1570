// The page's texts in Chinese (the default) and English; the choice is kept in this browser
// and sets <html lang>. Views re-draw their texts when the language changes.
import { MESSAGES } from "./messages.js";

const LANG_STORAGE = "graphbuilder.lang";
const listeners = new Set();
let current = null;

/** The page language: "zh" (default) or "en". */
export function getLang() {
  if (current) return current;
  let stored = null;
  try {
    stored = localStorage.getItem(LANG_STORAGE);
  } catch {
    // storage disabled: Chinese
  }
  current = stored === "en" ? "en" : "zh";
  return current;
}

/** Switch the page to `lang` ("zh" or "en"), tell the views, and remember it. */
export function setLang(lang) {
  const next = lang === "en" ? "en" : "zh";
  const changed = next !== getLang();
  current = next;
  document.documentElement.lang = next === "en" ? "en" : "zh-CN";
  try {
    localStorage.setItem(LANG_STORAGE, next);
  } catch {
    // not kept: the switch still holds for this page
  }
  if (changed) for (const fn of listeners) fn(next);
}

/** Run `fn(lang)` after every language change. */
export function onLangChange(fn) {
  listeners.add(fn);
}

/**
 * The text for `key` in the current language, with `{name}` placeholders filled.
 * @param {string} key e.g. "search.count".
 * @param {Record<string, string|number>} [params]
 * @param {string} [fallback] shown when neither language has the key (else the key itself).
 */
export function t(key, params = {}, fallback = key) {
  const text = MESSAGES[getLang()][key] ?? MESSAGES.zh[key] ?? fallback;
  return text.replace(/\{(\w+)\}/g, (whole, name) =>
    name in params ? String(params[name]) : whole,
  );
}
