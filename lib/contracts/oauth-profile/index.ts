import "server-only";
import { deletePhoto001, getProfile001, getUserinfo001, updateProfile001, uploadPhoto001 } from "@/lib/contracts/oauth-profile/routes/profile";

/** The OAuth profile clients' routes (docs/contracts/oauth-profile.md). */
export const oauthProfileRoutes = [getProfile001, updateProfile001, uploadPhoto001, deletePhoto001, getUserinfo001];
