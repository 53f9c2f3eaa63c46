// Input schema for breaking and restoring a simulated service (the demo fleet's writes).
import { z } from "zod";
import { DEMO_FLEET } from "./fleet";

export const demoServiceSchema = z.object({
  slug: z.enum(DEMO_FLEET.map((s) => s.slug) as [string, ...string[]], { error: "No such demo service" }),
  raiseAlert: z.boolean().default(true),
});
