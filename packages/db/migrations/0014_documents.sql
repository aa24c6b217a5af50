CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"type" text NOT NULL,
	"patient_id" uuid NOT NULL,
	"visit_id" uuid,
	"version" integer NOT NULL,
	"generated_by" jsonb NOT NULL,
	"generated_by_name" text NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"pdf" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	CONSTRAINT "documents_type_check" CHECK ("documents"."type" in ('intake_form', 'visit_summary'))
);
--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "paper_size" text DEFAULT 'letter' NOT NULL;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_clinic_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_patient_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_visit_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_patient_idx" ON "documents" USING btree ("clinic_id","patient_id","generated_at");--> statement-breakpoint
CREATE INDEX "documents_generated_idx" ON "documents" USING btree ("clinic_id","generated_at");--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_language_check" CHECK ("clinics"."language" in ('en', 'es', 'vi'));--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_paper_size_check" CHECK ("clinics"."paper_size" in ('letter', 'a4'));