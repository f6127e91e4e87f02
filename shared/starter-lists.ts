// The built-in starter lists. They are in force for a key stage while no managed policy and no
// local edit has given that key stage any entries, so a freshly installed or unconfigured
// device is never open: it reaches only these well-known children's learning sites.
// Documented in README.md ("When there is no policy"); change them there too.
import type { ListName } from './policy-model';

export const STARTER_LISTS: Readonly<
  Record<Exclude<ListName, 'alwaysBlocked'>, readonly string[]>
> = {
  // KS1 is "supervised access to specific approved materials": path-limited where a site
  // also carries content for older children.
  ks1: [
    'https://www.bbc.co.uk/cbeebies/',
    'https://www.bbc.co.uk/bitesize/levels/z3g4d2p',
    'www.topmarks.co.uk',
    'www.phonicsplay.co.uk',
    'www.natgeokids.com',
  ],
  ks2: [
    'www.bbc.co.uk',
    'www.topmarks.co.uk',
    'www.natgeokids.com',
    'kids.britannica.com',
    'scratch.mit.edu',
    'www.kiddle.co',
    'simple.wikipedia.org',
  ],
  // Where pupils can find pictures they may use, offered instead of image search: libraries
  // of photos picked for schools and free to reuse with credit.
  imageSources: ['www.pics4learning.com', 'www.photosforclass.com', 'images.nasa.gov'],
};
