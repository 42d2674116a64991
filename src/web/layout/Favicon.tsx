/** The site's icon (src/client/favicon.svg, built into the assets), for the head of every page. */
import { h, type Html } from '../../lib/html.js';

export const FAVICON_PATH = '/assets/favicon.svg';

export function Favicon(): Html {
  return <link rel="icon" href={FAVICON_PATH} type="image/svg+xml" />;
}
