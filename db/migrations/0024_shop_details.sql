-- What a shopper asks before buying: opening hours or made to order, where it delivers, the
-- smallest order and whether it takes large ones, and a plain map link (no map scripts).
ALTER TABLE `msmes` ADD `opening_hours` text;--> statement-breakpoint
ALTER TABLE `msmes` ADD `made_to_order` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `msmes` ADD `delivery_area` text;--> statement-breakpoint
ALTER TABLE `msmes` ADD `min_order` text;--> statement-breakpoint
ALTER TABLE `msmes` ADD `bulk_orders` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `msmes` ADD `map_url` text;