CREATE TABLE "comment_topic" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "comment_topic_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"keywords" jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "comment_topic_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "hotline_feed" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hotline_feed_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"field" text NOT NULL,
	"indicator" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotline_stat" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hotline_stat_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"period" text NOT NULL,
	"unit_id" integer NOT NULL,
	"volume" integer NOT NULL,
	"timely_rate" numeric(20, 6) NOT NULL,
	"completion_rate" numeric(20, 6) NOT NULL,
	"satisfaction" numeric(20, 6) NOT NULL,
	"source" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"imported_by" text
);
--> statement-breakpoint
CREATE TABLE "paper_batch" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "paper_batch_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"campaign_id" integer NOT NULL,
	"group_id" integer NOT NULL,
	"unit_id" integer,
	"survey_point" text NOT NULL,
	"double_entry" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'entering' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"counted_at" timestamp with time zone,
	"counted_by" text
);
--> statement-breakpoint
CREATE TABLE "paper_sheet" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "paper_sheet_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"batch_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"first" jsonb,
	"first_by" text,
	"second" jsonb,
	"second_by" text,
	"resolved" jsonb,
	"resolved_by" text
);
--> statement-breakpoint
CREATE TABLE "survey_comment" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_comment_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"campaign_id" integer,
	"unit_id" integer,
	"topic" text,
	"classified_by" text DEFAULT 'rule' NOT NULL,
	"source" text NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" text,
	"office_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poll_device" (
	"group_id" integer NOT NULL,
	"device_hash" text NOT NULL,
	CONSTRAINT "poll_device_group_id_device_hash_pk" PRIMARY KEY("group_id","device_hash")
);
--> statement-breakpoint
ALTER TABLE "rater_group" ADD COLUMN "channel" text DEFAULT 'code' NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_response" ADD COLUMN "voter" text;--> statement-breakpoint
ALTER TABLE "survey_response" ADD COLUMN "comments_taken" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "hotline_feed" ADD CONSTRAINT "hotline_feed_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_stat" ADD CONSTRAINT "hotline_stat_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_stat" ADD CONSTRAINT "hotline_stat_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_batch" ADD CONSTRAINT "paper_batch_campaign_id_survey_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."survey_campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_batch" ADD CONSTRAINT "paper_batch_group_id_rater_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."rater_group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_batch" ADD CONSTRAINT "paper_batch_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_sheet" ADD CONSTRAINT "paper_sheet_batch_id_paper_batch_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."paper_batch"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_comment" ADD CONSTRAINT "survey_comment_campaign_id_survey_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."survey_campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_comment" ADD CONSTRAINT "survey_comment_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_device" ADD CONSTRAINT "poll_device_group_id_rater_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."rater_group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hotline_feed_indicator" ON "hotline_feed" USING btree ("plan_id","indicator");--> statement-breakpoint
CREATE UNIQUE INDEX "hotline_stat_unit" ON "hotline_stat" USING btree ("plan_id","period","unit_id");--> statement-breakpoint
CREATE INDEX "paper_batch_campaign" ON "paper_batch" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "paper_sheet_seq" ON "paper_sheet" USING btree ("batch_id","seq");--> statement-breakpoint
CREATE INDEX "survey_comment_campaign" ON "survey_comment" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "survey_comment_unit" ON "survey_comment" USING btree ("unit_id");