// A forged, edited, unknown or malformed link: one answer for all of them, so it never says whether an
// incident or a link exists.
export default function LinkNotValid() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col justify-center gap-2 p-6 text-center">
      <h1 className="text-xl font-semibold" data-testid="page-link-invalid">
        This link is not valid.
      </h1>
      <p className="text-sm text-slate-600">Use the newest page you received, or sign in to Lifeboat.</p>
    </main>
  );
}
