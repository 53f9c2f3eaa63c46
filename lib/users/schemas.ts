import { z } from "zod";
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
  version: z.number().int().positive(),
  name: z.string().trim().min(1, "Name is required").max(120, "Name is at most 120 characters").optional(),
  role: z.enum(ROLES, { error: "Choose one of: admin, commander, responder, viewer" }).optional(),
  active: z.boolean().optional(),
});

export const resetPasswordSchema = z.object({
  id: z.string().min(1).max(64),
  version: z.number().int().positive(),
});

export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
