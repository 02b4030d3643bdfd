import { serviceError } from "./service-error.js";

export type JsonBody = { ok: true; value: unknown } | { ok: false; error: ReturnType<typeof serviceError> };

/** The request body as JSON; an empty body is `{}`. */
export async function readJson(request: Request): Promise<JsonBody> {
  const text = await request.text();
  try {
    return { ok: true, value: text.trim() === "" ? {} : JSON.parse(text) };
  } catch {
    // The parser's message quotes the body, which may hold a password: say only what is wrong.
    return { ok: false, error: serviceError("invalidJson", "The request body is not valid JSON") };
  }
}
