/**
 * Check profiles: how hard the runner looks.
 *
 * Main definitions
 * - `PROFILES`: quick, standard and deep; runs per property and per mutant,
 *   and the points and digits given to each identity's certification.
 * - `DEFAULT_PROFILE`: quick, the profile of `npm run check` and the README;
 *   `--profile standard` or `deep` looks harder.
 *
 * Implementation details
 * `--runs` overrides the run count of a profile and nothing else.
 */
export type ProfileName = 'quick' | 'standard' | 'deep';

export interface Profile {
  readonly name: ProfileName;
  /** fast-check runs per property, per mutant and per ablated property. */
  readonly runs: number;
  /** random evaluation points per identity (at least 3, docs/architecture.md#identities). */
  readonly identityPoints: number;
  /** p: a transcendental identity's residual enclosures must be narrower than 10^-p. */
  readonly identityWidthDigits: number;
}

export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
  quick: { name: 'quick', runs: 200, identityPoints: 3, identityWidthDigits: 30 },
  standard: { name: 'standard', runs: 1000, identityPoints: 5, identityWidthDigits: 40 },
  deep: { name: 'deep', runs: 5000, identityPoints: 10, identityWidthDigits: 60 },
};

export const DEFAULT_PROFILE: ProfileName = 'quick';

export function isProfileName(text: string): text is ProfileName {
  return Object.prototype.hasOwnProperty.call(PROFILES, text);
}
