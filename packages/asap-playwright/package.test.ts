import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const here = import.meta.dirname;
const root = path.resolve(here, "../..");

/**
 * The package as another project gets it: built (tsconfig.build.json), packed with npm (its `files`),
 * and imported by name through its package.json's exports from plain Node ES modules, outside this
 * repository's TypeScript set-up (its peers resolve from the enclosing node_modules).
 */
describe("the asap-playwright package", () => {
  it("builds, packs, and works when imported by its name from plain Node", () => {
    const project = path.join(root, ".tmp/asap-playwright-consumer");
    const installed = path.join(project, "node_modules/asap-playwright");
    rmSync(project, { recursive: true, force: true });
    mkdirSync(installed, { recursive: true });
    // What the README says: build, pack, install the tarball (here: unpack it where npm would).
    execFileSync("npm", ["run", "--silent", "build"], { cwd: here });
    const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", project], { cwd: here, encoding: "utf8" }).trim();
    execFileSync("tar", ["-xzf", path.join(project, tarball), "-C", installed, "--strip-components=1"]);
    writeFileSync(
      path.join(project, "consumer.mjs"),
      `import { mintAsapToken, asapDesk, AsapWidget, test } from "asap-playwright";
import { decodeJwt, decodeProtectedHeader } from "jose";
const token = await mintAsapToken({ email: "ada@example.com" }, { kid: "k1", secret: "s".repeat(32) });
console.log(JSON.stringify({ header: decodeProtectedHeader(token), email: decodeJwt(token).email, desk: typeof asapDesk({ url: "http://127.0.0.1:1", token: "t".repeat(32) }).reset, widget: typeof AsapWidget, test: typeof test }));`,
    );
    const output = execFileSync(process.execPath, [path.join(project, "consumer.mjs")], { cwd: project, encoding: "utf8" });
    expect(JSON.parse(output)).toEqual({ header: { alg: "HS256", typ: "JWT", kid: "k1" }, email: "ada@example.com", desk: "function", widget: "function", test: "function" });
  }, 60_000);
});
