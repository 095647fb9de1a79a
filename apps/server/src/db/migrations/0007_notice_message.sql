ALTER TABLE "notice" ADD COLUMN "code" text;--> statement-breakpoint
ALTER TABLE "notice" ADD COLUMN "params" jsonb;