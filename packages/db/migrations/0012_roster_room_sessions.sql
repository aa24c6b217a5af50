CREATE TABLE "roster_shift_rooms" (
	"shift_id" uuid NOT NULL,
	"clinic_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "roster_shift_rooms_pk" PRIMARY KEY("shift_id","room_id")
);
--> statement-breakpoint
ALTER TABLE "roster_shift_rooms" ADD CONSTRAINT "roster_shift_rooms_shift_fk" FOREIGN KEY ("shift_id") REFERENCES "public"."roster_shifts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_shift_rooms" ADD CONSTRAINT "roster_shift_rooms_clinic_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_shift_rooms" ADD CONSTRAINT "roster_shift_rooms_room_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- No room is two people's at once: overlapping room sessions of different people never share a room.
ALTER TABLE "roster_shift_rooms" ADD CONSTRAINT "roster_shift_rooms_no_overlap"
  EXCLUDE USING gist ("clinic_id" WITH =, "room_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&);
--> statement-breakpoint
-- The sessions already on the roster; of two that share a room, the earlier-made one keeps it.
INSERT INTO "roster_shift_rooms" ("shift_id", "clinic_id", "room_id", "starts_at", "ends_at")
  SELECT s."id", s."clinic_id", r.room_id, s."starts_at", s."ends_at"
  FROM "roster_shifts" s CROSS JOIN LATERAL unnest(s."room_ids") AS r(room_id)
  ORDER BY s."created_at"
  ON CONFLICT DO NOTHING;
