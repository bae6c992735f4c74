CREATE TABLE `staff_audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`target` text NOT NULL,
	`at` integer NOT NULL,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `staff_audit_at_idx` ON `staff_audit` (`at`);--> statement-breakpoint
ALTER TABLE `staff` ADD `password_link_hash` text;--> statement-breakpoint
ALTER TABLE `staff` ADD `password_link_expires` integer;