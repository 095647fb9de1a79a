ALTER TABLE "notification" ADD COLUMN "code" text;--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "params" jsonb;