CREATE TABLE "equipment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"room_id" uuid,
	"status" text DEFAULT 'in_service' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "equipment_status_check" CHECK ("equipment"."status" in ('in_service', 'out_of_service'))
);
--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "display_notice" text;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "room_thresholds" jsonb DEFAULT '{"occupied":40,"needs_cleaning":15}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "config" jsonb;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "delay_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "equipment" ADD CONSTRAINT "equipment_clinic_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment" ADD CONSTRAINT "equipment_room_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "equipment_clinic_idx" ON "equipment" USING btree ("clinic_id");