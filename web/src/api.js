// The one way the page talks to the server: the public HTTP API under /api/v1.
// Errors come back as RFC 9457 problem documents; they are thrown as ApiError with the
// problem's title and detail, which the views show as they are.

const KEY_STORAGE = "graphbuilder.apiKey";
const PREFIX = "/api/v1";

/** An answer that was not a success: its HTTP status and the problem's title and detail. */
export class ApiError extends Error {
  /**
   * @param {number} status HTTP status (0 when the server could not be reached).
   * @param {string} title the problem's title.
   * @param {string} [detail] what went wrong this time.
   */
  constructor(status, title, detail = "") {
    super(detail ? `${title}: ${detail}` : title);
    this.name = "ApiError";
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

/** The editor's API key kept in this browser, or "" when none. */
export function getKey() {
  try {
    return localStorage.getItem(KEY_STORAGE) ?? "";
  } catch {
    return ""; // storage disabled: the page still reads
  }
}

/** Keep (or, with "", forget) the API key in this browser. */
export function setKey(key) {
  if (key) localStorage.setItem(KEY_STORAGE, key);
  else localStorage.removeItem(KEY_STORAGE);
}

/**
 * The URL of an API path with query parameters (arrays repeat the parameter).
 * @param {string} path e.g. "/search".
 * @param {Record<string, string|number|boolean|string[]|undefined|null>} [query]
 */
export function apiUrl(path, query = {}) {
  const url = new URL(PREFIX + path, window.location.origin);
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    for (const v of Array.isArray(value) ? value : [value])
      url.searchParams.append(name, String(v));
  }
  return url;
}

async function problemOf(response) {
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("json")) {
    try {
      const body = await response.json();
      return new ApiError(response.status, body.title || response.statusText, body.detail || "");
    } catch {
      // fall through: a broken body still has a status
    }
  }
  return new ApiError(response.status, response.statusText || `HTTP ${response.status}`);
}

/**
 * Call the API and return its JSON answer (null for 204).
 * @param {string} path under /api/v1, e.g. "/majors/510201".
 * @param {{method?: string, query?: object, body?: unknown, signal?: AbortSignal}} [options]
 * @throws {ApiError} on a non-2xx answer or when the server cannot be reached.
 */
export async function api(path, { method = "GET", query, body, signal } = {}) {
  const headers = { Accept: "application/json" };
  const key = getKey();
  if (key) headers["X-API-Key"] = key;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(apiUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, "Network error", String(err?.message ?? err));
  }
  if (!response.ok) throw await problemOf(response);
  return response.status === 204 ? null : response.json();
}

/** Whether an error is only the cancelling of a superseded request. */
export function isAbort(err) {
  return err instanceof DOMException && err.name === "AbortError";
}

/** "kind/key" of a node IRI (the last two path segments), which every route accepts. */
export function refOf(iri) {
  return iri.split("/").slice(-2).join("/");
}

/** The key (last path segment) of a node IRI, e.g. a major's code. */
export function keyOf(iri) {
  return iri.split("/").pop() ?? "";
}
