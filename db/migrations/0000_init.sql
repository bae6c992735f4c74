CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`msme_id` integer NOT NULL,
	`action` text NOT NULL,
	`actor` text NOT NULL,
	`at` integer NOT NULL,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_msme_idx` ON `audit_log` (`msme_id`,`at`);--> statement-breakpoint
CREATE TABLE `msmes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`category` text NOT NULL,
	`kbli_codes` text DEFAULT '[]' NOT NULL,
	`kbli_edition` text DEFAULT '2020' NOT NULL,
	`regency_code` text NOT NULL,
	`district_code` text NOT NULL,
	`address` text,
	`whatsapp` text NOT NULL,
	`email` text,
	`nib` text,
	`nib_verified_at` integer,
	`halal_number` text,
	`pirt_number` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`rejection_reason` text,
	`verification` text DEFAULT 'self' NOT NULL,
	`verified_at` integer,
	`is_juara` integer DEFAULT false NOT NULL,
	`is_sample` integer DEFAULT false NOT NULL,
	`status_token_hash` text NOT NULL,
	`consent_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`published_at` integer,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `msmes_slug_unique` ON `msmes` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `msmes_status_token_unique` ON `msmes` (`status_token_hash`);--> statement-breakpoint
CREATE INDEX `msmes_status_published_idx` ON `msmes` (`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `msmes_status_category_idx` ON `msmes` (`status`,`category`,`published_at`);--> statement-breakpoint
CREATE INDEX `msmes_status_regency_idx` ON `msmes` (`status`,`regency_code`,`published_at`);--> statement-breakpoint
CREATE INDEX `msmes_district_idx` ON `msmes` (`district_code`);--> statement-breakpoint
CREATE INDEX `msmes_nib_idx` ON `msmes` (`nib`);--> statement-breakpoint
CREATE INDEX `msmes_whatsapp_idx` ON `msmes` (`whatsapp`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`msme_id` integer NOT NULL,
	`name` text NOT NULL,
	`price_min` integer NOT NULL,
	`price_max` integer,
	`position` integer NOT NULL,
	FOREIGN KEY (`msme_id`) REFERENCES `msmes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `products_msme_idx` ON `products` (`msme_id`);--> statement-breakpoint
CREATE TABLE `store_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`msme_id` integer NOT NULL,
	`platform` text NOT NULL,
	`url` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`msme_id`) REFERENCES `msmes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `store_links_msme_url_unique` ON `store_links` (`msme_id`,`url`);--> statement-breakpoint
CREATE INDEX `store_links_platform_idx` ON `store_links` (`platform`,`msme_id`);