import type { DemoSeedContext } from '../../platform/module.js';

/** Demo data of governance's fundraising (issue 21). */
export async function seedDemoFundraising(_context: DemoSeedContext): Promise<void> {}
