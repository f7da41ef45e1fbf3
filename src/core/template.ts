/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing datum is noticed. */
export function fillTemplate(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in data ? String(data[key]) : whole,
  );
}
