// The usual browser-test setup: the demo (app + Shopify stand-in) and one Chromium for the file's tests.
import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "./browser";
import { startDemo, type RunningDemo } from "./demo-process";

export interface DemoSession {
  readonly demo: RunningDemo;
  readonly browser: Browser;
}

export function demoWithBrowser(): DemoSession {
  let demo: RunningDemo | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    demo = await startDemo();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the demo and the browser start in beforeAll");
    return value;
  };
  return {
    get demo() {
      return started(demo);
    },
    get browser() {
      return started(browser);
    },
  };
}
