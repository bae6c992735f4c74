CREATE TABLE `msme_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`msme_id` integer NOT NULL,
	`data` text NOT NULL,
	`base_version` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` integer NOT NULL,
	`reviewed_at` integer,
	`reviewer` text,
	`reason` text,
	FOREIGN KEY (`msme_id`) REFERENCES `msmes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `msme_revisions_msme_idx` ON `msme_revisions` (`msme_id`,`status`);