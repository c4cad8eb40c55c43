import { SERVICE_TYPES, type TCaseService } from '../../../contracts/case-services.js';
import type { TLocale } from '../../../contracts/common.js';

/** A service type in words (the national list's name), never its code. */
export function serviceTypeLabel(code: TCaseService['type'], locale: TLocale) {
  return SERVICE_TYPES.find((s) => s.code === code)?.[locale] ?? '';
}
