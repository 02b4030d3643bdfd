import { PingOneError } from "../errors/pingone-error.js";

/** One invalid connection setting. */
export interface SettingProblem {
  /** The setting's name as the caller spelled it (`envId`, `environmentId`, `PINGONE_REGION`, ...). */
  field: string;
  problem: string;
}

/** Invalid connection settings; raised before any network call, naming every bad field. */
export class PingOneConfigurationError extends PingOneError {
  readonly problems: SettingProblem[];

  constructor(problems: SettingProblem[]) {
    super(
      "CONFIGURATION_ERROR",
      `Invalid PingOne connection settings: ${problems.map((p) => `${p.field}: ${p.problem}`).join("; ")}`,
    );
    this.problems = problems;
  }

  protected override fields(): Record<string, unknown> {
    return { problems: this.problems };
  }
}
