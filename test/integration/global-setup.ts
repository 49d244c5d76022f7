import type { TestProject } from "vitest/node";
import { createTemplate, type DatabaseServer, type TemplateDatabase } from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    /** Set by each integration project in vitest.config.ts: which database its tests run on. */
    databaseServer: DatabaseServer;
    templateDatabase: TemplateDatabase;
  }
}

/** Migrates one template database with the committed migrations, once per run of the project. */
export default async function setup(project: TestProject) {
  const { template, teardown } = await createTemplate(project.getProvidedContext().databaseServer);
  project.provide("templateDatabase", template);
  return teardown;
}
