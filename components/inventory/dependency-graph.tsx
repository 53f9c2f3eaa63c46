"use client";

import dagre from "@dagrejs/dagre";
import { Background, Controls, MarkerType, ReactFlow, type Edge, type Node } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo } from "react";

type GraphNode = { id: string; name: string; tier: number; kind: string };
type GraphEdge = { serviceId: string; dependsOnId: string };

const WIDTH = 190;
const HEIGHT = 46;
const TIER_COLORS: Record<number, string> = { 1: "#fee2e2", 2: "#fef3c7", 3: "#dbeafe", 4: "#f1f5f9" };
const TIER_BORDERS: Record<number, string> = { 1: "#dc2626", 2: "#d97706", 3: "#2563eb", 4: "#64748b" };

/** Left to right in recovery order: arrows go from what must be up first to what needs it. */
function layout(nodes: GraphNode[], edges: GraphEdge[]): { nodes: Node[]; edges: Edge[]; height: number } {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: "LR", nodesep: 14, ranksep: 70, marginx: 10, marginy: 10 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) graph.setNode(n.id, { width: WIDTH, height: HEIGHT });
  for (const e of edges) graph.setEdge(e.dependsOnId, e.serviceId);
  dagre.layout(graph);
  return {
    height: graph.graph().height ?? 300,
    nodes: nodes.map((n) => {
      const { x, y } = graph.node(n.id);
      return {
        id: n.id,
        position: { x: x - WIDTH / 2, y: y - HEIGHT / 2 },
        data: { label: `${n.name} · T${n.tier}` },
        sourcePosition: "right" as never,
        targetPosition: "left" as never,
        style: {
          width: WIDTH,
          fontSize: 12,
          background: TIER_COLORS[n.tier],
          borderColor: TIER_BORDERS[n.tier],
          padding: 6,
        },
      };
    }),
    edges: edges.map((e) => ({
      id: `${e.dependsOnId}->${e.serviceId}`,
      source: e.dependsOnId,
      target: e.serviceId,
      markerEnd: { type: MarkerType.ArrowClosed },
      style: { stroke: "#94a3b8" },
    })),
  };
}

export function DependencyGraph({ nodes, edges }: { nodes: GraphNode[]; edges: GraphEdge[] }) {
  const laidOut = useMemo(() => layout(nodes, edges), [nodes, edges]);
  // Tall enough that fitView keeps labels readable, capped so a 60-service graph still fits a screen.
  const height = Math.min(760, Math.max(240, laidOut.height * 0.9 + 40));
  return (
    <div style={{ height }} className="rounded-md border border-slate-200 bg-white" data-testid="dependency-graph">
      <ReactFlow
        nodes={laidOut.nodes}
        edges={laidOut.edges}
        fitView
        fitViewOptions={{ padding: 0.05 }}
        minZoom={0.1}
        nodesConnectable={false}
        nodesDraggable={false}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={16} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
