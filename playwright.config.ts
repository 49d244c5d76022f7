import { execFileSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";

// Two free ports per run, chosen in the main process; workers inherit them through the environment.
// The site (and its same-origin Desk) listens on the first; a second Desk process on the other serves
// the widget from a truly different origin, as a real help desk would.
if (!process.env.E2E_PORT || !process.env.E2E_DESK_PORT) {
  const ports = execFileSync(process.execPath, [
    "-e",
    "const n=require('net');const a=n.createServer().listen(0,'127.0.0.1',()=>{const b=n.createServer().listen(0,'127.0.0.1',()=>{console.log(a.address().port+' '+b.address().port);a.close();b.close()})})",
  ])
    .toString()
    .trim()
    .split(" ");
  [process.env.E2E_PORT, process.env.E2E_DESK_PORT] = ports;
}
const port = String(process.env.E2E_PORT);
const deskPort = String(process.env.E2E_DESK_PORT);
export const baseURL = `http://localhost:${port}`;
/** The cross-origin Desk: another host name and port than the site. */
export const deskURL = `http://127.0.0.1:${deskPort}`;

export default defineConfig({
  testDir: "e2e",
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 30_000,
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
    env: { PORT: port, DESK_PORT: deskPort },
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
  },
});
