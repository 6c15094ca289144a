import { describe, expect, it, vi } from "vitest";
import { buildTemplateContext } from "./context";
import { TEMPLATE_LIMITS, renderTemplate, type RenderResult } from "./engine";

const context = buildTemplateContext({
  customer: { firstName: "Ann", email: "ann@example.com" },
  order: { name: "#1", createdAt: "2025-01-01T00:00:00Z", lineItems: [{ title: "Mug", quantity: 1, sku: "M" }] },
  shop: { name: "Shop" },
});

const HOSTILE_BUDGET_MS = 200;

function timedRender(source: string): { result: RenderResult; ms: number } {
  const started = performance.now();
  const result = renderTemplate(source, context);
  return { result, ms: performance.now() - started };
}

/** Nothing from the JavaScript runtime may reach the text. */
function expectNoLeak(result: RenderResult) {
  if (!result.ok) return;
  expect(result.text).not.toMatch(/function|native code|\[object|Object\(|prototype|process|env|PATH|HOME/i);
}

describe("sandbox: escape attempts", () => {
  const escapes: Record<string, string> = {
    "constructor on an object": "{{ customer.constructor }}{{ customer.constructor.name }}",
    "constructor on a string": "{{ customer.first_name.constructor }}",
    "__proto__ by dot and bracket": "{{ customer.__proto__ }}{{ customer['__proto__'].constructor }}",
    "prototype methods": "{{ customer.hasOwnProperty }}{{ customer.toString }}{{ customer.valueOf }}",
    "size/first/last on objects": "[{{ customer.first }}][{{ customer.last }}][{{ order.line_items.first.constructor }}]",
    "map/where by prototype keys": "{{ order.line_items | map: 'constructor' | join: ',' }}{{ order.line_items | where: '__proto__' | size }}",
    "runtime globals": "{{ process }}{{ process.env }}{{ global }}{{ globalThis }}{{ this }}{{ require }}",
    "assigning __proto__": "{% assign __proto__ = customer %}{{ first_name }}{% assign constructor = 1 %}{{ __proto__.constructor }}",
  };
  for (const [name, source] of Object.entries(escapes)) {
    it(`${name}: renders nothing from the runtime`, () => {
      const { result, ms } = timedRender(source);
      expect(result.ok).toBe(true);
      expectNoLeak(result);
      expect(ms).toBeLessThan(HOSTILE_BUDGET_MS);
    });
  }

  it("rejects prototype names used as filters at parse time", () => {
    for (const filter of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
      const result = renderTemplate(`{{ "x" | ${filter} }}`, context);
      expect(result).toMatchObject({ ok: false, error: { kind: "syntax", message: `undefined filter: ${filter}` } });
    }
  });

  it("has no file system: include, render and layout are not tags", () => {
    for (const tag of ["include '/etc/passwd'", "render 'secrets'", "layout 'theme'", "block x"]) {
      const result = renderTemplate(`{% ${tag} %}`, context);
      expect(result.ok, tag).toBe(false);
      expect(!result.ok && result.error.message, tag).toMatch(/not found/);
    }
  });

  it("leaves Object.prototype untouched after hostile renders", () => {
    renderTemplate("{% assign __proto__ = 'polluted' %}{% increment __proto__ %}{% capture constructor %}x{% endcapture %}", context);
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("polluted");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe("sandbox: resource limits", () => {
  const exhausting: Record<string, string> = {
    "a huge range": "{% for i in (1..100000000) %}x{% endfor %}",
    "nested loops": "{% for a in (1..3000) %}{% for b in (1..3000) %}{{ a }}{% endfor %}{% endfor %}",
    "triple-nested empty loops": "{% for a in (1..5000) %}{% for b in (1..5000) %}{% for c in (1..5000) %}{% endfor %}{% endfor %}{% endfor %}",
    "string doubling with append": "{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}",
    "string doubling with capture": "{% capture s %}xx{% endcapture %}{% for i in (1..40) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}{{ s }}",
    "repeated large text": `{% for i in (1..90000) %}${"y".repeat(200)}{% endfor %}`,
    "endless cycle/increment": "{% for i in (1..90000) %}{% cycle 'a','b' %}{% increment n %}{% endfor %}",
    "replace growth": "{% assign s = 'x' %}{% for i in (1..40) %}{% assign s = s | replace: 'x', 'xx' %}{% endfor %}{{ s }}",
  };
  for (const [name, source] of Object.entries(exhausting)) {
    it(`${name}: stops with a limit error in under ${HOSTILE_BUDGET_MS} ms`, () => {
      const { result, ms } = timedRender(source);
      expect(result).toMatchObject({ ok: false, error: { kind: "limit" } });
      expect(!result.ok && result.error.message).toMatch(/limit exceeded|longer than/);
      expect(ms).toBeLessThan(HOSTILE_BUDGET_MS);
    });
  }

  it("refuses deeply nested expressions as a syntax error instead of crashing", () => {
    const { result, ms } = timedRender(`{{ ${"(".repeat(5000)}1${")".repeat(5000)} }}`);
    expect(result).toMatchObject({ ok: false, error: { message: "Template is nested too deeply" } });
    expect(ms).toBeLessThan(HOSTILE_BUDGET_MS);
  });

  it("refuses over-long sources before parsing and over-long output after rendering", () => {
    const longSource = renderTemplate("x".repeat(TEMPLATE_LIMITS.sourceLength + 1), context);
    expect(longSource).toMatchObject({ ok: false, error: { kind: "syntax", line: 1, column: 1 } });
    const bigOutput = renderTemplate(`{% for i in (1..300) %}${"z".repeat(200)}{% endfor %}`, context);
    expect(bigOutput).toMatchObject({ ok: false, error: { kind: "limit" } });
    expect(!bigOutput.ok && bigOutput.error.message).toContain(`longer than ${TEMPLATE_LIMITS.outputLength}`);
  });

  it("retries once when the time limit ran out without the template using CPU (a stall)", () => {
    const realNow = performance.now.bind(performance);
    let calls = 0;
    // Second clock read (the first limit check) jumps a second ahead, as after a long GC pause.
    const clock = vi.spyOn(performance, "now").mockImplementation(() => realNow() + (++calls === 2 ? 1_000 : 0));
    try {
      expect(renderTemplate("Hi {{ customer.first_name }}", context)).toMatchObject({ ok: true, text: "Hi Ann" });
      expect(calls).toBeGreaterThan(2);
    } finally {
      clock.mockRestore();
    }
  });

  it("on a busy CPU retries only templates that have rendered within the limits before", () => {
    const realNow = performance.now.bind(performance);
    let clockCalls = 0;
    let cpuCalls = 0;
    // The first limit check finds the budget gone while the process got 30 ms of CPU (a busy machine).
    const clock = vi.spyOn(performance, "now").mockImplementation(() => realNow() + (++clockCalls === 2 ? 1_000 : 0));
    const cpu = vi.spyOn(process, "cpuUsage").mockImplementation(() => ({ user: ++cpuCalls * 30_000, system: 0 }));
    const known = "Hello {{ customer.first_name }}!";
    try {
      clock.mockImplementation(() => realNow());
      expect(renderTemplate(known, context)).toMatchObject({ ok: true });
      clockCalls = 0;
      clock.mockImplementation(() => realNow() + (++clockCalls === 2 ? 1_000 : 0));
      expect(renderTemplate(known, context)).toMatchObject({ ok: true, text: "Hello Ann!" });
      clockCalls = 0;
      expect(renderTemplate("Never rendered {{ customer.first_name }}", context)).toMatchObject({ ok: false, error: { kind: "limit" } });
    } finally {
      clock.mockRestore();
      cpu.mockRestore();
    }
  });

  it("keeps serving normal renders after a hostile one (limits are per render)", async () => {
    const lagStarted = performance.now();
    const eventLoopLag = new Promise<number>((resolve) => setTimeout(() => resolve(performance.now() - lagStarted), 0));
    const hostile = renderTemplate("{% for a in (1..5000) %}{% for b in (1..5000) %}{% endfor %}{% endfor %}", context);
    expect(hostile.ok).toBe(false);
    // The hostile render is synchronous; it may hold the event loop only for its time budget.
    expect(await eventLoopLag).toBeLessThan(HOSTILE_BUDGET_MS);
    expect(renderTemplate("Hi {{ customer.first_name }}", context)).toMatchObject({ ok: true, text: "Hi Ann" });
  });
});
