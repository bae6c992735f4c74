-- Photos of a listing (products, shop front, logo). The files live in the FileStore under
-- file_key (a folder beside the database on Node, R2 on Cloudflare); the row says what they
-- show, their stored widths and whether staff have let them onto the public profile.
CREATE TABLE `msme_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`msme_id` integer NOT NULL,
	`file_key` text NOT NULL,
	`kind` text NOT NULL,
	`caption` text,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`widths` text NOT NULL,
	`bytes` integer NOT NULL,
	`position` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` integer NOT NULL,
	`reviewed_at` integer,
	FOREIGN KEY (`msme_id`) REFERENCES `msmes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `msme_photos_file_key_unique` ON `msme_photos` (`file_key`);--> statement-breakpoint
CREATE INDEX `msme_photos_msme_idx` ON `msme_photos` (`msme_id`,`status`,`position`);--> statement-breakpoint
CREATE INDEX `msme_photos_pending_idx` ON `msme_photos` (`status`,`created_at`) WHERE "msme_photos"."status" = 'pending';