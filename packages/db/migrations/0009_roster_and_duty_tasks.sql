CREATE TABLE "roster_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_day" date NOT NULL,
	"to_day" date NOT NULL,
	"start_time" text,
	"end_time" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roster_exceptions_kind_check" CHECK ("roster_exceptions"."kind" in ('leave', 'sick', 'training', 'extra')),
	CONSTRAINT "roster_exceptions_days_check" CHECK ("roster_exceptions"."from_day" <= "roster_exceptions"."to_day"),
	CONSTRAINT "roster_exceptions_part_day_check" CHECK (("roster_exceptions"."start_time" is null and "roster_exceptions"."end_time" is null) or ("roster_exceptions"."start_time" < "roster_exceptions"."end_time"))
);
--> statement-breakpoint
CREATE TABLE "roster_shifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"room_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roster_shifts_kind_check" CHECK ("roster_shifts"."kind" in ('rooms', 'on_call', 'weekend_duty')),
	CONSTRAINT "roster_shifts_interval_check" CHECK ("roster_shifts"."starts_at" < "roster_shifts"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "working_patterns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"sessions" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "working_patterns_clinic_staff_key" UNIQUE("clinic_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "duty_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"title" text NOT NULL,
	"assignee_staff_id" uuid,
	"assignee_role" text,
	"due_at" timestamp with time zone NOT NULL,
	"room_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"done_by" uuid,
	"done_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "duty_tasks_status_check" CHECK ("duty_tasks"."status" in ('open', 'done')),
	CONSTRAINT "duty_tasks_role_check" CHECK ("duty_tasks"."assignee_role" is null or "duty_tasks"."assignee_role" in ('admin', 'coordinator', 'front_desk', 'nurse', 'physician')),
	CONSTRAINT "duty_tasks_one_assignee_check" CHECK (("duty_tasks"."assignee_staff_id" is null) <> ("duty_tasks"."assignee_role" is null)),
	CONSTRAINT "duty_tasks_done_check" CHECK (("duty_tasks"."status" = 'done') = ("duty_tasks"."done_at" is not null and "duty_tasks"."done_by" is not null))
);
--> statement-breakpoint
ALTER TABLE "roster_exceptions" ADD CONSTRAINT "roster_exceptions_clinic_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_exceptions" ADD CONSTRAINT "roster_exceptions_staff_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_shifts" ADD CONSTRAINT "roster_shifts_clinic_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_shifts" ADD CONSTRAINT "roster_shifts_staff_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_patterns" ADD CONSTRAINT "working_patterns_clinic_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_patterns" ADD CONSTRAINT "working_patterns_staff_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_tasks" ADD CONSTRAINT "duty_tasks_clinic_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_tasks" ADD CONSTRAINT "duty_tasks_assignee_fk" FOREIGN KEY ("assignee_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_tasks" ADD CONSTRAINT "duty_tasks_done_by_fk" FOREIGN KEY ("done_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_tasks" ADD CONSTRAINT "duty_tasks_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_tasks" ADD CONSTRAINT "duty_tasks_room_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "roster_exceptions_staff_days_idx" ON "roster_exceptions" USING btree ("clinic_id","staff_id","from_day");--> statement-breakpoint
CREATE INDEX "roster_shifts_clinic_starts_idx" ON "roster_shifts" USING btree ("clinic_id","starts_at");--> statement-breakpoint
CREATE INDEX "duty_tasks_clinic_due_idx" ON "duty_tasks" USING btree ("clinic_id","due_at");--> statement-breakpoint
-- No staff member double-booked: two room sessions or duties of one person never overlap (drizzle-kit cannot say it).
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "roster_shifts" ADD CONSTRAINT "roster_shifts_staff_no_overlap"
  EXCLUDE USING gist ("staff_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&);
