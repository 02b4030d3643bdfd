import { readFileSync } from "node:fs";
import { parse } from "yaml";

const doc = parse(readFileSync("/work/shared/pingone-specs/pingone-management.openapi.yml", "utf8"));
const s = doc.components.schemas;
const strip = (o) => JSON.parse(JSON.stringify(o, (k, v) => (k === "description" ? undefined : v)));
for (const n of process.argv.slice(2)) console.log(n, JSON.stringify(strip(s[n]), null, 1));
