// The pack's only styling, inlined into the file: readable on a phone, one system per printed page.
import { Html } from "./html";

export const BREAKGLASS_CSS = new Html(`
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #0f172a; margin: 0 auto; max-width: 72rem; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #0f172a; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
p { margin: .3rem 0; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0; }
th, td { border: 1px solid #cbd5e1; padding: .25rem .45rem; text-align: left; vertical-align: top; }
th { background: #f1f5f9; font-size: .8rem; text-transform: uppercase; letter-spacing: .02em; }
tr { break-inside: avoid; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .4rem 0; }
dt { font-weight: 600; }
dd { margin: 0; }
pre, code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: .85rem; }
pre { background: #f8fafc; border: 1px solid #cbd5e1; padding: .4rem .6rem; white-space: pre-wrap; overflow-wrap: anywhere; margin: .3rem 0; }
pre.command { border-left: 4px solid #0f172a; }
ul, ol { margin: .3rem 0; padding-left: 1.4rem; }
a { color: #1d4ed8; }
.text { white-space: pre-line; }
.muted { color: #64748b; }
.warning { color: #b91c1c; font-weight: 600; }
.stale { background: #fef3c7; border: 1px solid #f59e0b; padding: .5rem .7rem; }
.kind { display: inline-block; border: 1px solid #94a3b8; border-radius: 3px; padding: 0 .3rem; font-size: .75rem; text-transform: uppercase; }
.runbook { border: 1px solid #e2e8f0; padding: .2rem .8rem .6rem; margin: .6rem 0; break-inside: avoid-page; }
.step { margin: .5rem 0; }
.phone { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 1rem; font-weight: 700; white-space: nowrap; }
@page { margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { display: none; }
  .system, #contacts { break-before: page; }
  main > section:first-child { break-before: auto; }
  a { color: inherit; text-decoration: none; }
  .stale { background: none; }
}
`);
