import { type Static, Type } from "@sinclair/typebox";

const Str = Type.String();
const Id = Type.Object({ id: Type.Optional(Str) }, { additionalProperties: true });
const open = { additionalProperties: true } as const;

/** A PingOne agreement consent record, with the agreement, revision and language it names embedded. */
export const UserAgreementSchema = Type.Object(
  {
    id: Type.Optional(Str),
    environment: Type.Optional(Id),
    user: Type.Optional(Id),
    agreement: Type.Optional(Id),
    language: Type.Optional(Id),
    revision: Type.Optional(Id),
    status: Type.Optional(Str),
    lastConsent: Type.Optional(
      Type.Object(
        {
          id: Type.Optional(Str),
          at: Type.Optional(Str),
          expiresAt: Type.Optional(Str),
          revision: Type.Optional(Id),
          language: Type.Optional(Id),
        },
        open,
      ),
    ),
    _embedded: Type.Optional(
      Type.Object(
        {
          agreement: Type.Optional(Type.Object({}, open)),
          revision: Type.Optional(Type.Object({}, open)),
          language: Type.Optional(Type.Object({}, open)),
        },
        open,
      ),
    ),
  },
  { additionalProperties: true, description: "A user's consent to an agreement" },
);

export type UserAgreement = Static<typeof UserAgreementSchema>;

/** An agreement revision ready to show, built by the connector (docs/connector-capabilities.md#agreements). */
export const AgreementPresentationSchema = Type.Object(
  {
    agreementPresentationId: Str,
    agreementTitle: Str,
    agreementText: Str,
    agreementAcceptCheckboxText: Type.Optional(Str),
    agreementContinueButtonText: Type.Optional(Str),
    agreementDeclineButtonText: Type.Optional(Str),
  },
  { additionalProperties: false, description: "The agreement revision to show, in the chosen language" },
);

export type AgreementPresentation = Static<typeof AgreementPresentationSchema>;
