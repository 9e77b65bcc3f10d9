import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * Next's rules (React, hooks, accessibility, Core Web Vitals), TypeScript's, and the layers of ../shared/STYLE.md
 * as import boundaries: a change that breaks them fails `npm run lint`, which `npm test` runs.
 */
const serverOnly = ["./lib/db", "./lib/iam", "./lib/sts", "./lib/auth", "./lib/aws-api", "./lib/crypto", "./lib/federation", "./lib/generated", "./lib/config.ts", "./lib/health.ts"];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "lib/generated/**", "test-results/**", "playwright-report/**", "data/**", "next-env.d.ts"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./lib/policy",
              from: ".",
              except: ["./lib/policy", "./node_modules"],
              message: "lib/policy is the pure core: it imports nothing outside itself and its data packages.",
            },
            {
              target: "./lib/domain",
              from: ["./lib/db", "./lib/iam", "./lib/auth", "./lib/aws-api", "./app", "./components"],
              message: "lib/domain holds the types, limits and schemas every layer shares; it imports no layer above it.",
            },
            {
              target: "./lib/concepts",
              from: ["./lib/db", "./lib/iam", "./lib/sts", "./lib/auth", "./lib/aws-api", "./app", "./components"],
              message: "lib/concepts is the glossary and the role guide: plain data the browser imports, no layer above it.",
            },
            {
              target: "./lib/aws-cli",
              from: ["./lib/db", "./lib/iam", "./lib/auth", "./lib/aws-api", "./app", "./components"],
              message: "lib/aws-cli builds command text from shared types; the console and tests import it, it imports no service.",
            },
            {
              target: "./lib/federation",
              from: ["./lib/db", "./lib/iam", "./lib/auth", "./lib/aws-api", "./app", "./components"],
              message: "lib/federation verifies tokens and assertions without the store: callers pass what it trusts.",
            },
            {
              target: "./lib/db",
              from: ["./lib/iam", "./lib/auth", "./lib/aws-api", "./app", "./components"],
              message: "Repositories import no service module: shared types and AwsError live in lib/domain.",
            },
            { target: ["./app", "./components"], from: "./lib/db", message: "Only lib/ services reach the store." },
            {
              target: "./components",
              from: serverOnly,
              message: "Components run in the browser: they import lib/domain and lib/policy, never server-only modules.",
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ["e2e/**/*.ts", "bench/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["e2e/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='waitForTimeout']",
          message: "Wait for what the user would see (expect(…).toBe…), never for a fixed time.",
        },
      ],
    },
  },
]);
