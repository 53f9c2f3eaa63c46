import { Badge } from "@/components/ui/card";
import { RTO_STATUS_LABELS, type RtoStatus } from "@/lib/compliance/rules";

const TONES = { pass: "green", fail: "red", unproven: "amber", no_target: "slate" } as const;

export const RtoStatusBadge = ({ status }: { status: RtoStatus }) => (
  <span data-testid="rto-status" data-status={status}>
    <Badge tone={TONES[status]}>{RTO_STATUS_LABELS[status]}</Badge>
  </span>
);
