import { hash, verify } from '@node-rs/argon2';
import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import type { TLocalizedText } from '../../../contracts/common.js';

// OWASP's argon2id settings (19 MiB, 2 passes): ASVS 11.4.2.
// algorithm 2 is Argon2id (the package's const enum cannot be imported under isolatedModules).
const ARGON2 = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

zxcvbnOptions.setOptions({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

export function hashPassword(password: string) {
  return hash(password, ARGON2);
}

/**
 * An unknown user is checked against this hash so that a wrong username costs the same time as a
 * wrong password (ASVS 6.3.8).
 */
const DUMMY_HASH = hash('trama-timing-equaliser-not-a-password', ARGON2);

export async function verifyPassword({
  passwordHash,
  password,
}: {
  passwordHash: string | null;
  password: string;
}) {
  if (!passwordHash) {
    await verify(await DUMMY_HASH, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

/**
 * ASVS 6.2.1/6.2.4: at least 12 characters, and refused when it is a common or guessable password
 * (zxcvbn's common-password dictionaries, the user's own names included). No composition rules.
 */
export function passwordProblem({
  password,
  userInputs,
}: {
  password: string;
  userInputs: string[];
}): TLocalizedText | null {
  if ([...password].length < 12) {
    return {
      it: 'La password deve avere almeno 12 caratteri.',
      en: 'The password must be at least 12 characters.',
    };
  }
  const result = zxcvbn(password, userInputs.filter(Boolean));
  if (result.score < 3) {
    return {
      it: 'Password troppo comune o facile da indovinare: scegline una più lunga e meno prevedibile.',
      en: 'Password too common or easy to guess: choose a longer, less predictable one.',
    };
  }
  return null;
}
