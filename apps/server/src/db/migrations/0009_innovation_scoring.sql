CREATE TABLE "innovation_award" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "innovation_award_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"call_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"event_id" integer NOT NULL,
	"points" numeric(20, 6) NOT NULL,
	"rank" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "innovation_result" (
	"call_id" integer PRIMARY KEY NOT NULL,
	"output" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"computed_by" text,
	"applied_at" timestamp with time zone,
	"applied_by" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "innovation_session" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "innovation_session_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"call_id" integer NOT NULL,
	"category" text,
	"title" text NOT NULL,
	"minutes" integer NOT NULL,
	"chair_expert_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "innovation_sheet" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "innovation_sheet_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"expert_id" integer NOT NULL,
	"scores" jsonb NOT NULL,
	"score" numeric(20, 6) NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "innovation_stage" (
	"project_id" integer PRIMARY KEY NOT NULL,
	"session_id" integer,
	"position" integer,
	"stage" text NOT NULL,
	"presenting_at" timestamp with time zone,
	"scoring_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" text
);
--> statement-breakpoint
ALTER TABLE "innovation_call" ADD COLUMN "scoring" jsonb;--> statement-breakpoint
ALTER TABLE "innovation_award" ADD CONSTRAINT "innovation_award_call_id_innovation_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."innovation_call"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_award" ADD CONSTRAINT "innovation_award_project_id_innovation_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."innovation_project"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_award" ADD CONSTRAINT "innovation_award_event_id_cycle_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."cycle_event"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_result" ADD CONSTRAINT "innovation_result_call_id_innovation_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."innovation_call"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_session" ADD CONSTRAINT "innovation_session_call_id_innovation_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."innovation_call"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_session" ADD CONSTRAINT "innovation_session_chair_expert_id_expert_id_fk" FOREIGN KEY ("chair_expert_id") REFERENCES "public"."expert"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_sheet" ADD CONSTRAINT "innovation_sheet_project_id_innovation_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."innovation_project"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_sheet" ADD CONSTRAINT "innovation_sheet_expert_id_expert_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."expert"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_stage" ADD CONSTRAINT "innovation_stage_project_id_innovation_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."innovation_project"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_stage" ADD CONSTRAINT "innovation_stage_session_id_innovation_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."innovation_session"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "innovation_award_call" ON "innovation_award" USING btree ("call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "innovation_award_event" ON "innovation_award" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "innovation_session_call" ON "innovation_session" USING btree ("call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "innovation_sheet_once" ON "innovation_sheet" USING btree ("project_id","expert_id");--> statement-breakpoint
CREATE INDEX "innovation_sheet_expert" ON "innovation_sheet" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "innovation_stage_session" ON "innovation_stage" USING btree ("session_id");