// STS limits (AssumeRoleWithWebIdentity / AssumeRole API reference): 900 s at least; at most the
// role's MaxSessionDuration (1-12 h); and 1 hour whenever a role is assumed with role credentials
// (role chaining).
export const MIN_SESSION_SECONDS = 900;
export const MAX_SESSION_SECONDS = 43_200;
export const CHAINED_MAX_SECONDS = 3_600;

export interface SessionLimits {
  min: number;
  max: number;
  /** Why `max` is what it is, in words for the person choosing. */
  reason: string;
}

export function sessionLimits(role: {
  maxDurationSeconds?: number;
  chainFrom?: string;
}): SessionLimits {
  if (role.chainFrom) {
    return {
      min: MIN_SESSION_SECONDS,
      max: Math.min(CHAINED_MAX_SECONDS, role.maxDurationSeconds ?? CHAINED_MAX_SECONDS),
      reason: 'AWS caps a chained role (assumed with another role’s credentials) at 1 hour.',
    };
  }
  if (role.maxDurationSeconds) {
    return {
      min: MIN_SESSION_SECONDS,
      max: role.maxDurationSeconds,
      reason: 'This role’s maximum session duration, set in IAM.',
    };
  }
  return {
    min: MIN_SESSION_SECONDS,
    max: MAX_SESSION_SECONDS,
    reason: 'The STS maximum; the role’s own limit may be lower (set it in config.json).',
  };
}

/** The length to ask for: the person's choice or the configured default, kept within the limits. */
export function sessionLength(limits: SessionLimits, requested: number): number {
  return Math.min(limits.max, Math.max(limits.min, requested));
}

const CHOICES = [900, 1800, 3600, 7200, 14_400, 28_800, 43_200];

/** The lengths offered in the chooser: common values within the limits, plus the limit itself. */
export function lengthChoices(limits: SessionLimits): number[] {
  const within = CHOICES.filter((seconds) => seconds >= limits.min && seconds <= limits.max);
  return within.includes(limits.max) ? within : [...within, limits.max];
}
