import { orNull } from '../../ui/forms/values.js';

/**
 * What the closure request form holds (strings, as inputs do) and the body it builds on submit,
 * checked by the contract's schema (`contractResolver`).
 */
export interface ClosureValues {
  outcome: string;
  reason: string;
  transferredTo: string;
  afterCareOn: string;
}

export const emptyClosure = (): ClosureValues => ({
  outcome: '',
  reason: '',
  transferredTo: '',
  afterCareOn: '',
});

/** The body of a closure request: where the case went only for a transfer; the after-care date if given. */
export function closureToInput(values: ClosureValues) {
  return {
    outcome: values.outcome,
    reason: values.reason,
    transferredTo: values.outcome === 'transferred' ? orNull(values.transferredTo) : null,
    afterCareOn: orNull(values.afterCareOn),
  };
}
