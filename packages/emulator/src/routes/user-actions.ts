import { loadUser } from "../domain/create-user.js";
import { ErrorMessages } from "../domain/error-messages.js";
import { Roles } from "../domain/roles.js";
import { lockAccount, unlockAccount } from "../domain/user-account.js";
import { resendVerificationCode, verifyEmail } from "../domain/user-verification.js";
import { assertValid, type JsonObject } from "../domain/validation.js";
import { readOptionalJsonObject } from "../http/json-body.js";
import { selectAction } from "../http/media-type.js";
import { invalidRequest } from "../http/pingone-error.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { toUserResource } from "../representations/user.js";
import type { RouteModule } from "./route-module.js";

/** The actions on `POST P/users/{id}`, chosen by Content-Type (docs/emulator.md#action-media-types). */
const USER_ACTIONS = {
  "application/vnd.pingidentity.account.lock+json": "lock",
  "application/vnd.pingidentity.account.unlock+json": "unlock",
  "application/vnd.pingidentity.user.sendVerificationCode+json": "sendVerificationCode",
  "application/vnd.pingidentity.user.verify+json": "verify",
} as const;

type UserAction = (typeof USER_ACTIONS)[keyof typeof USER_ACTIONS];

/** Actions documented without a body refuse one: an attribute there is a request the caller got wrong. */
function assertNoBody(body: JsonObject | undefined): void {
  if (body !== undefined && Object.keys(body).length > 0) {
    throw invalidRequest(ErrorMessages.badRequest, [
      { code: "INVALID_VALUE", target: Object.keys(body)[0], message: ErrorMessages.unknownAttribute },
    ]);
  }
}

function assertActionBody(action: UserAction, body: JsonObject | undefined): void {
  if (action === "lock") assertValid(body ?? {}, { unlockAt: { kind: "string", format: "date-time" } });
  else if (action === "verify") {
    assertValid(
      body ?? {},
      { verificationCode: { kind: "string", minLength: 1, maxLength: 64 } },
      { required: ["verificationCode"] },
    );
  } else assertNoBody(body);
}

/**
 * Account lock/unlock and email verification (docs/emulator.md#account-lock). Each answers 200 with the user.
 */
export const userActionRoutes: RouteModule = (app, ctx) => {
  const { db, clock, settings } = ctx;

  app.post("/v1/environments/:envId/users/:userId", requireRole(Roles.identityDataAdmin), async (c) => {
    const envId = c.req.param("envId");
    const userId = c.req.param("userId");
    const action = selectAction(
      c.req.header("content-type"),
      USER_ACTIONS,
      settings.actionMediaTypes === "lenient",
    );
    const body = await readOptionalJsonObject(c);
    assertActionBody(action, body);
    const user = db.transaction(() => {
      const now = clock.now();
      const current = loadUser(db, envId, userId);
      if (action === "lock") lockAccount(db, settings, current, body?.unlockAt as string | undefined, now);
      else if (action === "unlock") unlockAccount(db, current, now);
      else if (action === "sendVerificationCode") resendVerificationCode(db, current, now);
      else verifyEmail(db, current, body?.verificationCode as string, now);
      return loadUser(db, envId, userId);
    })();
    return c.json(toUserResource(c, user, clock.now()));
  });
};
