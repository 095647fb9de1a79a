ALTER TABLE "plan_revision" ADD COLUMN "note_code" text;--> statement-breakpoint
ALTER TABLE "plan_revision" ADD COLUMN "note_params" jsonb;