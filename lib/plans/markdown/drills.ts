// The DR test schedule: "### Quarterly DR Tests" sections (a runbook to drill every 91 days, a step per item) and
// "**Weekly**: Complete disaster recovery test" lines (a drill without steps).
import type { Doc } from "./doc";
import { clip, plain, readLabel } from "./inline";
import { listsIn } from "./lists";
import type { Runbooks } from "./runbooks";
import { DRILL_WORDS, drillPeriodDays } from "./schedule";
import { manualSteps } from "./steps";

export function readDrills(doc: Doc, runbooks: Runbooks): number {
  let found = 0;
  for (const section of doc.sections) {
    const days = drillPeriodDays(section.title);
    if (!days || !DRILL_WORDS.test(section.title)) continue;
    const items = listsIn(doc, section.line + 1, section.bodyEnd)
      .filter((l) => !doc.isUsed(l.start))
      .flatMap((l) => l.items);
    const steps = manualSteps(doc, items);
    runbooks.add(
      { name: clip(section.title, 200), drillEveryDays: days, ...(steps.length && { steps }) },
      section.line,
    );
    doc.note(`"${section.title}" read as a drill every ${days} days`, section.line);
    found++;
  }
  for (let n = 1; n <= doc.count; n++) {
    if (!doc.isProse(n) || doc.isUsed(n)) continue;
    const label = readLabel(doc.text(n));
    const days = label?.value ? drillPeriodDays(label.label) : null;
    if (!label || !days || !DRILL_WORDS.test(label.value) || plain(label.label).split(/\s+/).length > 3) continue;
    const name = `${plain(label.label)}: ${plain(label.value)}`;
    doc.use(n);
    runbooks.add({ name: clip(name, 200), drillEveryDays: days }, n);
    doc.note(`"${name}" read as a drill every ${days} days`, n);
    found++;
  }
  return found;
}
