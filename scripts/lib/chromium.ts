// Chromium for Playwright: CHROMIUM_PATH, else Debian's /usr/bin/chromium (installed when missing and root).
import { ensureAptTool } from "./apt-tool";

export function ensureChromium(log: (line: string) => void): string {
  return ensureAptTool(
    {
      label: "Chromium",
      envVar: "CHROMIUM_PATH",
      debianPackage: "chromium",
      candidates: ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"],
    },
    log,
  );
}
