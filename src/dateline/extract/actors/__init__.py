"""actors layer of extraction."""
