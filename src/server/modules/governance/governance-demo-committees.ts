import type { DemoSeedContext } from '../../platform/module.js';

/** Demo data of governance's committees (issue 21). */
export async function seedDemoCommittees(_context: DemoSeedContext): Promise<void> {}
