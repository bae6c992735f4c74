-- A direct link to a product on a marketplace, when the owner gives one.
ALTER TABLE `products` ADD `url` text;