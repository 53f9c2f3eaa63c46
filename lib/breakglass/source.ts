// What the break-glass pack is made from: plain rows as the database holds them (read by ./queries.ts).
// Rendering derives everything else (waves, objectives, who is paged) with the same domain functions the
// app uses, and decides what is printable (./render.ts), so secrets are dropped at the one place that prints.
import type { ServicePlanRow } from "@/lib/inventory/services";
import type { DependencyRow } from "@/lib/inventory/system-order";
import type { SystemPlanRow } from "@/lib/inventory/systems";
import type { TierDefault } from "@/lib/inventory/tier-defaults";
import type { findMatrix } from "@/lib/people/matrix";
import type { ChannelType, PagingChannel, PagingContact, PagingPolicy } from "@/lib/people/model";
import type { StepKindName } from "@/lib/recovery/steps";

type SourceService = ServicePlanRow;

export type SourceStep = {
  position: number;
  group: number | null;
  title: string;
  kind: StepKindName;
  config: unknown;
  timeoutSeconds: number;
  retries: number;
};

export type SourceRunbook = {
  name: string;
  scenario: string;
  symptoms: string;
  detection: string;
  estimatedMinutes: number | null;
  steps: SourceStep[];
};

export type SourceMatrixRule = Awaited<ReturnType<typeof findMatrix>>["rules"][number];

export type SourceSystem = SystemPlanRow & {
  /** Its most critical tier (picks the tier escalation policy when the system has none of its own). */
  topTier: number | null;
  services: SourceService[];
  /** Edges leaving this system's services (to its own services or to other systems'). */
  dependencies: DependencyRow[];
  runbooks: SourceRunbook[];
  /** The system's own matrix, else the fleet-wide default (ownMatrix false). */
  ownMatrix: boolean;
  matrix: SourceMatrixRule[];
};

type SourceContact = PagingContact & {
  title: string;
  team: string;
  organization: string;
  preferredChannels: ChannelType[];
};

export type BreakglassSource = {
  generatedAt: Date;
  /** The audit log's state the data reflects (see ./queries.ts findChangeStamp); not printed. */
  changeStamp: string | null;
  tierDefaults: TierDefault[];
  systems: SourceSystem[];
  contacts: SourceContact[];
  /** Channel URLs are raw here: the renderer masks them. */
  channels: PagingChannel[];
  policies: PagingPolicy[];
  smtpConfigured: boolean;
};
