-- Zoom ticketing schema, migration 006: text from ticket holders and events goes into HTML emails
-- through this function, so that a name such as <a href=...> arrives as text, never as markup.

CREATE OR REPLACE FUNCTION zoom_html_escape(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT replace(replace(replace(replace(replace(value, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')
$$;
