import { type Static, Type } from "@sinclair/typebox";

const Str = Type.String();
const open = { additionalProperties: true } as const;
const Image = Type.Object({ href: Type.Optional(Str), id: Type.Optional(Str) }, open);

/** A PingOne branding theme. */
export const ThemeSchema = Type.Object(
  {
    id: Type.Optional(Str),
    environment: Type.Optional(Type.Object({ id: Type.Optional(Str) }, open)),
    template: Type.Optional(Str),
    default: Type.Optional(Type.Boolean()),
    configuration: Type.Optional(
      Type.Object(
        {
          logoType: Type.Optional(Str),
          logo: Type.Optional(Image),
          backgroundColor: Type.Optional(Str),
          backgroundType: Type.Optional(Str),
          backgroundImage: Type.Optional(Image),
          bodyTextColor: Type.Optional(Str),
          cardColor: Type.Optional(Str),
          headingTextColor: Type.Optional(Str),
          linkTextColor: Type.Optional(Str),
          buttonTextColor: Type.Optional(Str),
          buttonColor: Type.Optional(Str),
          name: Type.Optional(Str),
          footer: Type.Optional(Str),
        },
        open,
      ),
    ),
  },
  { additionalProperties: true, description: "A PingOne branding theme" },
);

export type Theme = Static<typeof ThemeSchema>;
