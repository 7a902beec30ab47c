import { z } from 'zod';

/** A client's key as the user's pages send it: the same key however it was typed. */
export const clientKeySchema = z.string().trim().toLowerCase().min(1).max(400);
