"""Documents: the plain data model and the workspace library."""
