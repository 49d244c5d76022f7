import { execFileSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";

// Three free ports per run, chosen in the main process; workers inherit them through the environment.
// The site (and its same-origin Desk) listens on the first; a second process on the next serves the
// widget from a truly different origin, as a real help desk would; a third runs the site configured
// for the legacy flow.
if (!process.env.E2E_PORT || !process.env.E2E_DESK_PORT || !process.env.E2E_LEGACY_PORT) {
  const ports = execFileSync(process.execPath, [
    "-e",
    "const n=require('net');const s=[0,1,2].map(()=>n.createServer());let k=0;s.forEach(x=>x.listen(0,'127.0.0.1',()=>{if(++k===3){console.log(s.map(y=>y.address().port).join(' '));s.forEach(y=>y.close())}}))",
  ])
    .toString()
    .trim()
    .split(" ");
  [process.env.E2E_PORT, process.env.E2E_DESK_PORT, process.env.E2E_LEGACY_PORT] = ports;
}
const port = String(process.env.E2E_PORT);
const deskPort = String(process.env.E2E_DESK_PORT);
const legacyPort = String(process.env.E2E_LEGACY_PORT);
export const baseURL = `http://localhost:${port}`;
/** The cross-origin Desk: another host name and port than the site. */
export const deskURL = `http://127.0.0.1:${deskPort}`;
/** The same site with ASAP_FLOW=legacy: its widget logs in through the JWT endpoint. */
export const legacySiteURL = `http://localhost:${legacyPort}`;

export default defineConfig({
  testDir: "e2e",
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // Two cores run three production servers, a mail catcher, two Chromiums and the specs' own
  // processes (the token CLI, a shop page): the longest stories (several contexts, axe on every
  // page) need room without retries hiding a slow step.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          // Debian's Chromium; never a downloaded browser. Override the path on other machines.
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        },
      },
    },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    env: { PORT: port, DESK_PORT: deskPort, LEGACY_PORT: legacyPort },
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
  },
});
