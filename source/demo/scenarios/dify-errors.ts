import type {IncomingMessage, ServerResponse} from 'node:http';
import {DEMO_DIFY_API_KEY} from '../demo-keys.js';
import {parseBearer, sendJson} from '../http-helpers.js';

/** Dify's error envelope: `{"code","message","status"}`. */
export function sendDifyError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
): void {
  const headers: Record<string, string> =
    status === 401 ? {'WWW-Authenticate': 'Bearer realm="api"'} : {};
  sendJson(res, status, {code, message, status}, headers);
}

/** Checks the app key like Dify's `validate_app_token`; answers 401 and returns false if wrong. */
export function checkDifyAuth(req: IncomingMessage, res: ServerResponse): boolean {
  const auth = parseBearer(req);
  if (auth.kind === 'token' && auth.token === DEMO_DIFY_API_KEY) return true;
  const message =
    auth.kind === 'missing'
      ? "Authorization header must be provided and start with 'Bearer'"
      : auth.kind === 'wrong-scheme'
        ? "Authorization scheme must be 'Bearer'"
        : 'Access token is invalid';
  sendDifyError(res, 401, 'unauthorized', message);
  return false;
}

/** The Flask answer to a body that is not JSON. */
export function sendDifyBadJson(res: ServerResponse): void {
  sendDifyError(
    res,
    400,
    'bad_request',
    'The browser (or proxy) sent a request that this server could not understand.',
  );
}
