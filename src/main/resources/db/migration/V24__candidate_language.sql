-- The language a candidate is written to: the one they applied in on the careers site (the latest, if several).
-- Until they apply there (staff added them), it is unknown and messages use the organization's default language.
alter table candidate add column language text check (language in ('ko', 'en'));
