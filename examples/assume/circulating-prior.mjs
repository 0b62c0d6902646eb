/**
 * What if the pretrained model is not reversible? A 3-state prior: the
 * uniform kernel plus a circulation 0 -> 1 -> 2 -> 0 of size e = k/300
 * (k = 1..30). Its rows and columns sum to 1, so its stationary law is
 * uniform, but q(x, x+1) / q(x+1, x) = (100 + k)/(100 - k) != 1.
 *
 * The default export is a function: ebm-lens passes in its own fast-check,
 * so this file needs no installed packages. Every value has 3 rows, which
 * fixes n = 3 for every instance.
 *
 *   ebm-lens assume examples/assume/circulating-prior.mjs T2 T3
 */
export default (fc) => ({
  reference: fc.integer({ min: 1, max: 30 }).map((k) => {
    const up = `${100 + k}/300`;
    const down = `${100 - k}/300`;
    return [
      ['1/3', up, down],
      [down, '1/3', up],
      [up, down, '1/3'],
    ];
  }),
});
