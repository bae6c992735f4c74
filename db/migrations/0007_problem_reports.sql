CREATE TABLE `msme_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`msme_id` integer NOT NULL,
	`reason` text NOT NULL,
	`message` text,
	`contact` text,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`msme_id`) REFERENCES `msmes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `msme_reports_status_idx` ON `msme_reports` (`status`,`created_at`);