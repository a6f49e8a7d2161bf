// End-to-end tests run against the release build in dist/, served the way a static host would.
import { defineConfig } from "@playwright/test";

// E2E_PORT lets two checkouts run their tests at once; 4173 otherwise.
const port = Number(process.env.E2E_PORT || 4173);

export default defineConfig({
  testDir: "tests/e2e",
  // Timeouts here catch a hung test; they are not speed gates (timing.spec.mjs and the budgets
  // measure speed as ratios). A long test took 21.6 s here and passed 30 s in CI's slower run, so
  // each test gets 120 s and each expectation 15 s, room for a machine several times slower.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  retries: 0,
  // One worker per core, and the tests of a file spread over them too: each test has its own
  // browser context (its own storage), so only files that share the server's one receiver say
  // `mode: "serial"` (launch.spec.mjs).
  workers: 2,
  fullyParallel: true,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
      args: [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  // The interaction timings run on their own after everything else, so other tests sharing
  // the CPU do not blur a measurement against a 16 ms budget.
  projects: [
    { name: "e2e", testIgnore: /timing\.spec\.mjs$/ },
    { name: "timing", testMatch: /timing\.spec\.mjs$/, dependencies: ["e2e"] },
  ],
  webServer: {
    command: `node scripts/serve-dist.mjs ${port} dist --receiver`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
