import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactPath, launchChromium } from "../src/index.js";
import { serveLocally } from "./local-site.js";

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign on</title>
<style>body{font-family:"Liberation Sans",sans-serif;background:#f5f7fa;padding:2rem}
form{background:#fff;border-top:4px solid #2996cc;padding:1.5rem;width:20rem}
label,input,button{display:block;margin:.4rem 0}</style></head>
<body><form method="post" action="/submit"><h1>Sign on</h1>
<label for="username">Username</label><input id="username" name="username">
<button type="submit">Sign On</button></form></body></html>`;

describe("launchChromium", () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serveLocally>>;
  const submitted: string[] = [];

  beforeAll(async () => {
    site = await serveLocally((request, response) => {
      if (request.method === "POST") {
        let body = "";
        request.on("data", (chunk) => {
          body += chunk;
        });
        request.on("end", () => {
          submitted.push(body);
          response.writeHead(200, { "content-type": "text/html" }).end("<p id=done>Signed on</p>");
        });
        return;
      }
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it("loads a page from a local server, fills and submits its form", async () => {
    const tab = await browser.newPage();
    await tab.goto(`http://127.0.0.1:${site.port}/`);
    expect(await tab.title()).toBe("Sign on");
    await tab.getByLabel("Username").fill("jdoe");
    await tab.getByRole("button", { name: "Sign On" }).click();
    await tab.locator("#done").waitFor();
    expect(submitted).toEqual(["username=jdoe"]);
    await tab.close();
  });

  it("takes a screenshot, kept as a test artefact", async () => {
    const tab = await browser.newPage({ viewport: { width: 480, height: 320 } });
    await tab.goto(`http://127.0.0.1:${site.port}/`);
    const path = artifactPath("chromium-self-test.png");
    await tab.screenshot({ path });
    const png = readFileSync(path);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([480, 320]);
    await tab.close();
  });

  it("fails saying where Chromium was looked for when it is missing", async () => {
    await expect(launchChromium({ executablePath: "/nonexistent/chromium" })).rejects.toThrow(
      "Chromium was not found at /nonexistent/chromium: install the Debian package chromium",
    );
  });
});
