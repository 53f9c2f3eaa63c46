// What the schedule pages show while their rotations are computed: the page's outline.
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading" className="animate-pulse space-y-4">
      <div className="h-7 w-56 rounded bg-slate-200" />
      <div className="h-4 w-full max-w-md rounded bg-slate-200" />
      <div className="grid gap-4 lg:grid-cols-2">
        {[0, 1].map((i) => (
          <div key={i} className="h-28 rounded-lg bg-slate-200" />
        ))}
      </div>
    </div>
  );
}
