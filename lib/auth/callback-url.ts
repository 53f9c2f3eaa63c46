// Only same-site paths are accepted as a place to return to after sign-in (no open redirects).
export function safeCallbackPath(value: string | undefined | null): string {
  if (!value) return "/";
  let candidate = value;
  try {
    const parsed = new URL(value, "http://lifeboat.invalid");
    if (parsed.origin !== "http://lifeboat.invalid") return "/";
    candidate = parsed.pathname + parsed.search + parsed.hash;
  } catch {
    return "/";
  }
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return "/";
  if (candidate.startsWith("/login") || candidate.startsWith("/api/")) return "/";
  return candidate;
}
