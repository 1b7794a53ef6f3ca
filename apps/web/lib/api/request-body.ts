import { ApiError } from './api-error.ts';

/** Larger bodies are refused (413) before they are parsed; no search needs more. */
export const MAX_BODY_BYTES = 64 * 1024;

const tooLarge = () => new ApiError(413, 'PAYLOAD_TOO_LARGE', `request bodies are limited to ${MAX_BODY_BYTES} bytes`);

/** The request's JSON body, read up to the size cap. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(contentType)) {
    throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as JSON (content-type: application/json)');
  }
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) throw tooLarge();

  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) throw new ApiError(400, 'MALFORMED_JSON', 'the request body is empty; send a JSON object');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiError(400, 'MALFORMED_JSON', `the request body is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * The JSON body when the request has one, else undefined: an action such as a confirmation may be
 * sent as a bare POST. HTTP/1.1 says a request has a body when it announces a length or a transfer
 * encoding.
 */
export async function readOptionalJsonBody(request: Request): Promise<unknown> {
  const length = request.headers.get('content-length');
  const hasBody = length !== null ? length !== '0' : request.headers.has('transfer-encoding');
  return hasBody && request.body ? readJsonBody(request) : undefined;
}
