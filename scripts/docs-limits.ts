// `npm run docs:limits`: writes the limits table of lib/domain/limits.ts into the README, between its markers.
import fs from "node:fs";
import path from "node:path";
import { limitsMarkdown } from "../lib/domain/limits";

const file = path.join(process.cwd(), "README.md");
const readme = fs.readFileSync(file, "utf8");
const marked = /(<!-- limits:start -->\n)[\s\S]*?(<!-- limits:end -->)/;
if (!marked.test(readme)) throw new Error("README.md has no <!-- limits:start --> … <!-- limits:end --> section");
fs.writeFileSync(file, readme.replace(marked, (_m, start: string, end: string) => `${start}${limitsMarkdown()}\n${end}`));
