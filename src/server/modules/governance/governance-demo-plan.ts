import type { DemoSeedContext } from '../../platform/module.js';

/** Demo data of governance's plan (issue 21). */
export async function seedDemoPlan(_context: DemoSeedContext): Promise<void> {}
