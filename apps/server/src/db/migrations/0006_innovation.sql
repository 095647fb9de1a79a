CREATE TABLE "expert_conflict" (
	"expert_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_conflict_expert_id_unit_id_pk" PRIMARY KEY("expert_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "expert" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "expert_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"affiliation" text NOT NULL,
	"organisation" text NOT NULL,
	"fields" jsonb NOT NULL,
	"contact_sealed" text,
	"available" boolean DEFAULT true NOT NULL,
	"user_id" integer,
	"member_unit_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
CREATE TABLE "innovation_assignment" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "innovation_assignment_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"expert_id" integer NOT NULL,
	"how" text NOT NULL,
	"reason" text,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"assigned_by" text
);
--> statement-breakpoint
CREATE TABLE "innovation_call" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "innovation_call_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"categories" jsonb NOT NULL,
	"deadline" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"assign_mode" text,
	"assign_n" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"opened_at" timestamp with time zone,
	"opened_by" text,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "innovation_project" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "innovation_project_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"call_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"results" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "expert_conflict" ADD CONSTRAINT "expert_conflict_expert_id_expert_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."expert"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_conflict" ADD CONSTRAINT "expert_conflict_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert" ADD CONSTRAINT "expert_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert" ADD CONSTRAINT "expert_member_unit_id_org_node_id_fk" FOREIGN KEY ("member_unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_assignment" ADD CONSTRAINT "innovation_assignment_project_id_innovation_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."innovation_project"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_assignment" ADD CONSTRAINT "innovation_assignment_expert_id_expert_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."expert"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_project" ADD CONSTRAINT "innovation_project_call_id_innovation_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."innovation_call"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_project" ADD CONSTRAINT "innovation_project_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expert_name" ON "expert" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "innovation_assignment_once" ON "innovation_assignment" USING btree ("project_id","expert_id");--> statement-breakpoint
CREATE INDEX "innovation_assignment_expert" ON "innovation_assignment" USING btree ("expert_id");--> statement-breakpoint
CREATE UNIQUE INDEX "innovation_call_year" ON "innovation_call" USING btree ("year");--> statement-breakpoint
CREATE INDEX "innovation_project_call" ON "innovation_project" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "innovation_project_unit" ON "innovation_project" USING btree ("unit_id");