import { z } from 'zod';
import { text, ZIdSchema, ZLocaleSchema } from './common.js';
import { ZPermissionSchema, ZRoleSchema } from './roles.js';

/**
 * How Trama addresses a person in Italian: role names and greetings agree with it ("Operatrice",
 * "Benvenuta"); `neutral` uses forms that assume neither ("Operatore/Operatrice", "Ti diamo il
 * benvenuto"). English has no such agreement and ignores it.
 */
export const ADDRESS_FORMS = ['feminine', 'masculine', 'neutral'] as const;
export const ZAddressFormSchema = z.enum(ADDRESS_FORMS);
export type TAddressForm = z.infer<typeof ZAddressFormSchema>;

export const ZUsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9._-]+$/, 'letters, digits, dot, dash and underscore only');

/** Length is the policy (ASVS 6.2.1); the common-password check is on the server. */
export const ZNewPasswordSchema = z.string().min(12).max(128);

export const ZLoginRequestSchema = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(128),
});

export const ZSessionStateSchema = z.enum(['mfa_required', 'mfa_enrolment_required', 'authenticated']);
export type TSessionState = z.infer<typeof ZSessionStateSchema>;

export const ZLoginResponseSchema = z.object({ state: ZSessionStateSchema, csrfToken: z.string() });

export const ZMfaVerifyRequestSchema = z.union([
  z.strictObject({ code: z.string().regex(/^\d{6}$/, 'six digits') }),
  z.strictObject({ recoveryCode: z.string().trim().min(8).max(32) }),
]);

export const ZMfaEnrolmentResponseSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrSvg: z.string(),
});

export const ZMfaEnrolmentConfirmRequestSchema = z.strictObject({
  code: z.string().regex(/^\d{6}$/, 'six digits'),
});
export const ZMfaEnrolmentConfirmResponseSchema = z.object({ recoveryCodes: z.array(z.string()) });

export const ZMembershipSummarySchema = z.object({
  id: ZIdSchema,
  role: ZRoleSchema,
  organisationId: ZIdSchema.nullable(),
  organisationName: z.string().nullable(),
  serviceId: ZIdSchema.nullable(),
  serviceName: z.string().nullable(),
  districtName: z.string().nullable(),
});
export type TMembershipSummary = z.infer<typeof ZMembershipSummarySchema>;

export const ZSessionInfoSchema = z.object({
  state: ZSessionStateSchema,
  csrfToken: z.string(),
  user: z.object({
    id: ZIdSchema,
    username: z.string(),
    displayName: z.string(),
    locale: ZLocaleSchema,
    addressForm: ZAddressFormSchema,
  }),
  memberships: z.array(ZMembershipSummarySchema),
  activeMembershipId: ZIdSchema.nullable(),
  permissions: z.array(ZPermissionSchema),
  idleExpiresAt: z.iso.datetime(),
  absoluteExpiresAt: z.iso.datetime(),
});
export type TSessionInfo = z.infer<typeof ZSessionInfoSchema>;

export const ZSwitchMembershipRequestSchema = z.strictObject({ membershipId: ZIdSchema });

export const ZPasswordResetRequestSchema = z.strictObject({
  email: z.email().max(254),
});
export const ZPasswordResetConfirmSchema = z.strictObject({
  token: z.string().min(20).max(200),
  newPassword: ZNewPasswordSchema,
});
export const ZPasswordChangeRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: ZNewPasswordSchema,
});

export const ZLocaleChangeRequestSchema = z.strictObject({ locale: ZLocaleSchema });
export const ZAddressFormChangeRequestSchema = z.strictObject({ addressForm: ZAddressFormSchema });

export const ZStepUpRequestSchema = z.strictObject({
  code: z.string().regex(/^\d{6}$/, 'six digits'),
  reason: text({ min: 10, max: 500 }),
});
