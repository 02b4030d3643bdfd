import { isAccountLocked } from "../domain/account-lock.js";
import { codeMatches } from "../domain/codes.js";
import { loadUser } from "../domain/create-user.js";
import { Roles } from "../domain/roles.js";
import { toUserResource } from "../domain/user-resource.js";
import { sendVerificationCode } from "../domain/user-verification.js";
import { ErrorMessages } from "../http/error-messages.js";
import { readOptionalJsonObject } from "../http/json-body.js";
import { selectAction } from "../http/media-type.js";
import { invalidData, invalidRequest } from "../http/pingone-error.js";
import { assertValid } from "../http/validation.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { updateUserColumns } from "../store/users.js";
import type { RouteModule } from "./route-module.js";

/** pingone-api.md §2.2: the actions on `POST P/users/{id}`, chosen by Content-Type. */
const USER_ACTIONS = {
  "application/vnd.pingidentity.account.lock+json": "lock",
  "application/vnd.pingidentity.account.unlock+json": "unlock",
  "application/vnd.pingidentity.user.sendVerificationCode+json": "sendVerificationCode",
  "application/vnd.pingidentity.user.verify+json": "verify",
} as const;

function assertNoBody(body: Record<string, unknown> | undefined): void {
  if (body !== undefined && Object.keys(body).length > 0) {
    throw invalidRequest(ErrorMessages.badRequest, [
      { code: "INVALID_VALUE", target: Object.keys(body)[0], message: ErrorMessages.unknownAttribute },
    ]);
  }
}

/** Account lock/unlock and email verification (pingone-api.md §6.2, §6.3). Each answers 200 with the user. */
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

    if (action === "lock") assertValid(body ?? {}, { unlockAt: { kind: "string", format: "date-time" } });
    else if (action === "verify") {
      assertValid(
        body ?? {},
        { verificationCode: { kind: "string", minLength: 1, maxLength: 64 } },
        {
          required: ["verificationCode"],
        },
      );
    } else assertNoBody(body);

    const user = db.transaction(() => {
      const now = clock.now();
      const current = loadUser(db, envId, userId);
      switch (action) {
        case "lock": {
          const unlockAtText = body?.unlockAt as string | undefined;
          const unlockAt = unlockAtText === undefined ? null : Date.parse(unlockAtText);
          if (unlockAt !== null && unlockAt <= now) {
            if (settings.unlockAtInPast === "ignore") break;
            throw invalidData([
              { code: "INVALID_VALUE", target: "unlockAt", message: ErrorMessages.unlockAtInPast },
            ]);
          }
          const alreadyLocked = isAccountLocked(current, now);
          updateUserColumns(
            db,
            current.id,
            {
              account_status: "LOCKED",
              account_locked_at: alreadyLocked ? (current.account_locked_at ?? now) : now,
              account_unlock_at: unlockAt,
            },
            now,
          );
          break;
        }
        case "unlock":
          // Clears the account lock only; a password lockout is separate (pingone-api.md §6.2).
          updateUserColumns(
            db,
            current.id,
            { account_status: "OK", account_locked_at: null, account_unlock_at: null },
            now,
          );
          break;
        case "sendVerificationCode": {
          if (current.email === null) {
            throw invalidData([
              { code: "REQUIRED_VALUE", target: "email", message: ErrorMessages.noEmailForVerification },
            ]);
          }
          sendVerificationCode(db, { id: current.id, environment_id: envId, email: current.email }, now);
          break;
        }
        case "verify": {
          const given = body?.verificationCode as string;
          if (current.verification_code === null || !codeMatches(current.verification_code, given)) {
            throw invalidData([
              {
                code: "INVALID_VALUE",
                target: "verificationCode",
                message: ErrorMessages.verificationCodeInvalid,
              },
            ]);
          }
          const sentToCurrentEmail =
            current.email !== null &&
            current.verification_code_email?.toLowerCase() === current.email.toLowerCase();
          updateUserColumns(
            db,
            current.id,
            {
              lifecycle_status: "ACCOUNT_OK",
              verification_code: null,
              verification_code_email: null,
              ...(sentToCurrentEmail ? { email_verified: 1 } : {}),
            },
            now,
          );
          break;
        }
      }
      return loadUser(db, envId, userId);
    })();
    return c.json(toUserResource(c, user, clock.now()));
  });
};
