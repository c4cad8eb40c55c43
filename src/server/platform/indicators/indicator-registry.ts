import type { Indicator } from './indicator.js';

/**
 * The indicators of the modules the app mounts, for the modules that list or cite them (a
 * governance decision names the indicator it serves). Filled by the composition root (app.ts), so
 * no module imports the module list: that would be a cycle, app.ts importing every module.
 */

export type IndicatorLabel = Indicator['label'];

let labels: ReadonlyMap<string, IndicatorLabel> = new Map();
let registered: readonly Indicator[] = [];

/** The composition root hands over every mounted module's indicators, at start-up. */
export function registerIndicators(indicators: readonly Indicator[]) {
  labels = new Map(indicators.map((i) => [i.key, i.label]));
  registered = [...indicators];
}

/** Every registered indicator, to compute (the impact module reads the numbers through them). */
export function registeredIndicators(): readonly Indicator[] {
  return registered;
}

/** Every registered indicator's label, by its stable key. */
export function indicatorLabels(): ReadonlyMap<string, IndicatorLabel> {
  return labels;
}
