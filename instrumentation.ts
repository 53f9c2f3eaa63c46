// Runs once when a Next server process starts (see lib/startup-check.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/startup-check");
}
