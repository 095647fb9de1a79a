CREATE TABLE "ballot_code" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ballot_code_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"campaign_id" integer NOT NULL,
	"group_id" integer NOT NULL,
	"unit_id" integer,
	"code_hash" text NOT NULL,
	"used" boolean DEFAULT false NOT NULL,
	"batch" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questionnaire" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "questionnaire_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"family_id" integer,
	"version_no" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"questions" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "rater_group" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rater_group_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"campaign_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"weight" numeric(20, 6) NOT NULL,
	"min_sample" integer DEFAULT 0 NOT NULL,
	"indicator" text,
	"questionnaire_id" integer NOT NULL,
	"unit_ids" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_campaign" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_campaign_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"indicator" text,
	"anonymous" boolean DEFAULT true NOT NULL,
	"method" text DEFAULT 'mean' NOT NULL,
	"share_from" numeric(20, 6) DEFAULT 60 NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"scored_at" timestamp with time zone,
	"scored_by" text
);
--> statement-breakpoint
CREATE TABLE "survey_response" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"group_id" integer NOT NULL,
	"unit_id" integer,
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"answers" jsonb NOT NULL,
	"scores" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_result" (
	"campaign_id" integer NOT NULL,
	"indicator" text NOT NULL,
	"unit_id" integer NOT NULL,
	"value" numeric(20, 6),
	"n" integer NOT NULL,
	"missing" text,
	"groups" jsonb NOT NULL,
	CONSTRAINT "survey_result_campaign_id_indicator_unit_id_pk" PRIMARY KEY("campaign_id","indicator","unit_id")
);
--> statement-breakpoint
ALTER TABLE "ballot_code" ADD CONSTRAINT "ballot_code_campaign_id_survey_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."survey_campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_code" ADD CONSTRAINT "ballot_code_group_id_rater_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."rater_group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_code" ADD CONSTRAINT "ballot_code_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rater_group" ADD CONSTRAINT "rater_group_campaign_id_survey_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."survey_campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rater_group" ADD CONSTRAINT "rater_group_questionnaire_id_questionnaire_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaire"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_campaign" ADD CONSTRAINT "survey_campaign_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_campaign_id_survey_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."survey_campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_group_id_rater_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."rater_group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_result" ADD CONSTRAINT "survey_result_campaign_id_survey_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."survey_campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_result" ADD CONSTRAINT "survey_result_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ballot_code_hash" ON "ballot_code" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "ballot_code_group" ON "ballot_code" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_family_version" ON "questionnaire" USING btree ("family_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "rater_group_code" ON "rater_group" USING btree ("campaign_id","code");--> statement-breakpoint
CREATE INDEX "survey_campaign_plan" ON "survey_campaign" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "survey_response_campaign" ON "survey_response" USING btree ("campaign_id","group_id");