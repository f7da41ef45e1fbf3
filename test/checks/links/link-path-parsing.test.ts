import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { linkTarget } from "../../../src/checks/links/target.js";
import { pathCandidate } from "../../../src/checks/links/path-candidate.js";

describe("pathCandidate", () => {
  it("never throws, and never takes text with whitespace, a colon or a single name for a path", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (text) => {
        const candidate = pathCandidate(text);
        if (candidate === undefined) return;
        expect(/\s/.test(text.trim())).toBe(false);
        expect(candidate.path).not.toMatch(/:/);
        expect(candidate.path.replace(/^(\.\.\/)+/, "").split("/").filter(Boolean).length).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads editor locations, globs and relative forms", () => {
    expect(pathCandidate("src/a.ts:12:3")).toEqual({ path: "src/a.ts", base: "nearest", glob: false, placeholder: false, shaped: true });
    expect(pathCandidate("/src/**/*.ts")).toEqual({ path: "src/**/*.ts", base: "root", glob: true, placeholder: false, shaped: true });
    expect(pathCandidate("../lib/{a,b}.js")).toEqual({ path: "../lib/{a,b}.js", base: "file", glob: true, placeholder: false, shaped: true });
    expect(pathCandidate("app/(auth)/[id]/page.tsx")?.glob).toBe(false);
    expect(pathCandidate("path/to/your-file.ts")?.placeholder).toBe(true);
    // `and/or` could be a path; the rules stay quiet on it unless folders before its last segment exist.
    expect(pathCandidate("and/or")).toEqual({ path: "and/or", base: "nearest", glob: false, placeholder: false, shaped: false });
    for (const notPath of ["a b/c", "@scope/pkg", "node:fs", "http://x/y", "src/{name}.ts", "$DIR/x", "x.ts", "src/.../x"]) {
      expect(pathCandidate(notPath)).toBeUndefined();
    }
  });

  it("tells text shaped like a path (extension, dotfile, file name, trailing /, ** glob) from text that only may be one", () => {
    const shaped = ["src/servcies/order.ts", "docs/old-guide/", "config/.env", "docker/Dockerfile", ".github/CODEOWNERS", "src/**", "src/*.{ts,tsx}", "packages/*/", "types/index.d.ts", "out/app.tar.gz"];
    for (const text of shaped) expect(pathCandidate(text)?.shaped, text).toBe(true);
    const maybe = ["tools/call", "application/json", "owner/repo", "feat/x", "release/1.2", "release/v1.2.3", "resources/list", "notifications/initialized", "lodash/fp", "packages/cli/src/missing", "text/x-markdown", "image/svg+xml", "tools/*"];
    for (const text of maybe) expect(pathCandidate(text)?.shaped, text).toBe(false);
  });

  it("never takes a MIME type with a dotted subtype, or a route with a leading / and no extension, for a path", () => {
    for (const notPath of ["application/vnd.oasis.opendocument.text", "image/vnd.microsoft.icon", "application/vnd.api+json", "text/x.foo.bar", "/api/users", "/api/users/me", "/admin/settings"]) {
      expect(pathCandidate(notPath), notPath).toBeUndefined();
    }
    expect(pathCandidate("/src/cli.ts")?.base).toBe("root");
    expect(pathCandidate("/docs/old/")?.base).toBe("root");
  });
});

describe("linkTarget", () => {
  it("never throws and never resolves above the repo root", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.constantFrom("AGENTS.md", "docs/a.md", "docs/deep/b.md"), (url, from) => {
        const target = linkTarget(from, url);
        if (target.kind === "path") expect(target.path === ".." || target.path.startsWith("../") || target.path.startsWith("/")).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("skips every scheme and protocol-relative URLs, decodes paths and anchors, strips the query", () => {
    for (const url of ["https://x.y", "mailto:a@b", "vscode:x", "data:text/plain,x", "//cdn.x/y", "HTTP://X"]) {
      expect(linkTarget("AGENTS.md", url)).toEqual({ kind: "external" });
    }
    expect(linkTarget("docs/a.md", "../how%20to/x.md?plain=1#Set%2DUp")).toEqual({
      kind: "path",
      path: "how to/x.md",
      rawPath: "../how%20to/x.md",
      rootAbsolute: false,
      anchor: "Set-Up",
      plain: true,
    });
    expect(linkTarget("docs/a.md", "../../x.md")).toEqual({ kind: "outside" });
    expect(linkTarget("docs/a.md", "#")).toEqual({ kind: "self", anchor: "" });
    expect(linkTarget("docs/a.md", "%E0%A4%A.md")).toMatchObject({ kind: "path", path: "docs/%E0%A4%A.md" });
  });
});
