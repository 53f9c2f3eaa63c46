import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { ROLES } from "@/lib/auth/roles";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, "Email is too long")
  .pipe(z.email("Enter a valid email address"));

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "Name is required").max(120, "Name is at most 120 characters"),
  role: z.enum(ROLES, { error: "Choose one of: admin, commander, responder, viewer" }),
});

export const updateUserSchema = z.object({
  id: z.string().min(1).max(64),
  version: z.number().int().positive().max(2_147_483_647),
  name: z.string().trim().min(1, "Name is required").max(120, "Name is at most 120 characters").optional(),
  role: z.enum(ROLES, { error: "Choose one of: admin, commander, responder, viewer" }).optional(),
  active: z.boolean().optional(),
});

export const resetPasswordSchema = z.object({
  id: z.string().min(1).max(64),
  version: z.number().int().positive().max(2_147_483_647),
});

export const unlockUserSchema = z.object({ id: z.string().min(1).max(64) });

export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(1024),
    newPassword: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(1024, "That is too long"),
    confirmPassword: z.string().max(1024),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords differ",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one",
  });
