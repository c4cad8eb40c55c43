import type { TIdentityProvider } from '../../../contracts/index.js';

/**
 * What the provider form holds: text as typed (lists of domains and values as one text each) and
 * the on/off switch. The request body is built from it on submit (`createBodyOf`, `updateBodyOf`),
 * and the contract's schema checks that body, so the form checks what the server will.
 */
export interface ProviderFormValues {
  organisationId: string;
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  allowedDomains: string;
  mfaAmrValues: string;
  mfaAcrValues: string;
  enabled: boolean;
}

/** A list typed one per line, or separated by commas or spaces. */
export function listOf(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

export function valuesOf(provider: TIdentityProvider | null): ProviderFormValues {
  return {
    organisationId: provider?.organisationId ?? '',
    name: provider?.name ?? '',
    issuer: provider?.issuer ?? '',
    clientId: provider?.clientId ?? '',
    // Never sent back by the server: empty means "keep the registered one" when editing.
    clientSecret: '',
    allowedDomains: provider?.allowedDomains.join('\n') ?? '',
    mfaAmrValues: provider?.mfaAmrValues.join(', ') ?? '',
    mfaAcrValues: provider?.mfaAcrValues.join(', ') ?? '',
    enabled: provider?.enabled ?? true,
  };
}

export function createBodyOf(values: ProviderFormValues) {
  return {
    organisationId: values.organisationId,
    name: values.name,
    issuer: values.issuer,
    clientId: values.clientId,
    clientSecret: values.clientSecret,
    allowedDomains: listOf(values.allowedDomains),
    mfaAmrValues: listOf(values.mfaAmrValues),
    mfaAcrValues: listOf(values.mfaAcrValues),
    enabled: values.enabled,
  };
}

/** The issuer and the organisation are not changed by an edit; an empty secret keeps the old one. */
export function updateBodyOf(values: ProviderFormValues) {
  const { organisationId: _organisation, issuer: _issuer, clientSecret, ...rest } = createBodyOf(values);
  return { ...rest, ...(clientSecret.trim() ? { clientSecret } : {}) };
}
