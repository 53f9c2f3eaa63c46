"use client";

import dynamic from "next/dynamic";

// Laid out in the browser only: dagre's crossing minimisation costs ~0.5 s at 150 services and grows
// quickly past that, which must never hold up the server's answer.
export const DependencyGraphLazy = dynamic(() => import("./dependency-graph").then((m) => m.DependencyGraph), {
  ssr: false,
  loading: () => (
    <div
      className="h-64 animate-pulse rounded-md border border-slate-200 bg-slate-100"
      aria-label="Drawing the dependency graph"
    />
  ),
});
