import type { CapabilityFailure } from "../../capabilities/kit/result.js";
import type { SingleFactorSignOnView } from "../../capabilities/sign-on/single-factor-sign-on.js";
import type { Connector } from "../../connector.js";
import { type ServiceMetrics, secondsSince } from "../metrics.js";
import type { ResolvedSignOnSettings } from "./sign-on-settings.js";

export type ViewRead = { ok: true; view: SingleFactorSignOnView } | { ok: false; failure: CapabilityFailure };

/**
 * The sign-on form's view (step 1 of singleFactorSignOn), read once for every page shown within
 * `viewCacheMs` and by one call however many people open the page at once: each page would
 * otherwise cost two PingOne reads, and a public page must not spend the environment's rate
 * limit (docs/connector-service.md#sign-on-page). Failures are not kept.
 */
export class SignOnViewSource {
  private cached: { view: SingleFactorSignOnView; until: number } | undefined;
  private pending: Promise<ViewRead> | undefined;

  constructor(
    private readonly connector: Connector,
    private readonly settings: ResolvedSignOnSettings,
    private readonly metrics: ServiceMetrics,
  ) {}

  read(): Promise<ViewRead> {
    const now = this.settings.now();
    if (this.cached && now < this.cached.until) return Promise.resolve({ ok: true, view: this.cached.view });
    this.pending ??= this.fetch().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetch(): Promise<ViewRead> {
    const started = performance.now();
    const { formId, themeId } = this.settings;
    const result = await this.connector.invoke("singleFactorSignOn", {
      singleFactorSignOnFormId: formId,
      ...(themeId === undefined ? {} : { theme: "useThemeId", themeId }),
    });
    this.metrics.recordCall(
      "capability",
      "singleFactorSignOn",
      secondsSince(started),
      result.ok ? undefined : result.code,
    );
    if (!result.ok) return { ok: false, failure: result };
    const view = result.userView?.properties as SingleFactorSignOnView;
    if (this.settings.viewCacheMs > 0)
      this.cached = { view, until: this.settings.now() + this.settings.viewCacheMs };
    return { ok: true, view };
  }
}
