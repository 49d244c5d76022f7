import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * The examples' own suite, run as an integrator's would be: the Desk simulator started as a separate
 * process by its documented command, the example web app beside it, and specs that use only the
 * asap-playwright toolkit. `npm run test:examples` (after a production build exists, or it makes one).
 */
const root = path.resolve(import.meta.dirname, "..");

// Two free ports, chosen once in the main process; workers inherit them through the environment.
if (!process.env.EXAMPLES_DESK_PORT || !process.env.EXAMPLES_APP_PORT) {
  const ports = execFileSync(process.execPath, [
    "-e",
    "const n=require('net');const s=[0,1].map(()=>n.createServer());let k=0;s.forEach(x=>x.listen(0,'127.0.0.1',()=>{if(++k===2){console.log(s.map(y=>y.address().port).join(' '));s.forEach(y=>y.close())}}))",
  ])
    .toString()
    .trim()
    .split(" ");
  [process.env.EXAMPLES_DESK_PORT, process.env.EXAMPLES_APP_PORT] = ports;
  process.env.EXAMPLES_CONTROL_TOKEN = `examples-${crypto.randomUUID()}-${crypto.randomUUID()}`;
}
const deskUrl = `http://127.0.0.1:${process.env.EXAMPLES_DESK_PORT}`;
const appUrl = `http://127.0.0.1:${process.env.EXAMPLES_APP_PORT}`;
const controlToken = String(process.env.EXAMPLES_CONTROL_TOKEN);

// The documented config, with the web app's origin on this run's port.
type SimulatorConfig = { addons: Array<{ id: string; origins: string[]; keys: Array<{ kid: string; secret: string }> }> };
const config = JSON.parse(readFileSync(path.join(import.meta.dirname, "desk-simulator.json"), "utf8")) as SimulatorConfig;
const addon = config.addons[0]!;
addon.origins = [appUrl];
const configFile = path.join(root, ".tmp/examples/desk-simulator.json");
mkdirSync(path.dirname(configFile), { recursive: true });
writeFileSync(configFile, JSON.stringify(config, null, 2));

// What the toolkit's fixtures read.
process.env.ASAP_DESK_URL = deskUrl;
process.env.ASAP_DESK_CONTROL_TOKEN = controlToken;
process.env.ASAP_ADDON_ID = addon.id;

export default defineConfig({
  testDir: ".",
  testMatch: "*/tests/*.spec.ts",
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  // One Desk, reset before each test: tests take turns.
  workers: 1,
  timeout: 30_000,
  reporter: [["list"]],
  use: { baseURL: appUrl, trace: "retain-on-failure" },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        },
      },
    },
  ],
  webServer: [
    {
      command: `npm run desk:simulator -- --port ${process.env.EXAMPLES_DESK_PORT} --config ${configFile}`,
      cwd: root,
      url: `${deskUrl}/api/health`,
      env: { DESK_TEST_CONTROL_TOKEN: controlToken },
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      command: "npx tsx examples/web-app/server.ts",
      cwd: root,
      url: `${appUrl}/health`,
      env: { PORT: String(process.env.EXAMPLES_APP_PORT), DESK_URL: deskUrl, ASAP_ADDON_ID: addon.id, ASAP_KID: addon.keys[0]!.kid, ASAP_SECRET: addon.keys[0]!.secret },
      timeout: 30_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
  ],
});
