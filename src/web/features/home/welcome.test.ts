import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { addressContext } from '../../i18n/role-label.js';
import en from './i18n/en.json';
import it_ from './i18n/it.json';

let tIt: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { it: { translation: it_ }, en: { translation: en } },
    lng: 'it',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  tIt = instance.getFixedT('it');
  tEn = instance.getFixedT('en');
});

describe('Home', () => {
  it('greets the person in the form they chose', () => {
    const welcome = (form: 'feminine' | 'masculine' | 'neutral') =>
      tIt('home.welcome', { name: 'Anna', ...addressContext(form) });
    expect(welcome('feminine')).toBe('Benvenuta, Anna.');
    expect(welcome('masculine')).toBe('Benvenuto, Anna.');
    expect(welcome('neutral')).toBe('Ti diamo il benvenuto, Anna.');
    expect(tEn('home.welcome', { name: 'Anna', ...addressContext('feminine') })).toBe('Welcome, Anna.');
  });
});
