// Talks to this node's JSON API. The admin token lives in sessionStorage (this tab only) and travels only in the
// Authorization header: never in a URL, never in a cookie.
const TOKEN_KEY = 'weather-sync-admin-token';

export const auth = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  signedIn: () => sessionStorage.getItem(TOKEN_KEY) !== null,
  keep: (token) => sessionStorage.setItem(TOKEN_KEY, token),
  forget: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** A failed call: the API's own reason (its "message" or "error") and the HTTP status. */
export class ApiError extends Error {
  constructor(status, reason) {
    super(reason);
    this.status = status;
  }
}

function headers(admin, token, hasBody) {
  const h = { Accept: 'application/json' };
  const t = token ?? (admin ? auth.token() : null);
  if (t) h.Authorization = 'Bearer ' + t;
  if (hasBody) h['Content-Type'] = 'application/json';
  return h;
}

async function reasonOf(res) {
  try {
    const body = await res.json();
    return body.message || body.error || res.statusText;
  } catch {
    return res.statusText || 'HTTP ' + res.status;
  }
}

/**
 * Calls {method} {path}; resolves to {body, res}. Rejects with an ApiError carrying the API's reason.
 * options: admin (send the stored token), token (send this token), body (sent as JSON).
 */
export async function call(method, path, options = {}) {
  const hasBody = options.body !== undefined;
  let res;
  try {
    res = await fetch(path, {
      method,
      headers: headers(options.admin, options.token, hasBody),
      body: hasBody ? JSON.stringify(options.body) : undefined,
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch (e) {
    throw new ApiError(0, 'this node does not answer (' + e.message + ')');
  }
  if (!res.ok) throw new ApiError(res.status, await reasonOf(res));
  return { body: await res.json(), res };
}

export const get = async (path, options) => (await call('GET', path, options)).body;
