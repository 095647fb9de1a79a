CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" integer,
	"actor_name" text,
	"action" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"ip" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accountability_proposal" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accountability_proposal_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"notice_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"proposed_by" text
);
--> statement-breakpoint
CREATE TABLE "announcement" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "announcement_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"body" text NOT NULL,
	"unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" text
);
--> statement-breakpoint
CREATE TABLE "api_token" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "api_token_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"purpose" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_token_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
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
CREATE TABLE "decomposition_part" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "decomposition_part_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"task_book_id" integer NOT NULL,
	"indicator" text NOT NULL,
	"parent_part_id" integer,
	"org_node_id" integer,
	"staff_id" integer,
	"target" numeric(20, 6),
	"note" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_file" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evidence_file_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"content_type" text NOT NULL,
	"file_name" text NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" integer NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"uploaded_by" text
);
--> statement-breakpoint
CREATE TABLE "half_year_result" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "half_year_result_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"run_id" integer NOT NULL,
	"frozen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"frozen_by" text
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
CREATE TABLE "notice" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notice_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"plan_id" integer,
	"unit_id" integer NOT NULL,
	"indicator" text,
	"period" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"due_date" text,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_by" text,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" text,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notification_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"todo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"emailed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "period_reopening" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "period_reopening_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"period" text NOT NULL,
	"unit_id" integer NOT NULL,
	"reason" text NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "period_window" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "period_window_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"period" text NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"closed" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
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
CREATE TABLE "submission_history" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "submission_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"submission_id" integer NOT NULL,
	"value" numeric(20, 6),
	"status" text NOT NULL,
	"reason" text,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by" text
);
--> statement-breakpoint
CREATE TABLE "submission" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "submission_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"indicator" text NOT NULL,
	"period" text NOT NULL,
	"value" numeric(20, 6),
	"measure_unit" text,
	"note" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"source" text DEFAULT 'unit' NOT NULL,
	"return_reason" text,
	"late" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"verified_at" timestamp with time zone,
	"verified_by" text,
	"import_batch_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_item" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "supervision_item_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"plan_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"indicator" text NOT NULL,
	"title" text NOT NULL,
	"progress" numeric(20, 6) NOT NULL,
	"due_date" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_book_revision" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "task_book_revision_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"task_book_id" integer NOT NULL,
	"revision" integer NOT NULL,
	"targets" jsonb NOT NULL,
	"reason" text,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"saved_by" text
);
--> statement-breakpoint
CREATE TABLE "task_book" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "task_book_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"return_reason" text,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" text,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" text,
	"issued_at" timestamp with time zone,
	"issued_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_change_request" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "task_change_request_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"task_book_id" integer NOT NULL,
	"reason" text NOT NULL,
	"proposed" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"requested_by" text,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"decision_note" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_target" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "task_target_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"task_book_id" integer NOT NULL,
	"indicator" text NOT NULL,
	"target" numeric(20, 6),
	"baseline" numeric(20, 6),
	"schedule" jsonb,
	"measure_unit" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "verification_sample" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "verification_sample_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"period" text NOT NULL,
	"seed" text NOT NULL,
	"size" integer NOT NULL,
	"submission_ids" jsonb NOT NULL,
	"drawn_at" timestamp with time zone DEFAULT now() NOT NULL,
	"drawn_by" text
);
--> statement-breakpoint
CREATE TABLE "verification" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "verification_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"submission_id" integer NOT NULL,
	"method" text NOT NULL,
	"result" text NOT NULL,
	"note" text,
	"corrected_value" numeric(20, 6),
	"sample_id" integer,
	"verified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"verified_by" text
);
--> statement-breakpoint
CREATE TABLE "grant_" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "grant__id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"role" text NOT NULL,
	"scope_type" text NOT NULL,
	"org_node_id" integer,
	"system_id" integer,
	"refs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "app_user" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "app_user_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"email" text,
	"password_hash" text NOT NULL,
	"org_node_id" integer,
	"active" boolean DEFAULT true NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "app_user_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "category" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "category_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"system_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eval_system" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "eval_system_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"owner_org_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eval_system_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "unit_group" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "unit_group_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"category_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_node" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "org_node_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"parent_id" integer,
	"path" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"system_id" integer,
	"group_id" integer,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_node_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "staff_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_node_id" integer NOT NULL,
	"employee_no" text NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_employee_no_unique" UNIQUE("employee_no")
);
--> statement-breakpoint
CREATE TABLE "evaluation_run" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluation_run_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"period" text NOT NULL,
	"plan_revision" integer NOT NULL,
	"result" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"computed_by" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"released_at" timestamp with time zone,
	"released_by" text
);
--> statement-breakpoint
CREATE TABLE "plan_revision" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_revision_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"revision" integer NOT NULL,
	"document" jsonb NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"saved_by" text,
	"note" text,
	"note_code" text,
	"note_params" jsonb
);
--> statement-breakpoint
CREATE TABLE "plan" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"system_id" integer NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"document" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"cloned_from_id" integer,
	"activated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
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
CREATE TABLE "poll_device" (
	"group_id" integer NOT NULL,
	"device_hash" text NOT NULL,
	CONSTRAINT "poll_device_group_id_device_hash_pk" PRIMARY KEY("group_id","device_hash")
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
	"unit_ids" jsonb NOT NULL,
	"channel" text DEFAULT 'code' NOT NULL
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
	"scores" jsonb NOT NULL,
	"voter" text,
	"comments_taken" boolean DEFAULT false NOT NULL
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
ALTER TABLE "accountability_proposal" ADD CONSTRAINT "accountability_proposal_notice_id_notice_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notice"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_proposal" ADD CONSTRAINT "accountability_proposal_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_event" ADD CONSTRAINT "cycle_event_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_event" ADD CONSTRAINT "cycle_event_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_event" ADD CONSTRAINT "cycle_event_import_batch_id_import_batch_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."import_batch"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decomposition_part" ADD CONSTRAINT "decomposition_part_task_book_id_task_book_id_fk" FOREIGN KEY ("task_book_id") REFERENCES "public"."task_book"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decomposition_part" ADD CONSTRAINT "decomposition_part_org_node_id_org_node_id_fk" FOREIGN KEY ("org_node_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decomposition_part" ADD CONSTRAINT "decomposition_part_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "half_year_result" ADD CONSTRAINT "half_year_result_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "half_year_result" ADD CONSTRAINT "half_year_result_run_id_evaluation_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."evaluation_run"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice" ADD CONSTRAINT "notice_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice" ADD CONSTRAINT "notice_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_reopening" ADD CONSTRAINT "period_reopening_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_reopening" ADD CONSTRAINT "period_reopening_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_window" ADD CONSTRAINT "period_window_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_value" ADD CONSTRAINT "reference_value_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_value" ADD CONSTRAINT "reference_value_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_value" ADD CONSTRAINT "reference_value_import_batch_id_import_batch_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."import_batch"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_history" ADD CONSTRAINT "submission_history_submission_id_submission_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission" ADD CONSTRAINT "submission_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission" ADD CONSTRAINT "submission_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission" ADD CONSTRAINT "submission_import_batch_id_import_batch_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."import_batch"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_item" ADD CONSTRAINT "supervision_item_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_item" ADD CONSTRAINT "supervision_item_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_book_revision" ADD CONSTRAINT "task_book_revision_task_book_id_task_book_id_fk" FOREIGN KEY ("task_book_id") REFERENCES "public"."task_book"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_book" ADD CONSTRAINT "task_book_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_book" ADD CONSTRAINT "task_book_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_change_request" ADD CONSTRAINT "task_change_request_task_book_id_task_book_id_fk" FOREIGN KEY ("task_book_id") REFERENCES "public"."task_book"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_target" ADD CONSTRAINT "task_target_task_book_id_task_book_id_fk" FOREIGN KEY ("task_book_id") REFERENCES "public"."task_book"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_sample" ADD CONSTRAINT "verification_sample_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification" ADD CONSTRAINT "verification_submission_id_submission_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_" ADD CONSTRAINT "grant__user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_" ADD CONSTRAINT "grant__org_node_id_org_node_id_fk" FOREIGN KEY ("org_node_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_" ADD CONSTRAINT "grant__system_id_eval_system_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."eval_system"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_org_node_id_org_node_id_fk" FOREIGN KEY ("org_node_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category" ADD CONSTRAINT "category_system_id_eval_system_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."eval_system"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_group" ADD CONSTRAINT "unit_group_category_id_category_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."category"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_node" ADD CONSTRAINT "org_node_parent_id_org_node_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_node" ADD CONSTRAINT "org_node_system_id_eval_system_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."eval_system"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_node" ADD CONSTRAINT "org_node_group_id_unit_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."unit_group"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_org_node_id_org_node_id_fk" FOREIGN KEY ("org_node_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_run" ADD CONSTRAINT "evaluation_run_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_revision" ADD CONSTRAINT "plan_revision_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_system_id_eval_system_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."eval_system"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_feed" ADD CONSTRAINT "hotline_feed_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_stat" ADD CONSTRAINT "hotline_stat_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_stat" ADD CONSTRAINT "hotline_stat_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_batch" ADD CONSTRAINT "paper_batch_campaign_id_survey_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."survey_campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_batch" ADD CONSTRAINT "paper_batch_group_id_rater_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."rater_group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_batch" ADD CONSTRAINT "paper_batch_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_sheet" ADD CONSTRAINT "paper_sheet_batch_id_paper_batch_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."paper_batch"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_comment" ADD CONSTRAINT "survey_comment_campaign_id_survey_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."survey_campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_comment" ADD CONSTRAINT "survey_comment_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_code" ADD CONSTRAINT "ballot_code_campaign_id_survey_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."survey_campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_code" ADD CONSTRAINT "ballot_code_group_id_rater_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."rater_group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_code" ADD CONSTRAINT "ballot_code_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_device" ADD CONSTRAINT "poll_device_group_id_rater_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."rater_group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rater_group" ADD CONSTRAINT "rater_group_campaign_id_survey_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."survey_campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rater_group" ADD CONSTRAINT "rater_group_questionnaire_id_questionnaire_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaire"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_campaign" ADD CONSTRAINT "survey_campaign_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_campaign_id_survey_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."survey_campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_group_id_rater_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."rater_group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_result" ADD CONSTRAINT "survey_result_campaign_id_survey_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."survey_campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_result" ADD CONSTRAINT "survey_result_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_at" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_object" ON "audit_log" USING btree ("object_type","object_id");--> statement-breakpoint
CREATE INDEX "audit_actor" ON "audit_log" USING btree ("actor_name");--> statement-breakpoint
CREATE INDEX "cycle_event_plan_period" ON "cycle_event" USING btree ("plan_id","period");--> statement-breakpoint
CREATE INDEX "cycle_event_unit" ON "cycle_event" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "decomposition_part_book_indicator" ON "decomposition_part" USING btree ("task_book_id","indicator");--> statement-breakpoint
CREATE INDEX "evidence_file_owner" ON "evidence_file" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_file_owner_sha" ON "evidence_file" USING btree ("owner_type","owner_id","sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "half_year_result_plan" ON "half_year_result" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "import_batch_plan_period" ON "import_batch" USING btree ("plan_id","period");--> statement-breakpoint
CREATE INDEX "notice_unit_status" ON "notice" USING btree ("unit_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "notice_reminder_once" ON "notice" USING btree ("plan_id","unit_id","indicator","period") WHERE kind = 'reminder';--> statement-breakpoint
CREATE INDEX "notification_user_read" ON "notification" USING btree ("user_id","read_at");--> statement-breakpoint
CREATE INDEX "period_reopening_plan_period_unit" ON "period_reopening" USING btree ("plan_id","period","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "period_window_plan_period" ON "period_window" USING btree ("plan_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "reference_value_key" ON "reference_value" USING btree ("plan_id","period","unit_id","indicator");--> statement-breakpoint
CREATE INDEX "submission_history_submission" ON "submission_history" USING btree ("submission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "submission_plan_unit_indicator_period" ON "submission" USING btree ("plan_id","unit_id","indicator","period");--> statement-breakpoint
CREATE INDEX "submission_plan_period_status" ON "submission" USING btree ("plan_id","period","status");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_item_source_external" ON "supervision_item" USING btree ("source","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "task_book_revision_book_rev" ON "task_book_revision" USING btree ("task_book_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "task_book_plan_unit" ON "task_book" USING btree ("plan_id","unit_id");--> statement-breakpoint
CREATE INDEX "task_change_request_book" ON "task_change_request" USING btree ("task_book_id");--> statement-breakpoint
CREATE UNIQUE INDEX "task_target_book_indicator" ON "task_target" USING btree ("task_book_id","indicator");--> statement-breakpoint
CREATE INDEX "verification_submission" ON "verification" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "grant_user" ON "grant_" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "session_user" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "category_system_code" ON "category" USING btree ("system_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "group_category_code" ON "unit_group" USING btree ("category_id","code");--> statement-breakpoint
CREATE INDEX "org_node_parent" ON "org_node" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "org_node_path" ON "org_node" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "staff_org_node" ON "staff" USING btree ("org_node_id");--> statement-breakpoint
CREATE INDEX "evaluation_run_plan_period" ON "evaluation_run" USING btree ("plan_id","period","id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_revision_plan_rev" ON "plan_revision" USING btree ("plan_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_system_year_name" ON "plan" USING btree ("system_id","year","name");--> statement-breakpoint
CREATE INDEX "plan_system_year" ON "plan" USING btree ("system_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "hotline_feed_indicator" ON "hotline_feed" USING btree ("plan_id","indicator");--> statement-breakpoint
CREATE UNIQUE INDEX "hotline_stat_unit" ON "hotline_stat" USING btree ("plan_id","period","unit_id");--> statement-breakpoint
CREATE INDEX "paper_batch_campaign" ON "paper_batch" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "paper_sheet_seq" ON "paper_sheet" USING btree ("batch_id","seq");--> statement-breakpoint
CREATE INDEX "survey_comment_campaign" ON "survey_comment" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "survey_comment_unit" ON "survey_comment" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ballot_code_hash" ON "ballot_code" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "ballot_code_group" ON "ballot_code" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_family_version" ON "questionnaire" USING btree ("family_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "rater_group_code" ON "rater_group" USING btree ("campaign_id","code");--> statement-breakpoint
CREATE INDEX "survey_campaign_plan" ON "survey_campaign" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "survey_response_campaign" ON "survey_response" USING btree ("campaign_id","group_id");