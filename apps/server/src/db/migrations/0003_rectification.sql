CREATE TABLE "rating_round" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rating_round_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"system_id" integer NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"threshold" numeric(20, 6) NOT NULL,
	"rectify_deadline" text NOT NULL,
	"departments" jsonb NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_by" text,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"results" jsonb,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rating" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rating_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"rater_unit_id" integer NOT NULL,
	"department_id" integer NOT NULL,
	"method" numeric(20, 6) NOT NULL,
	"procedure" numeric(20, 6) NOT NULL,
	"discipline" numeric(20, 6) NOT NULL,
	"fairness" numeric(20, 6) NOT NULL,
	"comment" text,
	"rated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rated_by" text
);
--> statement-breakpoint
CREATE TABLE "rectification_report" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rectification_report_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"task_id" integer NOT NULL,
	"percent" integer NOT NULL,
	"text" text NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reported_by" text
);
--> statement-breakpoint
CREATE TABLE "rectification_task" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rectification_task_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" integer,
	"source_key" text,
	"title" text NOT NULL,
	"weakness_code" text NOT NULL,
	"weakness_params" jsonb NOT NULL,
	"weakness_note" text,
	"measures" text DEFAULT '' NOT NULL,
	"deadline" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"return_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"close_note" text,
	"overdue_reminded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rating_round" ADD CONSTRAINT "rating_round_system_id_eval_system_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."eval_system"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating" ADD CONSTRAINT "rating_round_id_rating_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rating_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating" ADD CONSTRAINT "rating_rater_unit_id_org_node_id_fk" FOREIGN KEY ("rater_unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating" ADD CONSTRAINT "rating_department_id_org_node_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_report" ADD CONSTRAINT "rectification_report_task_id_rectification_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."rectification_task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_task" ADD CONSTRAINT "rectification_task_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rating_round_system_year" ON "rating_round" USING btree ("system_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "rating_once" ON "rating" USING btree ("round_id","rater_unit_id","department_id");--> statement-breakpoint
CREATE INDEX "rectification_report_task" ON "rectification_report" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "rectification_task_unit" ON "rectification_task" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "rectification_task_source" ON "rectification_task" USING btree ("source_kind","source_id");