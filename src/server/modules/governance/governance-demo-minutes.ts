import type { DemoSeedContext } from '../../platform/module.js';

/** Demo data of governance's minutes (issue 21). */
export async function seedDemoMinutes(_context: DemoSeedContext): Promise<void> {}
