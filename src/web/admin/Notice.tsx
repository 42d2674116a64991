import { h, type Child, type Html } from '../../lib/html.js';

/** A message at the top of a back-office page: an error (announced at once) or a confirmation. */
export function Notice({ kind, children }: { kind: 'error' | 'ok'; children?: Child }): Html {
  return (
    <p class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
