"""HTML pages as documents (issue 26): their encoding (`encoding`), and their main content
rendered as plain text with the page's own metadata and embedded posts (`render`)."""
