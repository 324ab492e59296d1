"""Exchange with other tools' file formats (REFI-QDA projects and codebooks)."""
