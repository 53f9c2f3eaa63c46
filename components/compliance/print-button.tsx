"use client";

import { Button } from "@/components/ui/button";

export function PrintButton() {
  return (
    <Button className="print:hidden" onClick={() => window.print()}>
      Print / save as PDF
    </Button>
  );
}
