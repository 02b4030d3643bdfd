import { CSRF_COOKIE } from "../../src/server/sign-on/csrf.js";

/** A browser-like client of the sign-on page over real HTTP: it keeps the page's cookie and reads its CSRF token. */
export class SignOnClient {
  cookie: string | undefined;

  constructor(readonly url: string) {}

  /** `GET /sign-on`, keeping the cookie; `token` is the form's CSRF token (HTML) or `csrfToken` (JSON). */
  async open(accept = "text/html"): Promise<{ response: Response; body: string; token: string }> {
    const response = await fetch(`${this.url}/sign-on`, { headers: this.headers({ accept }) });
    this.keepCookie(response);
    const body = await response.text();
    const token = accept.includes("json")
      ? (JSON.parse(body) as { csrfToken: string }).csrfToken
      : (/name="csrf" value="([^"]+)"/.exec(body)?.[1] ?? "");
    return { response, body, token };
  }

  /** `POST /sign-on` with the fields form-encoded, as a browser submits the form. */
  async submit(
    fields: Record<string, string>,
    options: { accept?: string; headers?: Record<string, string> } = {},
  ): Promise<{ response: Response; body: string }> {
    const response = await fetch(`${this.url}/sign-on`, {
      method: "POST",
      redirect: "manual",
      headers: this.headers({
        accept: options.accept ?? "text/html",
        "content-type": "application/x-www-form-urlencoded",
        ...options.headers,
      }),
      body: new URLSearchParams(fields).toString(),
    });
    this.keepCookie(response);
    return { response, body: await response.text() };
  }

  /** Opens the form and submits it with its token. */
  async signOn(fields: Record<string, string>, accept = "text/html") {
    const { token } = await this.open();
    return this.submit({ csrf: token, ...fields }, { accept });
  }

  private headers(extra: Record<string, string>): Record<string, string> {
    return { ...(this.cookie ? { cookie: `${CSRF_COOKIE}=${this.cookie}` } : {}), ...extra };
  }

  private keepCookie(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const match = new RegExp(`^${CSRF_COOKIE}=([^;]*)`).exec(header);
      if (match) this.cookie = match[1];
    }
  }
}
