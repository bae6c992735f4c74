CREATE TABLE `app_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `cohorts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cohorts_name_unique` ON `cohorts` (`name`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cohort_name` text NOT NULL,
	`staff_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`status` text DEFAULT 'checked' NOT NULL,
	`rows` text NOT NULL,
	`report` text NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`created` integer DEFAULT 0 NOT NULL,
	`skipped` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`committed_at` integer
);
--> statement-breakpoint
CREATE INDEX `import_batches_staff_idx` ON `import_batches` (`staff_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `msmes` ADD `cohort_id` integer;--> statement-breakpoint
ALTER TABLE `msmes` ADD `import_key` text;--> statement-breakpoint
ALTER TABLE `msmes` ADD `invited_at` integer;--> statement-breakpoint
ALTER TABLE `msmes` ADD `confirmed_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `msmes_import_key_unique` ON `msmes` (`import_key`);--> statement-breakpoint
CREATE INDEX `msmes_cohort_idx` ON `msmes` (`cohort_id`,`status`);