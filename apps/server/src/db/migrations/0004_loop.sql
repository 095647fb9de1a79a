CREATE TABLE "cycle_event" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cycle_event_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"period" text NOT NULL,
	"unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"code" text,
	"indicator" text,
	"points" numeric(20, 6),
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"source" text DEFAULT 'entry' NOT NULL,
	"import_batch_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"decision_note" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_batch" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_batch_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"period" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"format" text NOT NULL,
	"rows" integer NOT NULL,
	"counts" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "reference_value" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reference_value_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"period" text NOT NULL,
	"unit_id" integer NOT NULL,
	"indicator" text NOT NULL,
	"target" numeric(20, 6),
	"baseline" numeric(20, 6),
	"base_value" numeric(20, 6),
	"peer_value" numeric(20, 6),
	"peer_base_value" numeric(20, 6),
	"scores" jsonb,
	"import_batch_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
-- Data files now fill the cycle's own tables as import batches; the per-period input blob is gone.
DROP TABLE "plan_dataset" CASCADE;--> statement-breakpoint
ALTER TABLE "evaluation_run" ADD COLUMN "status" text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation_run" ADD COLUMN "released_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "evaluation_run" ADD COLUMN "released_by" text;--> statement-breakpoint
ALTER TABLE "submission" ADD COLUMN "import_batch_id" integer;--> statement-breakpoint
ALTER TABLE "task_target" ADD COLUMN "schedule" jsonb;--> statement-breakpoint
ALTER TABLE "verification" ADD COLUMN "corrected_value" numeric(20, 6);--> statement-breakpoint
ALTER TABLE "cycle_event" ADD CONSTRAINT "cycle_event_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_event" ADD CONSTRAINT "cycle_event_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_event" ADD CONSTRAINT "cycle_event_import_batch_id_import_batch_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."import_batch"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_value" ADD CONSTRAINT "reference_value_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_value" ADD CONSTRAINT "reference_value_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_value" ADD CONSTRAINT "reference_value_import_batch_id_import_batch_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."import_batch"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cycle_event_plan_period" ON "cycle_event" USING btree ("plan_id","period");--> statement-breakpoint
CREATE INDEX "cycle_event_unit" ON "cycle_event" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "import_batch_plan_period" ON "import_batch" USING btree ("plan_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "reference_value_key" ON "reference_value" USING btree ("plan_id","period","unit_id","indicator");--> statement-breakpoint
ALTER TABLE "submission" ADD CONSTRAINT "submission_import_batch_id_import_batch_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."import_batch"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
-- Runs computed before draft/release existed were already visible to everyone: keep them so.
UPDATE "evaluation_run" SET "status" = 'released', "released_at" = "computed_at", "released_by" = "computed_by";
