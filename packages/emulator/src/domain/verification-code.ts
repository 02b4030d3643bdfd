import { randomInt } from "node:crypto";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** An email verification code: 8 alphanumeric characters (pingone-api.md §6.3). */
export function generateVerificationCode(): string {
  let code = "";
  for (let index = 0; index < 8; index += 1) code += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return code;
}
