import type { Resolution } from "./types.js";

/** The resolutions of one importing folder: looked up per specifier without building keys. */
export class FolderResolutions {
  /** What this run used, decoded: only these are written back. */
  readonly used = new Map<string, Resolution>();
  dirty = false;
  private stored: Map<string, string> | undefined;

  constructor(private readonly entries: [string, string][] | undefined) {}

  get(specifier: string): Resolution | undefined {
    const decoded = this.used.get(specifier);
    if (decoded) return decoded;
    this.stored ??= new Map(this.entries);
    const stored = this.stored.get(specifier);
    if (stored === undefined) return undefined;
    const resolution = decodeResolution(stored);
    this.used.set(specifier, resolution);
    return resolution;
  }

  set(specifier: string, resolution: Resolution): void {
    this.used.set(specifier, resolution);
    this.dirty = true;
  }
}

export function encodeResolution(resolution: Resolution): string {
  switch (resolution.kind) {
    case "local":
      return `L${resolution.path}`;
    case "external":
      return `E${resolution.packageName}`;
    case "builtin":
      return `B${resolution.name}`;
    case "unresolved":
      return resolution.targets?.length ? `U${JSON.stringify(resolution.targets)}` : "U";
  }
}

function decodeResolution(stored: string): Resolution {
  const value = stored.slice(1);
  if (stored[0] === "L") return { kind: "local", path: value };
  if (stored[0] === "E") return { kind: "external", packageName: value };
  if (stored[0] === "B") return { kind: "builtin", name: value };
  return value === "" ? { kind: "unresolved" } : { kind: "unresolved", targets: decodeTargets(value) };
}

function decodeTargets(value: string): string[] {
  try {
    const targets = JSON.parse(value) as unknown;
    return Array.isArray(targets) ? targets.filter((target): target is string => typeof target === "string") : [];
  } catch {
    return [];
  }
}
