import { z } from 'zod';
import { ZAddressFormSchema, ZUsernameSchema } from './auth.js';
import { text, ZIdSchema, ZLocaleSchema, ZPageQuerySchema } from './common.js';
import { ZRoleSchema } from './roles.js';

export const ZMembershipSchema = z.object({
  id: ZIdSchema,
  role: ZRoleSchema,
  organisationId: ZIdSchema.nullable(),
  organisationName: z.string().nullable(),
  serviceId: ZIdSchema.nullable(),
  serviceName: z.string().nullable(),
});
export type TMembership = z.infer<typeof ZMembershipSchema>;

/**
 * A staff profile. `email` and `phone` are `identifying`: they are null when the viewer's role
 * may not see them (field rules in src/server/modules/users/users.policy.ts).
 */
export const ZUserSchema = z.object({
  id: ZIdSchema,
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  locale: ZLocaleSchema,
  addressForm: ZAddressFormSchema,
  mfaEnrolled: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.iso.datetime(),
  memberships: z.array(ZMembershipSchema),
});
export type TUser = z.infer<typeof ZUserSchema>;

/** `role` and `serviceId` together match people who hold that role in that service (one membership). */
export const ZUserQuerySchema = ZPageQuerySchema.extend({
  q: text({ min: 0, max: 100 }).optional(),
  role: ZRoleSchema.optional(),
  serviceId: ZIdSchema.optional(),
});

export const ZPhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ]{6,20}$/, 'digits, spaces and an optional leading +');

export const ZUserCreateSchema = z.strictObject({
  username: ZUsernameSchema,
  displayName: text({ max: 120 }),
  email: z.email().max(254),
  phone: ZPhoneSchema.nullable().optional(),
  locale: ZLocaleSchema.default('it'),
  addressForm: ZAddressFormSchema.default('neutral'),
});
/** The new user gets a one-time link by e-mail to set a password; the admin never sees it. */
export const ZUserCreateResponseSchema = z.object({ user: ZUserSchema, invitationSent: z.boolean() });

export const ZUserUpdateSchema = z.strictObject({
  displayName: text({ max: 120 }).optional(),
  email: z.email().max(254).optional(),
  phone: ZPhoneSchema.nullable().optional(),
  locale: ZLocaleSchema.optional(),
  addressForm: ZAddressFormSchema.optional(),
  disabled: z.boolean().optional(),
});

export const ZMembershipCreateSchema = z
  .strictObject({
    role: ZRoleSchema,
    serviceId: ZIdSchema.nullable().optional(),
    organisationId: ZIdSchema.nullable().optional(),
  })
  .describe('admin and dpo are global; other roles need exactly one of serviceId or organisationId');

export const ZSessionSummarySchema = z.object({
  id: z.string(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  clientIp: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export const ZRevokeSessionsResponseSchema = z.object({ revoked: z.number().int() });

/**
 * A role waiting for (or decided by) a second person. `expired` is a pending grant whose time
 * ran out; `canDecide` and `canCancel` say what the viewer may do with it.
 */
export const ZRoleGrantStatusSchema = z.enum(['pending', 'approved', 'rejected', 'cancelled', 'expired']);
export const ZRoleGrantSchema = z.object({
  id: ZIdSchema,
  userId: ZIdSchema,
  userDisplayName: z.string(),
  /** Shown to the approver so a role goes to the person it is meant for (the address resets go to). */
  userUsername: z.string(),
  userEmail: z.string().nullable(),
  /** The role is named in the form the person chose ("Operatrice"). */
  userAddressForm: ZAddressFormSchema,
  role: ZRoleSchema,
  serviceName: z.string().nullable(),
  organisationName: z.string().nullable(),
  status: ZRoleGrantStatusSchema,
  requestedByName: z.string(),
  requestedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  decidedByName: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  canDecide: z.boolean(),
  canCancel: z.boolean(),
});
export type TRoleGrant = z.infer<typeof ZRoleGrantSchema>;
export const ZRoleGrantQuerySchema = z.strictObject({
  status: z.enum(['open', 'all']).default('open'),
  userId: ZIdSchema.optional(),
});
export const ZRoleGrantDecisionSchema = z.strictObject({ decision: z.enum(['approve', 'reject', 'cancel']) });
