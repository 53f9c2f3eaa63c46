// Measuring a page as a phone sees it: does the page scroll sideways, and which tap targets are under 44×44 px.
import type { Page } from "@playwright/test";

export const PHONE = { width: 390, height: 844 };
export const MIN_TARGET = 44;

const INTERACTIVE =
  'a[href], button, select, textarea, summary, input:not([type="hidden"]), [role="button"], [tabindex]:not([tabindex="-1"])';

type Target = { what: string; width: number; height: number };

/** The page's scroll width against the viewport, and every visible interactive element with its tap area. */
export async function measurePhone(
  page: Page,
): Promise<{ scrollWidth: number; innerWidth: number; targets: Target[]; sticksOut: string[] }> {
  return page.evaluate((selector) => {
    const targets: Target[] = [];
    for (const element of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const style = getComputedStyle(element);
      if (style.visibility === "hidden" || style.display === "none") continue;
      let box = element.getBoundingClientRect();
      // Visually hidden (the skip link until it is focused, sr-only labels) or not rendered: nothing to tap.
      if (box.width <= 1 || box.height <= 1) continue;
      // A checkbox or radio is tapped through its label: the label's box is the target.
      if (element instanceof HTMLInputElement && (element.type === "checkbox" || element.type === "radio")) {
        const label = element.labels?.[0] ?? element.closest("label");
        if (label) {
          const labelBox = label.getBoundingClientRect();
          if (labelBox.width * labelBox.height > box.width * box.height) box = labelBox;
        }
      }
      const name = (element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 40);
      targets.push({
        what: `${element.tagName.toLowerCase()}${element.getAttribute("type") ? `[${element.getAttribute("type")}]` : ""} "${name}"`,
        width: Math.round(box.width * 10) / 10,
        height: Math.round(box.height * 10) / 10,
      });
    }
    // What pushes the page wider: the outermost elements reaching past the phone's edge (not their children).
    const edge = 390;
    const sticksOut: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
      const right = element.getBoundingClientRect().right;
      const parentRight = element.parentElement?.getBoundingClientRect().right ?? 0;
      if (right > edge + 0.5 && parentRight <= edge + 0.5 && sticksOut.length < 8)
        sticksOut.push(
          `${element.tagName.toLowerCase()}.${String(element.className).slice(0, 60)} → ${Math.round(right)} px`,
        );
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, targets, sticksOut };
  }, INTERACTIVE);
}
