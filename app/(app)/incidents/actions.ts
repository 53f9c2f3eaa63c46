"use server";

import { revalidatePath } from "next/cache";
import { actionClient, rethrowOnField } from "@/lib/actions/safe-action";
import {
  acknowledgeIncident,
  addNote,
  changeStatus,
  declareIncident,
  savePostmortem,
  updateIncident,
} from "@/lib/incidents/incidents";
import { handOverIncident, resolveIncident } from "@/lib/incidents/resolve";
import {
  acknowledgeSchema,
  handOverSchema,
  resolveIncidentSchema,
  addNoteSchema,
  changeStatusSchema,
  declareIncidentSchema,
  postmortemSchema,
  updateIncidentSchema,
} from "@/lib/incidents/schemas";
import { appJobs } from "@/lib/jobs/app-jobs";
import { pageNow, pageNowSchema } from "@/lib/incidents/page-now";

const respond = actionClient.metadata({ permission: "incidents.respond" });
const command = actionClient.metadata({ permission: "incidents.command" });

// The incident pages follow the live stream; these refresh the server-rendered parts (header, lists).
const refresh = (incidentId?: string) => {
  revalidatePath("/command");
  revalidatePath("/incidents");
  if (incidentId) revalidatePath(`/incidents/${incidentId}`);
};

/** Declares an incident: starts its escalation and the matrix's "detected" notifications. */
export const declareIncidentAction = respond.inputSchema(declareIncidentSchema).action(async ({ parsedInput, ctx }) => {
  const incident = await declareIncident(ctx.db, await appJobs(), ctx.actor, parsedInput).catch((e) =>
    rethrowOnField(declareIncidentSchema, e),
  );
  refresh();
  return { id: incident.id, number: incident.number };
});

/** Adds a note (public notes also go to the status page and the matrix's progress updates). */
export const addNoteAction = respond.inputSchema(addNoteSchema).action(async ({ parsedInput, ctx }) => {
  const entry = await addNote(ctx.db, await appJobs(), ctx.actor, parsedInput);
  return { id: entry.id };
});

/** "I've got it": stops the escalation. */
export const acknowledgeAction = respond.inputSchema(acknowledgeSchema).action(async ({ parsedInput, ctx }) => {
  const result = await acknowledgeIncident(ctx.db, ctx.actor, parsedInput);
  refresh(parsedInput.incidentId);
  return { acknowledged: result.acknowledged, version: result.incident.version };
});

/** Page now / add responders: a contact, a schedule's on-call person or the policy's next level, with a message. */
export const pageNowAction = respond.inputSchema(pageNowSchema).action(async ({ parsedInput, ctx }) => {
  const result = await pageNow(ctx.db, await appJobs(), ctx.actor, parsedInput).catch((e) =>
    rethrowOnField(pageNowSchema, e),
  );
  refresh(parsedInput.incidentId);
  return result;
});

/** Moves the incident along its lifecycle (resolving also stops the escalation). */
export const changeStatusAction = command.inputSchema(changeStatusSchema).action(async ({ parsedInput, ctx }) => {
  const incident = await changeStatus(ctx.db, await appJobs(), ctx.actor, parsedInput).catch((e) =>
    rethrowOnField(changeStatusSchema, e),
  );
  refresh(parsedInput.incidentId);
  return { version: incident.version, status: incident.status };
});

/** Title, severity, commander, status-page level, affected services. */
export const updateIncidentAction = command.inputSchema(updateIncidentSchema).action(async ({ parsedInput, ctx }) => {
  const incident = await updateIncident(ctx.db, ctx.actor, parsedInput).catch((e) =>
    rethrowOnField(updateIncidentSchema, e),
  );
  refresh(parsedInput.incidentId);
  return { version: incident.version };
});

/** Postmortem notes, once resolved. */
export const savePostmortemAction = command.inputSchema(postmortemSchema).action(async ({ parsedInput, ctx }) => {
  const incident = await savePostmortem(ctx.db, ctx.actor, parsedInput).catch((e) =>
    rethrowOnField(postmortemSchema, e),
  );
  refresh(parsedInput.incidentId);
  return { version: incident.version };
});

/** Resolves with a summary, the last public update (posted to the status page) and the review owner and date. */
export const resolveIncidentAction = command.inputSchema(resolveIncidentSchema).action(async ({ parsedInput, ctx }) => {
  const incident = await resolveIncident(ctx.db, await appJobs(), ctx.actor, parsedInput).catch((e) =>
    rethrowOnField(resolveIncidentSchema, e),
  );
  refresh(parsedInput.incidentId);
  revalidatePath("/status");
  return { version: incident.version, status: incident.status };
});

/** Passes command to another admin or commander (the incident's commander or an admin only). */
export const handOverAction = command.inputSchema(handOverSchema).action(async ({ parsedInput, ctx }) => {
  const incident = await handOverIncident(ctx.db, { ...ctx.actor, role: ctx.user.role }, parsedInput).catch((e) =>
    rethrowOnField(handOverSchema, e),
  );
  refresh(parsedInput.incidentId);
  return { version: incident.version };
});
