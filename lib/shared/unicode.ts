/**
 * Ill-formed Unicode: half a surrogate pair, which JSON's `\ud800` escapes can carry but no UTF-8
 * column, log line or page can hold. Input with one is refused at the edge rather than stored mangled.
 */
export type IllFormedSpot = {
  /** Where, as a path of keys and indexes; keys are shown well-formed (U+FFFD for the broken half). */
  path: string;
  /** True when the broken text is a field name, not a value. */
  inKey: boolean;
};

type Trail = { key: string; parent: Trail | null } | null;

// Field paths are for people: a pathologically deep body is named by its last steps.
const MAX_PATH = 200;

function pathOf(trail: Trail): string {
  const keys: string[] = [];
  let length = 0;
  for (let step = trail; step && length <= MAX_PATH; step = step.parent) {
    keys.unshift(step.key);
    length += step.key.length + 1;
  }
  const path = keys.join(".");
  return length > MAX_PATH ? `….${path.slice(-MAX_PATH)}` : path;
}

/** Whether any string (value or key) in parsed JSON is ill-formed: the common answer, no, without allocating a path per field. */
function anyIllFormed(root: unknown): boolean {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === "string") {
      if (!value.isWellFormed()) return true;
    } else if (typeof value === "object" && value !== null) {
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        if (!key.isWellFormed()) return true;
        pending.push((value as Record<string, unknown>)[key]);
      }
    }
  }
  return false;
}

/**
 * The first ill-formed string (value or key) in parsed JSON, or null when all text is well-formed.
 * Walks with its own stack, so a deeply nested body cannot overflow the call stack.
 */
export function findIllFormed(root: unknown): IllFormedSpot | null {
  if (!anyIllFormed(root)) return null;
  const pending: Array<[unknown, Trail]> = [[root, null]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, trail] = next;
    if (typeof value === "string") {
      if (!value.isWellFormed()) return { path: pathOf(trail), inKey: false };
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    // Reversed, so that the stack yields fields in document order and the first bad one is named.
    for (const [key, child] of Object.entries(value).reverse()) {
      if (!key.isWellFormed()) return { path: pathOf({ key: key.toWellFormed(), parent: trail }), inKey: true };
      pending.push([child, { key, parent: trail }]);
    }
  }
  return null;
}

export const ILL_FORMED_HINT = "Send text as well-formed Unicode: a \\uD800–\\uDFFF escape must be half of a surrogate pair, never alone.";
