import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/** Migrates one template database with the real CLI and committed migrations, once per run. */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "asap-int-"));
  const templateDatabase = path.join(dir, "template.db");
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${templateDatabase}` },
    stdio: "pipe",
  });
  project.provide("templateDatabase", templateDatabase);
  return () => rmSync(dir, { recursive: true, force: true });
}
