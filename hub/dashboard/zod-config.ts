// Imported first by main.tsx, before any schema is built. The page's CSP forbids eval; without
// `jitless`, zod probes for eval with `new Function` as schemas are made, and the browser
// reports that as a Trusted Types violation even though zod catches the refusal.
import { z } from 'zod';

z.config({ jitless: true });
