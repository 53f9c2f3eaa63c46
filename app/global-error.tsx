"use client";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui", padding: 32 }}>
        <h1>Lifeboat hit an unexpected error</h1>
        <p>It has been logged. If the database is down, this clears once it is back.</p>
        <button onClick={reset}>Try again</button>
      </body>
    </html>
  );
}
