"use server";

import { revalidatePath } from "next/cache";
import { actionClient, rethrowOnField } from "@/lib/actions/safe-action";
import { addDependency, removeDependency } from "@/lib/inventory/dependencies";
import {
  serviceFieldsSchema,
  systemFieldsSchema,
  deleteServiceSchema,
  deleteSystemSchema,
  dependencySchema,
  tierDefaultsSchema,
  updateServiceSchema,
  updateSystemSchema,
} from "@/lib/inventory/schemas";
import { createService, deleteService, updateService } from "@/lib/inventory/services";
import { createSystem, deleteSystem, updateSystem } from "@/lib/inventory/systems";
import { updateTierDefaults } from "@/lib/inventory/tier-defaults";

const refresh = () => revalidatePath("/inventory", "layout");

/** Creates a service in a system. */
export const createServiceAction = actionClient
  .metadata({ permission: "inventory.edit" })
  .inputSchema(serviceFieldsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const service = await createService(ctx.db, ctx.actor, parsedInput).catch((e) =>
      rethrowOnField(serviceFieldsSchema, e),
    );
    refresh();
    return { id: service.id };
  });

/** Saves a service's fields; refused when someone else saved a newer version. */
export const updateServiceAction = actionClient
  .metadata({ permission: "inventory.edit" })
  .inputSchema(updateServiceSchema)
  .action(async ({ parsedInput, ctx }) => {
    const service = await updateService(ctx.db, ctx.actor, parsedInput).catch((e) =>
      rethrowOnField(updateServiceSchema, e),
    );
    refresh();
    return { id: service.id, version: service.version };
  });

/** Deletes a service; the dependents shown to the person must be confirmed. */
export const deleteServiceAction = actionClient
  .metadata({ permission: "inventory.edit" })
  .inputSchema(deleteServiceSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await deleteService(ctx.db, ctx.actor, parsedInput);
    refresh();
    return result;
  });

/** Adds "service depends on dependsOn"; refused when it would close a cycle. */
export const addDependencyAction = actionClient
  .metadata({ permission: "inventory.edit" })
  .inputSchema(dependencySchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await addDependency(ctx.db, ctx.actor, parsedInput).catch((e) =>
      rethrowOnField(dependencySchema, e),
    );
    refresh();
    return result;
  });

/** Removes a dependency edge. */
export const removeDependencyAction = actionClient
  .metadata({ permission: "inventory.edit" })
  .inputSchema(dependencySchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await removeDependency(ctx.db, ctx.actor, parsedInput);
    refresh();
    return result;
  });

/** Creates a system. */
export const createSystemAction = actionClient
  .metadata({ permission: "inventory.edit" })
  .inputSchema(systemFieldsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const system = await createSystem(ctx.db, ctx.actor, parsedInput).catch((e) =>
      rethrowOnField(systemFieldsSchema, e),
    );
    refresh();
    return { id: system.id };
  });

/** Saves a system's fields (version-checked). */
export const updateSystemAction = actionClient
  .metadata({ permission: "inventory.edit" })
  .inputSchema(updateSystemSchema)
  .action(async ({ parsedInput, ctx }) => {
    const system = await updateSystem(ctx.db, ctx.actor, parsedInput).catch((e) =>
      rethrowOnField(updateSystemSchema, e),
    );
    refresh();
    return { id: system.id, version: system.version };
  });

/** Deletes a system that has no services left. */
export const deleteSystemAction = actionClient
  .metadata({ permission: "inventory.edit" })
  .inputSchema(deleteSystemSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await deleteSystem(ctx.db, ctx.actor, parsedInput);
    refresh();
    return result;
  });

/** Saves the default RTO/RPO of each tier (admin only). */
export const updateTierDefaultsAction = actionClient
  .metadata({ permission: "tiers.edit" })
  .inputSchema(tierDefaultsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const tiers = await updateTierDefaults(ctx.db, ctx.actor, parsedInput.tiers);
    refresh();
    return { tiers };
  });
