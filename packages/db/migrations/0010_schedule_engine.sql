-- Minutes are the same length in every time zone, so this shift is immutable (timestamptz - interval is only
-- stable): the generated blocked_from/blocked_to columns need that.
CREATE OR REPLACE FUNCTION clinicflow_add_minutes(t timestamptz, minutes integer) RETURNS timestamptz
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT t + make_interval(mins => minutes) $$;
--> statement-breakpoint
CREATE TABLE "appointment_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"buffer_before_minutes" integer DEFAULT 0 NOT NULL,
	"buffer_after_minutes" integer DEFAULT 0 NOT NULL,
	"room_features" text[] DEFAULT '{}'::text[] NOT NULL,
	"equipment_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_types_clinic_name_key" UNIQUE("clinic_id","name"),
	CONSTRAINT "appointment_types_duration_check" CHECK ("appointment_types"."duration_minutes" between 5 and 720),
	CONSTRAINT "appointment_types_buffers_check" CHECK ("appointment_types"."buffer_before_minutes" between 0 and 120 and "appointment_types"."buffer_after_minutes" between 0 and 120)
);
--> statement-breakpoint
ALTER TABLE "appointments" ALTER COLUMN "patient_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ALTER COLUMN "provider_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "allow_overbooking" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "features" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "kind" text DEFAULT 'visit' NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "appointment_type_id" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "equipment_id" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "buffer_before_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "buffer_after_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "blocked_from" timestamp with time zone GENERATED ALWAYS AS (clinicflow_add_minutes(starts_at, -buffer_before_minutes)) STORED;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "blocked_to" timestamp with time zone GENERATED ALWAYS AS (clinicflow_add_minutes(ends_at, buffer_after_minutes)) STORED;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "overbook_reason" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "label" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "held_by" uuid;--> statement-breakpoint
ALTER TABLE "equipment" ADD COLUMN "kind" text;--> statement-breakpoint
ALTER TABLE "appointment_types" ADD CONSTRAINT "appointment_types_clinic_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_type_fk" FOREIGN KEY ("appointment_type_id") REFERENCES "public"."appointment_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_equipment_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."equipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_kind_check" CHECK ("appointments"."kind" in ('visit', 'block', 'hold'));--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_kind_shape_check" CHECK (case "appointments"."kind"
        when 'visit' then "appointments"."patient_id" is not null and "appointments"."provider_id" is not null
        when 'block' then "appointments"."room_id" is not null and "appointments"."label" is not null and "appointments"."patient_id" is null and "appointments"."provider_id" is null
        else "appointments"."expires_at" is not null and "appointments"."held_by" is not null and "appointments"."patient_id" is null and coalesce("appointments"."provider_id", "appointments"."room_id") is not null
      end);--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_buffers_check" CHECK ("appointments"."buffer_before_minutes" between 0 and 120 and "appointments"."buffer_after_minutes" between 0 and 120);
--> statement-breakpoint
-- Buffers count: provider, room and equipment are busy over blocked_from..blocked_to; a flagged overbooking is skipped.
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_provider_no_overlap";
--> statement-breakpoint
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_room_no_overlap";
--> statement-breakpoint
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_patient_no_overlap";
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_provider_no_overlap"
  EXCLUDE USING gist ("provider_id" WITH =, tstzrange("blocked_from", "blocked_to") WITH &&)
  WHERE ("status" = 'booked' AND "overbook_reason" IS NULL AND "provider_id" IS NOT NULL);
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_room_no_overlap"
  EXCLUDE USING gist ("room_id" WITH =, tstzrange("blocked_from", "blocked_to") WITH &&)
  WHERE ("status" = 'booked' AND "overbook_reason" IS NULL AND "room_id" IS NOT NULL);
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_equipment_no_overlap"
  EXCLUDE USING gist ("equipment_id" WITH =, tstzrange("blocked_from", "blocked_to") WITH &&)
  WHERE ("status" = 'booked' AND "overbook_reason" IS NULL AND "equipment_id" IS NOT NULL);
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_patient_no_overlap"
  EXCLUDE USING gist ("patient_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&)
  WHERE ("status" = 'booked' AND "overbook_reason" IS NULL AND "patient_id" IS NOT NULL);
--> statement-breakpoint
CREATE INDEX "appointments_clinic_holds_idx" ON "appointments" ("clinic_id", "expires_at") WHERE "kind" = 'hold';
