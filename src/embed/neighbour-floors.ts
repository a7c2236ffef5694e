/** Where each word's 25th-nearest cosine is shipped (built by neighbour-floors-build.ts), and for which k. */
export const FLOOR_NEIGHBOURS = 25;
export const NEIGHBOUR_FLOORS_FILE = 'embeddings/neighbour-floors-25.bin';
