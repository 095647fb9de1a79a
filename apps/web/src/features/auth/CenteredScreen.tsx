import type { ReactNode } from 'react';

/** The sign-in and password screens: their card alone, in the middle of the window. */
export function CenteredScreen({ background, children }: { background?: string; children: ReactNode }) {
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        ...(background ? { background } : {}),
        padding: 16,
      }}
    >
      {children}
    </div>
  );
}
