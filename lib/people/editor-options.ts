import type { findPagingData } from "./queries";

type PagingData = Awaited<ReturnType<typeof findPagingData>>;

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** What the policy editor offers (contacts, schedules, channels with readiness, systems), from the data the linter loads. */
export function editorOptions(data: PagingData) {
  return {
    contacts: data.contacts.map(({ id, name }) => ({ id, name })).sort(byName),
    schedules: data.schedules.map(({ id, name }) => ({ id, name })).sort(byName),
    systems: data.systems.map(({ id, name }) => ({ id, name })).sort(byName),
    channels: data.channels
      .map((c) => ({ id: c.id, name: c.name, type: c.type, ready: data.readiness(c).ready }))
      .sort(byName),
  };
}
