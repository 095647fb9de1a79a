CREATE TABLE "objection" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "objection_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"period" text NOT NULL,
	"run_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"unit_code" text NOT NULL,
	"target" jsonb NOT NULL,
	"target_label" text NOT NULL,
	"target_score" jsonb,
	"indicator" text,
	"lead" text,
	"reason" text NOT NULL,
	"status" text DEFAULT 'filed' NOT NULL,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"filed_by" text,
	"answer_due" text NOT NULL,
	"answer" jsonb,
	"answered_at" timestamp with time zone,
	"answered_by" text,
	"respond_due" text,
	"escalation" text,
	"escalated_at" timestamp with time zone,
	"escalated_by" text,
	"decision" jsonb,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"outcome" text,
	"result_run_id" integer,
	"effect" jsonb,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_run" ADD COLUMN "publicity" jsonb;--> statement-breakpoint
ALTER TABLE "evaluation_run" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "evaluation_run" ADD COLUMN "published_by" text;--> statement-breakpoint
ALTER TABLE "evaluation_run" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "evaluation_run" ADD COLUMN "submitted_by" text;--> statement-breakpoint
ALTER TABLE "evaluation_run" ADD COLUMN "return_note" text;--> statement-breakpoint
ALTER TABLE "evaluation_run" ADD COLUMN "based_on_id" integer;--> statement-breakpoint
ALTER TABLE "evaluation_run" ADD COLUMN "change_kind" text;--> statement-breakpoint
ALTER TABLE "evaluation_run" ADD COLUMN "change_reason" text;--> statement-breakpoint
ALTER TABLE "evaluation_run" ADD COLUMN "objection_id" integer;--> statement-breakpoint
ALTER TABLE "objection" ADD CONSTRAINT "objection_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objection" ADD CONSTRAINT "objection_run_id_evaluation_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."evaluation_run"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objection" ADD CONSTRAINT "objection_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "objection_plan_period" ON "objection" USING btree ("plan_id","period");--> statement-breakpoint
CREATE INDEX "objection_unit" ON "objection" USING btree ("unit_id");--> statement-breakpoint
ALTER TABLE "evaluation_run" ADD CONSTRAINT "evaluation_run_based_on_id_evaluation_run_id_fk" FOREIGN KEY ("based_on_id") REFERENCES "public"."evaluation_run"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A run's numbers never change, and a released run does not change at all: a correction is a new
-- run. Only the status and the stamps of a run's steps may be updated before its release.
CREATE OR REPLACE FUNCTION evaluation_run_locked() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'released' THEN
    RAISE EXCEPTION 'evaluation_run %: a released run cannot be changed', OLD.id;
  END IF;
  IF NEW.result IS DISTINCT FROM OLD.result OR NEW.plan_id <> OLD.plan_id OR NEW.period <> OLD.period
     OR NEW.plan_revision <> OLD.plan_revision OR NEW.computed_at <> OLD.computed_at
     OR NEW.based_on_id IS DISTINCT FROM OLD.based_on_id THEN
    RAISE EXCEPTION 'evaluation_run %: a run''s result never changes', OLD.id;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER evaluation_run_locked BEFORE UPDATE ON evaluation_run
  FOR EACH ROW EXECUTE FUNCTION evaluation_run_locked();
