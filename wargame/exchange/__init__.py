"""Session and content exchange: JSON, Markdown, CSV and MSEL import and export."""
