// Hostile plan text for the backtracking tests: plan-shaped lines (Markdown and YAML) with slots, and the
// characters to fill a slot with (every whitespace and ASCII punctuation character). Test support only.
/** Every whitespace JavaScript's \s knows, plus the zero-width and other spaces a pasted document carries. */
const WHITESPACE = [
  " ",
  "\t",
  "\u000b",
  "\u000c",
  "\u0085",
  "\u00a0",
  "\u1680",
  "\u180e",
  ..."\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b",
  "\u2028",
  "\u2029",
  "\u202f",
  "\u205f",
  "\u3000",
  "\ufeff",
];
const PUNCTUATION = [..."!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", "–", "—", "•", "…"];
export const CHARS = [...WHITESPACE, ...PUNCTUATION];

const X = "\u0001"; // a slot; the others in the same template get one space
const MARKDOWN = [
  `# Shop DR Plan\n\n## Escalation\n\n- Level 1${X}\n- Level 2${X}: On-call${X}`,
  `# Shop DR Plan\n\n## Escalation Path\n\n1. **Level 1**${X}(${X}0-15 min${X})${X}:${X}On-call engineer${X}`,
  `# Shop DR Plan\n\n## Escalation\n\n| Level | Time | Contact |\n|---|---|---|\n| 1${X} | ${X}15${X}min | On-call${X} |`,
  `# Shop DR Plan\n\n## Services\n\n| Service | RTO | RPO | Priority |\n|---|---|---|---|\n| api${X} | 1${X}hour | 15 min${X} | Critical${X} |`,
  `# Shop DR Plan\n\n## Tier 1${X}-${X}Critical (RTO:${X}1 hour${X})\n\n- api${X}`,
  `# Shop DR Plan${X}\n\n## Overview${X}\n\nThis plan covers the${X}Shop${X}platform${X}.`,
  `# Shop DR Plan\n\n## Recovery Objectives\n\n- **RTO**${X}:${X}4${X}hours${X}\n- **RPO**:${X}15${X}-${X}30${X}min`,
  `# Shop DR Plan\n\n## Backups\n\n- **Daily**${X}: backup${X}using${X}\`pg_dump\`${X}\n### Velero${X}Backup${X}System${X}\n- Retention${X}:${X}30${X}days`,
  `# Shop DR Plan\n\n## Backup Strategy\n\n\`\`\`yaml\ndatabase${X}backups:${X}\n  - frequency${X}:${X}daily${X}\n\`\`\``,
  `# Shop DR Plan\n\n## Contacts\n\n- **DevOps Lead**${X}: Jane Doe${X}-${X}jane${X}@example.com${X}-${X}[Phone]${X}`,
  `# Shop DR Plan\n\n## Contacts\n\n| Role | Name | Phone | Email |\n|---|---|---|---|\n| Lead${X} | Jane${X}Doe | +1${X}555 0100 | a${X}b@c${X}.io |`,
  `# Shop DR Plan\n\n## Scenarios\n\n### Scenario 1${X}:${X}Database down${X}\n\n**Recovery Steps**${X}:\n1. Restore${X}the database${X}:${X}`,
  `# Shop DR Plan\n\n## Runbook\n\n\`\`\`bash${X}\n# 1.${X}restore${X}\n#${X}Step 2${X}-${X}check\nrun${X}\n\`\`\`${X}\n\n**Estimated Time**:${X}30${X}min${X}`,
  `# Shop DR Plan\n\n## Communication Plan\n\n| Event | Internal | External | Timeline |\n|---|---|---|---|\n| Incident Detected | Slack${X} | - | Every${X}30${X}min${X} |`,
  `# Shop DR Plan\n\n## DR Testing\n\n- **DR Drill**${X}:${X}every${X}90${X}days${X}\n- Restore test: quarterly${X}at${X}3${X}am${X}`,
  `# Shop DR Plan\n\n## On-call\n\nPrimary${X}on-call${X}rotates${X}every${X}2${X}weeks${X}(Monday${X}9:00${X}am${X}Europe/Berlin)${X}:${X}Alice Smith${X},${X}Bob${X}Jones${X}`,
  `# Shop DR Plan\n\n## Primary On-Call\n\n- Week 1${X}:${X}Ana${X}(@ana)${X}-${X}Core team\n\n| Week | Primary | Secondary |\n|---|---|---|\n| 2027-01-04${X} | Ana${X}Lee | Bo${X} |`,
  `# Shop DR Plan\n\n## Checklist\n\n- [${X}] verify${X}\n1.${X}step one${X}\n    - nested${X}\n${X}---${X}\n|${X}a${X}|${X}b${X}|\n|${X}:--${X}|${X}--:${X}|`,
];
const YAML = [
  `systems:\n  - name: Shop${X}\n    rtoMinutes: ${X}30${X}\n    services:\n      - name: api${X}\n        dependsOn: [${X}db${X}]`,
  `version: 1\nsystems:\n  - name: "Shop${X}"\n    contacts:\n      - name: Jane${X}\n        email: "a${X}@b.io"\n    runbooks:\n      - name: r${X}\n        steps:\n          - kind: command\n            command: |\n              echo${X}`,
];

/** Each template once per slot: the run in that slot, one space in the others. */
export const cases = [
  ...MARKDOWN.map((t) => ({ t, name: "plan.md" })),
  ...YAML.map((t) => ({ t, name: "plan.yaml" })),
].flatMap(({ t, name }) => {
  const parts = t.split(X);
  return parts.slice(1).map((_, slot) => ({
    name,
    label: `${name} ${JSON.stringify(t.slice(0, 60))}… slot ${slot}`,
    fill: (run: string) =>
      parts.reduce((out, part, i) => (i === 0 ? part : out + (i === slot + 1 ? run : " ") + part), ""),
  }));
});
