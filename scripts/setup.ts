/**
 * First run on a fresh clone: write .env with fresh secrets (never overwriting one), apply the
 * committed migrations to the SQLite database, seed the demo data, and say how to sign in.
 */
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { renderEnvFile } from "./env-file";

const PORT = process.env.PORT ?? "3000";

function run(title: string, command: string, args: string[]) {
  console.log(`\n▸ ${title}`);
  try {
    execFileSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  } catch {
    console.error(`\n✗ ${title} failed (its output is above). Fix the cause and run \`npm run setup\` again.`);
    process.exit(1);
  }
}

if (existsSync(".env")) {
  console.log("▸ .env exists: keeping it (delete it to start over with fresh secrets)");
} else {
  writeFileSync(".env", renderEnvFile({ DATABASE_URL: "file:./prisma/dev.db", PORT }), { mode: 0o600 });
  console.log("▸ Wrote .env with freshly generated secrets");
}

run("Applying database migrations", "npx", ["tsx", "scripts/db/migrate.ts"]);
run("Seeding demo data", "npx", ["prisma", "db", "seed"]);
run("Building the widget", "npx", ["tsx", "widget/build.ts"]);

console.log(`
┌──────────────────────────────────────────────────────────────────────┐
  Northwind Cloud (business site)   http://localhost:${PORT}
  Desk simulator                    http://localhost:${PORT}/desk
  Demo mailbox (sign-up emails)     http://localhost:${PORT}/dev/mailbox

  Demo sign-ins, password "northwind-demo":
    ada@example.com · grace@example.com · alan@example.com
  Desk agents, password "desk-demo-agent":
    admin@desk.example.com (admin) · sam@desk.example.com · priya@desk.example.com
└──────────────────────────────────────────────────────────────────────┘
`);
