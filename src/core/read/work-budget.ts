import { InputTooComplexError, InvalidOptionsError } from '../../errors.js';
import { DEFAULT_WORK_LIMITS, WORK_LIMIT_UNITS, type WorkLimitName, type WorkLimits } from '../limits.js';

/**
 * The caps in force: the defaults with the caller's overrides, each validated as a positive integer.
 * @example resolveWorkLimits({ maxPages: 50 }).maxPages // 50
 */
export function resolveWorkLimits(overrides: Partial<WorkLimits> | undefined): WorkLimits {
  if (overrides === undefined) return DEFAULT_WORK_LIMITS;
  const limits: Record<WorkLimitName, number> = { ...DEFAULT_WORK_LIMITS };
  for (const name of Object.keys(DEFAULT_WORK_LIMITS) as WorkLimitName[]) {
    const value = overrides[name];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new InvalidOptionsError(`limits.${name} must be a positive integer, got ${String(value)}`);
    }
    limits[name] = value;
  }
  return Object.freeze(limits);
}

/** The error for `count` over the cap `name`. */
export function tooComplex(limits: WorkLimits, name: WorkLimitName): InputTooComplexError {
  return new InputTooComplexError(name, limits[name], WORK_LIMIT_UNITS[name]);
}

/** Throws `InputTooComplexError` when `count` is over the cap `name`. */
export function checkLimit(limits: WorkLimits, name: WorkLimitName, count: number): void {
  if (count > limits[name]) throw tooComplex(limits, name);
}
