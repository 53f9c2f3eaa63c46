"use client";
// "Skip to content": the first thing Tab reaches on every signed-in page. It moves focus itself, because following
// a bare "#content" link left focus on the link in Chromium (the app router handles the hash change), so the next
// Tab still walked through the navigation.
export function SkipLink() {
  return (
    <a
      href="#content"
      onClick={(event) => {
        const main = document.getElementById("content");
        if (!main) return;
        event.preventDefault();
        main.focus();
      }}
      className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-brand-700 shadow focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:z-50"
    >
      Skip to content
    </a>
  );
}
