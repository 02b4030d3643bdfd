/** Paths below `/v1` that representations link to (made absolute by `links`). */
export const environmentPath = (environmentId: string) => `/environments/${environmentId}`;

export const userPath = (environmentId: string, userId: string) =>
  `/environments/${environmentId}/users/${userId}`;

/** A JSON body as a representation builds it. */
export type Body = Record<string, unknown>;
