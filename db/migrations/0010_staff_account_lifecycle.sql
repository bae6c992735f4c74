ALTER TABLE `staff` ADD `disabled_at` integer;--> statement-breakpoint
ALTER TABLE `staff_sessions` ADD `last_seen_at` integer DEFAULT 0 NOT NULL;