import { type Static, Type } from "@sinclair/typebox";

const Id = Type.Object({ id: Type.String() }, { additionalProperties: true });

/** A PingOne password state, as PingOne's password operations return it. */
export const PasswordStateSchema = Type.Object(
  {
    environment: Type.Optional(Id),
    user: Type.Optional(Id),
    passwordPolicy: Type.Optional(Id),
    status: Type.Optional(Type.String()),
    lastChangedAt: Type.Optional(Type.String()),
    warnings: Type.Optional(
      Type.Object(
        {
          expires: Type.Optional(Type.String()),
          noChangeUntil: Type.Optional(Type.String()),
          failuresRemaining: Type.Optional(Type.Number()),
        },
        { additionalProperties: true },
      ),
    ),
  },
  { additionalProperties: true, description: "A PingOne password state" },
);

export type PasswordState = Static<typeof PasswordStateSchema>;

export function normalizePasswordState(body: unknown): PasswordState {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return {};
  const { _links: _ignored, ...state } = body as Record<string, unknown>;
  return state as PasswordState;
}
