import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// DESIGN §1: the business site reaches the Desk only over HTTP and the SDK, as a real integrator's
// app would, and the Desk knows nothing of the site. Import paths say which area a module is in.
const SITE_FILES = ["app/(site)/**", "app/api/asap/**", "lib/site/**", "components/site/**"];
const DESK_FILES = ["app/desk/**", "lib/desk/**", "components/desk/**", "components/widget/**"];

// Matches "@/lib/desk/x", "../../components/desk", "../desk/x" (a sibling area folder) and the like.
const forbid = (area, message) => ({
  "no-restricted-imports": [
    "error",
    { patterns: [{ regex: `^(@/|(\\.\\./)+)((lib|components|app)/)?\\(?${area}\\)?(/|$)`, message }] },
  ],
});

const config = [
  ...nextVitals,
  ...nextTypescript,
  { ignores: [".next/**", ".next-e2e/**", ".next-cluster/**", ".tmp/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { varsIgnorePattern: "^_", argsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // Playwright fixtures receive a function named `use`, which is not React's hook.
    files: ["e2e/**", "e2e-cluster/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: SITE_FILES,
    rules: forbid("desk", "The business site talks to the Desk only over its HTTP API and the SDK (DESIGN §1)."),
  },
  {
    files: DESK_FILES,
    rules: forbid("site", "The Desk simulator must not depend on the business site (DESIGN §1)."),
  },
];
export default config;
