import type { ComparisonOperator, FilterNode, LogicalOperator, ValuePathNode } from "./filter-ast.js";
import { ScimFilterError } from "./filter-error.js";
import { type FilterToken, tokenizeFilter } from "./filter-lexer.js";
import {
  type FilterAttribute,
  type FilterSchema,
  findFilterAttribute,
  findFilterValuePath,
  supportedAttributeNames,
  supportedOperatorNames,
} from "./filter-schemas.js";

/** Bounds that keep a hostile filter from exhausting the stack or SQLite's expression depth. */
export const MAX_FILTER_NESTING = 32;
export const MAX_FILTER_COMPARISONS = 100;

// Every SCIM comparison operator (RFC 7644 §3.4.2.2): recognised so that an unsupported one is
// reported as unsupported rather than as a syntax error.
const SCIM_COMPARISON_OPERATORS = new Set(["eq", "ne", "co", "sw", "ew", "pr", "gt", "ge", "lt", "le"]);

/**
 * Parses a SCIM filter against one collection's table (docs/emulator.md#filters).
 * Keywords, operators and attribute names are case-insensitive.
 * @throws ScimFilterError for anything PingOne would answer with `INVALID_FILTER`.
 * @example parseFilter('username eq "jdoe" or email ew "@example.com"', usersFilterSchema())
 */
export function parseFilter(text: string, schema: FilterSchema): FilterNode {
  if (text.trim() === "") throw new ScimFilterError("The filter is empty.");
  return new FilterParser(tokenizeFilter(text), schema).parse();
}

class FilterParser {
  private index = 0;
  private comparisons = 0;

  constructor(
    private readonly tokens: readonly FilterToken[],
    private readonly schema: FilterSchema,
  ) {}

  parse(): FilterNode {
    const node = this.parseLogical("or", 0);
    const next = this.peek();
    if (next.type !== "end") {
      throw new ScimFilterError(`Unexpected input after the end of the filter at position ${next.position}.`);
    }
    return node;
  }

  // `and` binds tighter than `or`: an `or` chain is made of `and` chains.
  private parseLogical(operator: LogicalOperator, depth: number): FilterNode {
    const parseOperand = () =>
      operator === "or" ? this.parseLogical("and", depth) : this.parsePrimary(depth);
    const operands: FilterNode[] = [parseOperand()];
    for (;;) {
      const next = this.peek();
      if (next.type !== "word" || next.text.toLowerCase() !== operator) break;
      if (!this.schema.logicalOperators.includes(operator)) {
        throw new ScimFilterError(`Operator "${operator}" is not supported in this filter.`, {
          operators: supportedOperatorNames(this.schema),
        });
      }
      this.index += 1;
      operands.push(parseOperand());
    }
    if (operands.length === 1) return operands[0]!;
    // `(a and b) and c` reads as one chain; flattening keeps the SQL shallow.
    const flattened = operands.flatMap((operand) =>
      operand.kind === "logical" && operand.operator === operator ? operand.operands : [operand],
    );
    return { kind: "logical", operator, operands: flattened };
  }

  private parsePrimary(depth: number): FilterNode {
    const token = this.next();
    if (token.type === "(") {
      if (depth >= MAX_FILTER_NESTING) {
        throw new ScimFilterError(
          `Parentheses are nested too deeply (at most ${MAX_FILTER_NESTING} levels).`,
        );
      }
      const inner = this.parseLogical("or", depth + 1);
      this.expect(")");
      return inner;
    }
    if (token.type !== "word") {
      throw new ScimFilterError(`Expected an attribute name or "(" at position ${token.position}.`);
    }
    if (this.isNotOperator(token.text)) {
      throw new ScimFilterError('The "not" operator is not supported.', {
        operators: supportedOperatorNames(this.schema),
      });
    }
    this.countComparison();
    if (this.peek().type === "[") return this.parseValuePath(token.text);
    return this.parseComparison(token.text);
  }

  private isNotOperator(word: string): boolean {
    if (word.toLowerCase() !== "not") return false;
    const next = this.peek();
    // An attribute literally named "not" is still followed by a comparison operator.
    return !(next.type === "word" && SCIM_COMPARISON_OPERATORS.has(next.text.toLowerCase()));
  }

  private parseComparison(attributeName: string): FilterNode {
    const attribute = findFilterAttribute(this.schema, attributeName);
    if (attribute === undefined) {
      throw new ScimFilterError(`Attribute "${shorten(attributeName)}" is not supported in this filter.`, {
        attributes: supportedAttributeNames(this.schema),
      });
    }
    const operator = this.readOperator(attribute);
    const valueToken = this.next();
    if (attribute.type === "boolean") {
      const literal = valueToken.type === "word" ? valueToken.text.toLowerCase() : undefined;
      if (literal !== "true" && literal !== "false") {
        throw new ScimFilterError(
          `Attribute "${attribute.name}" takes true or false (position ${valueToken.position}).`,
        );
      }
      return {
        kind: "comparison",
        attribute: attribute.name,
        operator,
        value: literal === "true",
        caseInsensitive: false,
      };
    }
    if (valueToken.type !== "string") {
      throw new ScimFilterError(
        `Attribute "${attribute.name}" takes a double-quoted string (position ${valueToken.position}).`,
      );
    }
    return {
      kind: "comparison",
      attribute: attribute.name,
      operator,
      value: valueToken.value,
      caseInsensitive: attribute.caseInsensitive,
    };
  }

  private parseValuePath(attributeName: string): ValuePathNode {
    const valuePath = findFilterValuePath(this.schema, attributeName);
    if (valuePath === undefined) {
      throw new ScimFilterError(`Attribute "${shorten(attributeName)}" is not supported in this filter.`, {
        attributes: supportedAttributeNames(this.schema),
      });
    }
    this.expect("[");
    const subToken = this.next();
    if (subToken.type !== "word") {
      throw new ScimFilterError(`Expected an attribute name at position ${subToken.position}.`);
    }
    const wanted = subToken.text.toLowerCase();
    const subAttribute = valuePath.subAttributes.find((candidate) => candidate.name.toLowerCase() === wanted);
    if (subAttribute === undefined) {
      throw new ScimFilterError(
        `Attribute "${shorten(subToken.text)}" is not supported inside ${valuePath.name}[...].`,
        { attributes: valuePath.subAttributes.map((candidate) => candidate.name) },
      );
    }
    const operator = this.readOperator(subAttribute);
    const valueToken = this.next();
    if (valueToken.type !== "string") {
      throw new ScimFilterError(
        `Attribute "${subAttribute.name}" takes a double-quoted string (position ${valueToken.position}).`,
      );
    }
    const closing = this.next();
    if (closing.type !== "]") {
      throw new ScimFilterError(
        `Expected "]" at position ${closing.position}: ${valuePath.name}[...] holds exactly one comparison.`,
      );
    }
    return {
      kind: "valuePath",
      attribute: valuePath.name,
      subAttribute: subAttribute.name,
      operator,
      value: valueToken.value,
    };
  }

  private readOperator(attribute: FilterAttribute): ComparisonOperator {
    const token = this.next();
    if (token.type !== "word") {
      throw new ScimFilterError(
        `Expected an operator after "${attribute.name}" at position ${token.position}.`,
        {
          operators: [...attribute.operators],
        },
      );
    }
    const operator = token.text.toLowerCase();
    if (!SCIM_COMPARISON_OPERATORS.has(operator)) {
      throw new ScimFilterError(
        `"${shorten(token.text)}" is not a filter operator (position ${token.position}).`,
        {
          operators: [...attribute.operators],
        },
      );
    }
    const supported = attribute.operators.find((candidate) => candidate === operator);
    if (supported === undefined) {
      throw new ScimFilterError(`Operator "${operator}" is not supported on attribute "${attribute.name}".`, {
        operators: [...attribute.operators],
      });
    }
    return supported;
  }

  private countComparison(): void {
    this.comparisons += 1;
    if (this.comparisons > MAX_FILTER_COMPARISONS) {
      throw new ScimFilterError(`The filter has too many comparisons (at most ${MAX_FILTER_COMPARISONS}).`);
    }
  }

  private expect(type: "(" | ")" | "[" | "]"): void {
    const token = this.next();
    if (token.type !== type) {
      throw new ScimFilterError(`Expected "${type}" at position ${token.position}.`);
    }
  }

  private peek(): FilterToken {
    // The token list always ends with an "end" token, which is never consumed past.
    return this.tokens[this.index] ?? this.tokens[this.tokens.length - 1]!;
  }

  private next(): FilterToken {
    const token = this.peek();
    if (token.type !== "end") this.index += 1;
    return token;
  }
}

/** Attribute names come from the request; keep echoes of them short. */
function shorten(text: string): string {
  return text.length > 64 ? `${text.slice(0, 64)}…` : text;
}
