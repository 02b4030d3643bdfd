import { ownValue } from "../own-value.js";
import { ScimFilterError } from "./filter-error.js";

export type FilterToken =
  | { readonly type: "(" | ")" | "[" | "]" | "end"; readonly position: number }
  | { readonly type: "word"; readonly text: string; readonly position: number }
  | { readonly type: "string"; readonly value: string; readonly position: number }
  | { readonly type: "number"; readonly text: string; readonly position: number };

const WHITESPACE = /[ \t\r\n]+/y;
// Attribute paths (`name.given`, URN-prefixed names), keywords, operators and true/false/null.
const WORD = /[A-Za-z][A-Za-z0-9_.:-]*/y;
const NUMBER = /-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEX4 = /^[0-9A-Fa-f]{4}$/;

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

/** Splits a filter into tokens; positions are 0-based offsets into the filter text. */
export function tokenizeFilter(text: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  let index = 0;
  while (index < text.length) {
    WHITESPACE.lastIndex = index;
    if (WHITESPACE.test(text)) {
      index = WHITESPACE.lastIndex;
      continue;
    }
    const character = text[index];
    if (character === "(" || character === ")" || character === "[" || character === "]") {
      tokens.push({ type: character, position: index });
      index += 1;
      continue;
    }
    if (character === '"') {
      const { value, end } = readString(text, index);
      tokens.push({ type: "string", value, position: index });
      index = end;
      continue;
    }
    WORD.lastIndex = index;
    const word = WORD.exec(text);
    if (word !== null) {
      tokens.push({ type: "word", text: word[0], position: index });
      index = WORD.lastIndex;
      continue;
    }
    NUMBER.lastIndex = index;
    const number = NUMBER.exec(text);
    if (number !== null) {
      tokens.push({ type: "number", text: number[0], position: index });
      index = NUMBER.lastIndex;
      continue;
    }
    throw new ScimFilterError(`Unexpected character at position ${index}.`);
  }
  tokens.push({ type: "end", position: text.length });
  return tokens;
}

/**
 * Reads a double-quoted string with the escapes of a JSON string (RFC 7644 §3.4.2.2 defers to
 * RFC 7159). Unescaped control characters are accepted as themselves, so a value quoted by a
 * client that escapes only `"` and `\` still arrives intact.
 */
function readString(text: string, start: number): { value: string; end: number } {
  let value = "";
  let chunkStart = start + 1;
  let index = start + 1;
  while (index < text.length) {
    const character = text[index];
    if (character === '"') {
      return { value: value + text.slice(chunkStart, index), end: index + 1 };
    }
    if (character === "\\") {
      value += text.slice(chunkStart, index);
      const escaped = text[index + 1];
      if (escaped === "u") {
        const hex = text.slice(index + 2, index + 6);
        if (!HEX4.test(hex)) {
          throw new ScimFilterError(`Invalid \\u escape in the string at position ${index}.`);
        }
        value += String.fromCharCode(Number.parseInt(hex, 16));
        index += 6;
      } else {
        const replacement = escaped === undefined ? undefined : ownValue(SIMPLE_ESCAPES, escaped);
        if (replacement === undefined) {
          throw new ScimFilterError(`Invalid escape sequence in the string at position ${index}.`);
        }
        value += replacement;
        index += 2;
      }
      chunkStart = index;
      continue;
    }
    index += 1;
  }
  throw new ScimFilterError(`Unterminated string starting at position ${start}.`);
}
