/**
 * Value grammars of the condition operators.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */

const int = (s: string | undefined): number | undefined => (s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined);
const inRange = (s: string | undefined, lo: number, hi: number): boolean => {
  const n = int(s);
  return n !== undefined && n >= lo && n <= hi;
};

/**
 * Whether IAM's date parser accepts the value. It is lenient (`01T` passes: a year with an empty time)
 * but refuses out-of-range fields and more than nine fractional digits; values without `T` or `-` are
 * epoch seconds up to 2^63-1.
 */
export function isIamDate(value: string): boolean {
  const s = value.toLowerCase();
  if (!s.includes("t") && !s.includes("-")) {
    return /^\d+$/.test(s) && BigInt(s) <= 9223372036854775807n;
  }
  const tAt = s.indexOf("t");
  const datePart = tAt < 0 ? s : s.slice(0, tAt);
  const timePart = tAt < 0 ? "" : s.slice(tAt + 1);
  const negative = datePart.startsWith("-");
  const d = (negative ? datePart.slice(1) : datePart).split("-");
  if (d.length > 3 || !inRange(d[0], 0, negative ? 292275054 : 292278993)) return false;
  if (d.length > 1 && !inRange(d[1], 1, 12)) return false;
  if (d.length > 2 && !inRange(d[2], 1, 31)) return false;
  if (timePart === "") return true;
  const t = timePart.split(":");
  if (t[0] !== "" && !inRange(t[0], 0, 23)) return false;
  if (t.length > 1 && !inRange(t[1].replace(/(z|[+-]\d\d)$/, ""), 0, 59)) return false;
  if (t.length > 2) {
    const m = /^(\d+)(?:\.(\d+))?(z|[+-](\d\d)(?::?(\d\d))?)?$/.exec(t.slice(2).join(":"));
    if (!m || !inRange(m[1], 0, 59)) return false;
    if (m[2] !== undefined && !inRange(m[2], 0, 999999999)) return false;
    if (m[4] !== undefined && !inRange(m[4], 0, 23)) return false;
    if (m[5] !== undefined && !inRange(m[5], 0, 59)) return false;
  }
  return true;
}

/** The strict ISO 8601 / epoch forms AWS documents for Date operators. */
export function isDocumentedDate(value: string): boolean {
  return (
    /^\d+$/.test(value) ||
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/i.test(value)
  );
}

export function isNumeric(value: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(value);
}

export function isBoolean(value: string): boolean {
  return value.toLowerCase() === "true" || value.toLowerCase() === "false";
}

/** Parses an IPv4 or IPv6 address with optional prefix length; `hostBitsSet` tells whether bits past the mask are non-zero. */
export function parseCidr(value: string): { canonical: string; hostBitsSet: boolean } | undefined {
  const [addr, prefix, extra] = value.split("/");
  if (extra !== undefined) return undefined;
  const v4 = parseIpv4(addr);
  const bits = v4 ? 32 : 128;
  const bytes = v4 ?? parseIpv6(addr);
  if (!bytes) return undefined;
  const len = prefix === undefined ? bits : int(prefix);
  if (len === undefined || len > bits) return undefined;
  let hostBitsSet = false;
  const masked = bytes.map((b, i) => {
    const keep = Math.max(0, Math.min(8, len - i * 8));
    const m = keep === 0 ? 0 : (0xff << (8 - keep)) & 0xff;
    if ((b & ~m & 0xff) !== 0) hostBitsSet = true;
    return b & m;
  });
  const canonical = v4
    ? `${masked.join(".")}/${len}`
    : `${formatIpv6(masked)}/${len}`;
  return { canonical, hostBitsSet };
}

function parseIpv4(s: string): number[] | undefined {
  const p = s.split(".");
  if (p.length !== 4 || !p.every((x) => /^\d{1,3}$/.test(x) && Number(x) <= 255)) return undefined;
  return p.map(Number);
}

function parseIpv6(s: string): number[] | undefined {
  if (!/^[0-9a-fA-F:]+$/.test(s) || (s.match(/::/g) ?? []).length > 1) return undefined;
  const [head, tail] = s.includes("::") ? s.split("::") : [s, undefined];
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const missing = 8 - h.length - t.length;
  if ((tail === undefined && missing !== 0) || missing < 0) return undefined;
  const groups = [...h, ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...t];
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return groups.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}

function formatIpv6(bytes: number[]): string {
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
  return groups.join(":");
}

/** True when the text holds a `${…}` policy variable. */
export function hasPolicyVariable(value: string): boolean {
  return /\$\{[^}]*\}/.test(value);
}
