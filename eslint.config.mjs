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
  { ignores: [".next/**", ".next-e2e/**", ".next-cluster/**", ".tmp/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "public/asap/**", "dist/**", "packages/*/dist/**"] },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { varsIgnorePattern: "^_", argsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // Playwright fixtures receive a function named `use`, which is not React's hook.
    files: ["e2e/**", "e2e-cluster/**", "packages/asap-playwright/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // The widget is bundled on its own into the browser (public/asap/): nothing of the app goes in
    // but the contract it shares with the site and the Desk, and the browser helpers they share.
    files: ["widget/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/(?!lib/contract/|lib/shared/browser/)|(\\.\\./)+(lib|app|components|prisma)(/|$))",
              message: "The widget imports only from widget/, lib/contract/ and lib/shared/browser/: it is bundled on its own for browsers.",
            },
          ],
        },
      ],
    },
  },
  {
    // Browser helpers the widget, the console and the help pages share: in the widget's bundle too.
    files: ["lib/shared/browser/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(?!\\./|@/lib/contract/)", message: "lib/shared/browser imports only lib/contract: the widget's bundle carries it." }] },
      ],
    },
  },
  {
    // The contract is imported by the site, the Desk and the widget's browser bundle: it stands alone.
    files: ["lib/contract/**"],
    ignores: ["lib/contract/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(?!zod$|\\./|@/lib/contract/)", message: "lib/contract imports only zod and its own modules: the site, the Desk and the widget all import it." }] },
      ],
    },
  },
  {
    // The integrators' Playwright toolkit is shaped to be published: it stands on Playwright, jose and
    // Node alone, never on the app it tests (its types of the Desk's API are its own).
    files: ["packages/asap-playwright/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!@playwright/test$|jose$|node:|\\./|vitest$)",
              message: "asap-playwright imports only @playwright/test, jose, node: built-ins and its own modules (vitest in its tests): it is published on its own.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["packages/asap-playwright/src/**"],
    ignores: ["packages/asap-playwright/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!@playwright/test$|jose$|node:|\\./)",
              message: "asap-playwright imports only @playwright/test, jose, node: built-ins and its own modules: it is published on its own.",
            },
          ],
        },
      ],
    },
  },
  {
    // The app's tests use the toolkit as integrators do: by its package name, never its files.
    files: ["e2e/**", "test/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "packages/asap-playwright", message: 'Import the toolkit as "asap-playwright", as integrators do.' }] },
      ],
    },
  },
  {
    // A message type is spelled once, in the protocol module; everyone else names it by its constant.
    files: ["widget/**"],
    ignores: ["widget/protocol/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "Literal[value=/^asap:/]", message: "Name widget messages by their constants in widget/protocol/messages.ts." },
      ],
    },
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
