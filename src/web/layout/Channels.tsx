import { h, Fragment, type Html } from '../../lib/html.js';
import type { PageContext } from './context.js';

/** The site's channels (Telegram, Dzen, VK…), from settings; nothing at all when none are set. */
export function Channels({ ctx }: { ctx: PageContext }): Html {
  const channels = ctx.settings.channels;
  if (channels.length === 0) return <></>;
  const id = 'channels-heading';
  return (
    <section class="channels" aria-labelledby={id}>
      <h2 id={id}>{ctx.tr.t('channels')}</h2>
      <ul>
        {channels.map((c) => (
          <li>
            <a class={`channel channel-${c.network}`} href={c.url} rel="noopener" data-network={c.network}>
              {c.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
