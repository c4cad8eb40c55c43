import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZRoleSchema } from '../../contracts/roles.js';
import en from './en.json';
import it_ from './it.json';
import { roleLabel } from './role-label.js';

// The shared catalogues the app loads, in a private i18next instance.
let tIt: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    resources: {
      it: { translation: it_ },
      en: { translation: en },
    },
    lng: 'it',
    fallbackLng: 'it',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  tIt = instance.getFixedT('it');
  tEn = instance.getFixedT('en');
});

describe('role names agree with the person in Italian', () => {
  it('names each role in the feminine, masculine and neutral form', () => {
    expect(roleLabel(tIt, 'practitioner', 'feminine')).toBe('Operatrice');
    expect(roleLabel(tIt, 'practitioner', 'masculine')).toBe('Operatore');
    expect(roleLabel(tIt, 'practitioner', 'neutral')).toBe('Operatore/Operatrice');
    expect(roleLabel(tIt, 'coordinator', 'feminine')).toBe('Coordinatrice');
    expect(roleLabel(tIt, 'researcher', 'feminine')).toBe('Ricercatrice');
    expect(roleLabel(tIt, 'mediator', 'masculine')).toBe('Mediatore linguistico-culturale');
  });

  it('uses the neutral form when the person is not known', () => {
    expect(roleLabel(tIt, 'admin')).toBe('Amministratore/Amministratrice');
    expect(roleLabel(tIt, 'admin', null)).toBe(roleLabel(tIt, 'admin', 'neutral'));
  });

  it('gives every role a name in every form, distinct where Italian has two', () => {
    for (const role of ZRoleSchema.options) {
      const forms = (['feminine', 'masculine', 'neutral'] as const).map((f) => roleLabel(tIt, role, f));
      for (const name of forms) expect(name, role).not.toMatch(/^roles\./);
      // The DPO ("Responsabile…") is the same word for everyone; every other role has two forms.
      if (role !== 'dpo') expect(new Set(forms).size, role).toBe(3);
    }
  });

  it('leaves English as it is', () => {
    for (const form of ['feminine', 'masculine', 'neutral'] as const) {
      expect(roleLabel(tEn, 'practitioner', form)).toBe('Practitioner');
    }
  });
});
