export interface EnvironmentLook {
  /** Classes of the word badge. */
  badge: string;
  /** Classes of the frame around a session of this environment. */
  frame: string;
}

const PRODUCTION: EnvironmentLook = {
  badge:
    'border-red-700 bg-red-700 text-white dark:border-red-400 dark:bg-red-950 dark:text-red-100',
  frame: 'border-4 border-red-700 dark:border-red-400',
};
const STAGING: EnvironmentLook = {
  badge:
    'border-amber-700 bg-amber-100 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100',
  frame: 'border-4 border-amber-600 dark:border-amber-400',
};
const OTHER: EnvironmentLook = {
  badge:
    'border-slate-500 bg-slate-100 text-slate-900 dark:border-slate-400 dark:bg-slate-800 dark:text-slate-100',
  frame: 'border-4 border-slate-400 dark:border-slate-500',
};

/** How an environment looks: production red, staging amber, anything else grey. */
export function environmentLook(environment: string): EnvironmentLook {
  const word = environment.toLowerCase();
  if (/^(prod|production|live)\b/.test(word)) return PRODUCTION;
  if (/^(stag|staging|preprod|pre-prod|uat)\b/.test(word)) return STAGING;
  return OTHER;
}
