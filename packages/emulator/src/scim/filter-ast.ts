/** The comparison operators of PingOne's SCIM subset (docs/emulator.md#filters). */
export type ComparisonOperator = "eq" | "sw" | "ew" | "co";

export type LogicalOperator = "and" | "or";

/** `attribute op value`, with the attribute already resolved to its canonical spelling. */
export interface ComparisonNode {
  readonly kind: "comparison";
  readonly attribute: string;
  readonly operator: ComparisonOperator;
  readonly value: string | boolean;
  /** Taken from the collection's attribute table, so the compiler needs no schema of its own. */
  readonly caseInsensitive: boolean;
}

/** `attribute[subAttribute eq "value"]`, e.g. `memberOfGroups[id eq "…"]`. */
export interface ValuePathNode {
  readonly kind: "valuePath";
  readonly attribute: string;
  readonly subAttribute: string;
  /** One of the sub-attribute's operators in the collection's table (only `eq` today). */
  readonly operator: ComparisonOperator;
  readonly value: string;
}

/** A chain of one logical operator; chains are flattened, so `a and b and c` has three operands. */
export interface LogicalNode {
  readonly kind: "logical";
  readonly operator: LogicalOperator;
  readonly operands: readonly FilterNode[];
}

export type FilterNode = ComparisonNode | ValuePathNode | LogicalNode;
