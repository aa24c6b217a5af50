import { apiRoutes, routePath, type ApiError, type RouteName } from '@clinicflow/contracts';
import { messages as t } from './messages';

export type ApiResult<T> =
  { ok: true; data: T; serverNowMs: number } | { ok: false; status: number; error: ApiError };

type CallOptions = {
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
};

let onUnauthenticated: (() => void) | null = null;

/** The session module learns here when any call finds the session gone. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

/** The server's clock from the Date header (1 s resolution), for deadlines the server sets; local time without it. */
function serverNow(response: Response): number {
  const header = Date.parse(response.headers.get('date') ?? '');
  return Number.isFinite(header) ? header : Date.now();
}

function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as ApiError).ok === false &&
    typeof (value as ApiError).code === 'string' &&
    typeof (value as ApiError).message === 'string'
  );
}

/**
 * Calls one route of the contract: method and path come from `apiRoutes`. Same-origin, JSON in and out; the
 * session cookie rides along. Never throws: a network failure is an ApiError too.
 */
export async function api<T>(name: RouteName, options: CallOptions = {}): Promise<ApiResult<T>> {
  const route = apiRoutes[name];
  let url = routePath(name, options.params);
  if (options.query) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query)) {
      if (value !== undefined && value !== '') search.set(key, String(value));
    }
    const qs = search.toString();
    if (qs) url += `?${qs}`;
  }
  const hasBody = route.method !== 'GET';
  let response: Response;
  try {
    response = await fetch(url, {
      method: route.method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: hasBody ? { 'content-type': 'application/json' } : {},
      // State changes always carry a JSON body (the server's CSRF check expects one).
      body: hasBody ? JSON.stringify(options.body ?? {}) : undefined,
    });
  } catch {
    return { ok: false, status: 0, error: { ok: false, code: 'INTERNAL', message: t.network } };
  }
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    payload = null;
  }
  if (response.ok) return { ok: true, data: payload as T, serverNowMs: serverNow(response) };
  const error: ApiError = isApiError(payload)
    ? payload
    : { ok: false, code: response.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL', message: t.network };
  if (response.status === 401 && name !== 'login' && name !== 'session') onUnauthenticated?.();
  return { ok: false, status: response.status, error };
}
