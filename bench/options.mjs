// What the bench scripts share: reading a whole-number option, and the median of samples.

/** `--<name> <n>` from argv, a whole number of at least `least`; exits 2 with a message otherwise. */
export function option(name, fallback, least = 1) {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isSafeInteger(value) || value < least) {
    process.stderr.write(`--${name} needs a whole number of at least ${least}, got "${process.argv[index + 1]}"\n`);
    process.exit(2);
  }
  return value;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
