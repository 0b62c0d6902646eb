/**
 * Symbolic response chains for the identities of T2 and T2q: the chain on
 * three states (n = 2 for T2q's quality mean) with symbolic conductances C
 * (symmetric, read through their upper triangle), weights w, interactions v
 * and offsets c, written out as substitutions for the identity checker
 * (src/symbolic/).
 *
 * Main definitions
 * - `STATES`, `sym(name, x, y)`: the states 1, 2, 3 and symmetric names.
 * - `detailedBalanceChain(withOffset)`, `DETAILED_BALANCE_VARIABLES`,
 *   `LOG_VARIABLES`: T2's chain, with or without the offset c(x).
 * - `NO_INTERACTION_CHAIN`, `UNIFORM_CHAIN`: T2q's chain with s = 0, and the
 *   chain of the uniform prior q = 1/3.
 * - `QUALITY_MEAN`, `EDGE_MEAN`, `EDGE_SECOND_MOMENT`, `QUALITY_VARIABLES`:
 *   E_mu[Phi] for n = 2 and the moments of g = (Phi(x) + Phi(y))/2 under the
 *   tilted edge measure.
 *
 * Implementation details
 * P is written as the kernel computes it, with its own normalizer (K_x with
 * the offset, S_x or Z_x without), never through the closed form the
 * identities compare it with; every name a substitution defines is declared
 * positive.
 */

export const STATES = [1, 2, 3] as const;

/** Symmetric names: C and v are read through their upper triangle. */
export const sym = (name: string, x: number, y: number): string => `${name}${Math.min(x, y)}${Math.max(x, y)}`;

type Domain = 'positive' | 'real';

/** The variables with every name the substitutions define declared positive. */
function withDefined(variables: Record<string, Domain>, substitutions: Record<string, string>): Record<string, Domain> {
  const all = { ...variables };
  for (const name of Object.keys(substitutions)) all[name] = 'positive';
  return all;
}

/**
 * T2's chain for n = 3: rho_x = sum_y C_xy, q_xy = C_xy / rho_x,
 * Z_x = Z_Phi(x), mu_x = rho_x w_x Z_x, and P_xy = q_xy c_x w_y v_xy / K_x
 * with K_x = sum_y q_xy c_x w_y v_xy the kernel's own normalizer
 * (`withOffset`), or P_xy = C_xy w_y v_xy / S_x with S_x = sum_y C_xy w_y v_xy
 * (no offset; the same kernel with c = 1).
 */
export function detailedBalanceChain(withOffset: boolean): Record<string, string> {
  const subs: Record<string, string> = {};
  for (const x of STATES) {
    const edges = STATES.map((y) => `${sym('C', x, y)}*w${y}*${sym('v', x, y)}`);
    subs[`rho${x}`] = STATES.map((y) => sym('C', x, y)).join(' + ');
    subs[`Z${x}`] = `(${edges.join(' + ')})/rho${x}`;
    if (withOffset) {
      subs[`K${x}`] = STATES.map((y) => `(${sym('C', x, y)}/rho${x})*c${x}*w${y}*${sym('v', x, y)}`).join(' + ');
      for (const y of STATES) subs[`P${x}${y}`] = `(${sym('C', x, y)}/rho${x})*c${x}*w${y}*${sym('v', x, y)}/K${x}`;
    } else {
      // q(y|x) w(y) v(x,y) normalized over y: rho(x) cancels, S_x = rho(x) Z_Phi(x).
      subs[`S${x}`] = edges.join(' + ');
      for (const y of STATES) subs[`P${x}${y}`] = `${sym('C', x, y)}*w${y}*${sym('v', x, y)}/S${x}`;
    }
    subs[`mu${x}`] = `rho${x}*w${x}*Z${x}`;
  }
  return subs;
}

/** C_xy, v_xy (x <= y), c_x and w_x positive, and every name of `detailedBalanceChain(true)`. */
export const DETAILED_BALANCE_VARIABLES: Record<string, Domain> = withDefined(
  Object.fromEntries(
    [
      ...STATES.flatMap((x) => [
        ...STATES.filter((y) => x <= y).flatMap((y) => [sym('C', x, y), sym('v', x, y)]),
        `c${x}`,
      ]),
      ...STATES.map((x) => `w${x}`),
    ].map((name) => [name, 'positive']),
  ),
  detailedBalanceChain(true),
);

/** The log-ratio identity's variables: w = exp(Phi/beta), Phi real. */
export const LOG_VARIABLES: Record<string, Domain> = {
  ...DETAILED_BALANCE_VARIABLES,
  ...{
    S1: 'positive',
    S2: 'positive',
    S3: 'positive',
    beta: 'positive',
    Phi1: 'real',
    Phi2: 'real',
    Phi3: 'real',
    U1: 'real',
    U2: 'real',
  },
};

/**
 * T2q's chain with s = 0: (C w)_x = sum_y C_xy w_y, Z_x = sum_y q_xy w_y, P_xy = q_xy w_y / Z_x, mu_x = w_x (C
 * w)_x.
 */
export const NO_INTERACTION_CHAIN = (() => {
  const substitutions: Record<string, string> = {};
  const variables: Record<string, Domain> = { w1: 'positive', w2: 'positive', w3: 'positive' };
  for (const x of STATES) {
    for (const y of STATES) if (x <= y) variables[sym('C', x, y)] = 'positive';
    substitutions[`rho${x}`] = STATES.map((y) => sym('C', x, y)).join(' + ');
    substitutions[`Cw${x}`] = STATES.map((y) => `${sym('C', x, y)}*w${y}`).join(' + ');
    substitutions[`Z${x}`] = STATES.map((y) => `(${sym('C', x, y)}/rho${x})*w${y}`).join(' + ');
    for (const y of STATES) substitutions[`P${x}${y}`] = `(${sym('C', x, y)}/rho${x})*w${y}/Z${x}`;
    substitutions[`mu${x}`] = `w${x}*Cw${x}`;
  }
  return { variables: withDefined(variables, substitutions), substitutions };
})();

/** The uniform prior q = 1/3: P_xy = (1/3) w_y / ((1/3) W), W = w1 + w2 + w3. */
export const UNIFORM_CHAIN = (() => {
  const substitutions: Record<string, string> = { W: 'w1 + w2 + w3' };
  for (const x of STATES) for (const y of STATES) substitutions[`P${x}${y}`] = `(1/3)*w${y}/((1/3)*W)`;
  return {
    variables: withDefined({ w1: 'positive', w2: 'positive', w3: 'positive', W: 'positive' }, substitutions),
    substitutions,
  };
})();

/** n = 2 with self-loops: E_mu[Phi] for mu(x) = w(x) (C w)(x), w = exp(theta Phi), theta = 1/beta. */
const a = 'exp(theta*Phi1)';
const b = 'exp(theta*Phi2)';
export const QUALITY_MEAN = `(Phi1*${a}*(C11*${a} + C12*${b}) + Phi2*${b}*(C12*${a} + C22*${b}))/(${a}*(C11*${a} + C12*${b}) + ${b}*(C12*${a} + C22*${b}))`;
/**
 * The edge measure C(x,y) w(x) w(y) = C(x,y) exp(2 theta g(x,y)), g = (Phi(x) + Phi(y))/2, and moments of g under
 * it.
 */
const edgeTotal = `(C11*${a}^2 + 2*C12*${a}*${b} + C22*${b}^2)`;
export const EDGE_MEAN = `(C11*${a}^2*Phi1 + 2*C12*${a}*${b}*(Phi1 + Phi2)/2 + C22*${b}^2*Phi2)/${edgeTotal}`;
export const EDGE_SECOND_MOMENT = `(C11*${a}^2*Phi1^2 + 2*C12*${a}*${b}*((Phi1 + Phi2)/2)^2 + C22*${b}^2*Phi2^2)/${edgeTotal}`;
export const QUALITY_VARIABLES = {
  C11: 'positive',
  C12: 'positive',
  C22: 'positive',
  Phi1: 'real',
  Phi2: 'real',
  theta: 'positive',
} as const;
