import { Badge } from "@/components/ui/card";
import { incidentRef, SEVERITY_LABELS, STATUS_LABELS } from "@/lib/incidents/model";
import type { IncidentStatus, Severity } from "@/lib/generated/prisma/enums";

const SEVERITY_TONES = { SEV1: "red", SEV2: "amber", SEV3: "blue", SEV4: "slate" } as const;
const STATUS_TONES = {
  detected: "red",
  assessing: "amber",
  recovering: "amber",
  verifying: "blue",
  resolved: "green",
} as const;

export const SeverityBadge = ({ severity }: { severity: Severity }) => (
  <Badge tone={SEVERITY_TONES[severity]}>{SEVERITY_LABELS[severity]}</Badge>
);
export const StatusBadge = ({ status }: { status: IncidentStatus }) => (
  <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>
);
export const IncidentRef = ({ number }: { number: number }) => (
  <span className="font-mono text-xs text-slate-500">{incidentRef(number)}</span>
);
