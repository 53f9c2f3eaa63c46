import { describe, expect, it } from "vitest";
import { escapeHtml, html } from "./html";
import { renderBreakglass } from "./render";
import type { BreakglassSource, SourceSystem } from "./source";

const SECRET_HOOK = "https://hooks.slack.example/services/T000/B000/xoxb-very-secret-token";
const SECRET_GATEWAY = "https://sms.example/send?api_key=sk_live_123";

function system(overrides: Partial<SourceSystem> = {}): SourceSystem {
  return {
    id: "sys-1",
    name: "Shop <Main>",
    description: "Sells things & ships them",
    drStrategy: "Active-passive",
    primaryRegion: "eu-west-1",
    drRegion: "eu-central-1",
    topTier: 1,
    services: [
      {
        id: "db",
        name: "Orders DB",
        kind: "database",
        tier: 1,
        rtoMinutes: null,
        rpoMinutes: 5,
        owner: "Data team",
        healthCheckUrl: null,
      },
      {
        id: "api",
        name: "Checkout API",
        kind: "api",
        tier: 1,
        rtoMinutes: 15,
        rpoMinutes: null,
        owner: "",
        healthCheckUrl: "https://shop.example/health?key=hc-secret",
      },
      {
        id: "web",
        name: "Storefront",
        kind: "frontend",
        tier: 2,
        rtoMinutes: 60,
        rpoMinutes: null,
        owner: "",
        healthCheckUrl: null,
      },
    ],
    dependencies: [
      {
        serviceId: "api",
        dependsOnId: "db",
        dependsOnName: "Orders DB",
        dependsOnSystemId: "sys-1",
        dependsOnSystem: "Shop <Main>",
      },
      {
        serviceId: "web",
        dependsOnId: "api",
        dependsOnName: "Checkout API",
        dependsOnSystemId: "sys-1",
        dependsOnSystem: "Shop <Main>",
      },
      {
        serviceId: "db",
        dependsOnId: "dns",
        dependsOnName: "Corporate DNS",
        dependsOnSystemId: "sys-2",
        dependsOnSystem: "Network",
      },
    ],
    runbooks: [
      {
        name: "Checkout down",
        scenario: "Checkout returns 5xx",
        symptoms: "Alerts",
        detection: "",
        estimatedMinutes: 20,
        steps: [
          {
            position: 1,
            group: null,
            title: "<script>alert('x')</script>",
            kind: "manual",
            config: { instructions: 'Say "hello" & wait' },
            timeoutSeconds: 600,
            retries: 0,
          },
          {
            position: 2,
            group: null,
            title: "Restart",
            kind: "http",
            config: {
              url: "https://api.example/restart?token=abc123&zone=eu",
              method: "POST",
              headers: { Authorization: "Bearer s3cr3t", "Content-Type": "application/json" },
              body: '{"force":true,"password":"hunter2"}',
            },
            timeoutSeconds: 30,
            retries: 2,
          },
          {
            position: 3,
            group: null,
            title: "Fail over",
            kind: "command",
            config: { command: `kubectl rollout restart deploy/api && echo "done" > /tmp/x` },
            timeoutSeconds: 300,
            retries: 0,
          },
          {
            position: 4,
            group: null,
            title: "Healthy",
            kind: "healthcheck",
            config: { url: "/api/demo-fleet/checkout-api/health" },
            timeoutSeconds: 120,
            retries: 0,
          },
          {
            position: 5,
            group: null,
            title: "Settle",
            kind: "wait",
            config: { seconds: 90 },
            timeoutSeconds: 120,
            retries: 0,
          },
        ],
      },
    ],
    ownMatrix: false,
    matrix: [
      {
        event: "detected",
        audience: "internal",
        channelId: "hook",
        recipients: "#incidents",
        timing: "within",
        minutes: 5,
        channel: { name: "Slack" },
      },
    ],
    ...overrides,
  };
}

function source(overrides: Partial<BreakglassSource> = {}): BreakglassSource {
  return {
    generatedAt: new Date("2025-03-01T14:05:09Z"),
    changeStamp: "42/42",
    tierDefaults: [{ tier: 1, rtoMinutes: 30, rpoMinutes: 10, version: 1 }],
    systems: [system()],
    contacts: [
      {
        id: "c1",
        name: "Priya <Nair>",
        title: "SRE",
        team: "Platform",
        organization: "",
        email: "priya@example.com",
        phone: "+14155550101",
        roles: ["on-call"],
        preferredChannels: ["sms"],
        external: false,
        confirmedAt: new Date("2025-02-01T00:00:00Z"),
      },
      {
        id: "c2",
        name: "Vendor NOC",
        title: "",
        team: "",
        organization: "Carrier",
        email: null,
        phone: null,
        roles: [],
        preferredChannels: [],
        external: true,
        confirmedAt: null,
      },
    ],
    channels: [
      { id: "hook", name: "Slack", type: "webhook", url: SECRET_HOOK, enabled: true },
      { id: "sms", name: "SMS gateway", type: "sms", url: SECRET_GATEWAY, enabled: true },
    ],
    policies: [
      {
        id: "p1",
        name: "Tier 1 escalation",
        systemId: null,
        tier: 1,
        repeatTimes: 2,
        repeatAfterMinutes: 30,
        levels: [
          { position: 1, afterMinutes: 0, roleTargets: ["on-call"], contactIds: [], channelIds: ["sms", "hook"] },
          { position: 2, afterMinutes: 15, roleTargets: ["nobody fills this"], contactIds: [], channelIds: ["sms"] },
        ],
      },
    ],
    smtpConfigured: false,
    ...overrides,
  };
}

describe("escapeHtml / html", () => {
  it("escapes markup and both kinds of quotes", () => {
    expect(escapeHtml(`<script>alert("x" + 'y')</script> & co`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot; + &#39;y&#39;)&lt;/script&gt; &amp; co",
    );
  });

  it("escapes every interpolated value, including inside arrays and attributes, but not nested html", () => {
    const evil = `"><script>alert(1)</script>`;
    expect(html`<a title="${evil}">${[evil, html`<b>${evil}</b>`]}</a>`.value).toBe(
      `<a title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;<b>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</b></a>`,
    );
    expect(html`${null}${undefined}${false}${0}`.value).toBe("0");
  });
});

describe("renderBreakglass", () => {
  const page = renderBreakglass(source());

  it("is one self-contained document: no scripts, no external assets, a CSP that forbids both", () => {
    expect(page.startsWith("<!doctype html>")).toBe(true);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(page).not.toMatch(/\s(src|href)="(https?:)?\/\//i);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(page).toContain("<style>");
  });

  it("escapes names, titles and instructions", () => {
    expect(page).toContain("Shop &lt;Main&gt;");
    expect(page).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    expect(page).toContain("Say &quot;hello&quot; &amp; wait");
    expect(page).toContain("Priya &lt;Nair&gt;");
  });

  it("masks channel URLs and leaves out tokens, header values and secret fields", () => {
    for (const secret of [
      "hc-secret",
      "xoxb-very-secret-token",
      "/services/T000",
      "sk_live_123",
      "api_key",
      "abc123",
      "s3cr3t",
      "hunter2",
    ])
      expect(page).not.toContain(secret);
    expect(page).toContain("https://hooks.slack.example/…");
    expect(page).toContain("https://api.example/restart?token=[hidden]&amp;zone=eu");
    expect(page).toContain("Authorization: [hidden]");
    expect(page).toContain("Content-Type: application/json");
    expect(page).toContain("&quot;force&quot;: true");
  });

  it("prints the stale warning, services with tier defaults, waves and external prerequisites", () => {
    expect(page).toContain("Generated 2025-03-01 14:05 UTC. This copy may be stale");
    // Orders DB states no RTO: the Tier 1 default (30 min) applies, and says so.
    expect(page).toMatch(/Orders DB.*?30 min <span class="muted">\(tier default\)<\/span>/s);
    expect(page).toMatch(/Wave 1<\/strong>: Orders DB.*Wave 2<\/strong>: Checkout API.*Wave 3<\/strong>: Storefront/s);
    expect(page).toContain("Corporate DNS (Network), for Orders DB");
  });

  it("prints runbook steps: commands verbatim in <pre>, URLs, waits", () => {
    expect(page).toContain(
      `<pre class="command">kubectl rollout restart deploy/api &amp;&amp; echo &quot;done&quot; &gt; /tmp/x</pre>`,
    );
    expect(page).toContain("<pre>GET /api/demo-fleet/checkout-api/health</pre>");
    expect(page).toContain("Wait 1 min 30 s.");
  });

  it("shows who is paged when, flags levels that reach nobody, and the matrix", () => {
    expect(page).toContain("Tier 1 escalation");
    expect(page).toMatch(/T\+0 min.*Priya &lt;Nair&gt; — SMS gateway.*\+14155550101/s);
    expect(page).toContain("Nobody is paged at this level.");
    expect(page).toContain("repeat 2 more times, 30 min after the last level");
    expect(page).toContain("The fleet-wide matrix");
    expect(page).toContain("within 5 min");
  });

  it("lists contacts with callable phone numbers and flags unconfirmed ones", () => {
    expect(page).toContain(`<a class="phone" href="tel:+14155550101">+14155550101</a>`);
    expect(page).toContain(`href="mailto:priya@example.com"`);
    expect(page).toMatch(/Vendor NOC.*external · Carrier.*never <span class="warning">stale<\/span>/s);
  });

  it("says so when a system has no policy, no runbooks or a dependency loop", () => {
    const looped = system({
      id: "sys-9",
      topTier: 3,
      runbooks: [],
      dependencies: [
        {
          serviceId: "db",
          dependsOnId: "api",
          dependsOnName: "Checkout API",
          dependsOnSystemId: "sys-9",
          dependsOnSystem: "x",
        },
        {
          serviceId: "api",
          dependsOnId: "db",
          dependsOnName: "Orders DB",
          dependsOnSystemId: "sys-9",
          dependsOnSystem: "x",
        },
      ],
    });
    const out = renderBreakglass(source({ systems: [looped] }));
    expect(out).toContain("No escalation policy applies to this system");
    expect(out).toContain("No runbooks for this system.");
    expect(out).toMatch(/The dependencies form a loop \((Orders DB|Checkout API) → /);
  });
});
