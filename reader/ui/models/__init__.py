"""Qt item models over plain data (ids in, rows out)."""
