// The site's browser code: a few KB, loaded with defer; reading needs none of it.
import { startViewsBeacon } from './views-beacon.js';

startViewsBeacon(document);
