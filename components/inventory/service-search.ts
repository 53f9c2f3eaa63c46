// Client side of GET /api/inventory/services/search, shared by every service picker.
import type { ServiceOption } from "@/lib/inventory/service-search";

export const serviceSearchKeys = {
  all: ["service-search"] as const,
  query: (q: string, exclude: string) => [...serviceSearchKeys.all, q, exclude] as const,
};

export async function fetchServiceOptions(q: string, exclude = ""): Promise<ServiceOption[]> {
  const response = await fetch(`/api/inventory/services/search?${new URLSearchParams({ q, exclude })}`);
  if (!response.ok) throw new Error(`Search failed (${response.status})`);
  return (await response.json()).services;
}
