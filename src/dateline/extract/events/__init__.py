"""events layer of extraction."""
