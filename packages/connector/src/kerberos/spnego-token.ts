import { KerberosTicketError } from "./kerberos-errors.js";

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const NTLMSSP = Buffer.from("NTLMSSP\0", "latin1");

/**
 * The base64 SPNEGO token of an `Authorization: Negotiate <token>` header, given as the token or
 * the whole header value. Refuses, as `kerberosTicketInvalid` and before any decoding work, a
 * token longer than `maxLength` (with its size in the details), text that is not base64, and an
 * NTLM token (what a browser sends through Negotiate when it has no Kerberos ticket).
 */
export function readSpnegoToken(value: string, maxLength: number): string {
  let token = value.trim();
  if (/^negotiate\s/i.test(token)) token = token.slice("negotiate".length).trim();
  if (token.length > maxLength) {
    throw new KerberosTicketError(
      `The Kerberos token is ${token.length} base64 characters long, over the limit of ${maxLength} (very large Active Directory group memberships make tickets this big)`,
      { httpStatus: 413, details: { tokenLength: token.length, maxTokenLength: maxLength } },
    );
  }
  if (!BASE64.test(token) || token.length % 4 === 1) {
    throw new KerberosTicketError("The Kerberos token is not base64 text");
  }
  const decoded = Buffer.from(token, "base64");
  if (decoded.subarray(0, NTLMSSP.length).equals(NTLMSSP)) {
    throw new KerberosTicketError(
      "The client sent an NTLM token instead of a Kerberos one: it has no Kerberos ticket for this service",
    );
  }
  return token;
}
